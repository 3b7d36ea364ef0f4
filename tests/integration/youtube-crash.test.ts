import type { Emulator } from '../../src/youtube-emulator';
import { startStrapi, type TestApp } from '../support/strapi';
import { createStory } from '../support/fixtures';
import { addVideoFile } from '../support/media';
import { manualClock, spawnSyncWorker, startYouTube, syncService, youtubeEnv } from '../support/youtube';

const STATE = 'plugin::youtube-sync.sync-state';
const VIDEO_BYTES = 3 * 1024 * 1024;
let app: TestApp;
let youtube: Emulator;
const clock = manualClock();

beforeAll(async () => {
  youtube = await startYouTube();
  app = await startStrapi(youtubeEnv(youtube, { YOUTUBE_SYNC_LEASE_MS: '5000' }));
});
afterAll(async () => {
  await app?.stop();
  await youtube?.close();
});

async function storyWithVideo(title: string) {
  const video = await addVideoFile(app.strapi, title.replace(/\W+/g, '-'), VIDEO_BYTES);
  return createStory(app.strapi, { title, region: 'stade', themes: ['arbeit'], data: { video: video.id } });
}

const videosOf = (documentId: string) => youtube.videos().filter((v) => v.snippet.tags.includes(`zm-${documentId}`));

async function waitFor(predicate: () => boolean, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('a worker that dies mid-upload', () => {
  test('kill -9 during the upload, restart: the upload resumes and exactly one video exists', async () => {
    const documentId = await storyWithVideo('Abgebrochener Upload');
    youtube.setFaults({ latencyMs: 300, errorEndpoints: ['videos.insert.upload'] });
    const worker = spawnSyncWorker();
    // The worker process boots the whole app first: on a machine busy with the other test files that takes a while.
    await waitFor(() => youtube.uploadSessions().some((s) => s.received > 0), 150_000);
    worker.child.kill('SIGKILL');
    const exit = await worker.done;
    expect(exit.signal).toBe('SIGKILL');
    youtube.clearFaults();
    expect(videosOf(documentId)).toHaveLength(0);
    const session = youtube.uploadSessions()[0];
    expect(session.received).toBeGreaterThan(0);
    expect(session.received).toBeLessThan(VIDEO_BYTES);

    clock.advance(10000); // past the dead worker's lease
    youtube.clearCalls();
    await syncService(app.strapi).drain(clock);
    const videos = videosOf(documentId);
    expect(videos).toHaveLength(1);
    expect(videos[0].media?.size).toBe(VIDEO_BYTES);
    expect(youtube.calls().filter((c) => c.endpoint === 'videos.insert')).toHaveLength(0);
    expect(await app.strapi.db.query(STATE).findOne({ where: { storyDocumentId: documentId } })).toMatchObject({
      status: 'synced',
      youtubeVideoId: videos[0].id,
      uploadSessionUri: null,
    });
  });

  test('an upload whose last answer was lost is taken as done once the video is found', async () => {
    const documentId = await storyWithVideo('Verlorene Antwort');
    youtube.setFaults({ loseUploadResponse: true });
    await syncService(app.strapi).drain(clock);
    youtube.clearFaults();
    expect(videosOf(documentId)).toHaveLength(1);
    expect(await app.strapi.db.query(STATE).findOne({ where: { storyDocumentId: documentId } })).toMatchObject({ status: 'synced' });
  });

  test('a connection dropped mid-chunk resumes from the Range the server reports', async () => {
    const documentId = await storyWithVideo('Unterbrochene Verbindung');
    youtube.setFaults({ dropUploadAfterBytes: 700 * 1024, dropUploadTimes: 1 });
    await syncService(app.strapi).drain(clock);
    youtube.clearFaults();
    const videos = videosOf(documentId);
    expect(videos).toHaveLength(1);
    expect(videos[0].media?.size).toBe(VIDEO_BYTES);
  });
});
