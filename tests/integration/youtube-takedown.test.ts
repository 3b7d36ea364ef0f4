import type { Emulator } from '../../src/youtube-emulator';
import { startStrapi, type TestApp } from '../support/strapi';
import { createStory } from '../support/fixtures';
import { addCaptionFile, addVideoFile } from '../support/media';
import { manualClock, startYouTube, syncService, writeCalls, youtubeEnv } from '../support/youtube';

const STORY = 'api::story.story';
const STATE = 'plugin::youtube-sync.sync-state';
let app: TestApp;
let youtube: Emulator;
const clock = manualClock();

beforeAll(async () => {
  youtube = await startYouTube({ forcePrivateUploads: true });
  app = await startStrapi(youtubeEnv(youtube, { YOUTUBE_TAKEDOWN: 'delete' }));
});
afterAll(async () => {
  await app?.stop();
  await youtube?.close();
});
beforeEach(() => youtube.clearCalls());

const drain = () => syncService(app.strapi).drain(clock);
const stateOf = (documentId: string) => app.strapi.db.query(STATE).findOne({ where: { storyDocumentId: documentId } });

async function storyWithVideo(title: string, data: Record<string, unknown> = {}) {
  const video = await addVideoFile(app.strapi, title.replace(/\W+/g, '-'));
  return createStory(app.strapi, { title, region: 'hildesheim', themes: ['schule'], data: { video: video.id, ...data } });
}

describe('captions, forced privacy and deletion', () => {
  let documentId: string;

  test('caption files are uploaded, one track per language, and kept in step', async () => {
    const de = await addCaptionFile(app.strapi, 'untertitel-de', 'Guten Tag');
    const en = await addCaptionFile(app.strapi, 'subtitles-en', 'Good day', true);
    documentId = await storyWithVideo('Mit Untertiteln', {
      captions: [
        { language: 'de', file: de.id },
        { language: 'en', file: en.id },
      ],
    });
    await drain();
    const videoId = (await stateOf(documentId)).youtubeVideoId;
    const tracks = youtube.captions().filter((c) => c.videoId === videoId);
    expect(tracks.map((c) => c.language).sort()).toEqual(['de', 'en']);

    youtube.clearCalls();
    const de2 = await addCaptionFile(app.strapi, 'untertitel-de-neu', 'Guten Abend');
    await app.strapi.documents(STORY).update({ documentId, data: { captions: [{ language: 'de', file: de2.id }] } as never });
    await app.strapi.documents(STORY).publish({ documentId });
    await drain();
    expect(writeCalls(youtube).map((c) => c.endpoint).sort()).toEqual(['captions.delete', 'captions.update']);
    expect(youtube.captions().filter((c) => c.videoId === videoId).map((c) => c.language)).toEqual(['de']);
  });

  test('an unaudited Google project forces uploads to private: recorded, not retried', async () => {
    const state = await stateOf(documentId);
    expect(state).toMatchObject({ status: 'synced', forcedPrivate: true, privacyStatus: 'private' });
    await syncService(app.strapi).enqueue(documentId, 'manual', clock);
    youtube.clearCalls();
    await drain();
    expect(writeCalls(youtube)).toHaveLength(0);
  });

  test('deleting a story deletes our video when YOUTUBE_TAKEDOWN=delete, and records it', async () => {
    const videoId = (await stateOf(documentId)).youtubeVideoId;
    await app.strapi.documents(STORY).delete({ documentId });
    await drain();
    expect(youtube.videos().find((v) => v.id === videoId)).toBeUndefined();
    expect(await stateOf(documentId)).toMatchObject({ status: 'removed', youtubeVideoId: null, takedown: { action: 'deleted', reason: 'deleted', videoId } });
    expect(await app.strapi.db.query('plugin::stories.removal').count({ where: { storyDocumentId: documentId, reason: 'deleted' } })).toBe(1);
  });

  test('an adopted video is never deleted, only made private', async () => {
    const ownerless = await storyWithVideo('Eigenes Video');
    await drain();
    const theirs = (await stateOf(ownerless)).youtubeVideoId;
    const adopted = await createStory(app.strapi, { title: 'Übernommen', region: 'hildesheim', themes: ['schule'], data: { youtubeVideoId: theirs } });
    await drain();
    await app.strapi.documents(STORY).delete({ documentId: adopted });
    await drain();
    expect(youtube.videos().find((v) => v.id === theirs)?.status.privacyStatus).toBe('private');
    expect(await stateOf(adopted)).toMatchObject({ takedown: { action: 'made_private' } });
  });
});
