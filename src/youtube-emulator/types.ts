// Public types of the YouTube emulator. Kept free of any Strapi/app import so the
// emulator can run in tests, benchmarks and the demo on its own.

export type QuotaModel = 'current' | 'legacy';

export type PrivacyStatus = 'private' | 'public' | 'unlisted';

export interface OAuthClient {
  clientId: string;
  clientSecret: string;
}

/** A refresh token known at start-up; a plain string gets the full YouTube scope set. */
export type RefreshTokenSeed = string | { token: string; clientId?: string; scope?: string };

export interface ChannelOptions {
  id: string;
  title: string;
  description: string;
  thumbnailUrl?: string;
}

export interface FaultSpec {
  /** Fraction (0..1) of API calls answered 500/503 backendError instead of being processed. */
  errorRate?: number;
  /** Limit errorRate (and latencyMs) to these endpoints, e.g. ['videos.update']. */
  errorEndpoints?: string[];
  /** Delay before each API/OAuth call is processed. */
  latencyMs?: number;
  /**
   * Destroy the socket once this many bytes of an upload body (resumable PUT or multipart POST)
   * have arrived. Resumable sessions keep what arrived, rounded down to 256 KiB like Google.
   */
  dropUploadAfterBytes?: number;
  /** How many uploads dropUploadAfterBytes affects before it clears itself (default: all). */
  dropUploadTimes?: number;
  /** The next upload completes (the video exists) but the connection is destroyed instead of answered. Once. */
  loseUploadResponse?: boolean;
  /** Behave as if the 10,000-unit bucket were empty. */
  quotaExhausted?: boolean;
  /** Behave as if the upload bucket were empty (videos.insert → 400 uploadLimitExceeded). */
  uploadLimitExhausted?: boolean;
  /** The uploads playlist leaves out videos younger than this, as YouTube lists a fresh upload only after a while. */
  uploadsPlaylistLagMs?: number;
  /** Every resumable session URI answers 404, as an expired session does (Google keeps them about a week). */
  expireUploadSessions?: boolean;
  /** Seed for the PRNG behind errorRate so a run is reproducible. */
  seed?: number;
}

/**
 * Channel and API rules that differ between channels or that tests switch: YouTube's own behaviour is the default.
 */
export interface EmulatorRules {
  /** Custom thumbnails need a verified channel (phone verification); unverified channels get 403 on thumbnails.set. */
  channelVerified: boolean;
  /**
   * A channel's own playlists take the same video twice (200, a new item). True restores the old emulator's 409
   * videoAlreadyInPlaylist, which YouTube gives only for special lists such as Watch Later.
   */
  rejectDuplicatePlaylistItems: boolean;
}

export interface EmulatorOptions {
  rules?: Partial<EmulatorRules>;
  port?: number;
  host?: string;
  quotaModel?: QuotaModel;
  dailyUnits?: number;
  dailyUploads?: number;
  now?: () => Date;
  clients?: OAuthClient[];
  refreshTokens?: RefreshTokenSeed[];
  channel?: Partial<ChannelOptions>;
  forcePrivateUploads?: boolean;
  accessTokenTtlSeconds?: number;
  /** Persist state (JSON) here so a restart keeps videos, playlists, tokens and quota. */
  stateFile?: string;
  /** Public base URL if the emulator is reached through another host name (e.g. in Docker). */
  publicUrl?: string;
}

export interface VideoStats {
  viewCount: number;
  likeCount: number;
  commentCount: number;
}

export interface VideoMedia {
  size: number;
  sha256: string;
  mimeType: string;
  uploadType: 'multipart' | 'resumable';
}

export interface VideoRecord {
  id: string;
  channelId: string;
  publishedAt: string;
  snippet: {
    title: string;
    description: string;
    tags: string[];
    categoryId: string;
    defaultLanguage?: string;
    defaultAudioLanguage?: string;
  };
  status: {
    privacyStatus: PrivacyStatus;
    license: 'youtube' | 'creativeCommon';
    embeddable: boolean;
    publicStatsViewable: boolean;
    selfDeclaredMadeForKids?: boolean;
    publishAt?: string;
  };
  /** Set when forcePrivateUploads locked the video: privacy stays private whatever is asked. */
  lockedPrivate: boolean;
  /** What the client asked for last (differs from status.privacyStatus when locked). */
  requestedPrivacyStatus: PrivacyStatus;
  statistics: VideoStats;
  media: VideoMedia;
  /** The `notifySubscribers` parameter of the insert (YouTube's default: true). */
  notifySubscribers: boolean;
  durationSeconds: number;
  thumbnailVersion: number;
}

export interface PlaylistRecord {
  id: string;
  channelId: string;
  publishedAt: string;
  snippet: { title: string; description: string; defaultLanguage?: string };
  status: { privacyStatus: PrivacyStatus };
}

export interface PlaylistItemRecord {
  id: string;
  playlistId: string;
  videoId: string;
  publishedAt: string;
  note?: string;
}

export interface PlaylistItemView extends PlaylistItemRecord {
  position: number;
}

export interface CaptionRecord {
  id: string;
  videoId: string;
  language: string;
  name: string;
  isDraft: boolean;
  format: 'vtt' | 'srt' | 'unknown';
  status: 'serving' | 'failed';
  failureReason?: 'unknownFormat';
  size: number;
  sha256: string;
  content: string;
  lastUpdated: string;
}

export interface ThumbnailRecord {
  videoId: string;
  mimeType: 'image/jpeg' | 'image/png';
  size: number;
  sha256: string;
  width: number;
  height: number;
  setAt: string;
}

export interface CallRecord {
  method: string;
  endpoint: string;
  path: string;
  query: Record<string, string | string[]>;
  status: number;
  /** Units drawn from the 10,000-unit bucket. */
  units: number;
  /** Slots drawn from the upload bucket (current model). */
  uploads: number;
  at: string;
  /** Set when the emulator destroyed the connection instead of answering (faults). */
  dropped?: boolean;
}

export interface QuotaSnapshot {
  day: string;
  unitsUsed: number;
  uploadsUsed: number;
  dailyUnits: number;
  dailyUploads: number;
  model: QuotaModel;
  resetsAt: string;
}

export interface UploadSessionSnapshot {
  id: string;
  received: number;
  total: number | null;
  videoId: string | null;
  createdAt: string;
}

export interface Emulator {
  /** Base URL, e.g. http://127.0.0.1:8095 — googleapis rootUrl is url + '/'. */
  readonly url: string;
  readonly tokenUrl: string;
  readonly authUrl: string;
  readonly revokeUrl: string;
  readonly port: number;
  close(): Promise<void>;
  reset(): void;
  setNow(now: () => Date): void;
  setFaults(faults: FaultSpec): void;
  clearFaults(): void;
  setRules(rules: Partial<EmulatorRules>): void;
  rules(): EmulatorRules;
  revokeRefreshToken(token: string): void;
  addRefreshToken(token: string, scope?: string): void;
  videos(): VideoRecord[];
  playlists(): PlaylistRecord[];
  playlistItems(): PlaylistItemView[];
  captions(): CaptionRecord[];
  thumbnails(): ThumbnailRecord[];
  uploadSessions(): UploadSessionSnapshot[];
  calls(): CallRecord[];
  clearCalls(): void;
  quota(): QuotaSnapshot;
  deleteVideoByHand(id: string): boolean;
  deletePlaylistByHand(id: string): boolean;
  removePlaylistItemByHand(id: string): boolean;
  setVideoStats(id: string, stats: Partial<VideoStats>): boolean;
}
