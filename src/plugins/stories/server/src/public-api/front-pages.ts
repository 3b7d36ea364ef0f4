import fs from 'fs';
import path from 'path';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'http';
import { cacheKey, type LookupCounts, type ResponseCache } from './cache';
import { variantHeaders, variantOf, type Variant } from './encoding';
import { isNotModified } from './headers';
import { isPath, isUnder, pathOf } from './request-target';
import { render, type PublicResponse } from './response';

/**
 * The story pages and the iframe page, served by the front layer from the public API's cache. A page is built
 * behind Koa (story-pages/, embed/), which stores it in the cache; the first answer's headers — everything Strapi's
 * middlewares and the page's controller set — are recorded from that answer as it leaves, and every later hit of
 * that page is written with exactly those headers, only the coding's own (ETag, Content-Encoding, Content-Length,
 * Vary) made for the variant asked for. A page without recorded headers still goes to Koa.
 *
 * The widget's static files (/embed/*.js, *.css, served by strapi::public) go the same way: once Strapi has answered
 * one, its file is read and kept with that answer's headers, so that phones get it compressed, under an ETag.
 */

export const isPageTarget = (target: string) => isUnder(target, '/geschichten') || isPath(target, '/embed/stories');

export const isAssetTarget = (target: string) => isUnder(target, '/embed') && /\.(js|css)$/.test(pathOf(target));

/** Set per variant when the page is written; Date and Connection are Node's own. */
const PER_VARIANT = new Set(['content-length', 'content-encoding', 'etag', 'vary', 'date', 'connection', 'keep-alive', 'transfer-encoding']);

interface RecordedHeaders {
  headers: Record<string, string | string[]>;
  /** The Vary of the first answer without Accept-Encoding, which each variant adds when it varies. */
  vary: string | undefined;
}

const recorded = new WeakMap<PublicResponse, RecordedHeaders>();

function record(sent: OutgoingHttpHeaders): RecordedHeaders {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(sent)) {
    if (value === undefined || PER_VARIANT.has(name)) continue;
    headers[name] = Array.isArray(value) ? value : String(value);
  }
  const vary = String(sent.vary ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v && v.toLowerCase() !== 'accept-encoding')
    .join(', ');
  return { headers, vary: vary || undefined };
}

/**
 * When Koa ends the answer ('prefinish' is emitted inside `end()`, before the client can have the last byte and ask
 * again): keeps the answer's headers with the cached page it sent, if it sent that page.
 */
function recordWhenSent(cache: ResponseCache, key: string, res: ServerResponse) {
  res.once('prefinish', () => {
    if (res.statusCode !== 200 || res.hasHeader('set-cookie')) return;
    const page = cache.get(key);
    if (!page || recorded.has(page)) return;
    const encoding = res.getHeader('content-encoding');
    if (res.getHeader('etag') !== variantOf(page, encoding ? String(encoding) : undefined).etag) return;
    recorded.set(page, record(res.getHeaders()));
  });
}

/** A page's headers per coding, for a 200 and a 304, made once: a hit only looks them up. */
const written = new WeakMap<Variant, { ok: Record<string, string | string[]>; notModified: Record<string, string | string[]> }>();

function headersOf(variant: Variant, known: RecordedHeaders) {
  let headers = written.get(variant);
  if (!headers) {
    const all = { ...known.headers, ...variantHeaders(variant, known.vary) };
    const { 'content-type': _type, ...notModified } = all;
    headers = { ok: { ...all, 'Content-Length': String(variant.body.length) }, notModified };
    written.set(variant, headers);
  }
  return headers;
}

function writePage(req: IncomingMessage, res: ServerResponse, page: PublicResponse, known: RecordedHeaders) {
  const variant = variantOf(page, req.headers['accept-encoding']);
  const headers = headersOf(variant, known);
  if (isNotModified({ ifNoneMatch: req.headers['if-none-match'], ifModifiedSince: req.headers['if-modified-since'] }, { ...page, etag: variant.etag })) {
    res.writeHead(304, headers.notModified);
    res.end();
    return;
  }
  res.writeHead(200, headers.ok);
  res.end(req.method === 'HEAD' ? undefined : variant.body);
}

/**
 * Serves a page from the cache, or passes the request on (and records the headers of what Koa answers). Requests
 * with an Origin header always pass: Strapi's CORS middleware answers them per origin.
 */
export function servePage(cache: ResponseCache, counts: LookupCounts, cacheEnabled: boolean, req: IncomingMessage, res: ServerResponse, pass: () => void) {
  if (!cacheEnabled || (req.method !== 'GET' && req.method !== 'HEAD') || req.headers.origin) return pass();
  const key = cacheKey(req.url ?? '');
  const page = cache.get(key);
  const known = page && recorded.get(page);
  if (page && known) {
    counts.hits += 1;
    return writePage(req, res, page, known);
  }
  counts.misses += 1;
  recordWhenSent(cache, key, res);
  pass();
}

/** The widget's static files, each read once after Strapi served it and kept for the life of the process. */
export class StaticAssets {
  private readonly assets = new Map<string, { file: PublicResponse; headers: RecordedHeaders }>();

  constructor(private readonly publicDir: string) {}

  /** Serves a kept file, or passes the request on and keeps the file when Strapi answers it. */
  serve(req: IncomingMessage, res: ServerResponse, pass: () => void) {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.headers.origin) return pass();
    const key = pathOf(req.url ?? '');
    const kept = this.assets.get(key);
    if (kept) return writePage(req, res, kept.file, kept.headers);
    // strapi::public pipes the file into the answer: on 'pipe' every header is set and no byte has left yet, whereas
    // 'prefinish' comes after the last byte, which a client reading Content-Length may already have.
    const sent = () => {
      if (this.assets.has(key) || res.statusCode !== 200 || res.hasHeader('set-cookie') || res.hasHeader('content-encoding') || req.method !== 'GET') return;
      this.keep(key, res.getHeaders());
    };
    res.once('pipe', sent);
    res.once('prefinish', sent);
    pass();
  }

  /**
   * Reads the file Strapi sent for `key` (a path that does not name a file below the public folder is not kept).
   * Synchronously, once per file and process: the next request already finds it.
   */
  private keep(key: string, sent: OutgoingHttpHeaders) {
    const file = path.resolve(this.publicDir, `.${key}`);
    if (!file.startsWith(`${path.resolve(this.publicDir)}${path.sep}`)) return;
    let bytes: Buffer;
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
      bytes = fs.readFileSync(file);
    } catch {
      return;
    }
    if (Number(sent['content-length']) !== bytes.length) return;
    const headers = record(sent);
    this.assets.set(key, {
      file: render(bytes, String(sent['content-type']), stat.mtime, String(sent['cache-control'] ?? 'no-cache')),
      headers,
    });
  }
}
