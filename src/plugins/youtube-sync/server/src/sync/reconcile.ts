import type { Core } from '@strapi/strapi';
import { effectiveConfig } from '../config/effective-config';
import type { PluginConfig } from '../config';
import { enqueue } from '../sync-jobs/enqueue';
import { systemClock, type Clock } from '../../../../../shared/clock';
import { createYouTubeClient, type Video, type YouTubeClient } from '../youtube/client';
import type { YouTubeError } from '../youtube/errors';
import { createQuotaLedger, type QuotaLedger } from '../youtube/quota';
import { forgetPlaylist } from './playlists';
import { storiesMissingThumbnails } from './thumbnails';
import type { Schedule } from '../../../../../shared/operations';
import { background } from '../dependencies';
import { PLAYLIST, STATE, saveState, type SyncState } from './state';

/**
 * Reconciliation: compares the channel with what the sync-states say it holds, repairs drift made by hand on
 * YouTube (a deleted playlist, a video taken out of a playlist, a deleted video) by sending the affected stories
 * through the queue again, and stores view, like and comment counts for the reports. It only reads YouTube; every
 * write goes through the sync jobs with their retries, quota parking and leases.
 */
export interface ReconcileSummary {
  /** Playlists the plugin knows of (its table and the stories' memberships), compared with the channel's. */
  playlistsChecked: number;
  /** Of those, deleted on YouTube: forgotten, so the next sync creates them again. */
  playlistsGone: number;
  /** Memberships dropped because the video was no longer in a playlist that still exists. */
  itemsMissing: number;
  videosChecked: number;
  videosMissing: number;
  statsUpdated: number;
  storiesEnqueued: number;
  /** Units this run drew from the daily YouTube quota. */
  quotaUnits: number;
}

/** `videos.list` accepts at most 50 ids per call. */
export const VIDEOS_PER_CALL = 50;

export function inBatches<T>(items: T[], size: number): T[][] {
  if (size < 1) throw new Error(`batch size must be at least 1, got ${size}`);
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}

type LinkedState = Pick<SyncState, 'id' | 'storyDocumentId' | 'status' | 'youtubeVideoId' | 'ownsVideo' | 'playlistItems'> & { youtubeVideoId: string };

/** What one story's sync-state is found to lack on YouTube. */
interface Drift {
  /** The video the state had when read: a repair applies only while the state still has it. */
  videoId: string;
  videoGone: boolean;
  /** Playlist key → the playlist the video is no longer in. */
  lostMemberships: Map<string, string>;
}

interface Run {
  strapi: Core.Strapi;
  client: YouTubeClient;
  now: () => Date;
  states: LinkedState[];
  drifts: Map<string, Drift>;
  summary: ReconcileSummary;
}

function driftOf(run: Run, state: LinkedState): Drift {
  let drift = run.drifts.get(state.storyDocumentId);
  if (!drift) {
    drift = { videoId: state.youtubeVideoId, videoGone: false, lostMemberships: new Map() };
    run.drifts.set(state.storyDocumentId, drift);
  }
  return drift;
}

const memberships = (state: LinkedState) => Object.entries(state.playlistItems ?? {});

/** Adds the units this run's calls were charged to a counter on top of the shared daily ledger, for the summary. */
function countingLedger(ledger: QuotaLedger) {
  let units = 0;
  const counting: QuotaLedger = {
    ...ledger,
    settle: async (...args: Parameters<QuotaLedger['settle']>) => {
      const charged = await ledger.settle(...args);
      units += charged;
      return charged;
    },
  };
  return { ledger: counting, spent: () => units };
}

async function step<T>(name: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new Error(`YouTube reconcile, ${name}: ${(error as Error).message}`, { cause: error });
  }
}

/** Playlists the plugin knows but the channel no longer has are forgotten; their members lose the membership. */
async function checkPlaylists(run: Run, knownIds: string[]) {
  const onChannel = new Set((await run.client.playlists()).map((p) => p.id));
  const referenced = new Set([...knownIds, ...run.states.flatMap((s) => memberships(s).map(([, m]) => m.playlistId))]);
  run.summary.playlistsChecked = referenced.size;
  const gone = new Set([...referenced].filter((id) => !onChannel.has(id)));
  for (const id of gone) await forgetPlaylist(run.strapi, id);
  run.summary.playlistsGone = gone.size;
  for (const state of run.states) {
    for (const [key, m] of memberships(state)) if (gone.has(m.playlistId)) driftOf(run, state).lostMemberships.set(key, m.playlistId);
  }
  return gone;
}

