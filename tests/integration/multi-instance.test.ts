import type { Emulator } from '../../src/youtube-emulator';
import { startStrapi, type TestApp } from '../support/strapi';
import { currentBackend } from '../support/database';
import { createStory } from '../support/fixtures';
import { manualClock, printedLine, seedChannelVideos, spawnSyncWorker, startYouTube, syncService, youtubeEnv } from '../support/youtube';

/**
 * Production runs several Strapi instances on one PostgreSQL. This suite runs in the PostgreSQL pass of
 * `npm test` (scripts/test.js); on SQLite it is skipped, since SQLite is the single-instance database.
 */
const onPostgres = currentBackend() === 'postgres';
const JOB = 'plugin::youtube-sync.sync-job';
/*
 * Enough jobs for two workers that start draining at the same moment to claim side by side. The 200-story load with
 * kills and faults is `npm run bench:chaos`'s.
 */
const STORIES = 24;
const REGIONS = ['goettingen', 'emden', 'cuxhaven', 'region-hannover', 'lueneburg'];
const THEMES = ['sprache', 'schule', 'arbeit', 'sport'];

let app: TestApp;
let youtube: Emulator;

(onPostgres ? describe : describe.skip)('two Strapi instances on one PostgreSQL (PostgreSQL pass only)', () => {
  beforeAll(async () => {
    youtube = await startYouTube({ dailyUploads: 1000, dailyUnits: 1_000_000 });
    // The app's own quota ledger gets the emulator's budget: 60 stories cost more than the default 10,000 units.
    app = await startStrapi(youtubeEnv(youtube, { YOUTUBE_DAILY_UNITS: '1000000', YOUTUBE_DAILY_UPLOADS: '1000' }));
    const videoIds = await seedChannelVideos(youtube, STORIES);
    for (let i = 0; i < STORIES; i++) {
      await createStory(app.strapi, {
        title: `Geschichte ${i}`,
        region: REGIONS[i % REGIONS.length],
        themes: [THEMES[i % THEMES.length]],
        data: { youtubeVideoId: videoIds[i] },
      });
    }
    youtube.clearCalls();
  }, 600_000);
  afterAll(async () => {
    await app?.stop();
    await youtube?.close();
  });

  test(`share ${STORIES} jobs and run each exactly once`, async () => {
    expect(await app.strapi.db.query(JOB).count({ where: { status: 'pending' } })).toBe(STORIES);
    const workers = [0, 1].map(() => spawnSyncWorker({ SYNC_WORKER_WAIT_FOR_GO: '1' }));
    // Both loaded before either claims: the jobs are shared by claiming side by side, not by who started first.
    await Promise.all(workers.map((worker) => printedLine(worker, 'ready')));
    for (const worker of workers) worker.child.stdin?.end('go\n');
    const exits = await Promise.all(workers.map((w) => w.done));
    for (const exit of exits) expect({ code: exit.code, stderr: exit.code ? exit.stderr : '' }).toEqual({ code: 0, stderr: '' });
    const summaries = exits.map((e) => JSON.parse(e.stdout.trim().split('\n').pop() as string) as { processed: number });
    expect(summaries.every((s) => s.processed > 0)).toBe(true);

    // A job retried because its playlist was still being created by the other instance runs here, once.
    await syncService(app.strapi).drain(manualClock());
    expect(await app.strapi.db.query(JOB).count({ where: { status: 'done' } })).toBe(STORIES);

    const calls = youtube.calls();
    const updates = calls.filter((c) => c.endpoint === 'videos.update' && c.status === 200);
    expect(updates).toHaveLength(STORIES);
    const inserts = calls.filter((c) => c.endpoint === 'playlistItems.insert');
    expect(inserts.filter((c) => c.status === 409)).toHaveLength(0);
    expect(inserts.filter((c) => c.status === 200)).toHaveLength(STORIES * 3);
    const playlists = youtube.playlists().map((p) => p.snippet.title);
    expect(playlists).toHaveLength(1 + REGIONS.length + THEMES.length);
    expect(new Set(playlists).size).toBe(playlists.length);
  });
});
