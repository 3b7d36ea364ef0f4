import fs from 'fs';
import { isLeaseLost } from '../dependencies';
import { classify, YouTubeError } from './errors';
import type { Video, YouTubeClient } from './client';

/**
 * YouTube's resumable upload protocol, spoken here because the Node client keeps no session: the session URI is
 * handed to `onSession` (which persists it) before the first byte, so a worker that crashed or lost an answer
 * asks the session how much it holds and continues from there instead of uploading a second copy.
 */
export interface UploadFile {
  path: string;
  size: number;
  mime: string;
}

export interface ResumableUploadOptions {
  client: YouTubeClient;
  file: UploadFile;
  metadata: Video;
  /** videos.insert's notifySubscribers: false keeps a re-upload or an import from notifying every subscriber. */
  notifySubscribers: boolean;
  /** A session URI persisted by an earlier attempt, if any. */
  sessionUri?: string | null;
  onSession: (uri: string) => Promise<void>;
  /** Called before the last chunk is sent: from then on a lost session may have become a video. */
  onFinalChunk: () => Promise<void>;
  chunkBytes: number;
}

export type UploadOutcome = { kind: 'done'; video: Video } | { kind: 'session-gone' };

const STATUS_QUERY_ATTEMPTS = 3;

async function authorised(client: YouTubeClient, init: RequestInit & { duplex?: 'half' }, url: string) {
  const token = await client.accessToken();
  const headers = new Headers(init.headers);
  headers.set('Authorization', `Bearer ${token}`);
  try {
    return await fetch(url, { ...init, headers } as RequestInit);
  } catch (error) {
    throw classify(error);
  }
}

async function failure(response: Response): Promise<YouTubeError> {
  const text = await response.text().catch(() => '');
  return classify({ status: response.status, body: text, message: response.statusText, headers: response.headers });
}

/** Next byte to send according to a 308's Range header ("bytes=0-N"); no header means nothing is held. */
function nextOffset(response: Response): number {
  const range = response.headers.get('range');
  const match = range && /bytes=0-(\d+)/.exec(range);
  return match ? Number(match[1]) + 1 : 0;
}

async function startSession(options: ResumableUploadOptions): Promise<string> {
  const { client, file, metadata } = options;
  const url = `${client.rootUrl}upload/youtube/v3/videos?uploadType=resumable&part=snippet,status&notifySubscribers=${options.notifySubscribers}`;
  const response = await client.metered('videos.insert', () => authorised(
    client,
    {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json; charset=UTF-8',
        'X-Upload-Content-Type': file.mime,
        'X-Upload-Content-Length': String(file.size),
      },
      body: JSON.stringify(metadata),
    },
    url
  ));
  const location = response.headers.get('location');
  if (response.status !== 200 || !location) throw await failure(response);
  await options.onSession(location);
  return location;
}

/** Asks the session how far it got: a finished video, the next offset, or gone (404/410). */
export async function sessionStatus(client: YouTubeClient, uri: string, size: number): Promise<UploadOutcome | { kind: 'offset'; offset: number }> {
  let lastError: YouTubeError | undefined;
  for (let attempt = 0; attempt < STATUS_QUERY_ATTEMPTS; attempt++) {
    try {
      const response = await authorised(client, { method: 'PUT', headers: { 'Content-Range': `bytes */${size}`, 'Content-Length': '0' } }, uri);
      if (response.status === 200 || response.status === 201) return { kind: 'done', video: (await response.json()) as Video };
      if (response.status === 308) return { kind: 'offset', offset: nextOffset(response) };
      if (response.status === 404 || response.status === 410) return { kind: 'session-gone' };
      lastError = await failure(response);
      if (lastError.kind !== 'retryable') throw lastError;
    } catch (error) {
      if (isLeaseLost(error)) throw error;
      lastError = classify(error);
      if (lastError.kind !== 'retryable') throw lastError;
    }
  }
  throw lastError ?? new YouTubeError('upload status query failed', 'retryable');
}

async function sendChunk(client: YouTubeClient, uri: string, file: UploadFile, offset: number, length: number) {
  const last = offset + length - 1;
  return authorised(
    client,
    {
      method: 'PUT',
      headers: { 'Content-Length': String(length), 'Content-Range': `bytes ${offset}-${last}/${file.size}`, 'Content-Type': file.mime },
      body: fs.createReadStream(file.path, { start: offset, end: last }) as unknown as RequestInit['body'],
      duplex: 'half',
    },
    uri
  );
}

export async function resumableUpload(options: ResumableUploadOptions): Promise<UploadOutcome> {
  const { client, file } = options;
  let uri = options.sessionUri ?? undefined;
  let offset = 0;
  if (uri) {
    const state = await sessionStatus(client, uri, file.size);
    if (state.kind !== 'offset') return state;
    offset = state.offset;
  } else {
    uri = await startSession(options);
  }
  let stalled = 0;
  for (;;) {
    // A session that keeps failing without taking bytes is left for a later attempt (its URI is persisted).
    if (stalled++ >= STATUS_QUERY_ATTEMPTS) throw new YouTubeError(`upload stalled at byte ${offset} of ${file.size}`, 'retryable');
    const length = Math.min(options.chunkBytes, file.size - offset);
    if (offset + length === file.size) await options.onFinalChunk();
    let response: Response;
    try {
      response = await sendChunk(client, uri, file, offset, length);
    } catch (error) {
      // A worker that lost its job must not ask the session either: another worker owns the upload now.
      if (isLeaseLost(error)) throw error;
      // The connection dropped or the answer was lost: the session knows what arrived.
      const state = await sessionStatus(client, uri, file.size);
      if (state.kind !== 'offset') return state;
      if (state.offset > offset) stalled = 0;
      offset = state.offset;
      continue;
    }
    if (response.status === 200 || response.status === 201) return { kind: 'done', video: (await response.json()) as Video };
    if (response.status === 308) {
      const next = nextOffset(response);
      if (next > offset) stalled = 0;
      offset = next;
      continue;
    }
    if (response.status === 404 || response.status === 410) return { kind: 'session-gone' };
    const error = await failure(response);
    if (error.kind !== 'retryable') throw error;
    const state = await sessionStatus(client, uri, file.size);
    if (state.kind !== 'offset') return state;
    offset = state.offset;
  }
}
