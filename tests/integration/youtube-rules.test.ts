import request from 'supertest';
import type { Emulator } from '../../src/youtube-emulator';
import { readSettings, saveSettings } from '../../src/plugins/youtube-sync/server/src/config/settings';
import { pluginConfig } from '../../src/plugins/youtube-sync/server/src/utils/plugin-config';
import { adminToken } from '../support/admin';
import { completeConsent, createStory, documentIdOf } from '../support/fixtures';
import { addCaptionFile, addCoverImage, addVideoFile } from '../support/media';
import { startStrapi, type TestApp } from '../support/strapi';
import { manualClock, seedChannelVideos, startYouTube, syncService, youtubeEnv } from '../support/youtube';

/** The sync under YouTube's real rules: unverified channels, whole-part updates, notifications, playlist order. */
const STORY = 'api::story.story';
const JOB = 'plugin::youtube-sync.sync-job';
const STATE = 'plugin::youtube-sync.sync-state';

let app: TestApp;
let youtube: Emulator;
let admin: string;
const clock = manualClock();

beforeAll(async () => {
  youtube = await startYouTube();
  app = await startStrapi(youtubeEnv(youtube));
  admin = await adminToken(app.strapi);
});
afterAll(async () => {
  await app?.stop();
  await youtube?.close();
});
beforeEach(() => {
  youtube.setRules({ channelVerified: true, rejectDuplicatePlaylistItems: false });
  youtube.clearCalls();
});

const drain = () => syncService(app.strapi).drain(clock);
const reconcile = () => syncService(app.strapi).reconcile(clock);
const stateOf = (documentId: string) => app.strapi.db.query(STATE).findOne({ where: { storyDocumentId: documentId } });
const jobOf = (documentId: string) => app.strapi.db.query(JOB).findOne({ where: { storyDocumentId: documentId } });
const get = (url: string) => request(app.server).get(url).set('Authorization', `Bearer ${admin}`);
const callsTo = (endpoint: string) => youtube.calls().filter((c) => c.endpoint === endpoint);
const itemsOf = (videoId: string) => youtube.playlistItems().filter((i) => i.videoId === videoId);

async function publishedStory(title: string, extra: Record<string, unknown> = {}) {
  const slug = title.toLowerCase().replace(/\W+/g, '-');
  const video = await addVideoFile(app.strapi, slug);
  const cover = await addCoverImage(app.strapi, `${slug}-cover`);
  const captions = await addCaptionFile(app.strapi, `${slug}-de`, 'Willkommen');
  return createStory(app.strapi, {
    title,
    region: 'goettingen',
    themes: ['sprache'],
    data: { video: video.id, cover: cover.id, captions: [{ language: 'de', file: captions.id }], ...extra },
  });
}

