import crypto from 'crypto';
import fs from 'fs';
import zlib from 'zlib';
import type { Core } from '@strapi/strapi';

type Context = Parameters<Core.MiddlewareHandler>[0];

/**
 * A read-only file of the release (a vendor bundle from node_modules, a data file of database/seed) answered with
 * an ETag, a 304 for a fresh copy and gzip when the browser takes it: strapi::public neither compresses nor sees
 * node_modules. Read and compressed once per process — the bytes cannot change while the process runs.
 */
export interface StaticFile {
  body: Buffer;
  gzipped: Buffer;
  etag: string;
  type: string;
}

/** Bytes made once per process (a file read, a file derived from one), ready to be answered. */
export function staticFileOf(body: Buffer, type: string): StaticFile {
  return { body, gzipped: zlib.gzipSync(body), etag: `"${crypto.createHash('sha1').update(body).digest('base64url')}"`, type };
}

export const loadStaticFile = (file: string, type: string): StaticFile => staticFileOf(fs.readFileSync(file), type);

export function sendStaticFile(ctx: Context, file: StaticFile, cacheControl: string) {
  ctx.set('Cache-Control', cacheControl);
  ctx.set('ETag', file.etag);
  ctx.set('Vary', 'Accept-Encoding');
  if (ctx.get('If-None-Match') === file.etag) {
    ctx.status = 304;
    return;
  }
  ctx.type = file.type;
  if (ctx.acceptsEncodings('gzip', 'identity') === 'gzip') {
    ctx.set('Content-Encoding', 'gzip');
    ctx.body = file.gzipped;
  } else {
    ctx.body = file.body;
  }
}
