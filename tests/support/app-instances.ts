import { spawn, type ChildProcess } from 'child_process';
import net from 'net';
import path from 'path';

/** A running app process (tests/support/app-process.js) and its address. */
export interface AppInstance {
  url: string;
  child: ChildProcess;
  /** What the process wrote so far (Strapi logs errors to stdout), for a failure message. */
  output(): string;
  /** SIGKILL: no shutdown, no unlock, no release — a crash. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts an instance with exactly this environment (plus PORT, and the run's Node options: `npm test`'s larger
 * semi-space makes its cold load of Strapi cheaper) and resolves once it serves requests.
 */
export async function spawnApp(env: Record<string, string>): Promise<AppInstance> {
  const root = path.resolve(__dirname, '..', '..');
  const port = await freePort();
  // Node itself, no runner in between: a SIGKILL must reach the app's own process.
  const child = spawn(process.execPath, [path.join(__dirname, 'app-process.js')], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', TMPDIR: process.env.TMPDIR ?? '/tmp', NODE_OPTIONS: process.env.NODE_OPTIONS ?? '', ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  for (const stream of [child.stdout, child.stderr]) stream?.on('data', (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) resolve();
    });
    child.once('exit', (code, signal) => reject(new Error(`the app process ended before it was ready (${code ?? signal}): ${output.slice(-3000)}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}
