import crypto from 'crypto';
import fs from 'fs';
import type { Emulator } from '../../src/youtube-emulator';
import { startStrapi, type TestApp } from '../support/strapi';
import { createStory } from '../support/fixtures';
import { addVideoFile, storedPath } from '../support/media';
import { manualClock, startYouTube, syncService, youtubeEnv } from '../support/youtube';

const STORY = 'api::story.story';
const JOB = 'plugin::youtube-sync.sync-job';
const STATE = 'plugin::youtube-sync.sync-state';
const VIDEO_BYTES = 2 * 1024 * 1024;

let app: TestApp;
let youtube: Emulator;
const clock = manualClock();

beforeAll(async () => {
  youtube = await startYouTube();
  app = await startStrapi(youtubeEnv(youtube));
});
afterAll(async () => {
  await app?.stop();
  await youtube?.close();
});
beforeEach(() => {
  youtube.clearFaults();
  youtube.clearCalls();
});

const drain = () => syncService(app.strapi).drain(clock);
const jobOf = (documentId: string) => app.strapi.db.query(JOB).findOne({ where: { storyDocumentId: documentId } });
const stateOf = (documentId: string) => app.strapi.db.query(STATE).findOne({ where: { storyDocumentId: documentId } });
const videosOf = (documentId: string) => youtube.videos().filter((v) => v.snippet.tags.includes(`zm-${documentId}`));
const callsTo = (endpoint: string) => youtube.calls().filter((c) => c.endpoint === endpoint);
const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(what: string, predicate: () => boolean, timeoutMs = 30000) {
  const until = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

async function storyWithVideo(title: string) {
  const video = await addVideoFile(app.strapi, title.toLowerCase().replace(/\W+/g, '-'), VIDEO_BYTES);
  const documentId = await createStory(app.strapi, { title, region: 'stade', themes: ['arbeit'], data: { video: video.id } });
  return { documentId, filePath: () => storedPath(app.strapi, video.id) };
}

/** Runs a drain that sends part of the file, then YouTube stops answering: the session stays pending, half full. */
async function parkHalfwayUpload() {
  const earlier = youtube.uploadSessions().length;
  youtube.setFaults({ latencyMs: 200, errorEndpoints: ['videos.insert.upload'] });
  const run = drain();
  await waitFor('the first bytes', () => youtube.uploadSessions().slice(earlier).some((s) => s.received > 0));
  youtube.setFaults({ errorRate: 1, errorEndpoints: ['videos.insert.upload'] });
  await run;
  youtube.clearFaults();
  clock.advance(10 * 60 * 1000); // past the backoff
}

describe('a pending upload session belongs to the file it was started for', () => {
  test('the file replaced (same media, same size) while the session waits: the session is dropped, the video holds the new bytes', async () => {
    const { documentId, filePath } = await storyWithVideo('Datei ausgetauscht');
    await parkHalfwayUpload();
    expect(await jobOf(documentId)).toMatchObject({ status: 'pending' });
    const parked = youtube.uploadSessions()[youtube.uploadSessions().length - 1];
    expect(parked.received).toBeGreaterThan(0);
    expect(parked.received).toBeLessThan(VIDEO_BYTES);

    const replacement = crypto.randomBytes(VIDEO_BYTES);
    fs.writeFileSync(await filePath(), replacement);
    await syncService(app.strapi).enqueue(documentId, 'manual', clock);
    youtube.clearCalls();
    await drain();

    const videos = videosOf(documentId);
    expect(videos).toHaveLength(1);
    expect(videos[0].media?.sha256).toBe(sha256(replacement));
    expect(callsTo('videos.insert')).toHaveLength(1);
    expect(await stateOf(documentId)).toMatchObject({ status: 'synced', youtubeVideoId: videos[0].id, uploadSessionUri: null, uploadFile: null });
  });

  test('the file replaced after the old session had already become a video (its answer lost): that video is retired, not left public', async () => {
    const { documentId, filePath } = await storyWithVideo('Alte Fassung fertig');
    youtube.setFaults({ loseUploadResponse: true, latencyMs: 300, errorEndpoints: ['videos.insert.upload'] });
    const run = drain();
    await waitFor('the video', () => videosOf(documentId).length === 1);
    youtube.setFaults({ errorRate: 1, errorEndpoints: ['videos.insert.upload'] });
    await run;
    youtube.clearFaults();
    const oldId = videosOf(documentId)[0].id;

    const replacement = crypto.randomBytes(VIDEO_BYTES);
    fs.writeFileSync(await filePath(), replacement);
    await syncService(app.strapi).enqueue(documentId, 'manual', clock);
    clock.advance(10 * 60 * 1000);
    await drain();

    const videos = videosOf(documentId);
    expect(videos).toHaveLength(1);
    expect(videos[0].id).not.toBe(oldId);
    expect(videos[0].media?.sha256).toBe(sha256(replacement));
    expect(youtube.videos().find((v) => v.id === oldId)?.status.privacyStatus).toBe('private');
    expect(await stateOf(documentId)).toMatchObject({ status: 'synced', youtubeVideoId: videos[0].id });
  });

  test('a title changed while the upload waits is applied with a videos.update after the resumed upload', async () => {
    const { documentId } = await storyWithVideo('Alter Titel');
    await parkHalfwayUpload();
    await app.strapi.documents(STORY).update({ documentId, data: { title: 'Neuer Titel' } as never });
    await app.strapi.documents(STORY).publish({ documentId });
    youtube.clearCalls();
    await drain();

    const videos = videosOf(documentId);
    expect(videos).toHaveLength(1);
    expect(callsTo('videos.insert')).toHaveLength(0); // the session was resumed, not started again
    expect(callsTo('videos.update')).toHaveLength(1);
    expect(videos[0].snippet.title).toBe('Neuer Titel');
  });
});

describe('an upload whose answer was lost and whose session expired', () => {
  test('is found once the uploads playlist lists it, without uploading the file a second time', async () => {
    const { documentId } = await storyWithVideo('Verlorene Antwort');
    // The last chunk lands, its answer is lost, and YouTube does not answer the status queries after it.
    youtube.setFaults({ loseUploadResponse: true, latencyMs: 300, errorEndpoints: ['videos.insert.upload'] });
    const run = drain();
    await waitFor('the video', () => videosOf(documentId).length === 1);
    youtube.setFaults({ errorRate: 1, errorEndpoints: ['videos.insert.upload'] });
    await run;
    expect(await jobOf(documentId)).toMatchObject({ status: 'pending' });

    // A week later the session is gone, and the uploads playlist does not list the video yet.
    youtube.setFaults({ expireUploadSessions: true, uploadsPlaylistLagMs: 24 * 3600 * 1000 });
    clock.advance(5 * 60 * 1000);
    youtube.clearCalls();
    await drain();
    expect(callsTo('videos.insert')).toHaveLength(0);
    expect(videosOf(documentId)).toHaveLength(1);
    expect(await jobOf(documentId)).toMatchObject({ status: 'pending' });
    expect((await stateOf(documentId)).uploadLostAt).toBeTruthy();

    // Within the search window the playlist catches up: the video is taken as the story's.
    youtube.setFaults({ expireUploadSessions: true });
    clock.advance(10 * 60 * 1000);
    await drain();
    const videos = videosOf(documentId);
    expect(videos).toHaveLength(1);
    expect(callsTo('videos.insert')).toHaveLength(0);
    expect(await stateOf(documentId)).toMatchObject({ status: 'synced', youtubeVideoId: videos[0].id, uploadLostAt: null, uploadMarker: null });
  });

  test('a video id YouTube returned to an earlier attempt is looked up by id (1 unit), whatever the uploads playlist shows', async () => {
    const { documentId } = await storyWithVideo('Gemerkte Video-ID');
    await drain();
    const { youtubeVideoId } = await stateOf(documentId);
    // As if the worker died between YouTube's answer and recording it as the story's video.
    await app.strapi.db.query(STATE).updateMany({
      where: { storyDocumentId: documentId },
      data: { youtubeVideoId: null, videoSource: null, syncedHash: null, uploadSessionUri: null, uploadMarker: `zm-${documentId}`, uploadedVideoIds: [youtubeVideoId] },
    });
    await syncService(app.strapi).enqueue(documentId, 'manual', clock);
    youtube.setFaults({ uploadsPlaylistLagMs: 24 * 3600 * 1000 });
    youtube.clearCalls();
    await drain();
    expect(callsTo('videos.insert')).toHaveLength(0);
    expect(callsTo('channels.list')).toHaveLength(0);
    expect(youtube.calls().filter((c) => c.endpoint === 'videos.list').length).toBeGreaterThanOrEqual(1);
    expect(videosOf(documentId)).toHaveLength(1);
    expect(await stateOf(documentId)).toMatchObject({ status: 'synced', youtubeVideoId });
  });

  test('a session that expired before its last chunk was sent is not waited for: the file is uploaded anew at once', async () => {
    const { documentId } = await storyWithVideo('Abgelaufen mittendrin');
    await parkHalfwayUpload();
    youtube.setNow(() => new Date(Date.now() + 8 * 24 * 3600 * 1000)); // Google drops an unfinished session after a week
    try {
      youtube.clearCalls();
      await drain();
    } finally {
      youtube.setNow(() => new Date());
    }
    expect(callsTo('videos.insert')).toHaveLength(1);
    expect(videosOf(documentId)).toHaveLength(1);
    expect(await stateOf(documentId)).toMatchObject({ status: 'synced', uploadLostAt: null });
  });

  test('the search is bounded: after the window without a find, the file is uploaded anew', async () => {
    const { documentId } = await storyWithVideo('Suchfenster');
    youtube.setFaults({ loseUploadResponse: true, latencyMs: 300, errorEndpoints: ['videos.insert.upload'] });
    const run = drain();
    await waitFor('the video', () => videosOf(documentId).length === 1);
    youtube.setFaults({ errorRate: 1, errorEndpoints: ['videos.insert.upload'] });
    await run;
    // The lost video is deleted on YouTube before anyone saw it; the search can never succeed.
    youtube.deleteVideoByHand(videosOf(documentId)[0].id);
    youtube.setFaults({ expireUploadSessions: true });
    clock.advance(5 * 60 * 1000);
    await drain();
    expect(await jobOf(documentId)).toMatchObject({ status: 'pending' });
    expect(videosOf(documentId)).toHaveLength(0);

    clock.advance(31 * 60 * 1000);
    youtube.clearFaults();
    await drain();
    expect(videosOf(documentId)).toHaveLength(1);
    expect(await stateOf(documentId)).toMatchObject({ status: 'synced' });
  });
});
