// Only the YouTube module of googleapis (its README's way to load one API): the package's root pulls in the types
// of every Google API, which makes a type check of this app take ~2 GB of memory.
import { auth as googleAuth, youtube as youtubeApi, type youtube_v3 } from 'googleapis/build/src/apis/youtube';
import fs from 'fs';
import { Readable } from 'stream';
import { CodeChallengeMethod } from 'google-auth-library';
import { classify, YouTubeError } from './errors';
import type { QuotaLedger } from './quota';

/**
 * THE YouTube client: the only place that builds `googleapis` and speaks to YouTube. Every call first reserves its
 * cost in the quota ledger (a call that would cross the daily budget is not made) and is settled by how it ended;
 * every failure is classified. Tokens are never logged: errors carry status, reason and Google's message only.
 */
export interface YouTubeClientOptions {
  apiRoot: string;
  tokenUrl: string;
  clientId?: string;
  clientSecret?: string;
  refreshToken?: string;
  /** googleapis retries a failed GET or PUT at once, up to three times with a growing pause; this caps the pause. */
  retryMaxDelayMs?: number;
  ledger: QuotaLedger;
}

export type Video = youtube_v3.Schema$Video;
export type Playlist = youtube_v3.Schema$Playlist;
export type PlaylistItem = youtube_v3.Schema$PlaylistItem;
export interface CaptionFile {
  path: string;
  mime: string;
}

const withSlash = (url: string) => (url.endsWith('/') ? url : `${url}/`);

