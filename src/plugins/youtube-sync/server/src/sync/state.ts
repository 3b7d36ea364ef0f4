import type { Core } from '@strapi/strapi';

export const STATE = 'plugin::youtube-sync.sync-state';
export const PLAYLIST = 'plugin::youtube-sync.playlist';

export interface PlaylistMembership {
  playlistId: string;
  itemId: string | null;
}

export interface CaptionTrack {
  id: string;
  hash: string;
}

export interface SyncState {
  id: number;
  storyDocumentId: string;
  status: string;
  youtubeVideoId: string | null;
  /** What the video came from: `adopted:<id>` or `upload:<file hash>`; a change means another video. */
  videoSource: string | null;
  ownsVideo: boolean;
  privacyStatus: string | null;
  forcedPrivate: boolean;
  syncedHash: string | null;
  metadataHash: string | null;
  thumbnailHash: string | null;
  /** Why the custom thumbnail is missing (sync/thumbnails.ts), or null. */
  thumbnailIssue?: string | null;
  /** When the story's video first went up: later uploads do not notify subscribers. */
  firstUploadAt?: string | null;
  lastSyncedAt?: string | null;
  playlistItems: Record<string, PlaylistMembership> | null;
  captions: Record<string, CaptionTrack> | null;
  uploadSessionUri: string | null;
  uploadMarker: string | null;
  lastError: string | null;
}

export async function stateOf(strapi: Core.Strapi, storyDocumentId: string): Promise<SyncState> {
  const query = strapi.db.query(STATE);
  const existing = await query.findOne({ where: { storyDocumentId } });
  if (existing) return existing as SyncState;
  try {
    return (await query.create({ data: { storyDocumentId, status: 'pending', playlistItems: {} } })) as SyncState;
  } catch {
    return (await query.findOne({ where: { storyDocumentId } })) as SyncState;
  }
}

export async function saveState(strapi: Core.Strapi, state: SyncState, changes: Partial<SyncState> & Record<string, unknown>) {
  Object.assign(state, changes);
  await strapi.db.query(STATE).update({ where: { id: state.id }, data: changes });
}
