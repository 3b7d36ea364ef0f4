import type { Core } from '@strapi/strapi';
import type publicApiService from '../public-api/service';
import { isPage, listPageAnswer, socialImageAnswer, storyPageAnswer, type PageAnswer } from './answers';
import { mastodonAnswer } from './mastodon-page';
import { sendPage, sendUncachedPage } from './send';

type KoaContext = Parameters<Core.MiddlewareHandler>[0];
type PublicApi = ReturnType<typeof publicApiService>;

/**
 * GET /geschichten, /geschichten/:slug and its link picture: built once per cache generation, problem pages every
 * time. /teilen/mastodon is built on each request: it echoes what the visitor typed.
 */
export function storyPagesController(strapi: Core.Strapi) {
  const answer = (ctx: KoaContext, build: () => Promise<PageAnswer>) =>
    (strapi.plugin('stories').service('public-api') as PublicApi).page(ctx.url, build, isPage);
  const send = (ctx: KoaContext, page: PageAnswer) => (isPage(page) ? sendPage(ctx, page) : sendUncachedPage(ctx, page));
  return {
    async list(ctx: KoaContext) {
      send(ctx, await answer(ctx, () => listPageAnswer(strapi, ctx.query)));
    },
    async story(ctx: KoaContext) {
      send(ctx, await answer(ctx, () => storyPageAnswer(strapi, String(ctx.params.slug))));
    },
    async socialImage(ctx: KoaContext) {
      send(ctx, await answer(ctx, () => socialImageAnswer(strapi, String(ctx.params.slug))));
    },
    async mastodon(ctx: KoaContext) {
      sendUncachedPage(ctx, await mastodonAnswer(strapi, ctx.query));
    },
  };
}