export function createYouTubeClient(options: YouTubeClientOptions) {
  const rootUrl = withSlash(options.apiRoot);
  if (!options.clientId || !options.clientSecret || !options.refreshToken) {
    throw new YouTubeError(
      'Der YouTube-Kanal ist nicht verbunden: Client-ID, Client-Secret oder Refresh-Token fehlen.',
      'auth',
      undefined,
      'not_connected'
    );
  }
  const auth = new googleAuth.OAuth2({
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    endpoints: { oauth2TokenUrl: options.tokenUrl },
    // Node's own fetch: gaxios would otherwise load node-fetch through a dynamic import on first use.
    transporterOptions: { fetchImplementation: fetch },
  });
  auth.setCredentials({ refresh_token: options.refreshToken });
  const youtube = youtubeApi({ version: 'v3', rootUrl, auth, fetchImplementation: fetch, retryConfig: { maxRetryDelay: options.retryMaxDelayMs } });

  async function call<T>(endpoint: string, request: () => Promise<{ data: T }>): Promise<T> {
    const reservation = await options.ledger.reserve(endpoint);
    try {
      const response = await request();
      await options.ledger.settle(reservation, 'success');
      return response.data;
    } catch (error) {
      const classified = classify(error);
      await options.ledger.settle(reservation, { status: classified.status, reason: classified.reason });
      throw classified;
    }
  }

  /** A call made outside googleapis (the resumable upload's start): metered the same way, by the answer's status. */
  async function metered(endpoint: string, request: () => Promise<Response>): Promise<Response> {
    const reservation = await options.ledger.reserve(endpoint);
    let response: Response;
    try {
      response = await request();
    } catch (error) {
      const classified = classify(error);
      await options.ledger.settle(reservation, { status: classified.status, reason: classified.reason });
      throw classified;
    }
    if (response.ok) {
      await options.ledger.settle(reservation, 'success');
    } else {
      const failed = classify({ status: response.status, body: await response.clone().text().catch(() => '') });
      await options.ledger.settle(reservation, { status: failed.status, reason: failed.reason });
    }
    return response;
  }

  async function accessToken(): Promise<string> {
    try {
      const { token } = await auth.getAccessToken();
      if (!token) throw new YouTubeError('Google gave no access token', 'auth');
      return token;
    } catch (error) {
      throw classify(error);
    }
  }

  async function listAll<T>(endpoint: string, page: (pageToken?: string) => Promise<{ items?: T[]; nextPageToken?: string | null }>): Promise<T[]> {
    const items: T[] = [];
    let pageToken: string | undefined;
    do {
      const data = await call(endpoint, async () => ({ data: await page(pageToken) }));
      items.push(...(data.items ?? []));
      pageToken = data.nextPageToken ?? undefined;
    } while (pageToken);
    return items;
  }

  return {
    rootUrl,
    accessToken,
    channel: () =>
      call('channels.list', () => youtube.channels.list({ part: ['snippet', 'contentDetails'], mine: true })).then((d) => d.items?.[0]),
    /** videos.list takes at most 50 ids per call; longer lists are asked for in batches. */
    videos: async (ids: string[]): Promise<Video[]> => {
      const found: Video[] = [];
      for (let i = 0; i < ids.length; i += 50) {
        const batch = ids.slice(i, i + 50);
        const data = await call('videos.list', () => youtube.videos.list({ part: ['snippet', 'status', 'contentDetails', 'statistics'], id: batch }));
        found.push(...(data.items ?? []));
      }
      return found;
    },
    /** Writes whole parts: `video` must carry every mutable property of each part (see video-parts.ts). */
    updateVideo: (video: Video, parts: string[]) => call('videos.update', () => youtube.videos.update({ part: parts, requestBody: video })),
    deleteVideo: (id: string) => call('videos.delete', () => youtube.videos.delete({ id })),
    insertVideo: (metadata: Video, body: Readable, notifySubscribers: boolean) =>
      call('videos.insert', () =>
        youtube.videos.insert({ part: ['snippet', 'status'], notifySubscribers, requestBody: metadata, media: { body } }, { rootUrl })
      ),
    playlists: () =>
      listAll<Playlist>('playlists.list', async (pageToken) =>
        (await youtube.playlists.list({ part: ['snippet', 'contentDetails'], mine: true, maxResults: 50, pageToken })).data
      ),
    insertPlaylist: (title: string, description: string, privacyStatus: string) =>
      call('playlists.insert', () =>
        youtube.playlists.insert({ part: ['snippet', 'status'], requestBody: { snippet: { title, description }, status: { privacyStatus } } })
      ),
    /** Both parts are written whole, so title, description and privacy are always sent together. */
    updatePlaylist: (id: string, title: string, description: string, privacyStatus: string) =>
      call('playlists.update', () =>
        youtube.playlists.update({ part: ['snippet', 'status'], requestBody: { id, snippet: { title, description }, status: { privacyStatus } } })
      ),
    playlistItems: (playlistId: string) =>
      listAll<PlaylistItem>('playlistItems.list', async (pageToken) =>
        (await youtube.playlistItems.list({ part: ['snippet', 'contentDetails'], playlistId, maxResults: 50, pageToken })).data
      ),
    /** The items of one video in a playlist (one unit): YouTube does not refuse a video twice, so we look first. */
    playlistItemsOfVideo: async (playlistId: string, videoId: string) =>
      (await call('playlistItems.list', () => youtube.playlistItems.list({ part: ['id'], playlistId, videoId, maxResults: 50 }))).items ?? [],
    /** `position` 0 puts the video first; without it YouTube appends. */
    insertPlaylistItem: (playlistId: string, videoId: string, position?: number) =>
      call('playlistItems.insert', () =>
        youtube.playlistItems.insert({
          part: ['snippet'],
          requestBody: { snippet: { playlistId, position, resourceId: { kind: 'youtube#video', videoId } } },
        })
      ),
    deletePlaylistItem: (id: string) => call('playlistItems.delete', () => youtube.playlistItems.delete({ id })),
    setThumbnail: (videoId: string, image: Buffer) =>
      call('thumbnails.set', () =>
        youtube.thumbnails.set({ videoId, media: { mimeType: 'image/jpeg', body: bufferStream(image) } }, { rootUrl })
      ),
    insertCaption: (videoId: string, language: string, name: string, file: CaptionFile) =>
      call('captions.insert', () =>
        youtube.captions.insert(
          { part: ['snippet'], requestBody: { snippet: { videoId, language, name } }, media: { mimeType: file.mime, body: fs.createReadStream(file.path) } },
          { rootUrl }
        )
      ),
    updateCaption: (id: string, file: CaptionFile) =>
      call('captions.update', () =>
        youtube.captions.update({ part: ['snippet'], requestBody: { id }, media: { mimeType: file.mime, body: fs.createReadStream(file.path) } }, { rootUrl })
      ),
    deleteCaption: (id: string) => call('captions.delete', () => youtube.captions.delete({ id })),
    metered,
  };
}

