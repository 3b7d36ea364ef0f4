import type { Emulator } from '../../src/youtube-emulator';
import { startStrapi, type TestApp } from '../support/strapi';
import { createStory } from '../support/fixtures';
import { addCoverImage, addVideoFile } from '../support/media';
import { manualClock, startYouTube, syncService, writeCalls, youtubeEnv } from '../support/youtube';
import { withdrawConsent } from '../../src/plugins/submissions/server/src/review/withdrawal';

const STORY = 'api::story.story';
const JOB = 'plugin::youtube-sync.sync-job';
const STATE = 'plugin::youtube-sync.sync-state';

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
const stateOf = (documentId: string) => app.strapi.db.query(STATE).findOne({ where: { storyDocumentId: documentId } });
const jobOf = (documentId: string) => app.strapi.db.query(JOB).findOne({ where: { storyDocumentId: documentId } });
const endpoints = () => youtube.calls().map((c) => c.endpoint);

async function publishedStoryWithVideo(title: string, region = 'goettingen', themes = ['sprache', 'arbeit']) {
  const video = await addVideoFile(app.strapi, title.toLowerCase().replace(/\W+/g, '-'));
  const cover = await addCoverImage(app.strapi, `${title}-cover`);
  return createStory(app.strapi, { title, region, themes, data: { video: video.id, cover: cover.id, credits: [{ name: 'Lena', role: 'Kamera' }] } });
}

describe('publishing a story brings it to YouTube', () => {
  let documentId: string;

  test('publish → one upload of the whole file, thumbnail, and the channel, region and theme playlists', async () => {
    documentId = await publishedStoryWithVideo('Amal lernt Pflege in Göttingen');
    expect(await jobOf(documentId)).toMatchObject({ status: 'pending' });
    const summary = await drain();
    expect(summary.results).toEqual({ synced: 1 });

    const videos = youtube.videos();
    expect(videos).toHaveLength(1);
    expect(videos[0].snippet.title).toBe('Amal lernt Pflege in Göttingen');
    expect(videos[0].snippet.description).toContain('Region: Göttingen');
    expect(videos[0].snippet.description).toContain('Mitwirkende: Lena (Kamera)');
    expect(videos[0].snippet.tags).toContain(`zm-${documentId}`);
    expect(videos[0].media?.size).toBe(700 * 1024);
    expect(endpoints().filter((e) => e === 'videos.insert')).toHaveLength(1);

    const thumbs = youtube.thumbnails();
    expect(thumbs).toHaveLength(1);
    expect(thumbs[0].mimeType).toBe('image/jpeg');

    const titles = youtube.playlists().map((p) => p.snippet.title).sort();
    expect(titles).toEqual([
      'ZUSAMMEN. MEHR. – Alle Geschichten',
      'ZUSAMMEN. MEHR. – Göttingen',
      'ZUSAMMEN. MEHR. – Thema: Arbeit',
      'ZUSAMMEN. MEHR. – Thema: Sprache',
    ]);
    expect(youtube.playlistItems().filter((i) => i.videoId === videos[0].id)).toHaveLength(4);

    const state = await stateOf(documentId);
    expect(state).toMatchObject({ status: 'synced', youtubeVideoId: videos[0].id, ownsVideo: true, uploadSessionUri: null });
    expect(await jobOf(documentId)).toMatchObject({ status: 'done' });
  });

  test('an edit → one videos.update and no playlist churn', async () => {
    await app.strapi.documents(STORY).update({ documentId, data: { title: 'Amal wird Pflegefachfrau' } as never });
    await app.strapi.documents(STORY).publish({ documentId });
    await drain();
    expect(writeCalls(youtube).map((c) => c.endpoint)).toEqual(['videos.update']);
    expect(youtube.videos()[0].snippet.title).toBe('Amal wird Pflegefachfrau');
  });

  test('a re-sync of an unchanged story spends no quota at all', async () => {
    await syncService(app.strapi).enqueue(documentId, 'manual', clock);
    const summary = await drain();
    expect(summary.results).toEqual({ unchanged: 1 });
    expect(youtube.calls()).toHaveLength(0);
  });

  test('ten quick edits make one job and one update', async () => {
    for (let i = 1; i <= 10; i++) {
      await app.strapi.documents(STORY).update({ documentId, data: { teaser: `Fassung ${i}` } as never });
      await app.strapi.documents(STORY).publish({ documentId });
    }
    expect(await app.strapi.db.query(JOB).count({ where: { storyDocumentId: documentId } })).toBe(1);
    expect((await drain()).processed).toBe(1);
    expect(writeCalls(youtube).map((c) => c.endpoint)).toEqual(['videos.update']);
    expect(youtube.videos()[0].snippet.description).toContain('Fassung 10');
  });

  test('moving the story to another region and theme moves it between playlists', async () => {
    const emden = await app.strapi.db.query('api::region.region').findOne({ where: { slug: 'emden' } });
    const sport = await app.strapi.db.query('api::theme.theme').findOne({ where: { slug: 'sport' } });
    const sprache = await app.strapi.db.query('api::theme.theme').findOne({ where: { slug: 'sprache' } });
    await app.strapi.documents(STORY).update({ documentId, data: { region: emden.documentId, themes: [sprache.documentId, sport.documentId] } as never });
    await app.strapi.documents(STORY).publish({ documentId });
    await drain();
    const videoId = youtube.videos()[0].id;
    const inPlaylists = youtube
      .playlistItems()
      .filter((i) => i.videoId === videoId)
      .map((i) => youtube.playlists().find((p) => p.id === i.playlistId)?.snippet.title)
      .sort();
    expect(inPlaylists).toEqual(['ZUSAMMEN. MEHR. – Alle Geschichten', 'ZUSAMMEN. MEHR. – Emden', 'ZUSAMMEN. MEHR. – Thema: Sport', 'ZUSAMMEN. MEHR. – Thema: Sprache']);
    expect(writeCalls(youtube).filter((c) => c.endpoint === 'playlistItems.delete')).toHaveLength(2);
  });

  test('unpublish → out of every playlist, private, and a removal record for partners', async () => {
    await app.strapi.documents(STORY).unpublish({ documentId });
    await drain();
    const video = youtube.videos()[0];
    expect(video.status.privacyStatus).toBe('private');
    expect(youtube.playlistItems().filter((i) => i.videoId === video.id)).toHaveLength(0);
    expect(await stateOf(documentId)).toMatchObject({ status: 'removed', takedown: { action: 'made_private', reason: 'unpublished' } });
    expect(await app.strapi.db.query('plugin::stories.removal').count({ where: { storyDocumentId: documentId, reason: 'unpublished' } })).toBe(1);
  });

  test('publishing again brings it back public and into its playlists', async () => {
    await app.strapi.documents(STORY).publish({ documentId });
    await drain();
    const video = youtube.videos()[0];
    expect(youtube.videos()).toHaveLength(1);
    expect(video.status.privacyStatus).toBe('public');
    expect(youtube.playlistItems().filter((i) => i.videoId === video.id)).toHaveLength(4);
  });

  test('consent withdrawn → taken down and recorded', async () => {
    await withdrawConsent(app.strapi, { documentId, scope: 'all', actor: { actor: 'Test', actorType: 'editor' } });
    await drain();
    expect(youtube.videos()[0].status.privacyStatus).toBe('private');
    expect(await stateOf(documentId)).toMatchObject({ status: 'removed', takedown: { reason: 'withdrawn' } });
  });
});

