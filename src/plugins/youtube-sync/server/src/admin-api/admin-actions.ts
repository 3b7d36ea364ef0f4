import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { displayName, type AdminUser } from './oauth';
import type { AdminApiService } from './service';

type KoaContext = Parameters<Core.MiddlewareHandler>[0];

const MAX_BADGES = 100;

const documentIdParam = (ctx: KoaContext) => {
  const id = String(ctx.params.documentId ?? '');
  if (!/^[a-z0-9]{1,64}$/i.test(id)) throw new errors.ValidationError('documentId must be a story document id');
  return id;
};

function idsQuery(ctx: KoaContext): string[] {
  const ids = String(ctx.query.ids ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  if (ids.length > MAX_BADGES || ids.some((id) => !/^[a-z0-9]{1,64}$/i.test(id))) {
    throw new errors.ValidationError(`ids must be up to ${MAX_BADGES} story document ids, separated by commas`);
  }
  return ids;
}

const adminUser = (ctx: KoaContext) => ctx.state.user as AdminUser;

/** Thin handlers for the admin API: read the request, call the admin-api service, answer. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => strapi.plugin('youtube-sync').service('admin-api') as AdminApiService;
  return {
    status: async (ctx: KoaContext) => {
      ctx.body = await service().status();
    },
    queue: async (ctx: KoaContext) => {
      ctx.body = await service().queue();
    },
    playlists: async (ctx: KoaContext) => {
      ctx.body = { playlists: await service().playlists() };
    },
    storyBadges: async (ctx: KoaContext) => {
      ctx.body = { statuses: await service().storyBadges(idsQuery(ctx)) };
    },
    storyStatus: async (ctx: KoaContext) => {
      ctx.body = await service().storyStatus(documentIdParam(ctx));
    },
    syncStory: async (ctx: KoaContext) => {
      const documentId = documentIdParam(ctx);
      await service().syncStory(documentId);
      ctx.body = await service().storyStatus(documentId);
    },
    retryStory: async (ctx: KoaContext) => {
      const documentId = documentIdParam(ctx);
      await service().retryStory(documentId);
      ctx.body = await service().storyStatus(documentId);
    },
    retryAllFailed: async (ctx: KoaContext) => {
      ctx.body = await service().retryAllFailed();
    },
    startResync: async (ctx: KoaContext) => {
      ctx.status = 202;
      ctx.body = await service().startResync(displayName(adminUser(ctx)));
    },
    connection: async (ctx: KoaContext) => {
      ctx.body = await service().connection();
    },
    saveClient: async (ctx: KoaContext) => {
      await service().saveClient(ctx.request.body);
      ctx.body = await service().connection();
    },
    testConnection: async (ctx: KoaContext) => {
      ctx.body = await service().testConnection();
    },
    disconnect: async (ctx: KoaContext) => {
      const { revoked } = await service().disconnect();
      ctx.body = { revoked, connection: await service().connection() };
    },
    startConnecting: async (ctx: KoaContext) => {
      ctx.body = await service().startConnecting(adminUser(ctx));
    },
    finishConnecting: async (ctx: KoaContext) => {
      const pick = (name: string) => (typeof ctx.query[name] === 'string' ? (ctx.query[name] as string) : undefined);
      ctx.set('Cache-Control', 'no-store');
      ctx.redirect(await service().finishConnecting({ code: pick('code'), state: pick('state'), error: pick('error') }));
    },
    settings: async (ctx: KoaContext) => {
      ctx.body = await service().settings();
    },
    saveSettings: async (ctx: KoaContext) => {
      await service().saveSettings(ctx.request.body, displayName(adminUser(ctx)));
      ctx.body = await service().settings();
    },
    resetSettings: async (ctx: KoaContext) => {
      await service().resetSettings();
      ctx.body = await service().settings();
    },
    preview: async (ctx: KoaContext) => {
      ctx.body = await service().preview(ctx.request.body);
    },
    previewStories: async (ctx: KoaContext) => {
      ctx.body = { stories: await service().previewStories() };
    },
  };
};
