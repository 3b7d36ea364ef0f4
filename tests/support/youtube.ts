import { startEmulator, type Emulator, type EmulatorOptions } from '../../src/youtube-emulator';
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

/** Env that points the plugin at the emulator with its default client and refresh token; no background worker. */
export function youtubeEnv(emulator: Emulator, extra: Record<string, string> = {}): Record<string, string> {
  return {
    YOUTUBE_API_ROOT: `${emulator.url}/`,
    YOUTUBE_TOKEN_URL: emulator.tokenUrl,
    YOUTUBE_CLIENT_ID: 'emulator-client-id',
    YOUTUBE_CLIENT_SECRET: 'emulator-client-secret',
    YOUTUBE_REFRESH_TOKEN: 'emulator-refresh-token',
    YOUTUBE_SYNC_WORKER: 'false',
    YOUTUBE_UPLOAD_CHUNK_BYTES: String(256 * 1024),
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

/** Starts tests/support/sync-worker-process.ts with this process's environment (same database, same emulator). */
export function spawnSyncWorker(extraEnv: Record<string, string> = {}): WorkerProcess {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { spawn } = require('child_process') as typeof import('child_process');
  const path = require('path') as typeof import('path');
  const root = path.resolve(__dirname, '..', '..');
  const child = spawn(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(__dirname, 'sync-worker-process.ts')], {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: '', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
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

/** Puts `count` small videos on the emulator's channel directly (stand-ins for videos the alliance already has). */
export async function seedChannelVideos(emulator: Emulator, count: number): Promise<string[]> {
  const token = await fetch(emulator.tokenUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      client_id: 'emulator-client-id',
      client_secret: 'emulator-client-secret',
      refresh_token: 'emulator-refresh-token',
    }),
  }).then((r) => r.json() as Promise<{ access_token: string }>);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const boundary = `seed${i}`;
    const metadata = JSON.stringify({ snippet: { title: `Bestehendes Video ${i}`, categoryId: '29' }, status: { privacyStatus: 'unlisted' } });
    const body = `--${boundary}\r\nContent-Type: application/json\r\n\r\n${metadata}\r\n--${boundary}\r\nContent-Type: video/mp4\r\n\r\nvideo-${i}\r\n--${boundary}--\r\n`;
    const res = await fetch(`${emulator.url}/upload/youtube/v3/videos?uploadType=multipart&part=snippet,status`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token.access_token}`, 'Content-Type': `multipart/related; boundary=${boundary}` },
      body,
    });
    if (res.status !== 200) throw new Error(`seeding a channel video failed: ${res.status} ${await res.text()}`);
    ids.push(((await res.json()) as { id: string }).id);
  }
  return ids;
}
