import type { Core } from '@strapi/strapi';
import { isNotModified } from '../public-api/headers';
import { render } from '../public-api/response';
import { pagePolicy } from '../utils/page-policy';

type KoaContext = Parameters<Core.MiddlewareHandler>[0];

/** The policy of the story pages (utils/page-policy.ts): only this site frames them, and their forms post here. */
export const STORY_PAGES_CONTENT_SECURITY_POLICY = pagePolicy({ frameAncestors: "'self'", formAction: "'self'" });

const HTML_TYPE = 'text/html; charset=utf-8';

/**
 * A page rendered from public content: a strong ETag over its bytes and the content's Last-Modified, answered with
 * a 304 when the browser's copy is still current, and kept by shared caches as long as an API answer (render()).
 */
export function sendPage(ctx: KoaContext, html: string, lastModified: Date) {
  const page = render(html, HTML_TYPE, lastModified);
  ctx.set({
    'Content-Security-Policy': STORY_PAGES_CONTENT_SECURITY_POLICY,
    ETag: page.etag,
    'Last-Modified': page.lastModified,
    'Cache-Control': page.cacheControl,
  });
  if (isNotModified({ ifNoneMatch: ctx.get('if-none-match'), ifModifiedSince: ctx.get('if-modified-since') }, page)) {
    ctx.status = 304;
    return;
  }
  ctx.status = 200;
  ctx.type = HTML_TYPE;
  ctx.body = page.body;
}

/** 400, 404 and 410 pages: never stored, so that a story published a minute later is found at once. */
export function sendProblemPage(ctx: KoaContext, status: 400 | 404 | 410, html: string) {
  ctx.set({ 'Content-Security-Policy': STORY_PAGES_CONTENT_SECURITY_POLICY, 'Cache-Control': 'no-store' });
  ctx.status = status;
  ctx.type = HTML_TYPE;
  ctx.body = html;
}
