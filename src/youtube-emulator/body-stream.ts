// Reads an upload body chunk by chunk and can cut the connection after N bytes — the fault
// that exercises crash/resume logic in the publisher.
import type { IncomingMessage } from 'node:http';

export type PumpResult = 'end' | 'dropped' | 'aborted';

export function pumpBody(req: IncomingMessage, dropAfter: number | null, onData: (chunk: Buffer) => void): Promise<PumpResult> {
  return new Promise((resolve) => {
    let seen = 0;
    let done = false;
    const finish = (result: PumpResult): void => {
      if (done) return;
      done = true;
      resolve(result);
    };
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      if (dropAfter !== null && seen + chunk.length >= dropAfter) {
        const take = dropAfter - seen;
        if (take > 0) onData(chunk.subarray(0, take));
        seen += Math.max(0, take);
        finish('dropped');
        req.socket.destroy();
        return;
      }
      seen += chunk.length;
      onData(chunk);
    });
    req.on('end', () => finish('end'));
    // 'close' without 'end': the client went away mid-body.
    req.on('close', () => finish('aborted'));
    req.on('error', () => finish('aborted'));
  });
}
