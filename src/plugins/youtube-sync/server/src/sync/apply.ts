import { YouTubeError } from '../youtube/errors';
import type { SyncContext } from './context';
import { loadStory, type StorySnapshot } from './load-story';
import { updatedParts } from '../youtube/video-parts';
import { site } from '../dependencies';
import { desiredHash, metadataHash, planStory, videoSource, type DesiredState } from './plan';
import { syncCaptions } from './captions';
import { addToPlaylist, ensurePlaylist, forgetPlaylist, removeFromPlaylist } from './playlists';
import { syncThumbnail } from './thumbnails';
import { retireOwnVideo } from './retire';
import { saveState, stateOf, type PlaylistMembership, type SyncState } from './state';
import { FORGET_UPLOAD, uploadVideo } from './upload';

export type { SyncContext };

export type SyncResult = 'synced' | 'unchanged' | 'no_video' | 'removed';

async function syncPlaylists(ctx: SyncContext, state: SyncState, desired: DesiredState, videoId: string) {
  const current: Record<string, PlaylistMembership> = { ...(state.playlistItems ?? {}) };
  const wanted = new Set(desired.playlists.map((p) => p.key));
  for (const [key, membership] of Object.entries(current)) {
    if (wanted.has(key)) continue;
    await removeFromPlaylist(ctx.client, membership, videoId);
    delete current[key];
    await saveState(ctx.strapi, state, { playlistItems: current });
  }
  // Every wanted playlist is checked, not only new memberships: a playlist made before a change of the privacy
  // setting is brought in line (a database read when nothing changed).
  const privacy = desired.metadata.status.privacyStatus;
  for (const playlist of desired.playlists) {
    const playlistId = await ensurePlaylist(ctx.strapi, ctx.client, playlist, privacy);
    if (current[playlist.key]) continue;
    try {
      current[playlist.key] = await addToPlaylist(ctx.client, playlistId, videoId, ctx.config.playlistOrder === 'newest_first' ? 0 : undefined);
    } catch (error) {
      if ((error as YouTubeError).reason !== 'playlistNotFound') throw error;
      // Deleted on YouTube since we last looked: forget it, so the retry creates it again.
      await forgetPlaylist(ctx.strapi, playlistId);
      throw new YouTubeError(`playlist ${playlistId} (${playlist.key}) was deleted on YouTube; it is created again`, 'retryable', 404, 'playlistNotFound');
    }
    await saveState(ctx.strapi, state, { playlistItems: current });
  }
}

const FORGET_VIDEO = {
  youtubeVideoId: null,
  videoSource: null,
  ownsVideo: false,
  metadataHash: null,
  thumbnailHash: null,
  playlistItems: {},
  captions: {},
  uploadSessionUri: null,
  privacyStatus: null,
  forcedPrivate: false,
};

/**
 * The story now stands for another video (a new file, another link, or none): the old one leaves our playlists;
 * if we uploaded it, it is deleted or made private as configured, and loses the story's marker tag so that a later
 * search for the new upload cannot mistake it for the new one. A linked video that is not ours is left alone.
 */
async function retireVideo(ctx: SyncContext, state: SyncState, marker: string) {
  const videoId = state.youtubeVideoId as string;
  for (const membership of Object.values(state.playlistItems ?? {})) await removeFromPlaylist(ctx.client, membership, videoId);
  if (state.ownsVideo) await retireOwnVideo(ctx, videoId, marker);
  await saveState(ctx.strapi, state, FORGET_VIDEO);
}