describe('an unverified channel (no custom thumbnails)', () => {
  let documentId: string;

  test('the story still gets its playlists and captions and is done; the thumbnail is recorded as missing', async () => {
    youtube.setRules({ channelVerified: false });
    documentId = await publishedStory('Kanal ohne Verifizierung');
    expect((await drain()).results).toEqual({ synced: 1 });
    const state = await stateOf(documentId);
    expect(state).toMatchObject({ status: 'synced', thumbnailIssue: 'channel_not_verified', thumbnailHash: null });
    expect(await jobOf(documentId)).toMatchObject({ status: 'done' });
    expect(callsTo('thumbnails.set')).toMatchObject([{ status: 403 }]);
    expect(itemsOf(state.youtubeVideoId)).toHaveLength(3);
    expect(youtube.captions().filter((c) => c.videoId === state.youtubeVideoId).map((c) => c.language)).toEqual(['de']);
    expect(youtube.thumbnails()).toHaveLength(0);
  });

  test('the dashboard says what is missing and what to do', async () => {
    const story = await get(`/youtube-sync/stories/${documentId}`);
    expect(story.status).toBe(200);
    expect(story.body).toMatchObject({ status: 'synced', missing: ['thumbnail_channel_not_verified'] });
    const status = await get('/youtube-sync/status');
    expect(status.body.missing).toEqual({ thumbnail_channel_not_verified: 1 });
    const de = (await import('../../src/plugins/youtube-sync/admin/src/translations/de.json')).default as Record<string, string>;
    expect(de['missing.thumbnail_channel_not_verified']).toBe(
      'Kanal nicht verifiziert – eigenes Vorschaubild fehlt. Verifizieren Sie den Kanal unter youtube.com/verify, danach wird das Bild automatisch nachgetragen.'
    );
  });

  test('a re-sync tries the thumbnail again without blocking anything else', async () => {
    youtube.setRules({ channelVerified: false });
    await syncService(app.strapi).enqueue(documentId, 'manual', clock);
    expect((await drain()).results).toEqual({ synced: 1 });
    expect(callsTo('thumbnails.set')).toHaveLength(1);
    expect(callsTo('playlistItems.insert')).toHaveLength(0);
    expect(await stateOf(documentId)).toMatchObject({ status: 'synced', thumbnailIssue: 'channel_not_verified' });
  });

  test('once the channel is verified, the next reconcile brings the thumbnail', async () => {
    youtube.setRules({ channelVerified: true });
    const summary = await reconcile();
    expect(summary.storiesEnqueued).toBe(1);
    await drain();
    const state = await stateOf(documentId);
    expect(state).toMatchObject({ status: 'synced', thumbnailIssue: null });
    expect(state.thumbnailHash).not.toBeNull();
    expect(youtube.thumbnails().map((t) => t.videoId)).toEqual([state.youtubeVideoId]);
    expect((await get(`/youtube-sync/stories/${documentId}`)).body.missing).toEqual([]);
    expect((await get('/youtube-sync/status')).body.missing).toEqual({ thumbnail_channel_not_verified: 0 });
  });
});

async function ownerSettings(videoId: string) {
  const { access_token: token } = (await (
    await fetch(youtube.tokenUrl, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'refresh_token', client_id: 'emulator-client-id', client_secret: 'emulator-client-secret', refresh_token: 'emulator-refresh-token' }),
    })
  ).json()) as { access_token: string };
  const status = { privacyStatus: 'unlisted', license: 'creativeCommon', embeddable: false, publicStatsViewable: false, selfDeclaredMadeForKids: false };
  const answer = await fetch(`${youtube.url}/youtube/v3/videos?part=status`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ id: videoId, status }),
  });
  expect(answer.status).toBe(200);
}

describe('videos.update writes whole parts', () => {
  test('a linked video keeps its licence, embedding and statistics settings: read, change, write', async () => {
    const [videoId] = await seedChannelVideos(youtube, 1);
    await ownerSettings(videoId);
    youtube.clearCalls();
    await createStory(app.strapi, { title: 'Verlinkt mit Lizenz', region: 'emden', themes: ['kultur'], data: { youtubeVideoId: videoId } });
    await drain();
    const video = youtube.videos().find((v) => v.id === videoId);
    expect(video?.snippet.title).toBe('Verlinkt mit Lizenz');
    expect(video?.status).toMatchObject({ privacyStatus: 'public', license: 'creativeCommon', embeddable: false, publicStatsViewable: false });
    const order = youtube.calls().map((c) => c.endpoint).filter((e) => e.startsWith('videos.'));
    expect(order.indexOf('videos.list')).toBeLessThan(order.indexOf('videos.update'));
  });
});

describe('notifying subscribers', () => {
  test('a first publish notifies; an import, a new file and a reconcile repair do not', async () => {
    const first = await publishedStory('Erste Veröffentlichung');
    await drain();
    const firstId = (await stateOf(first)).youtubeVideoId;
    expect(callsTo('videos.insert').map((c) => c.query.notifySubscribers)).toEqual(['true']);
    expect(youtube.videos().find((v) => v.id === firstId)?.notifySubscribers).toBe(true);

    youtube.clearCalls();
    const video = await addVideoFile(app.strapi, 'import');
    const region = await documentIdOf(app.strapi, 'api::region.region', 'emden');
    const themes = [await documentIdOf(app.strapi, 'api::theme.theme', 'kultur')];
    const imported = await app.strapi.documents(STORY).create({
      data: { title: 'Importiert', teaser: 'Aus dem Import', kind: 'personal', editorialStatus: 'approved', region, themes, video: video.id, consent: completeConsent() } as never,
      status: 'published',
    });
    await drain();
    expect((await stateOf(imported.documentId)).status).toBe('synced');

    const replacement = await addVideoFile(app.strapi, 'neue-fassung', 800 * 1024);
    await app.strapi.documents(STORY).update({ documentId: first, data: { video: replacement.id } as never });
    await app.strapi.documents(STORY).publish({ documentId: first });
    await drain();
    const secondId = (await stateOf(first)).youtubeVideoId;
    youtube.deleteVideoByHand(secondId);
    await reconcile();
    await drain();
    expect(callsTo('videos.insert').map((c) => c.query.notifySubscribers)).toEqual(['false', 'false', 'false']);
    const quiet = [(await stateOf(imported.documentId)).youtubeVideoId, (await stateOf(first)).youtubeVideoId];
    expect(youtube.videos().filter((v) => quiet.includes(v.id)).map((v) => v.notifySubscribers)).toEqual([false, false]);
  });
});

