import type { Emulator } from '../../src/youtube-emulator';
import { inBatches, reconcile, runScheduledReconcile } from '../../src/plugins/youtube-sync/server/src/sync/reconcile';
import { pluginConfig } from '../../src/plugins/youtube-sync/server/src/utils/plugin-config';
import { startStrapi, type TestApp } from '../support/strapi';
import { createStory } from '../support/fixtures';
import { addCaptionFile, addCoverImage, addVideoFile } from '../support/media';
import { manualClock, startYouTube, syncService, writeCalls, youtubeEnv } from '../support/youtube';

const STATE = 'plugin::youtube-sync.sync-state';
const PLAYLIST = 'plugin::youtube-sync.playlist';
const SCHEDULED_RUN = 'plugin::operations.scheduled-run';

let app: TestApp;
let youtube: Emulator;
const clock = manualClock();
const stories: Record<'amal' | 'bilal' | 'chiara', string> = { amal: '', bilal: '', chiara: '' };

const drain = () => syncService(app.strapi).drain(clock);
const runReconcile = () => reconcile(app.strapi, pluginConfig(app.strapi), clock);
const stateOf = (documentId: string) => app.strapi.db.query(STATE).findOne({ where: { storyDocumentId: documentId } });
const videoOf = async (documentId: string) => (await stateOf(documentId)).youtubeVideoId as string;
const playlistTitled = (title: string) => youtube.playlists().filter((p) => p.snippet.title === title);
const videosInPlaylist = (playlistId: string) => youtube.playlistItems().filter((i) => i.playlistId === playlistId).map((i) => i.videoId);

async function publishedStoryWithVideo(title: string, region: string, themes: string[], data: Record<string, unknown> = {}) {
  const video = await addVideoFile(app.strapi, title.toLowerCase().replace(/\W+/g, '-'));
  const cover = await addCoverImage(app.strapi, `${title}-cover`);
  return createStory(app.strapi, { title, region, themes, data: { video: video.id, cover: cover.id, ...data } });
}

beforeAll(async () => {
  youtube = await startYouTube();
  app = await startStrapi(youtubeEnv(youtube));
  stories.amal = await publishedStoryWithVideo('Amal lernt Pflege', 'goettingen', ['arbeit']);
  const captions = await addCaptionFile(app.strapi, 'bilal-de', 'Willkommen beim Training');
  stories.bilal = await publishedStoryWithVideo('Bilal trainiert die Jugend', 'goettingen', ['sport'], { captions: [{ language: 'de', file: captions.id }] });
  stories.chiara = await publishedStoryWithVideo('Chiara übersetzt', 'emden', ['sprache']);
  const first = await drain();
  if (first.results.synced !== 3) throw new Error(`setup: expected 3 synced stories, got ${JSON.stringify(first.results)}`);
});
afterAll(async () => {
  await app?.stop();
  await youtube?.close();
});
beforeEach(() => youtube.clearCalls());

