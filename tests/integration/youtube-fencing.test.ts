import request from 'supertest';
import type { Emulator } from '../../src/youtube-emulator';
import { adminToken } from '../support/admin';
import { startStrapi, type TestApp } from '../support/strapi';
import { createStory } from '../support/fixtures';
import { addCoverImage, addVideoFile } from '../support/media';
import { manualClock, startYouTube, syncService, youtubeEnv } from '../support/youtube';

const STORY = 'api::story.story';
const JOB = 'plugin::youtube-sync.sync-job';
const STATE = 'plugin::youtube-sync.sync-state';
const LEASE_MS = 5000;

let app: TestApp;
let youtube: Emulator;

/**
 * The requests the app has sent ("PUT /youtube/v3/videos"), counted when sent: the emulator logs a call only once it
 * answered, which under an injected latency is seconds later. The app runs in this file's sandbox and uses its fetch.
 */
const sent: string[] = [];
const realFetch = globalThis.fetch;
globalThis.fetch = ((input: Parameters<typeof fetch>[0], init?: RequestInit) => {
  const request = input instanceof Request ? input : null;
  sent.push(`${init?.method ?? request?.method ?? 'GET'} ${new URL(request ? request.url : String(input)).pathname}`);
  return realFetch(input, init);
}) as typeof fetch;

beforeAll(async () => {
  youtube = await startYouTube();
  app = await startStrapi(youtubeEnv(youtube, { YOUTUBE_SYNC_LEASE_MS: String(LEASE_MS), YOUTUBE_SYNC_MAX_LOST_LEASES: '3' }));
});
afterAll(async () => {
  await app?.stop();
  await youtube?.close();
});
beforeEach(() => {
  youtube.clearFaults();
  youtube.clearCalls();
});

const jobOf = (documentId: string) => app.strapi.db.query(JOB).findOne({ where: { storyDocumentId: documentId } });
const stateOf = (documentId: string) => app.strapi.db.query(STATE).findOne({ where: { storyDocumentId: documentId } });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const callsTo = (endpoint: string) => youtube.calls().filter((c) => c.endpoint === endpoint);