describe('an existing YouTube video', () => {
  test('is adopted without an upload and gets the story metadata', async () => {
    const documentId = await publishedStoryWithVideo('Vorhandenes Video');
    await drain();
    const existingId = (await stateOf(documentId)).youtubeVideoId;
    youtube.clearCalls();
    const adopted = await createStory(app.strapi, { title: 'Übernommen', region: 'emden', themes: ['kultur'], data: { youtubeVideoId: `https://youtu.be/${existingId}` } });
    await drain();
    expect(endpoints()).not.toContain('videos.insert');
    expect(await stateOf(adopted)).toMatchObject({ status: 'synced', youtubeVideoId: existingId, ownsVideo: false });
  });
});

describe('when the story gets another video', () => {
  test('a replaced video file is uploaded anew; the old upload is made private and loses the story marker', async () => {
    const documentId = await publishedStoryWithVideo('Neuer Schnitt');
    await drain();
    const oldId = (await stateOf(documentId)).youtubeVideoId;
    const replacement = await addVideoFile(app.strapi, 'neuer-schnitt-v2', 900 * 1024);
    await app.strapi.documents(STORY).update({ documentId, data: { video: replacement.id } as never });
    await app.strapi.documents(STORY).publish({ documentId });
    await drain();
    const state = await stateOf(documentId);
    expect(state.youtubeVideoId).not.toBe(oldId);
    const fresh = youtube.videos().find((v) => v.id === state.youtubeVideoId);
    expect(fresh?.media?.size).toBe(900 * 1024);
    const old = youtube.videos().find((v) => v.id === oldId);
    expect(old?.status.privacyStatus).toBe('private');
    expect(old?.snippet.tags).not.toContain(`zm-${documentId}`);
    expect(youtube.playlistItems().filter((i) => i.videoId === oldId)).toHaveLength(0);
    expect(youtube.playlistItems().filter((i) => i.videoId === fresh?.id)).toHaveLength(4);
  });

  test('a linked video replaced by an uploaded file: the link is left alone, the file is uploaded', async () => {
    const documentId = await publishedStoryWithVideo('Erst verlinkt');
    await drain();
    const linked = (await stateOf(documentId)).youtubeVideoId;
    const other = await createStory(app.strapi, { title: 'Verlinkt', region: 'emden', themes: ['kultur'], data: { youtubeVideoId: linked } });
    await drain();
    const file = await addVideoFile(app.strapi, 'eigene-datei');
    await app.strapi.documents(STORY).update({ documentId: other, data: { youtubeVideoId: null, video: file.id } as never });
    await app.strapi.documents(STORY).publish({ documentId: other });
    await drain();
    const state = await stateOf(other);
    expect(state).toMatchObject({ status: 'synced', ownsVideo: true });
    expect(state.youtubeVideoId).not.toBe(linked);
    expect(youtube.videos().find((v) => v.id === linked)?.status.privacyStatus).toBe('public');
  });
});