describe('reconciling the channel with what it should hold', () => {
  test('a channel without drift is only read: no write call, nothing queued', async () => {
    const summary = await runReconcile();
    expect(summary).toMatchObject({ playlistsGone: 0, itemsMissing: 0, videosChecked: 3, videosMissing: 0, storiesEnqueued: 0 });
    expect(writeCalls(youtube)).toHaveLength(0);
    expect(summary.quotaUnits).toBe(youtube.calls().filter((c) => c.endpoint.includes('.list')).length);
    expect((await drain()).processed).toBe(0);
  });

  test('a region playlist deleted by hand is created again and holds both of its videos', async () => {
    const [old] = playlistTitled('ZUSAMMEN. MEHR. – Göttingen');
    youtube.deletePlaylistByHand(old.id);
    const summary = await runReconcile();
    expect(summary).toMatchObject({ playlistsGone: 1, storiesEnqueued: 2 });
    await drain();
    const recreated = playlistTitled('ZUSAMMEN. MEHR. – Göttingen');
    expect(recreated).toHaveLength(1);
    expect(recreated[0].id).not.toBe(old.id);
    expect(videosInPlaylist(recreated[0].id).sort()).toEqual([await videoOf(stories.amal), await videoOf(stories.bilal)].sort());
    expect(await app.strapi.db.query(PLAYLIST).findOne({ where: { key: 'region:goettingen' } })).toMatchObject({ youtubePlaylistId: recreated[0].id });
    expect(writeCalls(youtube).map((c) => c.endpoint).sort()).toEqual(['playlistItems.insert', 'playlistItems.insert', 'playlists.insert']);
  });

  test('a video taken out of a playlist by hand is put back, and only that story is synced', async () => {
    const videoId = await videoOf(stories.chiara);
    const [channel] = playlistTitled('ZUSAMMEN. MEHR. – Alle Geschichten');
    const item = youtube.playlistItems().find((i) => i.playlistId === channel.id && i.videoId === videoId);
    youtube.removePlaylistItemByHand(item!.id);
    expect(await runReconcile()).toMatchObject({ itemsMissing: 1, storiesEnqueued: 1 });
    const drained = await drain();
    expect(drained.processed).toBe(1);
    expect(videosInPlaylist(channel.id)).toContain(videoId);
    expect(writeCalls(youtube).map((c) => c.endpoint)).toEqual(['playlistItems.insert']);
  });

  test('an uploaded video deleted by hand is uploaded once more, with its thumbnail and captions, and the old id is gone from the state', async () => {
    const oldId = await videoOf(stories.bilal);
    youtube.deleteVideoByHand(oldId);
    expect(await runReconcile()).toMatchObject({ videosMissing: 1, storiesEnqueued: 1 });
    expect(await stateOf(stories.bilal)).toMatchObject({ youtubeVideoId: null, syncedHash: null, playlistItems: {} });
    await drain();
    const marked = youtube.videos().filter((v) => v.snippet.tags.includes(`zm-${stories.bilal}`));
    expect(marked).toHaveLength(1);
    expect(marked[0].id).not.toBe(oldId);
    expect(youtube.calls().filter((c) => c.endpoint === 'videos.insert')).toHaveLength(1);
    expect(youtube.thumbnails().filter((t) => t.videoId === marked[0].id)).toHaveLength(1);
    expect(youtube.captions().filter((c) => c.videoId === marked[0].id).map((c) => c.language)).toEqual(['de']);
    const state = await stateOf(stories.bilal);
    expect(state).toMatchObject({ status: 'synced', youtubeVideoId: marked[0].id, ownsVideo: true });
    expect(Object.values(state.playlistItems as Record<string, { playlistId: string }>)).toHaveLength(3);
    for (const { playlistId } of Object.values(state.playlistItems as Record<string, { playlistId: string }>)) {
      expect(videosInPlaylist(playlistId)).toContain(marked[0].id);
    }
  });

  test('view, like and comment counts of every video land on the sync-states', async () => {
    const counts = { amal: 120, bilal: 7, chiara: 3400 };
    for (const [name, views] of Object.entries(counts)) {
      youtube.setVideoStats(await videoOf(stories[name as keyof typeof stories]), { viewCount: views, likeCount: views / 10, commentCount: 2 });
    }
    const summary = await runReconcile();
    expect(summary).toMatchObject({ statsUpdated: 3, storiesEnqueued: 0 });
    for (const [name, views] of Object.entries(counts)) {
      const state = await stateOf(stories[name as keyof typeof stories]);
      expect(Number(state.viewCount)).toBe(views);
      expect(Number(state.likeCount)).toBe(Math.floor(views / 10));
      expect(Number(state.commentCount)).toBe(2);
      expect(new Date(state.statsAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    }
  });

  test('sixty adopted videos that no longer exist are looked up 50 ids per call and reported to the editors', async () => {
    const phantoms = Array.from({ length: 60 }, (_, i) => `gone${String(i).padStart(7, '0')}`);
    for (const [i, youtubeVideoId] of phantoms.entries()) {
      await app.strapi.db.query(STATE).create({
        data: { storyDocumentId: `phantom-${i}`, status: 'synced', youtubeVideoId, ownsVideo: false, syncedHash: 'x', playlistItems: {} },
      });
    }
    try {
      const summary = await runReconcile();
      expect(summary).toMatchObject({ videosChecked: 63, videosMissing: 60, storiesEnqueued: 0 });
      const idsPerCall = youtube
        .calls()
        .filter((c) => c.endpoint === 'videos.list')
        .map((c) => [c.query.id ?? []].flat().flatMap((v) => v.split(',')).length);
      expect(idsPerCall).toEqual([50, 13]);
      const reported = await stateOf('phantom-0');
      expect(reported).toMatchObject({ status: 'failed', youtubeVideoId: phantoms[0], syncedHash: null });
      expect(reported.lastError).toMatch(/^Das verknüpfte YouTube-Video gone0000000 existiert nicht mehr/);
      expect(writeCalls(youtube)).toHaveLength(0);
    } finally {
      await app.strapi.db.query(STATE).deleteMany({ where: { storyDocumentId: { $startsWith: 'phantom-' } } });
    }
  });
});

describe('the scheduled reconciliation', () => {
  test('two instances asking in the same period: exactly one runs, and nobody again until the next period', async () => {
    const config = pluginConfig(app.strapi);
    const raced = await Promise.all([runScheduledReconcile(app.strapi, config, clock), runScheduledReconcile(app.strapi, config, clock)]);
    expect(raced.filter((summary) => summary !== null)).toHaveLength(1);
    expect(youtube.calls().filter((c) => c.endpoint === 'playlists.list')).toHaveLength(1);
    expect(await runScheduledReconcile(app.strapi, config, clock)).toBeNull();

    const row = await app.strapi.db.query(SCHEDULED_RUN).findOne({ where: { name: 'reconcile' } });
    expect(row).toMatchObject({ lockToken: null, lastError: null, lastResult: { videosChecked: 3 } });
    expect(new Date(row.nextRunAt).getTime() - new Date(row.lastRunAt).getTime()).toBe(config.reconcileIntervalMs);

    clock.advance(config.reconcileIntervalMs + 1000);
    expect(await runScheduledReconcile(app.strapi, config, clock)).toMatchObject({ videosChecked: 3 });
  });
});

describe('batching ids for videos.list', () => {
  test('splits into runs of at most 50, keeping order', () => {
    const ids = Array.from({ length: 101 }, (_, i) => `v${i}`);
    const batches = inBatches(ids, 50);
    expect(batches.map((b) => b.length)).toEqual([50, 50, 1]);
    expect(batches.flat()).toEqual(ids);
    expect(inBatches([], 50)).toEqual([]);
  });
});
