import type { ServerResponse } from 'http';
import type { Core } from '@strapi/strapi';
import type { BackgroundWork } from '../../../../shared/operations';

/**
 * Graceful shutdown on SIGTERM (and SIGINT). Strapi's own handler (createStrapi → destroyOnSignal) calls
 * strapi.destroy() at once, which destroys every open connection: requests in flight are cut off and a running sync
 * job is left to its lease. This one replaces it:
 * 1. the instance is not ready any more (/_ready answers 503), answers close their connections;
 * 2. the background loops stop claiming work (sync jobs, report exports, mails);
 * 3. it waits, at most SHUTDOWN_TIMEOUT_SECONDS, for requests in flight and for the work under way;
 * 4. what is still running then is handed back (a sync job goes back to the queue for another instance) or cut off;
 * 5. Strapi's destroy closes the server and the database, and the process exits with 0.
 */

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;
/** Strapi's destroy waits for the loops; after a release it must not wait for a job that hangs on the network. */
const DESTROY_GRACE_MS = 5000;

export type { BackgroundWork };

/** Requests this instance is answering, so that the shutdown can wait until none is left. */
export class InFlight {
  private count = 0;
  private waiters: (() => void)[] = [];

  track(res: ServerResponse) {
    this.count += 1;
    res.once('close', () => {
      this.count -= 1;
      if (this.count === 0) for (const wake of this.waiters.splice(0)) wake();
    });
  }

  get size() {
    return this.count;
  }

  idle(): Promise<void> {
    return this.count === 0 ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }
}

/** Whether `work` finished before `ms` passed. */
async function within(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, ms));
  });
  try {
    return await Promise.race([work.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export interface ShutdownOptions {
  timeoutMs: number;
  inFlight: InFlight;
  background: () => BackgroundWork[];
  /** Called first: from then on the instance reports itself not ready. */
  beginDrain: () => void;
  exit?: (code: number) => void;
}

export async function drainAndStop(strapi: Core.Strapi, signal: string, options: ShutdownOptions) {
  const deadline = Date.now() + options.timeoutMs;
  options.beginDrain();
  strapi.log.info(`${signal}: shutting down — not ready any more, no new jobs; waiting up to ${options.timeoutMs / 1000} s for requests and jobs under way.`);
  const work = options.background();
  for (const part of work) part.stopClaiming();
  const done = await within(Promise.all([...work.map((part) => part.stop()), options.inFlight.idle()]), deadline - Date.now());
  if (!done) {
    for (const part of work) {
      const released = await part.releaseRunning?.().catch((error: Error) => {
        strapi.log.warn(`Shutdown: could not hand back the work of the ${part.name}: ${error.message}`);
        return false;
      });
      if (released) strapi.log.warn(`Shutdown: the ${part.name} did not finish in time; its job went back to the queue.`);
    }
    if (options.inFlight.size) strapi.log.warn(`Shutdown: ${options.inFlight.size} request(s) still running are cut off.`);
  }
  if (!(await within(strapi.destroy(), DESTROY_GRACE_MS))) strapi.log.warn(`Shutdown: Strapi did not close within ${DESTROY_GRACE_MS / 1000} s; exiting anyway.`);
}

/** Installs the handler in place of Strapi's; returns how to take it out again. */
export function installShutdown(strapi: Core.Strapi, options: ShutdownOptions): () => void {
  let started = false;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const onSignal = (signal: NodeJS.Signals) => {
    // A terminal sends SIGINT to the whole process group and `strapi develop` forwards it as well: act once.
    if (started) return;
    started = true;
    drainAndStop(strapi, signal, options).then(
      () => exit(0),
      (error: Error) => {
        strapi.log.error(`Shutdown failed: ${error.stack ?? error.message}`);
        exit(1);
      }
    );
  };
  for (const signal of SIGNALS) {
    // The listeners there now are Strapi's (createStrapi → destroyOnSignal). Only those visible through
    // process.listeners() are taken out: a runner such as tsx keeps a hidden one that tells its parent process the
    // signal was handled, without which the parent kills this process.
    for (const listener of process.listeners(signal)) process.off(signal, listener);
    process.on(signal, onSignal);
  }
  return () => {
    for (const signal of SIGNALS) process.off(signal, onSignal);
  };
}
