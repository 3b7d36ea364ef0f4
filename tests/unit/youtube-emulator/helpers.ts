// Shared set-up for the emulator tests: real googleapis clients pointed at a fresh emulator.
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { auth as googleAuth, youtube, type youtube_v3 } from 'googleapis/build/src/apis/youtube';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../../src/youtube-emulator';

export const CLIENT_ID = 'emulator-client-id';
export const CLIENT_SECRET = 'emulator-client-secret';
export const REFRESH_TOKEN = 'emulator-refresh-token';

export type OAuth2Client = InstanceType<typeof googleAuth.OAuth2>;

/**
 * gaxios 7 (under googleapis 178) loads node-fetch with a dynamic import(), which Jest's CJS
 * runtime refuses without --experimental-vm-modules. Node's own fetch is used instead; the
 * requests on the wire are the client's own (gaxios sets duplex: 'half' for stream bodies).
 */
export const transport = { fetchImplementation: fetch };

/** googleapis client for the emulator; retry off so each test sees every answer. */
export function youtubeClient(emu: Emulator, auth: OAuth2Client): youtube_v3.Youtube {
  return youtube({ version: 'v3', rootUrl: `${emu.url}/`, auth, retry: false, ...transport });
}

export interface Harness {
  emu: Emulator;
  auth: OAuth2Client;
  yt: youtube_v3.Youtube;
  /** Per-call options for media calls (the Node client ignores the API-level rootUrl there). */
  media: { rootUrl: string };
}

export function oauthClient(emu: Emulator, refreshToken = REFRESH_TOKEN): OAuth2Client {
  const auth = new googleAuth.OAuth2({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    endpoints: { oauth2TokenUrl: emu.tokenUrl },
    transporterOptions: transport,
  });
  auth.setCredentials({ refresh_token: refreshToken });
  return auth;
}

export async function harness(options: EmulatorOptions = {}): Promise<Harness> {
  const emu = await startEmulator(options);
  const auth = oauthClient(emu);
  const yt = youtubeClient(emu, auth);
  return { emu, auth, yt, media: { rootUrl: `${emu.url}/` } };
}

export async function accessToken(auth: OAuth2Client): Promise<string> {
  const { token } = await auth.getAccessToken();
  if (!token) throw new Error('no access token');
  return token;
}

export interface CaughtError {
  status: number;
  reason: string | undefined;
  domain: string | undefined;
  body: unknown;
}

/** Await a call that must fail and return Google's error details. */
export async function failure(promise: Promise<unknown>): Promise<CaughtError> {
  try {
    await promise;
  } catch (e) {
    // GaxiosError: status + response.data hold Google's envelope.
    const err = e as { status?: number; response?: { status?: number; data?: unknown } };
    const body = err.response?.data;
    const first = (body as { error?: { errors?: Array<{ reason?: string; domain?: string }> } } | undefined)?.error?.errors?.[0];
    return { status: err.status ?? err.response?.status ?? 0, reason: first?.reason, domain: first?.domain, body };
  }
  throw new Error('expected the call to fail, but it succeeded');
}

export function randomMedia(size: number): { data: Buffer; sha256: string } {
  const data = randomBytes(size);
  return { data, sha256: createHash('sha256').update(data).digest('hex') };
}

/** A stream in several pieces, so the client really sends it chunked. */
export function streamOf(data: Buffer, pieces = 4): Readable {
  const size = Math.ceil(data.length / pieces);
  const parts: Buffer[] = [];
  for (let i = 0; i < data.length; i += size) parts.push(data.subarray(i, i + size));
  return Readable.from(parts);
}

export const snippet = (title: string, extra: Partial<youtube_v3.Schema$VideoSnippet> = {}): youtube_v3.Schema$VideoSnippet => ({
  title,
  description: 'Eine Erfolgsgeschichte aus Niedersachsen.',
  tags: ['Integration', 'Niedersachsen'],
  categoryId: '29',
  defaultLanguage: 'de',
  defaultAudioLanguage: 'de',
  ...extra,
});

export async function uploadVideo(h: Harness, title: string, size = 10_000, privacyStatus = 'unlisted'): Promise<youtube_v3.Schema$Video> {
  const res = await h.yt.videos.insert(
    {
      part: ['snippet', 'status'],
      requestBody: { snippet: snippet(title), status: { privacyStatus } },
      media: { mimeType: 'video/mp4', body: streamOf(randomBytes(size)) },
    },
    h.media,
  );
  return res.data;
}

/** Smallest valid PNG-looking file: magic, IHDR with the given size, padding. */
export function fakePng(width = 1280, height = 720, size = 2048): Buffer {
  const b = Buffer.alloc(size, 0);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0);
  b.writeUInt32BE(13, 8);
  b.write('IHDR', 12, 'ascii');
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  return b;
}

/** JPEG with SOI, an APP0 segment and a SOF0 frame header carrying the size. */
export function fakeJpeg(width = 1280, height = 720, size = 4096): Buffer {
  const b = Buffer.alloc(size, 0);
  let i = 0;
  b[i++] = 0xff;
  b[i++] = 0xd8;
  b[i++] = 0xff;
  b[i++] = 0xe0;
  b.writeUInt16BE(16, i);
  i += 16;
  b[i++] = 0xff;
  b[i++] = 0xc0;
  b.writeUInt16BE(17, i);
  b[i + 2] = 8;
  b.writeUInt16BE(height, i + 3);
  b.writeUInt16BE(width, i + 5);
  return b;
}

/** Start a resumable session by hand, as crash-safe publisher code does. */
export async function startResumable(
  emu: Emulator,
  token: string,
  total: number,
  metadata: unknown = { snippet: snippet('Resumable'), status: { privacyStatus: 'unlisted' } },
): Promise<Response> {
  return fetch(`${emu.url}/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json; charset=UTF-8',
      'X-Upload-Content-Type': 'video/mp4',
      'X-Upload-Content-Length': String(total),
    },
    body: JSON.stringify(metadata),
  });
}

export function putChunk(sessionUri: string, data: Buffer, start: number, total: number): Promise<Response> {
  return fetch(sessionUri, {
    method: 'PUT',
    headers: { 'Content-Range': `bytes ${start}-${start + data.length - 1}/${total}`, 'Content-Type': 'video/mp4' },
    body: data,
  });
}

export function statusQuery(sessionUri: string, total: number): Promise<Response> {
  return fetch(sessionUri, { method: 'PUT', headers: { 'Content-Range': `bytes */${total}` } });
}

/** "bytes=0-N" → N+1 (the next offset); no header → 0. */
export function nextOffset(res: Response): number {
  const range = res.headers.get('range');
  if (!range) return 0;
  const m = /^bytes=0-(\d+)$/.exec(range);
  if (!m) throw new Error(`unexpected Range header ${range}`);
  return Number(m[1]) + 1;
}
