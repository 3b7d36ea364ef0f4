import type { Core } from '@strapi/strapi';
import { corsHeaders, isNotModified, publicHeaders, SECURITY_HEADERS, type CorsOrigins } from './headers';
import type { PublicResponse } from './response';

type KoaContext = Parameters<Core.MiddlewareHandler>[0];

/**
 * Before the answer is built: the public API's CORS and security headers replace what Strapi's cors and security
 * middlewares set for the admin's sake, so that an error answer (400, 404) is readable from partner sites too.
 */
export function preparePublicHeaders(ctx: KoaContext, cors: CorsOrigins) {
  ctx.remove('Access-Control-Allow-Credentials');
  ctx.set({ ...SECURITY_HEADERS, ...corsHeaders(ctx.get('origin') || undefined, cors), 'Cache-Control': 'no-store' });
}

/** Writes an answer built behind Koa (a cache miss) with exactly the headers the front layer sends for a hit. */
export function sendPublicResponse(ctx: KoaContext, response: PublicResponse, cors: CorsOrigins) {
  ctx.set(publicHeaders(response, ctx.get('origin') || undefined, cors));
  if (isNotModified({ ifNoneMatch: ctx.get('if-none-match'), ifModifiedSince: ctx.get('if-modified-since') }, response)) {
    ctx.status = 304;
    return;
  }
  ctx.status = 200;
  ctx.body = response.body;
}
