import type { Core } from '@strapi/strapi';

/**
 * Strapi's REST API answers `?status=draft` to anyone allowed to read, which would hand out unreviewed stories and
 * unpublished edits. Drafts are for the admin only: every content-API read is pinned to published content.
 */
export default (): Core.MiddlewareHandler => async (ctx, next) => {
  if (ctx.method === 'GET' && ctx.path.startsWith('/api/') && ctx.query && 'status' in ctx.query) {
    ctx.query = { ...ctx.query, status: 'published' };
  }
  await next();
};
