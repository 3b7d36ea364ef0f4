import request from 'supertest';
import type { Emulator } from '../../src/youtube-emulator';
import { pluginConfig } from '../../src/plugins/youtube-sync/server/src/utils/plugin-config';
import { createQuotaLedger, pacificDay } from '../../src/plugins/youtube-sync/server/src/youtube/quota';
import { adminToken } from '../support/admin';
import { createStory } from '../support/fixtures';
import { addCoverImage, addVideoFile } from '../support/media';
import { startStrapi, type TestApp } from '../support/strapi';
import { manualClock, startYouTube, syncService, youtubeEnv } from '../support/youtube';

/** The daily budget is enforced by the sync's own ledger, before each call, and shown on the dashboard. */
const JOB = 'plugin::youtube-sync.sync-job';
const STATE = 'plugin::youtube-sync.sync-state';
const QUOTA_DAY = 'plugin::youtube-sync.quota-day';
const BUDGET = 250;

let app: TestApp;
let youtube: Emulator;
let admin: string;
const clock = manualClock();

beforeAll(async () => {
  youtube = await startYouTube();
  app = await startStrapi(youtubeEnv(youtube, { YOUTUBE_DAILY_UNITS: String(BUDGET) }));
  admin = await adminToken(app.strapi);
});
afterAll(async () => {
  await app?.stop();
  await youtube?.close();
});

const drain = () => syncService(app.strapi).drain(clock);
const jobOf = (documentId: string) => app.strapi.db.query(JOB).findOne({ where: { storyDocumentId: documentId } });
const stateOf = (documentId: string) => app.strapi.db.query(STATE).findOne({ where: { storyDocumentId: documentId } });
const ledgerUnits = async (at: Date) => (await app.strapi.db.query(QUOTA_DAY).findOne({ where: { day: pacificDay(at) } }))?.units ?? 0;

async function publishedStory(title: string) {
  const slug = title.toLowerCase().replace(/\W+/g, '-');
  const video = await addVideoFile(app.strapi, slug);
  const cover = await addCoverImage(app.strapi, `${slug}-cover`);
  return createStory(app.strapi, { title, region: 'goettingen', themes: ['sprache'], data: { video: video.id, cover: cover.id } });
}

describe('a job that would cross the daily budget', () => {
  let documentId: string;

  test('is parked until Pacific midnight without making the call', async () => {
    documentId = await publishedStory('Budget am Ende');
    await drain();
    // Upload (own allowance), thumbnail 50, channel playlist 50 + look 1 + add 50, region playlist 50 + look 1 = 202;
    // adding to the region playlist (50 more) would cross 250.
    const endpoints = youtube.calls().map((c) => c.endpoint).filter((e) => !e.startsWith('oauth2.'));
    expect(endpoints.filter((e) => e === 'playlistItems.insert')).toHaveLength(1);
    expect(endpoints[endpoints.length - 1]).toBe('playlistItems.list');
    const job = await jobOf(documentId);
    expect(job).toMatchObject({ status: 'waiting_for_quota', failureReason: 'quota' });
    const pacific = new Intl.DateTimeFormat('en-US', { timeZone: 'America/Los_Angeles', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' });
    expect(pacific.format(new Date(job.runAt))).toBe('00:00');
    expect(await ledgerUnits(clock.now())).toBe(202);
    expect(youtube.quota().unitsUsed).toBe(202);
  });

  test('the dashboard shows units used and left, the reset, and the parked job', async () => {
    const status = await request(app.server).get('/youtube-sync/status').set('Authorization', `Bearer ${admin}`);
    expect(status.status).toBe(200);
    expect(status.body.quota).toMatchObject({
      used: 202,
      left: 48,
      budget: BUDGET,
      uploads: 1,
      uploadBudget: 100,
      parkedTotal: 1,
      parked: [{ storyDocumentId: documentId, storyTitle: 'Budget am Ende', runAt: (await jobOf(documentId)).runAt }],
    });
    expect(new Date(status.body.quota.resetsAt).toISOString()).toBe((await jobOf(documentId)).runAt);
  });

  test('runs on after the reset, counted in the new day', async () => {
    youtube.clearCalls();
    expect((await drain()).processed).toBe(0);
    expect(youtube.calls()).toHaveLength(0);
    const before = youtube.quota().unitsUsed;
    clock.set(new Date(new Date((await jobOf(documentId)).runAt).getTime() + 1000));
    await drain();
    expect(await stateOf(documentId)).toMatchObject({ status: 'synced' });
    expect(await ledgerUnits(clock.now())).toBe(youtube.quota().unitsUsed - before);
  });
});

test('failed calls count as YouTube counts them: a refused thumbnail costs one unit, not fifty', async () => {
  clock.advance(24 * 3600 * 1000);
  youtube.setRules({ channelVerified: false });
  const before = youtube.quota().unitsUsed;
  const documentId = await publishedStory('Abgelehntes Vorschaubild');
  await drain();
  expect(await stateOf(documentId)).toMatchObject({ status: 'synced', thumbnailIssue: 'channel_not_verified' });
  expect(youtube.calls().filter((c) => c.endpoint === 'thumbnails.set').map((c) => [c.status, c.units])).toEqual([[403, 1]]);
  expect(await ledgerUnits(clock.now())).toBe(youtube.quota().unitsUsed - before);
});

test('instances share one ledger: racing for the last units, exactly as many calls get through as the budget holds', async () => {
  const day = new Date(clock.now().getTime() + 3 * 24 * 3600 * 1000);
  const config = pluginConfig(app.strapi);
  const instances = [createQuotaLedger(app.strapi, () => day, config), createQuotaLedger(app.strapi, () => day, config)];
  const attempts = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => instances[i % 2].reserve('playlists.insert')));
  expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(BUDGET / 50);
  const refused = attempts.find((a): a is PromiseRejectedResult => a.status === 'rejected');
  expect(refused?.reason).toMatchObject({ kind: 'quota', reason: 'dailyBudgetReached' });
  expect(await ledgerUnits(day)).toBe(BUDGET);
  expect(await app.strapi.db.query(QUOTA_DAY).count({ where: { day: pacificDay(day) } })).toBe(1);
});
