import type { Core } from '@strapi/strapi';
import type { PluginConfig } from '../config';
import { jobs, type JobStatus, type SyncJob } from '../sync-jobs/jobs';
import { PLAYLIST, STATE, type SyncState } from '../sync/state';
import { storedFailureReason } from '../sync/failure-reason';
import { isPublished } from './stories';
import { playlistUrl, videoUrl } from './video-links';
import type { DisplayStatus, MissingItem, StoryStatusView } from '../../../../../shared/admin-views';
import { CHANNEL_NOT_VERIFIED } from '../sync/thumbnails';

type StateRow = Pick<SyncState, 'storyDocumentId' | 'status'> & Partial<SyncState> & { lastSyncedAt?: string | null };
type JobRow = Pick<SyncJob, 'storyDocumentId' | 'status'> & Partial<SyncJob>;

const OPEN_JOB: JobStatus[] = ['pending', 'running', 'failed', 'waiting_for_quota', 'needs_reconnect'];

/** An open job says what happens next and wins; otherwise the last sync's outcome. */
export function displayStatus(state: StateRow | null, job: JobRow | null): DisplayStatus {
  if (job && OPEN_JOB.includes(job.status)) return job.status as DisplayStatus;
  if (state) return state.status as DisplayStatus;
  return 'not_synced';
}

export async function storyBadges(strapi: Core.Strapi, documentIds: string[]): Promise<Record<string, DisplayStatus>> {
  const where = { storyDocumentId: { $in: documentIds } };
  const [states, openJobs] = await Promise.all([
    strapi.db.query(STATE).findMany({ where, select: ['storyDocumentId', 'status'] }) as Promise<StateRow[]>,
    jobs(strapi).findMany({ where, select: ['storyDocumentId', 'status'] }) as Promise<JobRow[]>,
  ]);
  const stateOf = new Map(states.map((s) => [s.storyDocumentId, s]));
  const jobOf = new Map(openJobs.map((j) => [j.storyDocumentId, j]));
  return Object.fromEntries(documentIds.map((id) => [id, displayStatus(stateOf.get(id) ?? null, jobOf.get(id) ?? null)]));
}

/** What the story's video lacks on YouTube; the panel says what to do about it. */
function missingOf(state: Partial<SyncState> | null): MissingItem[] {
  return state?.youtubeVideoId && state.thumbnailIssue === CHANNEL_NOT_VERIFIED ? ['thumbnail_channel_not_verified'] : [];
}

/** Everything the side panel of a story shows, from the plugin's own tables (no YouTube call). */
export async function storyStatus(strapi: Core.Strapi, config: PluginConfig, documentId: string): Promise<StoryStatusView> {
  const [state, job, published] = await Promise.all([
    strapi.db.query(STATE).findOne({ where: { storyDocumentId: documentId } }) as Promise<(SyncState & { lastSyncedAt: string | null }) | null>,
    jobs(strapi).findOne({ where: { storyDocumentId: documentId } }) as Promise<SyncJob | null>,
    isPublished(strapi, documentId),
  ]);
  const keys = Object.keys(state?.playlistItems ?? {});
  const rows = keys.length
    ? ((await strapi.db.query(PLAYLIST).findMany({ where: { key: { $in: keys } }, select: ['key', 'title', 'youtubePlaylistId'] })) as {
        key: string;
        title: string | null;
        youtubePlaylistId: string | null;
      }[])
    : [];
  const status = displayStatus(state, job);
  // A pending job may carry the error of its last attempt: the editor sees why it is being retried.
  const failing = job && job.status !== 'done' && job.lastError;
  return {
    documentId,
    status,
    published,
    video: state?.youtubeVideoId
      ? { id: state.youtubeVideoId, url: videoUrl(config, state.youtubeVideoId), privacyStatus: state.privacyStatus, forcedPrivate: state.forcedPrivate }
      : null,
    playlists: rows
      .map((p) => ({ key: p.key, title: p.title ?? p.key, url: p.youtubePlaylistId ? playlistUrl(config, p.youtubePlaylistId) : null }))
      .sort((a, b) => a.key.localeCompare(b.key)),
    lastSyncedAt: state?.lastSyncedAt ?? null,
    job: job && { status: job.status, runAt: job.runAt, attempts: job.attempts },
    error: failing && job ? { reason: storedFailureReason(job.failureReason), detail: job.lastError as string } : null,
    missing: missingOf(state),
  };
}
