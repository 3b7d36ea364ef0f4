import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { preparePublicHeaders, sendPageResponse } from '../public-api/koa-response';
import { parseParams } from '../public-api/params';
import { render, type PublicResponse } from '../public-api/response';
import { runtimeOf } from '../public-api/runtime';
import type publicApiService from '../public-api/service';
import { districtMapJson } from '../districts/map-shapes';
import { sendStaticFile, staticFileOf, type StaticFile } from '../site/static-file';
import { EMBED_CACHE_CONTROL, EMBED_HEADERS } from './headers';
import { embedErrorPage, embedPage } from './page';
import { embedParams, storiesQuery } from './params';

type KoaContext = Parameters<Core.MiddlewareHandler>[0];
type PublicApi = ReturnType<typeof publicApiService>;

const isPage = (built: PublicResponse | errors.ValidationError): built is PublicResponse => !(built instanceof errors.ValidationError);

/**
 * GET /embed/stories: checks the selection the way the public API will (syntax here, then whether the region, theme
 * and project exist by asking the API's service, which also warms its cache for the widget's first request) and
 * answers the page, kept in the API's cache until the generation moves, or a 400 page naming the parameter.
 */
export function embedController(strapi: Core.Strapi) {
  const api = () => strapi.plugin('stories').service('public-api') as PublicApi;
  const build = async (query: Record<string, unknown>): Promise<PublicResponse | errors.ValidationError> => {
    try {
      const params = parseParams(embedParams, query);
      const selection = storiesQuery(params);
      const stories = await api().respond({ endpoint: 'stories', query: selection, rawUrl: `/api/v1/stories?${new URLSearchParams(selection)}` });
      return render(embedPage(params, runtimeOf(strapi).widget.widgetPath), EMBED_HEADERS['Content-Type'], new Date(stories.lastModified), EMBED_CACHE_CONTROL);
    } catch (error) {
      if (error instanceof errors.ValidationError) return error;
      throw error;
    }
  };
  let districts: StaticFile | undefined;
  return {
    /** The map layout's outlines: the same for every partner until the next release, so shared caches keep them a day. */
    districts(ctx: KoaContext) {
      districts ??= staticFileOf(Buffer.from(districtMapJson(strapi.dirs.app.root)), 'application/json; charset=utf-8');
      // Fetched by the widget from partners' pages: the public API's CORS rule.
      preparePublicHeaders(ctx, api().corsOrigins());
      sendStaticFile(ctx, districts, 'public, max-age=86400');
    },
    async page(ctx: KoaContext) {
      ctx.remove('X-Frame-Options');
      ctx.set(EMBED_HEADERS);
      const page = await api().page(ctx.url, () => build(ctx.query), isPage);
      if (isPage(page)) {
        sendPageResponse(ctx, page, {});
        return;
      }
      ctx.set('Cache-Control', 'no-store');
      ctx.status = 400;
      ctx.body = embedErrorPage(page.message);
    },
  };
}
