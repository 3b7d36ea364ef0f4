/**
 * The answers of the plugin's admin API (server/src/admin-api/*). Written out here because the admin bundle is
 * built apart from the server code; the admin-API tests pin the server side of the same shapes.
 */
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

export type JobStatus = 'pending' | 'running' | 'done' | 'failed' | 'waiting_for_quota' | 'needs_reconnect';

export type FailureReason = 'quota' | 'reconnect' | 'video_file_missing' | 'metadata_rejected' | 'video_gone' | 'forbidden' | 'unreachable' | 'unknown';

export type CredentialSource = 'stored' | 'env' | 'none';

export interface ChannelInfo {
  id: string;
  title: string;
  customUrl: string | null;
  thumbnail: string | null;
  url: string;
}

export interface ConnectionSummary {
  connected: boolean;
  source: CredentialSource;
  channel: ChannelInfo | null;
  connectedAt: string | null;
  connectedBy: string | null;
  client: { clientId: string | null; source: CredentialSource };
  redirectUri: string;
  problem: string | null;
  waitingForReconnect: number;
}

export interface ResyncProgress {
  startedAt: string;
  startedBy: string | null;
  total: number;
  done: number;
  failed: number;
  waiting: number;
  finished: boolean;
}

export interface SyncStatus {
  connection: ConnectionSummary;
  jobs: Record<JobStatus, number>;
  stories: Record<Exclude<DisplayStatus, 'running' | 'not_synced'>, number> & { published: number };
  quota: { day: string; used: number; budget: number; uploads: number; resetsAt: string };
  nextRunAt: string | null;
  resync: ResyncProgress | null;
  working: boolean;
}

export interface JobError {
  reason: FailureReason;
  detail: string;
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

export interface QueueView {
  queue: JobView[];
  queueTotal: number;
  failures: JobView[];
  failuresTotal: number;
}

export interface PlaylistView {
  key: string;
  kind: 'channel' | 'region' | 'theme' | 'project';
  title: string;
  url: string | null;
  videos: number;
}

export interface StoryStatusView {
  documentId: string;
  status: DisplayStatus;
  published: boolean;
  video: { id: string; url: string; privacyStatus: string | null; forcedPrivate: boolean } | null;
  playlists: { key: string; title: string; url: string | null }[];
  lastSyncedAt: string | null;
  job: { status: JobStatus; runAt: string; attempts: number } | null;
  error: JobError | null;
}

export type PlaylistKind = 'channel' | 'region' | 'theme' | 'project';

export interface EditorSettings {
  descriptionTemplate: string;
  defaultPrivacy: 'public' | 'unlisted' | 'private';
  takedown: 'delete' | 'private';
  playlists: Record<PlaylistKind, { enabled: boolean; title: string }>;
}

export interface SettingsView {
  settings: EditorSettings;
  defaults: EditorSettings;
  updatedAt: string | null;
  updatedBy: string | null;
  placeholders: string[];
}

export interface DescriptionPreview {
  description: string;
  bytes: number;
  maxBytes: number;
  truncated: boolean;
  story: { documentId: string; title: string } | null;
}

export type ConnectionTest = { ok: true; channel: ChannelInfo } | { ok: false; kind: string; detail: string };
