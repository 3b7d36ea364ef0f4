import type { Core } from '@strapi/strapi';
import type publicApiService from '../public-api/service';
import { isPage, listPageAnswer, storyPageAnswer, type PageAnswer } from './answers';
import { sendPage, sendProblemPage } from './send';

type KoaContext = Parameters<Core.MiddlewareHandler>[0];
type PublicApi = ReturnType<typeof publicApiService>;

/** GET /geschichten and GET /geschichten/:slug: built once per cache generation, problem pages every time. */
export function storyPagesController(strapi: Core.Strapi) {
  const answer = (ctx: KoaContext, build: () => Promise<PageAnswer>) =>
    (strapi.plugin('youtube-sync').service('public-api') as PublicApi).page(ctx.url, build, isPage);
  const send = (ctx: KoaContext, page: PageAnswer) => (isPage(page) ? sendPage(ctx, page) : sendProblemPage(ctx, page));
  return {
    async list(ctx: KoaContext) {
      send(ctx, await answer(ctx, () => listPageAnswer(strapi, ctx.query)));
    },
    async story(ctx: KoaContext) {
      send(ctx, await answer(ctx, () => storyPageAnswer(strapi, String(ctx.params.slug))));
    },
  };
}
