import { offerVideosToPublicApi } from './sync/video-source';
import type { Core, Modules } from '@strapi/strapi';
import { enqueue } from './sync-jobs/enqueue';
import { subscribeToWithdrawals } from './sync/withdrawals';

const STORY = 'api::story.story';

async function isPublished(strapi: Core.Strapi, documentId: string) {
  return (await strapi.db.query(STORY).count({ where: { documentId, publishedAt: { $notNull: true } } })) > 0;
}

/**
 * Every path that changes a story — the admin's Content Manager, the REST API, code using the Document Service —
 * goes through Document Service middlewares, so this one hook records the sync job in the same request. The
 * request itself does no YouTube work. Removals for partners are the stories plugin's (public-api/hooks.ts): only a
 * story the public saw can be removed.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  offerVideosToPublicApi(strapi);
  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    if (context.uid !== STORY) return next();
    const params = context.params as { documentId?: string; status?: string };
    const action = context.action;
    const result = await next();
    const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
    if (!documentId) return result;
    const now = new Date();
    const wasPublished = action === 'update' || action === 'create' ? await isPublished(strapi, documentId) : false;
    if (action === 'publish' || action === 'unpublish' || action === 'delete' || wasPublished) {
      await enqueue(strapi, documentId, action, now);
    }
    return result;
  };
  strapi.documents.use(middleware);
  subscribeToWithdrawals(strapi);
};
