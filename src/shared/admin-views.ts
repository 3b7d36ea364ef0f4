/**
 * The answers of the plugin's admin API (server/src/admin-api/*) that the admin panel reads: the server builds
 * them with these types and the admin bundle reads them with the same ones, so a changed field fails the type
 * check on both sides.
 */

export type JobStatus = 'pending' | 'running' | 'done' | 'failed' | 'waiting_for_quota' | 'needs_reconnect';

/** Why a job failed, in terms an editor can act on (server/src/sync/failure-reason.ts decides which). */
export const FAILURE_REASONS = [
  'quota',
  'reconnect',
  'video_file_missing',
  'metadata_rejected',
  'video_gone',
  'forbidden',
  'unreachable',
  'worker_lost',
  'unknown',
] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

export interface JobError {
  reason: FailureReason;
  detail: string;
}

/** One word per story for badges and the side panel: what is on YouTube, or what is about to happen. */
export type DisplayStatus =
  | 'synced'
  | 'pending'
  | 'running'
  | 'failed'
  | 'waiting_for_quota'
  | 'needs_reconnect'
  | 'removed'
  | 'no_video'
  | 'not_synced';

/** What a synced story lacks on YouTube and an editor can fix (the admin words each with what to do). */
export type MissingItem = 'thumbnail_channel_not_verified';

export interface StoryStatusView {
  documentId: string;
  status: DisplayStatus;
  published: boolean;
  video: { id: string; url: string; privacyStatus: string | null; forcedPrivate: boolean } | null;
  playlists: { key: string; title: string; url: string | null }[];
  lastSyncedAt: string | null;
  job: { status: JobStatus; runAt: string; attempts: number } | null;
  error: JobError | null;
  missing: MissingItem[];
}

export interface JobView {
  storyDocumentId: string;
  storyTitle: string | null;
  status: JobStatus;
  runAt: string;
  requestedAt: string;
  finishedAt: string | null;
  attempts: number;
  error: JobError | null;
}

/** A job parked until the daily quota resets. */
export interface ParkedJob {
  storyDocumentId: string;
  storyTitle: string | null;
  runAt: string;
}

/** Today's YouTube quota as the local ledger counts it (Pacific day), and the jobs waiting for its reset. */
export interface QuotaView {
  day: string;
  used: number;
  budget: number;
  left: number;
  uploads: number;
  uploadBudget: number;
  resetsAt: string;
  parked: ParkedJob[];
  parkedTotal: number;
}

/** Where the sync's credentials come from: saved in the admin, the environment, or nowhere yet. */
export type CredentialSource = 'stored' | 'env' | 'none';

/** The connected channel as stored. */
export interface ChannelInfo {
  id: string;
  title: string;
  customUrl: string | null;
  /** A data: URL (see server/src/youtube/client.ts channelImage). */
  thumbnail: string | null;
}

/** The channel as the admin shows it, with its address on YouTube. */
export type ChannelView = ChannelInfo & { url: string };

export interface ConnectionSummary {
  connected: boolean;
  source: CredentialSource;
  channel: ChannelView | null;
  connectedAt: string | null;
  connectedBy: string | null;
  client: { clientId: string | null; source: CredentialSource };
  redirectUri: string;
  problem: string | null;
  waitingForReconnect: number;
}

export type ConnectionTest = { ok: true; channel: ChannelView } | { ok: false; kind: string; detail: string };
