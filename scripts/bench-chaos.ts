/*
 * `npm run bench:chaos`: several sync worker processes on one PostgreSQL against the YouTube emulator with
 * injected faults (5xx, an answer lost after the last chunk, a cut chunk whose 308 carries no Range, expired
 * sessions, quota exhausted mid-run); every few seconds a random worker is killed with SIGKILL and started again,
 * while editors change titles and files, unpublish and republish. Then the faults stop, the quota day turns, the
 * queue drains, and the channel is compared with the database. Last line: one JSON object (names read by tools).
 *
 * CHAOS_STORIES (200), CHAOS_WORKERS (3), CHAOS_KILLS (20), CHAOS_KILL_EVERY_MS (2500; only a worker up for 2 s is killed); BENCH_POSTGRES_URL
 * (postgres://postgres@127.0.0.1:5432/test) — the benchmark works in a schema of its own and drops it at the end.
 */
import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import { spawn, type ChildProcess } from 'child_process';
import { Client } from 'pg';
import type { Core } from '@strapi/strapi';
import { startEmulator, type Emulator } from '../src/youtube-emulator';
import type { FaultSpec } from '../src/youtube-emulator/types';
import { appDir, loadStrapi } from './load-strapi';
import { progress } from './bench/environment';

const STORIES = Number(process.env.CHAOS_STORIES ?? 200);
const WORKERS = Number(process.env.CHAOS_WORKERS ?? 3);
const KILLS = Number(process.env.CHAOS_KILLS ?? 20);
const KILL_EVERY_MS = Number(process.env.CHAOS_KILL_EVERY_MS ?? 2500);
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SETTLE_TIMEOUT_MS = 10 * 60 * 1000;
const MIN_UPTIME_MS = 2000;
const FAULT_SPELL_MS = 2000;
const STORY = 'api::story.story';
const JOB = 'plugin::youtube-sync.sync-job';
const STATE = 'plugin::youtube-sync.sync-state';
const REGIONS = ['goettingen', 'emden', 'cuxhaven', 'stade'];
const THEMES = ['sprache', 'arbeit', 'sport'];
/** YouTube's published unit costs of the writes the final channel needs at the least (uploads: own allowance). */
const COST = { playlistInsert: 50, playlistItemInsert: 50 };

/** One fault at a time, each for a couple of seconds, then a quiet spell. */
const FAULTS: FaultSpec[] = [
  { errorRate: 0.2 },
  { loseUploadResponse: true },
  { dropUploadAfterBytes: 100 * 1024, dropUploadTimes: 2 },
  { expireUploadSessions: true },
  { quotaExhausted: true },
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)] as T;

async function withPostgres<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function environment(emulator: Emulator, schema: string) {
  const secret = () => crypto.randomBytes(24).toString('base64');
  Object.assign(process.env, {
    NODE_ENV: 'production',
    APP_KEYS: `${secret()},${secret()}`,
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
    DATABASE_CLIENT: 'postgres',
    DATABASE_URL: POSTGRES_URL,
    DATABASE_SCHEMA: schema,
    DATABASE_POOL_MAX: '4',
    LOG_LEVEL: 'error',
    STRAPI_TELEMETRY_DISABLED: 'true',
    SEED_REFERENCE_DATA: 'true',
    YOUTUBE_API_ROOT: `${emulator.url}/`,
    YOUTUBE_TOKEN_URL: emulator.tokenUrl,
    YOUTUBE_CLIENT_ID: 'emulator-client-id',
    YOUTUBE_CLIENT_SECRET: 'emulator-client-secret',
    YOUTUBE_REFRESH_TOKEN: 'emulator-refresh-token',
    YOUTUBE_SYNC_WORKER: 'false',
    YOUTUBE_SYNC_INTERVAL_MS: '300',
    YOUTUBE_SYNC_LEASE_MS: '5000',
    YOUTUBE_UPLOAD_CHUNK_BYTES: String(256 * 1024),
    YOUTUBE_DAILY_UNITS: '100000000',
    // The app's own ledger also counts uploads (100 a day by default): the emulator allows 100,000.
    YOUTUBE_DAILY_UPLOADS: '100000',
    // Killed this often on purpose: the benchmark is not about the crash-loop cap.
    YOUTUBE_SYNC_MAX_LOST_LEASES: '100',
  });
}

