import type { Core } from '@strapi/strapi';
import { enqueue } from '../sync-jobs/enqueue';
import type { YouTubeClient } from '../youtube/client';
import type { YouTubeError } from '../youtube/errors';
import { localPath, thumbnailJpeg } from './media';
import { thumbnailHash, type DesiredState } from './plan';
import { saveState, STATE, type SyncState } from './state';

/** Why a story's custom thumbnail is not on YouTube; the admin words it (translations: missing.thumbnail_…). */
export const CHANNEL_NOT_VERIFIED = 'channel_not_verified';

/**
 * thumbnails.set answers 403 `forbidden` when the channel may not use custom thumbnails — a channel without phone
 * verification (youtube.com/verify); most new channels start that way. Other 403s (scopes, quota) are not this.
 */
const unverifiedChannel = (error: YouTubeError) => error.status === 403 && error.kind === 'permanent' && error.reason === 'forbidden';

/**
 * Sets the story's cover as the video's thumbnail. A channel that may not do so does not block the story: the sync
 * goes on with playlists and captions, the state records what is missing, and the thumbnail is tried again on the
 * next sync of the story (a re-sync, or the reconcile's daily probe). When a thumbnail goes through after such a
 * refusal, the channel has been verified: every other story waiting for its thumbnail is queued.
 */
export async function syncThumbnail(strapi: Core.Strapi, client: YouTubeClient, state: SyncState, desired: DesiredState, videoId: string, now: Date) {
  const wanted = thumbnailHash(desired);
  if (!desired.thumbnail || wanted === state.thumbnailHash) {
    if (state.thumbnailIssue) await saveState(strapi, state, { thumbnailIssue: null });
    return;
  }
  try {
    await client.setThumbnail(videoId, await thumbnailJpeg(await localPath(strapi, desired.thumbnail)));
  } catch (error) {
    if (!unverifiedChannel(error as YouTubeError)) throw error;
    await saveState(strapi, state, { thumbnailIssue: CHANNEL_NOT_VERIFIED });
    return;
  }
  const wasRefused = state.thumbnailIssue === CHANNEL_NOT_VERIFIED;
  await saveState(strapi, state, { thumbnailHash: wanted, thumbnailIssue: null });
  if (wasRefused) {
    for (const waiting of await storiesMissingThumbnails(strapi)) await enqueue(strapi, waiting, 'thumbnail', now);
  }
}

export async function storiesMissingThumbnails(strapi: Core.Strapi, limit?: number): Promise<string[]> {
  const rows = (await strapi.db.query(STATE).findMany({
    where: { thumbnailIssue: CHANNEL_NOT_VERIFIED, youtubeVideoId: { $notNull: true } },
    select: ['storyDocumentId'],
    orderBy: { id: 'asc' },
    ...(limit && { limit }),
  })) as { storyDocumentId: string }[];
  return rows.map((r) => r.storyDocumentId);
}
