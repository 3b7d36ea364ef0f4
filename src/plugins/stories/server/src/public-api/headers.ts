import { variantHeaders, type Variant } from './encoding';
import type { PublicResponse } from './response';
import { SECURITY_HEADERS } from '../../../../../shared/security-headers';
import type { CorsAccess } from '../../../../../shared/public-api';

/**
 * The headers of every /api/v1 answer, whether the front layer serves it from the cache or Koa builds it: the same
 * function sets them on both paths, so a partner cannot tell a hit from a miss (apart from speed).
 */

export type CorsOrigins = '*' | string[];

export { SECURITY_HEADERS };

const EXPOSED = 'ETag, Last-Modified, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining';
const ALLOWED_REQUEST_HEADERS = 'X-Api-Key, If-None-Match, If-Modified-Since, Content-Type';

export function corsHeaders(origin: string | undefined, allowed: CorsOrigins): Record<string, string> {
  const headers: Record<string, string> = { Vary: 'Origin' };
  if (allowed === '*') headers['Access-Control-Allow-Origin'] = '*';
  else if (origin && allowed.includes(origin)) headers['Access-Control-Allow-Origin'] = origin;
  else return headers;
  headers['Access-Control-Expose-Headers'] = EXPOSED;
  return headers;
}

/** The methods and request headers a preflight allows: reading by default; the submission API allows more. */
export type { CorsAccess };

const READ_ACCESS: CorsAccess = { methods: 'GET, HEAD, OPTIONS', requestHeaders: ALLOWED_REQUEST_HEADERS };

export function preflightHeaders(origin: string | undefined, allowed: CorsOrigins, access: CorsAccess = READ_ACCESS): Record<string, string> {
  const headers = corsHeaders(origin, allowed);
  if (!headers['Access-Control-Allow-Origin']) return { ...headers, ...SECURITY_HEADERS };
  return {
    ...headers,
    ...SECURITY_HEADERS,
    'Access-Control-Allow-Methods': access.methods,
    'Access-Control-Allow-Headers': access.requestHeaders,
    'Access-Control-Max-Age': '86400',
  };
}

/** Everything but Content-Length, which each writer sets for the bytes it sends. */
export function publicHeaders(response: PublicResponse, variant: Variant, origin: string | undefined, allowed: CorsOrigins): Record<string, string> {
  const cors = corsHeaders(origin, allowed);
  return {
    ...SECURITY_HEADERS,
    ...cors,
    'Content-Type': response.contentType,
    ...variantHeaders(variant, cors.Vary),
    'Last-Modified': response.lastModified,
    'Cache-Control': response.cacheControl,
  };
}

const tags = (header: string) => header.split(',').map((t) => t.trim().replace(/^W\//, ''));

/** RFC 9110 §13.1: If-None-Match decides when present (weak comparison); otherwise If-Modified-Since. */
export function isNotModified(
  request: { ifNoneMatch?: string | string[]; ifModifiedSince?: string | string[] },
  response: Pick<PublicResponse, 'etag' | 'lastModified'>
): boolean {
  const ifNoneMatch = Array.isArray(request.ifNoneMatch) ? request.ifNoneMatch.join(',') : request.ifNoneMatch;
  if (ifNoneMatch) {
    const candidates = tags(ifNoneMatch);
    return candidates.includes('*') || candidates.includes(response.etag);
  }
  const ifModifiedSince = Array.isArray(request.ifModifiedSince) ? request.ifModifiedSince[0] : request.ifModifiedSince;
  if (!ifModifiedSince) return false;
  const since = Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && Date.parse(response.lastModified) <= since;
}