async function waitFor(what: string, predicate: () => boolean | Promise<boolean>, timeoutMs = 30000) {
  const until = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

async function storyWithVideo(title: string) {
  const video = await addVideoFile(app.strapi, title.toLowerCase().replace(/\W+/g, '-'));
  const cover = await addCoverImage(app.strapi, `${title}-cover`);
  return createStory(app.strapi, { title, region: 'goettingen', themes: ['sprache', 'arbeit'], data: { video: video.id, cover: cover.id } });
}

async function editTitle(documentId: string, title: string) {
  await app.strapi.documents(STORY).update({ documentId, data: { title } as never });
  await app.strapi.documents(STORY).publish({ documentId });
}

describe('an edit made while the story syncs', () => {
  test('is synced afterwards, even when the worker\'s clock runs ahead of the editor\'s instance', async () => {
    const clock = manualClock();
    const documentId = await storyWithVideo('Während des Laufs');
    await syncService(app.strapi).drain(clock);
    // Another instance whose clock is a minute ahead: "requested after started" cannot be judged by timestamps.
    clock.advance(60_000);
    await editTitle(documentId, 'Erste Fassung');
    // videos.update takes 4 s: time for the second edit (an update and a publish) to land while it runs, even with
    // the other test files of the run on the same cores.
    youtube.setFaults({ latencyMs: 4000, errorEndpoints: ['videos.update'] });
    sent.length = 0;
    const running = syncService(app.strapi).drain(clock);
    await waitFor('videos.update to be sent', () => sent.includes('PUT /youtube/v3/videos'));
    await editTitle(documentId, 'Zweite Fassung');
    // The job goes round once more within the same drain instead of ending `done` with the first title.
    expect((await running).results).toEqual({ synced: 2 });
    expect(await jobOf(documentId)).toMatchObject({ status: 'done' });
    const { youtubeVideoId } = await stateOf(documentId);
    const video = youtube.videos().find((v) => v.id === youtubeVideoId);
    expect(video?.snippet.title).toBe('Zweite Fassung');
  });
});

describe('two workers and one story', () => {
  test('a slow playlist step keeps its lease: a second worker finds nothing to take over', async () => {
    const clock = manualClock();
    const documentId = await storyWithVideo('Langsame Playlists');
    // Four playlist items at 2 s each outlast the 5 s lease: only a heartbeat keeps the job.
    youtube.setFaults({ latencyMs: 2000, errorEndpoints: ['playlistItems.insert'] });
    const first = syncService(app.strapi).drain(clock);
    await waitFor('the thumbnail', () => callsTo('thumbnails.set').length === 1);
    await sleep(LEASE_MS + 1500);
    const second = await syncService(app.strapi).drain(clock);
    expect(second.processed).toBe(0);
    expect((await first).results).toEqual({ synced: 1 });
    const videoId = (await stateOf(documentId)).youtubeVideoId;
    expect(youtube.playlistItems().filter((i) => i.videoId === videoId)).toHaveLength(4);
    expect(callsTo('playlistItems.insert')).toHaveLength(4);
  }, 60000);

  test('a worker whose lease was taken over makes no further call and overwrites nothing', async () => {
    const clock = manualClock();
    const documentId = await storyWithVideo('Übernommener Auftrag');
    youtube.setFaults({ latencyMs: 2000, errorEndpoints: ['thumbnails.set'] });
    sent.length = 0;
    const stale = syncService(app.strapi).drain(clock);
    await waitFor('the last chunk', () => callsTo('videos.insert.upload').some((c) => c.status === 200 || c.status === 201));
    await waitFor('the stale worker to be inside thumbnails.set', () => sent.some((r) => r.endsWith('/thumbnails/set')));
    // Another instance whose clock is past the lease, as if the stale worker had hung for longer than it.
    const takerClock = manualClock();
    takerClock.advance(LEASE_MS * 2);
    const taker = await syncService(app.strapi).drain(takerClock);
    expect(taker.results).toEqual({ synced: 1 });
    expect((await stale).results).toEqual({ lease_lost: 1 });
    // The call in flight when the lease was lost, then only the new holder's: no playlist step of the stale worker.
    expect(callsTo('thumbnails.set')).toHaveLength(2);
    expect(callsTo('playlistItems.insert')).toHaveLength(4);
    const state = await stateOf(documentId);
    expect(state).toMatchObject({ status: 'synced' });
    expect(youtube.playlistItems().filter((i) => i.videoId === state.youtubeVideoId)).toHaveLength(4);
    expect(Object.keys(state.playlistItems)).toHaveLength(4);
    expect(await jobOf(documentId)).toMatchObject({ status: 'done', lockToken: null });
  }, 60000);
});

describe('a job whose worker keeps dying', () => {
  test('fails as worker_lost once its lease ran out the configured number of times, and the dashboard says so', async () => {
    const clock = manualClock();
    const documentId = await createStory(app.strapi, { title: 'Absturzschleife', region: 'emden', themes: ['sport'] });
    const crashed = (lost: number) =>
      app.strapi.db.query(JOB).updateMany({
        where: { storyDocumentId: documentId },
        data: { status: 'running', lockToken: `dead-worker-${lost}`, leaseExpiresAt: new Date(clock.now().getTime() - 1000).toISOString(), expiredLeases: lost },
      });
    await crashed(1);
    // The second lost lease: taken over and run.
    expect((await syncService(app.strapi).drain(clock)).results).toEqual({ no_video: 1 });
    await syncService(app.strapi).enqueue(documentId, 'manual', clock);
    await crashed(2);
    youtube.clearCalls();
    expect((await syncService(app.strapi).drain(clock)).processed).toBe(0);
    expect(youtube.calls()).toHaveLength(0);
    expect(await jobOf(documentId)).toMatchObject({ status: 'failed', failureReason: 'worker_lost', expiredLeases: 3 });
    expect(await stateOf(documentId)).toMatchObject({ status: 'failed' });

    const token = await adminToken(app.strapi);
    const queue = await request(app.server).get('/youtube-sync/queue').set('Authorization', `Bearer ${token}`);
    expect(queue.status).toBe(200);
    expect(queue.body.failures).toEqual(
      expect.arrayContaining([expect.objectContaining({ storyDocumentId: documentId, status: 'failed', error: expect.objectContaining({ reason: 'worker_lost' }) })])
    );
  });

  test('a running job whose lease is still valid is never claimed', async () => {
    const clock = manualClock();
    const documentId = await createStory(app.strapi, { title: 'Noch am Laufen', region: 'emden', themes: ['sport'] });
    await app.strapi.db.query(JOB).updateMany({
      where: { storyDocumentId: documentId },
      data: { status: 'running', lockToken: 'live-worker', leaseExpiresAt: new Date(clock.now().getTime() + 60_000).toISOString() },
    });
    expect((await syncService(app.strapi).drain(clock)).processed).toBe(0);
    expect(await jobOf(documentId)).toMatchObject({ status: 'running', lockToken: 'live-worker' });
  });
});