describe('playlists', () => {
  test('the newest story comes first in every playlist', async () => {
    const older = await publishedStory('Ältere Geschichte');
    await drain();
    const newer = await publishedStory('Neuere Geschichte');
    await drain();
    const olderVideo = (await stateOf(older)).youtubeVideoId;
    const newerVideo = (await stateOf(newer)).youtubeVideoId;
    for (const item of itemsOf(newerVideo)) expect(item.position).toBe(0);
    const channelList = itemsOf(olderVideo).find((i) => itemsOf(newerVideo).some((n) => n.playlistId === i.playlistId));
    expect(channelList?.position).toBeGreaterThan(0);
    expect(callsTo('playlistItems.insert').every((c) => c.status === 200)).toBe(true);
  });

  test('playlists take the videos’ privacy, also existing ones when the setting changes', async () => {
    const config = pluginConfig(app.strapi);
    const { settings } = await readSettings(app.strapi, config);
    expect(youtube.playlists().every((p) => p.status.privacyStatus === 'public')).toBe(true);
    await saveSettings(app.strapi, { ...settings, defaultPrivacy: 'unlisted' }, null, new Date());
    try {
      const documentId = await publishedStory('Nicht gelistet', { themes: [await documentIdOf(app.strapi, 'api::theme.theme', 'sport')] });
      await drain();
      const videoId = (await stateOf(documentId)).youtubeVideoId;
      expect(youtube.videos().find((v) => v.id === videoId)?.status.privacyStatus).toBe('unlisted');
      const mine = new Set(itemsOf(videoId).map((i) => i.playlistId));
      expect(mine.size).toBe(3);
      for (const playlist of youtube.playlists().filter((p) => mine.has(p.id))) expect(playlist.status.privacyStatus).toBe('unlisted');
      expect(callsTo('playlists.update').length).toBeGreaterThan(0);
    } finally {
      await saveSettings(app.strapi, settings, null, new Date());
    }
  });
});

describe('duplicate playlist items', () => {
  /** A worker that crashed after playlistItems.insert but before recording it: our state no longer knows the items. */
  async function forgetMemberships(documentId: string) {
    await app.strapi.db.query(STATE).update({ where: { storyDocumentId: documentId }, data: { playlistItems: {}, syncedHash: null } });
    await syncService(app.strapi).enqueue(documentId, 'manual', clock);
  }

  test.each([
    ['YouTube (duplicates accepted)', false],
    ['the old emulator (409 videoAlreadyInPlaylist)', true],
  ])('are prevented by a playlistItems.list check, not by the server: %s', async (_name, reject) => {
    youtube.setRules({ rejectDuplicatePlaylistItems: reject });
    const documentId = await publishedStory(`Doppelt ${reject}`);
    await drain();
    const videoId = (await stateOf(documentId)).youtubeVideoId;
    const items = itemsOf(videoId).map((i) => i.id).sort();
    await forgetMemberships(documentId);
    youtube.clearCalls();
    await drain();
    expect(itemsOf(videoId).map((i) => i.id).sort()).toEqual(items);
    expect(callsTo('playlistItems.insert')).toHaveLength(0);
    expect(callsTo('playlistItems.list').length).toBeGreaterThanOrEqual(3);
    const memberships = Object.values((await stateOf(documentId)).playlistItems as Record<string, { itemId: string }>).map((m) => m.itemId).sort();
    expect(memberships).toEqual(items);
  });
});
