import type { Core } from '@strapi/strapi';
import { variantHeaders, variantOf, type Variant } from './encoding';
import { corsHeaders, isNotModified, publicHeaders, SECURITY_HEADERS, type CorsOrigins } from './headers';
import type { PublicResponse } from './response';

type KoaContext = Parameters<Core.MiddlewareHandler>[0];

/**
 * Before the answer is built: the public API's CORS and security headers replace what Strapi's cors and security
 * middlewares set for the admin's sake, so that an error answer (400, 404) is readable from partner sites too.
 */
export function preparePublicHeaders(ctx: KoaContext, cors: CorsOrigins) {
  // Strapi's cors middleware may have allowed an origin the public API does not: its decision is replaced wholesale.
  for (const header of ['Access-Control-Allow-Credentials', 'Access-Control-Allow-Origin', 'Access-Control-Expose-Headers']) ctx.remove(header);
  ctx.set({ ...SECURITY_HEADERS, ...corsHeaders(ctx.get('origin') || undefined, cors), 'Cache-Control': 'no-store' });
}

function sendBody(ctx: KoaContext, response: PublicResponse, variant: Variant) {
  if (isNotModified({ ifNoneMatch: ctx.get('if-none-match'), ifModifiedSince: ctx.get('if-modified-since') }, { ...response, etag: variant.etag })) {
    ctx.status = 304;
    return;
  }
  ctx.status = 200;
  ctx.body = variant.body;
}

/** Writes an answer built behind Koa (a cache miss) with exactly the headers the front layer sends for a hit. */
export function sendPublicResponse(ctx: KoaContext, response: PublicResponse, cors: CorsOrigins) {
  const variant = variantOf(response, ctx.get('accept-encoding'));
  ctx.set(publicHeaders(response, variant, ctx.get('origin') || undefined, cors));
  sendBody(ctx, response, variant);
}

/**
 * Writes a page in the coding the client accepts, with its variant's ETag, Vary added to what the middlewares set,
 * Last-Modified and Cache-Control, or a 304 when the client's copy of that variant is current.
 */
export function sendPageResponse(ctx: KoaContext, response: PublicResponse, headers: Record<string, string>) {
  const variant = variantOf(response, ctx.get('accept-encoding'));
  ctx.set({
    ...headers,
    'Content-Type': response.contentType,
    'Last-Modified': response.lastModified,
    'Cache-Control': response.cacheControl,
    ...variantHeaders(variant, ctx.response.get('Vary') || undefined),
  });
  sendBody(ctx, response, variant);
}