describe('when YouTube says no', () => {
  test('quota exhausted → parked until midnight Pacific time, then finished the next day', async () => {
    youtube.setFaults({ quotaExhausted: true });
    const documentId = await publishedStoryWithVideo('Kontingent erschöpft');
    await drain();
    const parked = await jobOf(documentId);
    expect(parked.status).toBe('waiting_for_quota');
    expect(await stateOf(documentId)).toMatchObject({ status: 'waiting_for_quota' });
    const resume = new Date(parked.runAt);
    const pacific = new Intl.DateTimeFormat('en-US', { timeZone: 'America/Los_Angeles', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' });
    expect(pacific.format(resume)).toBe('00:00');
    expect((await drain()).processed).toBe(0);
    youtube.clearFaults();
    clock.set(new Date(resume.getTime() + 1000));
    await drain();
    expect(await stateOf(documentId)).toMatchObject({ status: 'synced' });
  });

  test('a revoked refresh token → "reconnect the channel" with the likely cause', async () => {
    youtube.revokeRefreshToken('emulator-refresh-token');
    const documentId = await createStory(app.strapi, { title: 'Token widerrufen', region: 'emden', themes: ['sport'], data: { youtubeVideoId: 'dQw4w9WgXcQ' } });
    await drain();
    expect(await jobOf(documentId)).toMatchObject({ status: 'needs_reconnect', errorKind: 'auth' });
    const state = await stateOf(documentId);
    expect(state.status).toBe('needs_reconnect');
    expect(state.lastError).toMatch(/Testing.*7 Tagen/);
    const job = await jobOf(documentId);
    for (const text of [state.lastError, job.lastError]) {
      expect(text).not.toContain('emulator-refresh-token');
      expect(text).not.toContain('emulator-client-secret');
    }
    youtube.addRefreshToken('emulator-refresh-token');
  });

  test('30 % injected 5xx: every job finishes, no story is uploaded twice', async () => {
    youtube.addRefreshToken('emulator-refresh-token');
    await app.strapi.db.query(JOB).updateMany({ where: { status: 'needs_reconnect' }, data: { status: 'done' } });
    const before = youtube.videos().length;
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) ids.push(await publishedStoryWithVideo(`Störung ${i}`, 'cuxhaven', ['ehrenamt-und-vereine']));
    youtube.setFaults({ errorRate: 0.3, seed: 7 });
    for (let round = 0; round < 60; round++) {
      await drain();
      const open = await app.strapi.db.query(JOB).count({ where: { storyDocumentId: { $in: ids }, status: { $ne: 'done' } } });
      if (open === 0) break;
      clock.advance(31 * 60 * 1000);
    }
    youtube.clearFaults();
    for (const id of ids) expect(await stateOf(id)).toMatchObject({ status: 'synced' });
    const uploaded = youtube.videos().slice(before);
    expect(uploaded).toHaveLength(8);
    const markers = uploaded.map((v) => v.snippet.tags.find((t) => t.startsWith('zm-')));
    expect(new Set(markers).size).toBe(8);
    expect(youtube.calls().some((c) => c.status >= 500)).toBe(true);
  });
});
