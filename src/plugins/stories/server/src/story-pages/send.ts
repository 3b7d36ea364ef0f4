import type { Core } from '@strapi/strapi';
import { sendPageResponse } from '../public-api/koa-response';
import type { PublicResponse } from '../public-api/response';
import { pagePolicy } from '../site/page-policy';
import { HTML_TYPE } from './answers';

type KoaContext = Parameters<Core.MiddlewareHandler>[0];

/** The policy of the story pages (utils/page-policy.ts): only this site frames them, and their forms post here. */
export const STORY_PAGES_CONTENT_SECURITY_POLICY = pagePolicy({ frameAncestors: "'self'", formAction: "'self'" });

/**
 * A page rendered from public content: a strong ETag over its bytes (per coding) and the content's Last-Modified,
 * answered with a 304 when the browser's copy is still current, and kept by shared caches as long as an API answer.
 */
export function sendPage(ctx: KoaContext, page: PublicResponse) {
  sendPageResponse(ctx, page, { 'Content-Security-Policy': STORY_PAGES_CONTENT_SECURITY_POLICY });
}

/**
 * Pages never stored: 400, 404 and 410, so that a story published a minute later is found at once, and pages that
 * echo what the visitor typed (/teilen/mastodon).
 */
export function sendUncachedPage(ctx: KoaContext, page: { status: number; html: string }) {
  ctx.set({ 'Content-Security-Policy': STORY_PAGES_CONTENT_SECURITY_POLICY, 'Cache-Control': 'no-store' });
  ctx.status = page.status;
  ctx.type = HTML_TYPE;
  ctx.body = page.html;
}
