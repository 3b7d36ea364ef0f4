import type { ConnectionSummary, DisplayStatus, JobStatus, JobView, MissingItem, QuotaView } from '../../../../shared/admin-views';

/**
 * The answers of the plugin's admin API (server/src/admin-api/*). The shapes the server builds with the same types
 * come from shared/admin-views.ts; the rest are written out here, and the admin-API tests pin their server side.
 */
export type {
  ChannelView,
  ConnectionSummary,
  ConnectionTest,
  DisplayStatus,
  JobError,
  JobStatus,
  JobView,
  MissingItem,
  ParkedJob,
  QuotaView,
  StoryStatusView,
} from '../../../../shared/admin-views';

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
  quota: QuotaView;
  missing: Record<MissingItem, number>;
  nextRunAt: string | null;
  resync: ResyncProgress | null;
  working: boolean;
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
