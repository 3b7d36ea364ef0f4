import type { Core } from '@strapi/strapi';
import type { Endpoint } from './answers';
import { preparePublicHeaders, sendPublicResponse } from './koa-response';

type KoaContext = Parameters<Core.MiddlewareHandler>[0];

/** The /api/v1 actions: hand the request to the public-api service and write its answer. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const action = (endpoint: Endpoint) => async (ctx: KoaContext) => {
    const service = strapi.plugin('stories').service('public-api');
    preparePublicHeaders(ctx, service.corsOrigins());
    const response = await service.respond({ endpoint, query: ctx.query, slug: ctx.params?.slug, rawUrl: ctx.req.url ?? ctx.url });
    sendPublicResponse(ctx, response, service.corsOrigins());
  };
  return {
    stories: action('stories'),
    storiesRss: action('storiesRss'),
    storiesAtom: action('storiesAtom'),
    story: action('story'),
    removedStories: action('removedStories'),
    regions: action('regions'),
    themes: action('themes'),
    projects: action('projects'),
    playlists: action('playlists'),
    oembed: action('oembed'),
    openapi: action('openapi'),
  };
};
