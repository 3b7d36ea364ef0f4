import type { Core } from '@strapi/strapi';
import type { Where } from '../../../../../shared/operations';
import { leaseQueue } from '../dependencies';
import { jobLabel, type SyncJob } from '../sync-jobs/jobs';

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
  /** What the pending session uploads: resuming it with another file would mix bytes or stall. */
  uploadFile: UploadIdentity | null;
  /** The metadata the pending session's video was started with (its hash). */
  uploadMetadataHash: string | null;
  /** Every video id YouTube handed back for an upload of this story, kept until one is recorded as the story's. */
  uploadedVideoIds: string[] | null;
  /** The pending session was sent its last chunk: if the session is gone, the video may exist. */
  uploadFinalSent: boolean | null;
  /** When the upload session was found gone without the video: the search for it ends a window after this. */
  uploadLostAt: string | null;
  lastError: string | null;
  /** The lock token of the job that may write this row; a worker whose token no longer matches lost its lease. */
  lockToken: string | null;
}

export interface UploadIdentity {
  mediaId: number | null;
  size: number;
  sha256: string;
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

/**
 * Writes changes to the state row only while it still carries the lock token this copy was read (or claimed) with:
 * otherwise another worker took the story over, and this one stops with the lease-queue's lease-lost error instead of overwriting.
 */
export async function saveState(strapi: Core.Strapi, state: SyncState, changes: Partial<SyncState> & Record<string, unknown>) {
  const { count } = await strapi.db.query(STATE).updateMany({ where: { id: state.id, lockToken: state.lockToken ?? null }, data: changes });
  if (count !== 1) throw leaseQueue(strapi).leaseLost(jobLabel(state.storyDocumentId));
  Object.assign(state, changes);
}

/**
 * The story's side of a job claim, in the claim's transaction: its state takes the job's new lock token (none when
 * the job was given up, which also fails the story), so every write of a worker that held the job before no longer
 * matches. A story without a state row gets one here, so that it carries the token from its first write.
 */
export async function fenceState(strapi: Core.Strapi, job: SyncJob, written: Where) {
  const states = strapi.db.query(STATE);
  const fence = { storyDocumentId: job.storyDocumentId, lockToken: (written.lockToken as string | null) ?? null };
  const { count } = await states.updateMany({ where: { storyDocumentId: fence.storyDocumentId }, data: { lockToken: fence.lockToken } });
  if (count === 0) await states.create({ data: { ...fence, status: 'pending', playlistItems: {} } });
  if (written.status === 'failed') await states.updateMany({ where: { storyDocumentId: fence.storyDocumentId }, data: { status: 'failed', lastError: written.lastError } });
}
