import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { parseParams } from '../public-api/params';
import { EMBED_CACHE_CONTROL, EMBED_HEADERS } from './headers';
import { embedErrorPage, embedPage } from './page';
import { embedParams, storiesQuery } from './params';

type KoaContext = Parameters<Core.MiddlewareHandler>[0];

/**
 * GET /embed/stories: checks the selection the way the public API will (syntax here, then whether the region, theme
 * and project exist by asking the API's service, which also warms its cache for the widget's first request) and
 * answers the page, or a 400 page naming the parameter.
 */
export function embedController(strapi: Core.Strapi) {
  return {
    async page(ctx: KoaContext) {
      ctx.remove('X-Frame-Options');
      ctx.set(EMBED_HEADERS);
      try {
        const params = parseParams(embedParams, ctx.query);
        const query = storiesQuery(params);
        await strapi
          .plugin('youtube-sync')
          .service('public-api')
          .respond({ endpoint: 'stories', query, rawUrl: `/api/v1/stories?${new URLSearchParams(query)}` });
        ctx.set('Cache-Control', EMBED_CACHE_CONTROL);
        ctx.status = 200;
        ctx.body = embedPage(params);
      } catch (error) {
        if (!(error instanceof errors.ValidationError)) throw error;
        ctx.set('Cache-Control', 'no-store');
        ctx.status = 400;
        ctx.body = embedErrorPage(error.message);
      }
    },
  };
}
