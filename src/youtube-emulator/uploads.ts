// videos.insert: multipart (what the Node client sends) and the resumable protocol (what
// crash-safe code speaks itself). Quota is charged once, when the insert request is made
// (the multipart POST or the resumable session POST); chunk PUTs are free.
import { createHash } from 'node:crypto';
import type { ApiRequest, EmulatorContext, Handler, Outcome } from './context';
import { pumpBody, type PumpResult } from './body-stream';
import { ApiError, errors } from './errors';
import { asObject, parseContentType, parseJsonBuffer, readBody } from './http';
import { MultipartParser } from './multipart';
import { PARTS, parseParts, renderVideo } from './resources';
import type { UploadSession } from './upload-sessions';
import { validateVideoSnippet, validateVideoStatus } from './validation';
import { createVideo } from './videos';

const VIDEO_TYPES_TEXT = ['video/*', 'application/octet-stream'];

function acceptableVideoType(mime: string): boolean {
  const t = mime.split(';')[0]?.trim().toLowerCase() ?? '';
  return t === '' || t.startsWith('video/') || t === 'application/octet-stream';
}

/**
 * `part` names the properties the insert sets: like YouTube, a part that is not named is
 * ignored (status without part=status leaves the default privacy, i.e. public).
 */
function validateMetadata(
  raw: unknown,
  parts: Set<string>,
): { snippet: ReturnType<typeof validateVideoSnippet>; status: ReturnType<typeof validateVideoStatus> } {
  const body = asObject(raw);
  return {
    snippet: validateVideoSnippet(parts.has('snippet') ? body.snippet : undefined, false),
    status: validateVideoStatus(parts.has('status') ? body.status : undefined),
  };
}

/** videos.insert's `notifySubscribers`: true unless the request says false (the parameter's documented default). */
const notifySubscribers = (r: ApiRequest): boolean => r.query.get('notifySubscribers') !== 'false';

function destroy(r: ApiRequest): void {
  r.req.socket.destroy();
}

export const insertVideo: Handler = async (ctx, r) => {
  if (!r.url.pathname.startsWith('/upload/')) throw errors.mediaBodyRequired();
  const parts = parseParts(r.query, PARTS.video);
  const uploadType = r.query.get('uploadType');
  if (uploadType === 'resumable') return startResumable(ctx, r, parts);
  if (uploadType === 'multipart') return multipartInsert(ctx, r, parts);
  throw errors.badRequest(
    uploadType === 'media'
      ? 'The emulator needs the video metadata: use uploadType=multipart or uploadType=resumable.'
      : `Invalid upload type: ${uploadType ?? '(none)'}`,
  );
};

async function startResumable(ctx: EmulatorContext, r: ApiRequest, parts: Set<string>): Promise<Outcome> {
  const body = await readBody(r.req, 1024 * 1024);
  const meta = validateMetadata(body.length > 0 ? parseJsonBuffer(body) : {}, parts);
  const mime = String(r.req.headers['x-upload-content-type'] ?? 'application/octet-stream');
  if (!acceptableVideoType(mime)) throw errors.badContent(mime, VIDEO_TYPES_TEXT);
  const lengthHeader = r.req.headers['x-upload-content-length'];
  let total: number | null = null;
  if (lengthHeader !== undefined) {
    total = Number(lengthHeader);
    if (!Number.isInteger(total) || total < 0) throw errors.badRequest('Invalid X-Upload-Content-Length header.');
  }
  const session = ctx.sessions.create({ ...meta, parts: [...parts], notifySubscribers: notifySubscribers(r) }, mime, total, ctx.now().getTime());
  const location = `${r.base}/upload/youtube/v3/videos?uploadType=resumable&part=${encodeURIComponent([...parts].join(','))}&upload_id=${session.id}`;
  return { kind: 'empty', status: 200, headers: { Location: location, 'X-GUploader-UploadID': session.id } };
}

async function multipartInsert(ctx: EmulatorContext, r: ApiRequest, parts: Set<string>): Promise<Outcome> {
  const ct = parseContentType(r.req.headers['content-type']);
  const boundary = ct.params.boundary;
  if (ct.type !== 'multipart/related' || !boundary) throw errors.badRequest('Invalid multipart request with 0 mime parts.');

  const metaChunks: Buffer[] = [];
  let metaSize = 0;
  let mediaType = '';
  let mediaSize = 0;
  const hash = createHash('sha256');
  let index = 0;
  // Held in an object: TypeScript does not see assignments made inside the callbacks.
  const parse: { failure: Error | null } = { failure: null };
  const parser = new MultipartParser(boundary, {
    onPartBegin: (headers) => {
      index += 1;
      if (index === 2) mediaType = headers['content-type'] ?? '';
    },
    onPartData: (data) => {
      if (index === 1) {
        metaSize += data.length;
        if (metaSize > 1024 * 1024) throw errors.badRequest('Metadata part too large.');
        metaChunks.push(Buffer.from(data));
      } else if (index === 2) {
        mediaSize += data.length;
        hash.update(data);
      }
    },
    onPartEnd: () => undefined,
  });

  const dropAfter = ctx.faults.dropAfter();
  const result = await pumpBody(r.req, dropAfter, (chunk) => {
    if (parse.failure) return;
    try {
      parser.write(chunk);
    } catch (e) {
      parse.failure = e instanceof Error ? e : new Error(String(e));
    }
  });
  if (result === 'dropped') {
    ctx.faults.consumeDrop();
    return { kind: 'dropped', completed: false };
  }
  if (result === 'aborted') return { kind: 'dropped', completed: false };
  if (parse.failure) throw parse.failure instanceof ApiError ? parse.failure : errors.badRequest('Malformed multipart body.');
  if (index < 2 || mediaSize === 0) throw errors.mediaBodyRequired();
  if (!parser.finished) throw errors.badRequest('Malformed multipart body: missing closing boundary.');

  const meta = validateMetadata(parseJsonBuffer(Buffer.concat(metaChunks)), parts);
  if (!acceptableVideoType(mediaType)) throw errors.badContent(mediaType, VIDEO_TYPES_TEXT);
  const video = createVideo(ctx, meta.snippet, meta.status, {
    size: mediaSize,
    sha256: hash.digest('hex'),
    mimeType: mediaType.split(';')[0]?.trim() || 'application/octet-stream',
    uploadType: 'multipart',
  }, notifySubscribers(r));
  if (ctx.faults.takeLoseResponse()) {
    destroy(r);
    return { kind: 'dropped', completed: true };
  }
  return { kind: 'json', status: 200, body: renderVideo(ctx, r.base, video, parts) };
}

