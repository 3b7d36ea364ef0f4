// captions.list / insert / update / delete / download. The caption file comes as the second
// part of a multipart/related body; WebVTT and SRT are recognised, anything else is stored
// as YouTube does: accepted, then status "failed" with failureReason "unknownFormat".
import type { ApiRequest, Handler } from './context';
import { errors } from './errors';
import { asObject, asString, parseContentType, parseJsonBuffer, readBody, readJson } from './http';
import { parseMultipartBuffer } from './multipart';
import { PARTS, listResponse, parseParts, renderCaption } from './resources';
import { randomId, sha256 } from './store';
import type { CaptionRecord } from './types';

const MAX_CAPTION_BYTES = 100 * 1024 * 1024;

export function captionFormat(text: string): CaptionRecord['format'] {
  const t = text.replace(/^\uFEFF/, '');
  if (/^WEBVTT(?:[ \t].*)?(?:\r?\n|$)/.test(t)) return 'vtt';
  if (/^\s*\d+\s*\r?\n\s*\d{1,2}:\d{2}:\d{2}[,.]\d{3}\s*-->\s*\d{1,2}:\d{2}:\d{2}[,.]\d{3}/.test(t)) return 'srt';
  return 'unknown';
}

interface Upload {
  metadata: Record<string, unknown>;
  file: Buffer | null;
}

/** Metadata JSON plus (for /upload/ calls) the caption file. */
async function readCaptionRequest(r: ApiRequest): Promise<Upload> {
  const ct = parseContentType(r.req.headers['content-type']);
  if (r.url.pathname.startsWith('/upload/')) {
    const body = await readBody(r.req, MAX_CAPTION_BYTES);
    if (ct.type === 'multipart/related' && ct.params.boundary) {
      let parts: ReturnType<typeof parseMultipartBuffer>;
      try {
        parts = parseMultipartBuffer(body, ct.params.boundary);
      } catch {
        throw errors.badRequest('Malformed multipart body.');
      }
      const metadata = parts[0] ? asObject(parseJsonBuffer(parts[0].body)) : {};
      return { metadata, file: parts[1]?.body ?? null };
    }
    // uploadType=media: the body is the file and there is no metadata.
    return { metadata: {}, file: body };
  }
  return { metadata: asObject(await readJson(r.req)), file: null };
}

function applyFile(caption: CaptionRecord, file: Buffer): void {
  const content = file.toString('utf8');
  caption.content = content;
  caption.size = file.length;
  caption.sha256 = sha256(file);
  caption.format = captionFormat(content);
  caption.status = caption.format === 'unknown' ? 'failed' : 'serving';
  if (caption.format === 'unknown') caption.failureReason = 'unknownFormat';
  else delete caption.failureReason;
}

export const listCaptions: Handler = async (ctx, r) => {
  const parts = parseParts(r.query, PARTS.caption);
  const videoId = r.query.get('videoId');
  if (!videoId) throw errors.required('videoId');
  if (!ctx.store.videos.has(videoId)) {
    throw errors.videoNotFoundParam('The video identified by the <code>videoId</code> parameter could not be found.', 'videoId');
  }
  const ids = r.query.list('id');
  const items = [...ctx.store.captions.values()]
    .filter((c) => c.videoId === videoId && (ids.length === 0 || ids.includes(c.id)))
    .map((c) => renderCaption(c, parts));
  return { kind: 'json', status: 200, body: listResponse('youtube#captionListResponse', items, items.length, items.length) };
};

export const insertCaption: Handler = async (ctx, r) => {
  const parts = parseParts(r.query, PARTS.caption);
  const { metadata, file } = await readCaptionRequest(r);
  if (!file || file.length === 0) throw errors.caption('contentRequired', 'The request does not contain the caption track contents.');
  const snippet = asObject(metadata.snippet);
  const videoId = asString(snippet.videoId);
  const language = asString(snippet.language);
  const name = asString(snippet.name) ?? '';
  if (!videoId || !language) {
    throw errors.caption('invalidMetadata', 'The request contains invalid metadata values, which prevent the track from being created.');
  }
  if ([...name].length > 150) throw errors.caption('nameTooLong', 'The <code>snippet.name</code> specified in the request is too long.');
  if (!ctx.store.videos.has(videoId)) {
    throw errors.videoNotFoundParam('The video identified by the <code>videoId</code> parameter could not be found.', 'body.snippet.videoId');
  }
  const duplicate = [...ctx.store.captions.values()].some((c) => c.videoId === videoId && c.language === language && c.name === name);
  if (duplicate) throw errors.captionExists();
  const caption: CaptionRecord = {
    id: `AUieDa${randomId(40)}`,
    videoId,
    language,
    name,
    isDraft: snippet.isDraft === true,
    format: 'unknown',
    status: 'serving',
    size: 0,
    sha256: '',
    content: '',
    lastUpdated: ctx.now().toISOString(),
  };
  applyFile(caption, file);
  ctx.store.captions.set(caption.id, caption);
  ctx.changed();
  return { kind: 'json', status: 200, body: renderCaption(caption, parts) };
};

export const updateCaption: Handler = async (ctx, r) => {
  const parts = parseParts(r.query, PARTS.caption);
  const { metadata, file } = await readCaptionRequest(r);
  const id = asString(metadata.id);
  if (!id) throw errors.required('id');
  const caption = ctx.store.captions.get(id);
  if (!caption) throw errors.captionNotFound();
  const snippet = asObject(metadata.snippet);
  if (typeof snippet.isDraft === 'boolean') caption.isDraft = snippet.isDraft;
  if (file && file.length > 0) applyFile(caption, file);
  caption.lastUpdated = ctx.now().toISOString();
  ctx.changed();
  return { kind: 'json', status: 200, body: renderCaption(caption, parts) };
};

export const deleteCaption: Handler = async (ctx, r) => {
  const id = r.query.get('id');
  if (!id) throw errors.required('id');
  if (!ctx.store.captions.delete(id)) throw errors.captionNotFound();
  ctx.changed();
  return { kind: 'empty', status: 204 };
};

export const downloadCaption: Handler = async (ctx, r) => {
  const id = decodeURIComponent(r.url.pathname.split('/').pop() ?? '');
  const caption = ctx.store.captions.get(id);
  if (!caption) throw errors.captionNotFound();
  // The file is returned as stored; tfmt conversion is not emulated.
  return { kind: 'raw', status: 200, body: Buffer.from(caption.content, 'utf8'), contentType: 'application/octet-stream' };
};
