import { startEmulator, type Emulator, type EmulatorOptions } from '../../src/youtube-emulator';

export { seedChannelVideos } from '../../src/youtube-emulator';
import type { Core } from '@strapi/strapi';

export interface Clock {
  now: () => Date;
  random: () => number;
}

/** Real time plus an offset the test moves by hand (jobs are enqueued with the real time of the request). */
export function manualClock() {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    random: () => 0.5,
    advance(ms: number) {
      offset += ms;
    },
    set(at: Date) {
      offset = at.getTime() - Date.now();
    },
  };
}

export async function startYouTube(options: EmulatorOptions = {}): Promise<Emulator> {
  return startEmulator({ port: 0, ...options });
}

/**
 * Env that points the plugin at the emulator with its default client and refresh token; no background worker, and
 * googleapis' immediate repeats of a failed call without its pauses of up to 1.5 s (the emulator's faults are no load).
 */
export function youtubeEnv(emulator: Emulator, extra: Record<string, string> = {}): Record<string, string> {
  return {
    YOUTUBE_API_ROOT: `${emulator.url}/`,
    YOUTUBE_TOKEN_URL: emulator.tokenUrl,
    YOUTUBE_CLIENT_ID: 'emulator-client-id',
    YOUTUBE_CLIENT_SECRET: 'emulator-client-secret',
    YOUTUBE_REFRESH_TOKEN: 'emulator-refresh-token',
    YOUTUBE_SYNC_WORKER: 'false',
    YOUTUBE_UPLOAD_CHUNK_BYTES: String(256 * 1024),
    YOUTUBE_RETRY_MAX_DELAY_MS: '10',
    ...extra,
  };
}

export const syncService = (strapi: Core.Strapi) => strapi.plugin('youtube-sync').service('sync');

/** Calls that cost write quota (the token endpoint is not the Data API and costs none). */
export const writeCalls = (emulator: Emulator) =>
  emulator.calls().filter((c) => !c.endpoint.endsWith('.list') && !c.endpoint.startsWith('oauth2.') && c.endpoint.includes('.'));

export interface WorkerProcess {
  child: import('child_process').ChildProcess;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/**
 * Runs a file of tests/support/ with this process's environment (same database, same emulator, and the run's Node
 * options: `npm test`'s larger semi-space makes the child's cold load of Strapi cheaper): JavaScript with node itself,
 * TypeScript through tsx.
 */
export function spawnSupportProcess(file: string, extraEnv: Record<string, string> = {}): WorkerProcess {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { spawn } = require('child_process') as typeof import('child_process');
  const path = require('path') as typeof import('path');
  const root = path.resolve(__dirname, '..', '..');
  const script = path.join(__dirname, file);
  const args = file.endsWith('.js') ? [script] : [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), script];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...extraEnv },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => (stdout += d));
  child.stderr?.on('data', (d) => (stderr += d));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr }))
  );
  return { child, done };
}

/** Starts tests/support/sync-worker-process.js: drains the sync queue once and exits. */
export const spawnSyncWorker = (extraEnv: Record<string, string> = {}): WorkerProcess => spawnSupportProcess('sync-worker-process.js', extraEnv);

/** Resolves once the process has printed `line` as a line of its own; rejects when it exits first. */
export function printedLine(worker: WorkerProcess, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const read = (chunk: Buffer) => {
      seen += chunk.toString();
      if (!seen.split('\n').includes(line)) return;
      worker.child.stdout?.off('data', read);
      resolve();
    };
    worker.child.stdout?.on('data', read);
    void worker.done.then(({ code, stderr }) => reject(new Error(`the process exited (${code}) before printing "${line}": ${stderr}`)));
  });
}