const bufferStream = (buffer: Buffer): Readable => Readable.from([buffer]);

export type YouTubeClient = ReturnType<typeof createYouTubeClient>;

/** What the plugin asks the channel owner for: videos, playlists and thumbnails, uploads, and captions (force-ssl). */
export const YOUTUBE_SCOPES = [
  'https://www.googleapis.com/auth/youtube',
  'https://www.googleapis.com/auth/youtube.upload',
  'https://www.googleapis.com/auth/youtube.force-ssl',
];

export interface OAuthOptions {
  authUrl: string;
  tokenUrl: string;
  revokeUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

const oauthClient = (options: Partial<OAuthOptions>) =>
  new googleAuth.OAuth2({
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    redirectUri: options.redirectUri,
    endpoints: {
      ...(options.authUrl && { oauth2AuthBaseUrl: options.authUrl }),
      ...(options.tokenUrl && { oauth2TokenUrl: options.tokenUrl }),
      ...(options.revokeUrl && { oauth2RevokeUrl: options.revokeUrl }),
    },
    transporterOptions: { fetchImplementation: fetch },
  });

/**
 * Google's consent page for the channel owner. `prompt=consent` with offline access makes Google issue a refresh
 * token even to an account that granted access before; PKCE (S256) binds the code to this server's verifier.
 */
export async function authorisationRequest(options: OAuthOptions, state: string): Promise<{ url: string; codeVerifier: string }> {
  const client = oauthClient(options);
  const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();
  const url = client.generateAuthUrl({
    access_type: 'offline',
    prompt: 'consent',
    scope: YOUTUBE_SCOPES,
    state,
    code_challenge: codeChallenge,
    code_challenge_method: CodeChallengeMethod.S256,
  });
  return { url, codeVerifier };
}

/** Trades the code from the consent page for tokens; only the refresh token is kept (the access token expires). */
export async function exchangeAuthorisationCode(options: OAuthOptions, code: string, codeVerifier: string): Promise<{ refreshToken: string | null }> {
  try {
    const { tokens } = await oauthClient(options).getToken({ code, codeVerifier, redirect_uri: options.redirectUri });
    return { refreshToken: tokens.refresh_token ?? null };
  } catch (error) {
    throw classify(error);
  }
}

/**
 * Revokes the grant behind a refresh token at Google: the token and every access token from it stop working. A
 * token Google no longer knows (`invalid_token`) counts as revoked. The token travels in the URL, so it is cut
 * out of any error message.
 */
export async function revokeGrant(revokeUrl: string, token: string): Promise<void> {
  try {
    await oauthClient({ revokeUrl }).revokeToken(token);
  } catch (error) {
    const classified = classify(error);
    if (classified.reason === 'invalid_token') return;
    throw new YouTubeError(classified.message.split(token).join('[token]'), classified.kind, classified.status, classified.reason);
  }
}

const MAX_IMAGE_BYTES = 256 * 1024;

/**
 * The channel's avatar as a data URL: the admin panel's Content-Security-Policy admits no foreign image hosts, and
 * the admin should not make editors' browsers call Google. Null when it cannot be had; it is decoration only.
 */
export async function channelImage(url: string | null | undefined): Promise<string | null> {
  if (!url) return null;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
    const type = response.headers.get('content-type')?.split(';')[0].trim() ?? '';
    if (!response.ok || !type.startsWith('image/')) return null;
    const bytes = Buffer.from(await response.arrayBuffer());
    return bytes.length > MAX_IMAGE_BYTES ? null : `data:${type};base64,${bytes.toString('base64')}`;
  } catch {
    return null;
  }
}
