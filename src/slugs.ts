import type { Core, Modules } from '@strapi/strapi';

const TYPES_WITH_SLUGS = ['api::story.story', 'api::region.region', 'api::project.project', 'api::theme.theme'];

/**
 * The admin fills a uid field in the browser; content created from code, seeds or the submission form has none.
 * Generate it the way the admin would (German transliteration, a numeric suffix when taken), so every path
 * yields a publishable document with a stable link.
 */
export function registerSlugGeneration(strapi: Core.Strapi) {
  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    if (!TYPES_WITH_SLUGS.includes(context.uid) || context.action !== 'create') return next();
    const data = (context.params as { data?: Record<string, unknown> }).data;
    if (data && !data.slug) {
      data.slug = await strapi
        .plugin('content-manager')
        .service('uid')
        .generateUIDField({ contentTypeUID: context.uid, field: 'slug', data });
    }
    return next();
  };
  strapi.documents.use(middleware);
}
