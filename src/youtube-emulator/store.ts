// In-memory state of the fake channel, plus its (de)serialisation for the optional state file.
import { createHash, randomBytes } from 'node:crypto';
import type {
  CaptionRecord,
  ChannelOptions,
  PlaylistItemRecord,
  PlaylistItemView,
  PlaylistRecord,
  ThumbnailRecord,
  VideoRecord,
} from './types';
import type { QuotaUsage } from './quota';

export interface RefreshTokenRecord {
  token: string;
  /** null: accepted from any configured client (the seeded tokens). */
  clientId: string | null;
  scope: string;
  revoked: boolean;
}

export interface AccessTokenRecord {
  token: string;
  clientId: string;
  scope: string;
  expiresAt: number;
  refreshToken: string | null;
  revoked: boolean;
}

export interface AuthCodeRecord {
  code: string;
  clientId: string;
  redirectUri: string;
  scope: string;
  offline: boolean;
  codeChallenge?: string;
  codeChallengeMethod?: string;
  expiresAt: number;
  used: boolean;
}

export interface StoredThumbnail extends ThumbnailRecord {
  bytes: Buffer;
}

export const FULL_SCOPE = [
  'https://www.googleapis.com/auth/youtube',
  'https://www.googleapis.com/auth/youtube.upload',
  'https://www.googleapis.com/auth/youtube.force-ssl',
].join(' ');

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function randomId(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += ID_ALPHABET[b % 64];
  return out;
}

/** Google's timestamp style for publishedAt: whole seconds, Z. */
export function googleTime(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export function etagOf(value: unknown): string {
  return createHash('sha1').update(JSON.stringify(value)).digest('base64url').slice(0, 27);
}

export class Store {
  channel: ChannelOptions;
  videos = new Map<string, VideoRecord>();
  playlists = new Map<string, PlaylistRecord>();
  /** Items per playlist, in playlist order (position = index). */
  items = new Map<string, PlaylistItemRecord[]>();
  captions = new Map<string, CaptionRecord>();
  thumbnails = new Map<string, StoredThumbnail>();
  refreshTokens = new Map<string, RefreshTokenRecord>();
  accessTokens = new Map<string, AccessTokenRecord>();
  authCodes = new Map<string, AuthCodeRecord>();

  constructor(channel: ChannelOptions) {
    this.channel = channel;
  }

  get uploadsPlaylistId(): string {
    return `UU${this.channel.id.slice(2)}`;
  }

  itemsOf(playlistId: string): PlaylistItemRecord[] {
    let list = this.items.get(playlistId);
    if (!list) {
      list = [];
      this.items.set(playlistId, list);
    }
    return list;
  }

  findItem(itemId: string): { list: PlaylistItemRecord[]; index: number } | null {
    for (const list of this.items.values()) {
      const index = list.findIndex((i) => i.id === itemId);
      if (index >= 0) return { list, index };
    }
    return null;
  }

  allItems(): PlaylistItemView[] {
    const out: PlaylistItemView[] = [];
    for (const [playlistId, list] of this.items) {
      if (!this.playlists.has(playlistId)) continue;
      list.forEach((item, position) => out.push({ ...item, position }));
    }
    return out;
  }

  deleteVideo(id: string): boolean {
    if (!this.videos.delete(id)) return false;
    // Like YouTube, playlist items stay (rendered as "Deleted video"); captions and thumbnail go.
    this.thumbnails.delete(id);
    for (const [cid, c] of this.captions) if (c.videoId === id) this.captions.delete(cid);
    return true;
  }

  deletePlaylist(id: string): boolean {
    if (!this.playlists.delete(id)) return false;
    this.items.delete(id);
    return true;
  }

  removeItem(itemId: string): boolean {
    const found = this.findItem(itemId);
    if (!found) return false;
    found.list.splice(found.index, 1);
    return true;
  }

  /** Videos of the channel, newest first (the uploads playlist order). */
  videosNewestFirst(): VideoRecord[] {
    return [...this.videos.values()].reverse();
  }

  toJSON(quota: QuotaUsage): PersistedState {
    return {
      version: 1,
      videos: [...this.videos.values()],
      playlists: [...this.playlists.values()],
      items: [...this.items.entries()],
      captions: [...this.captions.values()],
      thumbnails: [...this.thumbnails.values()].map(({ bytes, ...rest }) => ({ ...rest, base64: bytes.toString('base64') })),
      refreshTokens: [...this.refreshTokens.values()],
      accessTokens: [...this.accessTokens.values()],
      quota,
    };
  }

  load(state: PersistedState): void {
    this.videos = new Map(state.videos.map((v) => [v.id, v]));
    this.playlists = new Map(state.playlists.map((p) => [p.id, p]));
    this.items = new Map(state.items);
    this.captions = new Map(state.captions.map((c) => [c.id, c]));
    this.thumbnails = new Map(
      state.thumbnails.map(({ base64, ...rest }) => [rest.videoId, { ...rest, bytes: Buffer.from(base64, 'base64') }]),
    );
    this.refreshTokens = new Map(state.refreshTokens.map((t) => [t.token, t]));
    this.accessTokens = new Map(state.accessTokens.map((t) => [t.token, t]));
  }
}

export interface PersistedState {
  version: 1;
  videos: VideoRecord[];
  playlists: PlaylistRecord[];
  items: Array<[string, PlaylistItemRecord[]]>;
  captions: CaptionRecord[];
  thumbnails: Array<ThumbnailRecord & { base64: string }>;
  refreshTokens: RefreshTokenRecord[];
  accessTokens: AccessTokenRecord[];
  quota: QuotaUsage;
}