/** Looks up every linked video, 50 ids per call: missing ones are drift, present ones give their counts. */
async function checkVideos(run: Run): Promise<Set<string>> {
  const ids = [...new Set(run.states.map((s) => s.youtubeVideoId))];
  const found = new Map<string, Video>();
  for (const batch of inBatches(ids, VIDEOS_PER_CALL)) {
    for (const video of await run.client.videos(batch)) if (video.id) found.set(video.id, video);
  }
  run.summary.videosChecked = ids.length;
  run.summary.videosMissing = ids.filter((id) => !found.has(id)).length;
  const statsAt = run.now().toISOString();
  for (const state of run.states) {
    const video = found.get(state.youtubeVideoId);
    if (!video) {
      driftOf(run, state).videoGone = true;
      continue;
    }
    const stats = video.statistics ?? {};
    await run.strapi.db.query(STATE).update({
      where: { id: state.id },
      data: { viewCount: stats.viewCount ?? null, likeCount: stats.likeCount ?? null, commentCount: stats.commentCount ?? null, statsAt },
    });
    run.summary.statsUpdated += 1;
  }
  return new Set(found.keys());
}

/** The videos in a playlist, or null when it was deleted after the playlists were listed. */
async function videosIn(client: YouTubeClient, playlistId: string): Promise<Set<string> | null> {
  try {
    const items = await client.playlistItems(playlistId);
    return new Set(items.map((i) => i.contentDetails?.videoId ?? i.snippet?.resourceId?.videoId).filter((v): v is string => Boolean(v)));
  } catch (error) {
    if ((error as YouTubeError).reason === 'playlistNotFound') return null;
    throw error;
  }
}

/**
 * For synced stories whose video exists: is the video still in each playlist it was added to? Stories still in
 * the queue are left to their job. Each playlist is listed once.
 */
async function checkItems(run: Run, gonePlaylists: Set<string>, presentVideos: Set<string>) {
  const listed = new Map<string, Set<string> | null>();
  const videosOf = async (playlistId: string) => {
    if (!listed.has(playlistId)) {
      const videos = await videosIn(run.client, playlistId);
      if (!videos) {
        await forgetPlaylist(run.strapi, playlistId);
        run.summary.playlistsGone += 1;
      }
      listed.set(playlistId, videos);
    }
    return listed.get(playlistId) ?? null;
  };
  for (const state of run.states) {
    if (state.status !== 'synced' || !presentVideos.has(state.youtubeVideoId)) continue;
    for (const [key, m] of memberships(state)) {
      if (gonePlaylists.has(m.playlistId)) continue; // dropped already when the playlists were compared
      const videos = await videosOf(m.playlistId);
      if (videos?.has(state.youtubeVideoId)) continue;
      if (videos) run.summary.itemsMissing += 1;
      driftOf(run, state).lostMemberships.set(key, m.playlistId);
    }
  }
}

const ADOPTED_VIDEO_GONE = (videoId: string) =>
  `Das verknüpfte YouTube-Video ${videoId} existiert nicht mehr auf YouTube. Bitte in der Geschichte ein anderes Video verknüpfen.`;

/**
 * Writes one story's repair and queues its sync. The state is read again first: a sync that ran since the
 * listing may already have changed the video or the memberships, and then this drift is stale.
 */
async function repair(strapi: Core.Strapi, storyDocumentId: string, drift: Drift, now: Date): Promise<boolean> {
  const state = (await strapi.db.query(STATE).findOne({ where: { storyDocumentId } })) as SyncState | null;
  if (!state || state.youtubeVideoId !== drift.videoId) return false;
  if (drift.videoGone) {
    if (!state.ownsVideo && state.status !== 'removed') {
      // Somebody else's video: nothing to upload instead, so an editor has to choose another one.
      await saveState(strapi, state, { status: 'failed', syncedHash: null, metadataHash: null, lastError: ADOPTED_VIDEO_GONE(drift.videoId) });
      return false;
    }
    // Without a video id the next sync uploads again; the marker search still guards against a duplicate, and a
    // stale session URI must not be resumed (a finished session would hand back the deleted video). Thumbnail and
    // caption tracks went with the video, so the new one needs them again.
    await saveState(strapi, state, {
      youtubeVideoId: null,
      ownsVideo: false,
      privacyStatus: null,
      forcedPrivate: false,
      syncedHash: null,
      metadataHash: null,
      thumbnailHash: null,
      playlistItems: {},
      captions: {},
      uploadSessionUri: null,
    });
    if (state.status === 'removed') return false;
  } else {
    const items = { ...(state.playlistItems ?? {}) };
    const lost = [...drift.lostMemberships].filter(([key, playlistId]) => items[key]?.playlistId === playlistId);
    if (lost.length === 0) return false;
    for (const [key] of lost) delete items[key];
    await saveState(strapi, state, { playlistItems: items, syncedHash: null });
  }
  await enqueue(strapi, storyDocumentId, 'reconcile', now);
  return true;
}