/** Worker processes that the benchmark kills and starts again; only a worker that has been working is killed. */
function workerPool() {
  const script = path.join(appDir, 'scripts', 'bench', 'chaos-worker.ts');
  const log = fs.openSync(path.join(appDir, '.tmp', 'bench-chaos-workers.log'), 'w');
  interface Worker {
    child: ChildProcess;
    readyAt: number | null;
  }
  // The worker is this very process (tsx as a loader, not tsx's CLI, which would leave the worker behind on SIGKILL).
  const start = (): Worker => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: appDir,
      env: { ...process.env, NODE_OPTIONS: '', YOUTUBE_SYNC_WORKER: 'true' },
      stdio: ['ignore', 'pipe', log],
    });
    const worker: Worker = { child, readyAt: null };
    child.stdout?.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) worker.readyAt = Date.now();
    });
    return worker;
  };
  const workers = Array.from({ length: WORKERS }, start);
  return {
    /** Kills a worker that has been syncing for a while (not one still booting); false when there is none yet. */
    killOne(): boolean {
      const busy = workers.map((w, i) => [w, i] as const).filter(([w]) => w.readyAt !== null && Date.now() - w.readyAt >= MIN_UPTIME_MS);
      if (busy.length === 0) return false;
      const [victim, index] = pick(busy);
      victim.child.kill('SIGKILL');
      workers[index] = start();
      return true;
    },
    stop() {
      for (const worker of workers) worker.child.kill('SIGKILL');
    },
  };
}

async function addVideo(strapi: Core.Strapi): Promise<number> {
  const hash = `chaos_${crypto.randomBytes(6).toString('hex')}`;
  const bytes = crypto.randomBytes(300 * 1024 + Math.floor(Math.random() * 200 * 1024));
  fs.writeFileSync(path.join(strapi.dirs.static.public, 'uploads', `${hash}.mp4`), bytes);
  const file = await strapi.db.query('plugin::upload.file').create({
    data: { name: `${hash}.mp4`, hash, ext: '.mp4', mime: 'video/mp4', size: bytes.length / 1000, url: `/uploads/${hash}.mp4`, provider: 'local' },
  });
  return file.id as number;
}

async function createStories(strapi: Core.Strapi): Promise<string[]> {
  const ids = async (uid: 'api::region.region' | 'api::theme.theme') =>
    new Map((await strapi.db.query(uid).findMany({ select: ['slug', 'documentId'] })).map((r: { slug: string; documentId: string }) => [r.slug, r.documentId]));
  const regions = await ids('api::region.region');
  const themes = await ids('api::theme.theme');
  const documentIds: string[] = [];
  for (let i = 0; i < STORIES; i++) {
    const draft = await strapi.documents(STORY).create({
      data: {
        title: `Chaos ${i + 1}`,
        teaser: `Geschichte ${i + 1} im Chaos-Lauf.`,
        region: regions.get(REGIONS[i % REGIONS.length] as string),
        themes: [themes.get(THEMES[i % THEMES.length] as string)],
        editorialStatus: 'approved',
        consent: { consentedBy: 'Benchmark', consentedAt: '2026-01-01T10:00:00.000Z', textVersion: 'bench', people: [{ nameOrRole: 'Erzählende Person' }] },
        video: await addVideo(strapi),
      } as never,
    });
    await strapi.documents(STORY).publish({ documentId: draft.documentId });
    documentIds.push(draft.documentId);
    progress('Seeding stories', i + 1, STORIES);
  }
  return documentIds;
}

/** One editor action on a random story: a new title, a new file, unpublish, or publish again. */
async function edit(strapi: Core.Strapi, documentIds: string[], round: number) {
  const documentId = pick(documentIds);
  const documents = strapi.documents(STORY);
  const published = await documents.findOne({ documentId, status: 'published' });
  const action = Math.random();
  if (!published) {
    await documents.publish({ documentId });
  } else if (action < 0.15) {
    await documents.unpublish({ documentId });
  } else {
    const data = action < 0.35 ? { video: await addVideo(strapi) } : { title: `Chaos ${documentId.slice(0, 6)} Fassung ${round}` };
    await documents.update({ documentId, data: data as never });
    await documents.publish({ documentId });
  }
}

async function settle(strapi: Core.Strapi) {
  const until = Date.now() + SETTLE_TIMEOUT_MS;
  for (;;) {
    // The quota day has turned: parked jobs are due now (in production they wait for midnight Pacific time).
    await strapi.db.query(JOB).updateMany({ where: { status: 'waiting_for_quota' }, data: { status: 'pending', runAt: new Date().toISOString() } });
    const open = await strapi.db.query(JOB).count({ where: { status: { $in: ['pending', 'running', 'waiting_for_quota'] } } });
    if (open === 0) return;
    if (Date.now() > until) throw new Error(`${open} sync jobs still open after ${SETTLE_TIMEOUT_MS / 60000} minutes`);
    await sleep(1000);
  }
}

interface Comparison {
  duplicateVideos: number;
  duplicatePlaylistItems: number;
  lostEdits: number;
  orphanVideos: number;
  wrongPrivacy: number;
  minimumUnits: number;
}

