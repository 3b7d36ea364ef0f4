import request from 'supertest';
import type { Emulator } from '../../src/youtube-emulator';
import { seedDemoContent } from '../../src/seed/demo-content';
import { startStrapi, type TestApp } from '../support/strapi';
import { adminToken } from '../support/admin';
import { manualClock, startYouTube, syncService, youtubeEnv } from '../support/youtube';

/**
 * What `npm run demo` seeds, as a newcomer meets it: published stories on the website, some of them with a clip that
 * the sync uploads to the YouTube emulator, and submissions waiting in the editors' queue.
 */

let app: TestApp;
let youtube: Emulator;
let seeded: Awaited<ReturnType<typeof seedDemoContent>>;
const progress: number[] = [];

beforeAll(async () => {
  youtube = await startYouTube();
  app = await startStrapi({ ...youtubeEnv(youtube), PUBLIC_API_RATE_LIMIT_PER_MINUTE: '0' });
  seeded = await seedDemoContent(app.strapi, (done) => progress.push(done));
}, 300_000);
afterAll(async () => {
  await app?.stop();
  await youtube?.close();
});

test('every demo story is published on the website and reported as progress', async () => {
  expect(seeded).toEqual({ projects: 10, stories: 36, submissions: 4 });
  expect(progress).toHaveLength(36);
  const res = await request(app.server).get('/api/v1/stories?pageSize=100');
  expect(res.status).toBe(200);
  expect(res.body.meta.total).toBe(36);
});

test('the stories with a clip reach the YouTube emulator, the others stay text and cover', async () => {
  await syncService(app.strapi).drain(manualClock());
  const inserts = youtube.calls().filter((c) => c.endpoint === 'videos.insert' && c.status === 200);
  expect(inserts).toHaveLength(9);
  const states = await app.strapi.db.query('plugin::youtube-sync.sync-state').findMany({ select: ['status'] });
  expect(states.filter((s: { status: string }) => s.status === 'synced')).toHaveLength(9);
  expect(states.filter((s: { status: string }) => s.status === 'no_video')).toHaveLength(27);
});

test('the review queue holds the demo submissions, one of them blocked for a missing guardian consent', async () => {
  const token = await adminToken(app.strapi);
  const res = await request(app.server).get('/submissions/review/submissions?status=in_review').set('Authorization', `Bearer ${token}`);
  expect(res.status).toBe(200);
  expect(res.body.data.map((row: { referenceNumber: string }) => row.referenceNumber).sort()).toEqual(['ZM-2026-DEMO02', 'ZM-2026-DEMO03']);
  expect(res.body.data.find((row: { referenceNumber: string }) => row.referenceNumber === 'ZM-2026-DEMO03')).toMatchObject({ consentComplete: false });
  const rejected = await request(app.server).get('/submissions/review/submissions?status=rejected').set('Authorization', `Bearer ${token}`);
  expect(rejected.body.data).toEqual([expect.objectContaining({ referenceNumber: 'ZM-2026-DEMO04' })]);
});