export async function reconcile(strapi: Core.Strapi, baseConfig: PluginConfig, clock: Clock = systemClock): Promise<ReconcileSummary> {
  const config = await effectiveConfig(strapi, baseConfig);
  const quota = countingLedger(createQuotaLedger(strapi, clock.now, config));
  const client = createYouTubeClient({ ...config, ledger: quota.ledger });
  // The database is read before YouTube is listed: whatever a concurrent sync recorded here, it had created on
  // YouTube before, so a playlist or item made a moment ago cannot look deleted.
  const states = (await strapi.db.query(STATE).findMany({
    where: { youtubeVideoId: { $notNull: true } },
    select: ['id', 'storyDocumentId', 'status', 'youtubeVideoId', 'ownsVideo', 'playlistItems'],
  })) as LinkedState[];
  const known = (await strapi.db.query(PLAYLIST).findMany({ where: { youtubePlaylistId: { $notNull: true } }, select: ['youtubePlaylistId'] })) as {
    youtubePlaylistId: string;
  }[];
  const summary: ReconcileSummary = {
    playlistsChecked: 0,
    playlistsGone: 0,
    itemsMissing: 0,
    videosChecked: 0,
    videosMissing: 0,
    statsUpdated: 0,
    storiesEnqueued: 0,
    quotaUnits: 0,
  };
  const run: Run = { strapi, client, now: clock.now, states, drifts: new Map(), summary };

  const gone = await step('listing playlists', () => checkPlaylists(run, known.map((p) => p.youtubePlaylistId)));
  // Videos before items: a deleted video stays in its playlists as "Deleted video", and its story is uploaded
  // again with fresh memberships anyway.
  const present = await step('listing videos', () => checkVideos(run));
  await step('listing playlist items', () => checkItems(run, gone, present));
  for (const [storyDocumentId, drift] of run.drifts) {
    if (await repair(strapi, storyDocumentId, drift, clock.now())) summary.storiesEnqueued += 1;
  }
  // One story whose custom thumbnail the channel refused tries again (50 units a day while the channel stays
  // unverified); when it goes through, its sync queues all the others (sync/thumbnails.ts).
  const [probe] = await storiesMissingThumbnails(strapi, 1);
  if (probe && !run.drifts.has(probe)) {
    await enqueue(strapi, probe, 'reconcile', clock.now());
    summary.storiesEnqueued += 1;
  }
  summary.quotaUnits = quota.spent();
  return summary;
}

export function describeSummary(s: ReconcileSummary): string {
  return (
    `${s.playlistsChecked} playlist(s) checked, ${s.playlistsGone} deleted on YouTube; ${s.itemsMissing} missing playlist item(s); ` +
    `${s.videosChecked} video(s) checked, ${s.videosMissing} missing, ${s.statsUpdated} with new counts; ` +
    `${s.storiesEnqueued} stor${s.storiesEnqueued === 1 ? 'y' : 'ies'} queued for sync; ${s.quotaUnits} quota unit(s).`
  );
}

/** A run's claim outlasts any reconciliation we expect; after it, another instance assumes this one died. */
const RECONCILE_LEASE_MS = 30 * 60 * 1000;

const reconcileSchedule = (config: PluginConfig): Schedule => ({ name: 'reconcile', periodMs: config.reconcileIntervalMs, leaseMs: RECONCILE_LEASE_MS });

async function reconcileAndLog(strapi: Core.Strapi, config: PluginConfig, clock: Clock) {
  const summary = await reconcile(strapi, config, clock);
  strapi.log.info(`YouTube reconcile: ${describeSummary(summary)}`);
  return summary;
}

/** One reconciliation if this instance wins the current period across all instances; null otherwise. */
export const runScheduledReconcile = (strapi: Core.Strapi, config: PluginConfig, clock: Clock = systemClock) =>
  background(strapi).runOncePerPeriod(reconcileSchedule(config), clock, () => reconcileAndLog(strapi, config, clock));

export const startReconcileSchedule = (strapi: Core.Strapi, config: PluginConfig, clock: Clock = systemClock) =>
  background(strapi).startSchedule(reconcileSchedule(config), clock, () => reconcileAndLog(strapi, config, clock));