/** The channel against the database: what the editors last saw must be on YouTube, once, and nothing else public. */
async function compare(strapi: Core.Strapi, emulator: Emulator, documentIds: string[]): Promise<Comparison> {
  const videos = emulator.videos();
  const items = emulator.playlistItems();
  const byId = new Map(videos.map((v) => [v.id, v]));
  const states = new Map<string, { youtubeVideoId: string | null }>(
    (await strapi.db.query(STATE).findMany({ select: ['storyDocumentId', 'youtubeVideoId'] })).map((s: { storyDocumentId: string; youtubeVideoId: string | null }) => [s.storyDocumentId, s])
  );
  const result: Comparison = { duplicateVideos: 0, duplicatePlaylistItems: 0, lostEdits: 0, orphanVideos: 0, wrongPrivacy: 0, minimumUnits: 0 };
  const claimed = new Set<string>();
  for (const documentId of documentIds) {
    const published = await strapi.documents(STORY).findOne({ documentId, status: 'published' });
    const videoId = states.get(documentId)?.youtubeVideoId ?? null;
    const video = videoId ? byId.get(videoId) : undefined;
    if (videoId) claimed.add(videoId);
    const marked = videos.filter((v) => v.snippet.tags.includes(`zm-${documentId}`) && v.status.privacyStatus !== 'private');
    result.duplicateVideos += Math.max(0, marked.length - 1);
    if (published) {
      if (!video || video.snippet.title !== published.title) result.lostEdits += 1;
      if (video && video.status.privacyStatus !== 'public') result.wrongPrivacy += 1;
    } else if (video && video.status.privacyStatus !== 'private') result.wrongPrivacy += 1;
  }
  result.orphanVideos = videos.filter((v) => v.status.privacyStatus !== 'private' && !claimed.has(v.id)).length;
  const seen = new Set<string>();
  for (const item of items) {
    const key = `${item.playlistId} ${item.videoId}`;
    if (seen.has(key)) result.duplicatePlaylistItems += 1;
    seen.add(key);
  }
  result.minimumUnits = emulator.playlists().length * COST.playlistInsert + seen.size * COST.playlistItemInsert;
  return result;
}

async function main() {
  const schema = `chaos_${crypto.randomBytes(4).toString('hex')}`;
  await withPostgres((c) => c.query(`CREATE SCHEMA "${schema}"`));
  const emulator = await startEmulator({ port: 0, dailyUploads: 100_000, dailyUnits: 100_000_000 });
  environment(emulator, schema);
  const strapi = await loadStrapi();
  const pool = { current: null as ReturnType<typeof workerPool> | null };
  try {
    const documentIds = await createStories(strapi);
    emulator.clearCalls();
    const started = process.hrtime.bigint();
    pool.current = workerPool();
    // The catalogue is on YouTube first, so that the editors' changes below are updates, takedowns and new uploads.
    await settle(strapi);
    let kills = 0;
    let faults = 0;
    let round = 0;
    let nextKill = Date.now() + KILL_EVERY_MS;
    let nextSpell = Date.now() + FAULT_SPELL_MS;
    let faulty = false;
    while (kills < KILLS) {
      round += 1;
      if (Date.now() >= nextSpell) {
        // A fault spell, then a quiet one, in turn.
        faulty = !faulty;
        emulator.setFaults(faulty ? pick(FAULTS) : {});
        if (faulty) faults += 1;
        nextSpell = Date.now() + FAULT_SPELL_MS;
      }
      await edit(strapi, documentIds, round);
      if (Date.now() >= nextKill && pool.current.killOne()) {
        kills += 1;
        nextKill = Date.now() + KILL_EVERY_MS;
        progress('Killing workers', kills, KILLS);
      }
      await sleep(250);
    }
    emulator.clearFaults();
    await settle(strapi);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const comparison = await compare(strapi, emulator, documentIds);
    const result = {
      stories: STORIES,
      kills,
      faults,
      duplicateVideos: comparison.duplicateVideos,
      duplicatePlaylistItems: comparison.duplicatePlaylistItems,
      lostEdits: comparison.lostEdits,
      orphanVideos: comparison.orphanVideos,
      wrongPrivacy: comparison.wrongPrivacy,
      unitsSpent: emulator.quota().unitsUsed,
      minimumUnits: comparison.minimumUnits,
      seconds: Number(seconds.toFixed(1)),
    };
    console.log(`${STORIES} stories, ${WORKERS} workers, ${kills} kills, ${faults} fault spells, ${round} editor actions in ${result.seconds} s`);
    console.log(JSON.stringify(result));
  } finally {
    pool.current?.stop();
    await strapi.destroy();
    await emulator.close();
    await withPostgres((c) => c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  }
);
