import crypto from 'crypto';

/** A rendered public answer: the exact bytes and the validators a client or proxy revalidates with. */
export interface PublicResponse {
  body: Buffer;
  contentType: string;
  etag: string;
  lastModified: string;
  cacheControl: string;
}

export const JSON_TYPE = 'application/json; charset=utf-8';

/** Shared caches may keep an answer a minute and serve it stale for five more while they revalidate. */
export const CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300';
/** The contract changes with a deployment, not with content. */
export const CACHE_CONTROL_CONTRACT = 'public, max-age=3600, stale-while-revalidate=86400';

/** Strong validator: the same bytes give the same tag on every instance. */
export const strongEtag = (body: Buffer) => `"${crypto.createHash('sha1').update(body).digest('base64url')}"`;

export function render(body: string | Buffer, contentType: string, lastModified: Date, cacheControl = CACHE_CONTROL): PublicResponse {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return { body: bytes, contentType, etag: strongEtag(bytes), lastModified: lastModified.toUTCString(), cacheControl };
}

export const renderJson = (value: unknown, lastModified: Date, cacheControl = CACHE_CONTROL) =>
  render(JSON.stringify(value), JSON_TYPE, lastModified, cacheControl);
