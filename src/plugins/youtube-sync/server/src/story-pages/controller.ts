import type { Core } from '@strapi/strapi';
import { listPageAnswer, storyPageAnswer, type PageAnswer } from './answers';
import { sendPage, sendProblemPage } from './send';

type KoaContext = Parameters<Core.MiddlewareHandler>[0];

const send = (ctx: KoaContext, answer: PageAnswer) =>
  answer.status === 200 ? sendPage(ctx, answer.html, answer.lastModified) : sendProblemPage(ctx, answer.status, answer.html);

/** GET /geschichten and GET /geschichten/:slug. */
export function storyPagesController(strapi: Core.Strapi) {
  return {
    async list(ctx: KoaContext) {
      send(ctx, await listPageAnswer(strapi, ctx.query));
    },
    async story(ctx: KoaContext) {
      send(ctx, await storyPageAnswer(strapi, String(ctx.params.slug)));
    },
  };
}