interface ContentRange {
  /** null for a status query (`bytes *\/total`). */
  start: number | null;
  end: number | null;
  total: number | null;
}

function parseContentRange(header: string | undefined, contentLength: string | undefined): ContentRange {
  if (header === undefined) {
    // A single PUT of the whole file without Content-Range is allowed.
    const len = contentLength !== undefined ? Number(contentLength) : null;
    return { start: 0, end: len !== null && len > 0 ? len - 1 : null, total: len };
  }
  const m = /^bytes (?:(\*)|(\d+)-(\d+))\/(\*|\d+)$/.exec(header.trim());
  if (!m) throw errors.badRequest('Failed to parse Content-Range header.');
  const total = m[4] === '*' ? null : Number(m[4]);
  if (m[1] === '*') return { start: null, end: null, total };
  const start = Number(m[2]);
  const end = Number(m[3]);
  if (end < start || (total !== null && end >= total)) throw errors.badRequest('Failed to parse Content-Range header.');
  return { start, end, total };
}

function rangeHeaders(session: UploadSession): Record<string, string> {
  const headers: Record<string, string> = { 'X-GUploader-UploadID': session.id };
  // No Range header at all when nothing is held: the client restarts at byte 0.
  const held = session.reportable;
  if (held > 0) headers.Range = `bytes=0-${held - 1}`;
  return headers;
}

function completedResponse(ctx: EmulatorContext, r: ApiRequest, session: UploadSession): Outcome {
  const video = session.videoId ? ctx.store.videos.get(session.videoId) : undefined;
  if (!video) throw errors.uploadSessionNotFound();
  return { kind: 'json', status: 200, body: renderVideo(ctx, r.base, video, new Set(session.metadata.parts)) };
}

function complete(ctx: EmulatorContext, r: ApiRequest, session: UploadSession): Outcome {
  const { size, sha256 } = session.finish();
  const video = createVideo(ctx, session.metadata.snippet, session.metadata.status, {
    size,
    sha256,
    mimeType: session.mimeType,
    uploadType: 'resumable',
  }, session.metadata.notifySubscribers);
  session.videoId = video.id;
  if (ctx.faults.takeLoseResponse()) {
    destroy(r);
    return { kind: 'dropped', completed: true };
  }
  return completedResponse(ctx, r, session);
}

/** PUT <session URI>: a chunk, or with `Content-Range: bytes *\/total` a status query. */
export const uploadChunk: Handler = async (ctx, r) => {
  const id = r.query.get('upload_id');
  const session = id && !ctx.faults.sessionsExpired() ? ctx.sessions.get(id, ctx.now().getTime()) : null;
  if (!session) throw errors.uploadSessionNotFound();
  if (session.videoId) return completedResponse(ctx, r, session);

  const range = parseContentRange(r.req.headers['content-range'], r.req.headers['content-length']);
  if (range.total !== null) {
    if (session.total !== null && session.total !== range.total) {
      throw errors.badRequest('The Content-Range total does not match the size announced when the session was created.');
    }
    session.total = range.total;
  }
  if (range.start === null) {
    if (session.total !== null && session.held >= session.total) return complete(ctx, r, session);
    return { kind: 'empty', status: 308, headers: rangeHeaders(session) };
  }
  // Two writers on one session would interleave bytes; Google answers such races with 503 too.
  if (session.busy) throw errors.backendError(503);
  if (range.start > session.held) {
    throw errors.badRequest(
      `Invalid request. According to the Content-Range header, the upload offset is ${range.start} byte(s), which exceeds already uploaded size of ${session.held} byte(s).`,
    );
  }

  // Bytes the server already holds are skipped: the client may resend from an older offset.
  let skip = session.held - range.start;
  session.busy = true;
  const dropAfter = ctx.faults.dropAfter();
  let result: PumpResult;
  try {
    result = await pumpBody(r.req, dropAfter, (chunk) => {
      let data = chunk;
      if (skip > 0) {
        const n = Math.min(skip, data.length);
        skip -= n;
        data = data.subarray(n);
      }
      if (session.total !== null) data = data.subarray(0, Math.max(0, session.total - session.held));
      session.append(data);
    });
  } finally {
    session.busy = false;
  }
  if (result !== 'end') {
    if (result === 'dropped') ctx.faults.consumeDrop();
    session.dropPending();
    return { kind: 'dropped', completed: false };
  }
  session.commitAll();
  if (session.total === null && r.req.headers['content-range'] === undefined) session.total = session.held;
  if (session.total !== null && session.held >= session.total) return complete(ctx, r, session);
  return { kind: 'empty', status: 308, headers: rangeHeaders(session) };
};