async function publishStory(ctx: SyncContext, state: SyncState, story: StorySnapshot): Promise<SyncResult> {
  const { strapi, client, config } = ctx;
  const desired = planStory(story, config, site(strapi).publicUrl());
  const hash = desiredHash(desired);
  // A missing thumbnail keeps the story from counting as unchanged, so that every later sync tries it again.
  if (hash === state.syncedHash && (state.status === 'synced' || state.status === 'no_video') && !state.thumbnailIssue) return 'unchanged';
  const source = videoSource(desired);
  if (state.youtubeVideoId && state.videoSource && state.videoSource !== source) await retireVideo(ctx, state, desired.marker);
  if (!desired.video) {
    await saveState(strapi, state, { status: 'no_video', syncedHash: hash, lastError: null, lastSyncedAt: ctx.now().toISOString() });
    return 'no_video';
  }

  let videoId = state.youtubeVideoId;
  let writtenMetadata = state.metadataHash;
  if (desired.video.source === 'adopted' && !videoId) {
    videoId = desired.video.id;
    writtenMetadata = null;
    await saveState(strapi, state, { ...FORGET_VIDEO, youtubeVideoId: videoId, videoSource: source });
  } else if (desired.video.source === 'upload' && !videoId) {
    const { video, metadataHash: carried } = await uploadVideo(ctx, state, desired, desired.video.file);
    videoId = video.id as string;
    // The metadata the video carries: if the story changed while it was uploading, the update below follows.
    writtenMetadata = carried;
    await saveState(strapi, state, {
      ...FORGET_UPLOAD,
      youtubeVideoId: videoId,
      videoSource: source,
      ownsVideo: true,
      metadataHash: writtenMetadata,
      firstUploadAt: state.firstUploadAt ?? ctx.now().toISOString(),
      privacyStatus: video.status?.privacyStatus ?? null,
      forcedPrivate: desired.metadata.status.privacyStatus !== 'private' && video.status?.privacyStatus === 'private',
    });
  }
  if (!videoId) throw new YouTubeError('no video id after upload', 'permanent');

  if (writtenMetadata !== metadataHash(desired)) {
    // Read, change, write: the status keeps licence, embedding, statistics, audience and schedule as the channel
    // has them; only the privacy is ours to set.
    const [current] = await client.videos([videoId]);
    if (!current) throw new YouTubeError(`video ${videoId} is no longer on YouTube`, 'permanent', 404, 'videoNotFound');
    const update = updatedParts(current, videoId, { snippet: desired.metadata.snippet, status: { privacyStatus: desired.metadata.status.privacyStatus } });
    const updated = await client.updateVideo(update.video, update.parts);
    const forcedPrivate = desired.metadata.status.privacyStatus !== 'private' && updated.status?.privacyStatus === 'private';
    await saveState(strapi, state, { metadataHash: metadataHash(desired), privacyStatus: updated.status?.privacyStatus ?? null, forcedPrivate });
  }
  await syncThumbnail(strapi, client, state, desired, videoId, ctx.now());
  await syncPlaylists(ctx, state, desired, videoId);
  await syncCaptions(strapi, client, state, desired, videoId);
  await saveState(strapi, state, {
    status: 'synced',
    syncedHash: hash,
    lastError: null,
    lastSyncedAt: ctx.now().toISOString(),
    takedown: null,
  });
  return 'synced';
}

/** Unpublished: out of every playlist and private. Deleted or consent withdrawn: deleted (if ours and so configured) or private. */
async function takeDown(ctx: SyncContext, state: SyncState, presence: 'unpublished' | 'deleted' | 'withdrawn'): Promise<SyncResult> {
  const { strapi, client, config } = ctx;
  const videoId = state.youtubeVideoId;
  if (!videoId) {
    await saveState(strapi, state, { status: 'removed', syncedHash: null, lastSyncedAt: ctx.now().toISOString() });
    return 'removed';
  }
  for (const [key, membership] of Object.entries(state.playlistItems ?? {})) {
    await removeFromPlaylist(client, membership, videoId);
    const rest = { ...(state.playlistItems ?? {}) };
    delete rest[key];
    await saveState(strapi, state, { playlistItems: rest });
  }
  const remove = presence !== 'unpublished' && config.takedown === 'delete' && state.ownsVideo;
  let action: string;
  if (remove) {
    try {
      await client.deleteVideo(videoId);
    } catch (error) {
      if ((error as YouTubeError).reason !== 'videoNotFound') throw error;
    }
    action = 'deleted';
  } else {
    const [video] = await client.videos([videoId]);
    if (video && video.status?.privacyStatus !== 'private') {
      const update = updatedParts(video, videoId, { status: { privacyStatus: 'private' } });
      await client.updateVideo(update.video, update.parts);
    }
    action = video ? 'made_private' : 'already_gone';
  }
  await saveState(strapi, state, {
    status: 'removed',
    syncedHash: null,
    metadataHash: null,
    privacyStatus: remove ? null : 'private',
    ...(remove && FORGET_VIDEO),
    lastError: null,
    lastSyncedAt: ctx.now().toISOString(),
    takedown: { action, reason: presence, videoId, at: ctx.now().toISOString() },
  });
  return 'removed';
}

/** Brings YouTube in line with one story. Makes no call at all when nothing changed since the last sync. */
export async function syncStory(ctx: SyncContext, storyDocumentId: string): Promise<SyncResult> {
  const state: SyncState = { ...(await stateOf(ctx.strapi, storyDocumentId)), lockToken: ctx.lockToken };
  const loaded = await loadStory(ctx.strapi, storyDocumentId);
  if (loaded.presence === 'published') return publishStory(ctx, state, loaded.story);
  const done = state as SyncState & { takedown?: { reason?: string } | null };
  // Already down; only a later deletion or withdrawal of an unpublished story may ask for more (deleting the video).
  if (done.status === 'removed' && (loaded.presence === 'unpublished' || done.takedown?.reason !== 'unpublished' || !state.youtubeVideoId)) {
    return 'unchanged';
  }
  return takeDown(ctx, state, loaded.presence);
}
