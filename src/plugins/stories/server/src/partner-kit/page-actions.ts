import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { OFFICE_EMAIL } from '../site/layout';
import { sendStaticFile } from '../site/static-file';
import { sendPageResponse } from '../public-api/koa-response';
import { render, type PublicResponse } from '../public-api/response';
import type publicApiService from '../public-api/service';
import { parameterOf } from '../story-pages/answers';
import { listHref } from '../story-pages/params';
import { sendPage, sendUncachedPage } from '../story-pages/send';
import { storiesConfig } from '../config/settings';
import { BANNER_CACHE_CONTROL, bannerFile, type Banner, type BannerFormat } from './banners';
import { kitContent, kitParams, selectionTitle, type KitContent } from './content';
import { newsletterHtml, newsletterText, type NewsletterInput } from './newsletter';
import { renderBadChoice, renderPartnerPage } from './page';
import { renderPrint, type PrintFormat } from './print';
import { contentParams, joinUrl, partnerParams, site, type ContentParams } from './selection';

type KoaContext = Parameters<Core.MiddlewareHandler>[0];
type PublicApi = ReturnType<typeof publicApiService>;
type Built = PublicResponse | errors.ValidationError;

const isBuilt = (built: Built): built is PublicResponse => !(built instanceof errors.ValidationError);

/** The newsletter's own page may be shown in a browser: its inline styles and remote pictures, nothing else. */
const NEWSLETTER_POLICY = "default-src 'none'; img-src 'self' https: data:; style-src 'unsafe-inline'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

/**
 * /partner and its files. Everything that shows stories is built from the public API's answers and kept in its
 * cache until the content generation moves (one build per address and generation); a wrong parameter is a 400
 * that names it. The banners do not depend on content and are rendered once per process.
 */
export function partnerKitController(strapi: Core.Strapi) {
  const api = () => strapi.plugin('stories').service('public-api') as PublicApi;
  const publicUrl = () => storiesConfig(strapi).publicUrl;
  const officeEmail = () => storiesConfig(strapi).officeEmail ?? OFFICE_EMAIL;

  /** Builds (or takes from the cache) the answer for this address; a ValidationError is passed back, not kept. */
  const answer = (ctx: KoaContext, build: () => Promise<PublicResponse>) =>
    api().page<errors.ValidationError>(
      ctx.url,
      async () => {
        try {
          return await build();
        } catch (error) {
          if (error instanceof errors.ValidationError) return error;
          throw error;
        }
      },
      isBuilt
    );

  const newsletterOf = (params: ContentParams, content: KitContent): NewsletterInput => ({
    title: selectionTitle(content.scope),
    stories: content.stories,
    joinUrl: joinUrl(publicUrl(), params.quelle),
    listUrl: `${site(publicUrl())}${listHref({ region: params.region, theme: params.theme, project: params.project })}`,
  });

  const badRequestText = (ctx: KoaContext, error: errors.ValidationError) => {
    ctx.set('Cache-Control', 'no-store');
    ctx.status = 400;
    ctx.type = 'text/plain; charset=utf-8';
    ctx.body = `${error.message}\n`;
  };

  return {
    async page(ctx: KoaContext) {
      const built = await answer(ctx, async () => {
        const params = kitParams(partnerParams, ctx.query);
        const content = await kitContent(strapi, params);
        const newsletter = newsletterOf(params, content);
        const html = renderPartnerPage({
          params,
          choices: content.choices,
          title: newsletter.title,
          publicUrl: publicUrl(),
          newsletterHtml: newsletterHtml(newsletter),
          officeEmail: officeEmail(),
        });
        return render(html, 'text/html; charset=utf-8', content.lastModified);
      });
      if (isBuilt(built)) return sendPage(ctx, built);
      sendUncachedPage(ctx, { status: 400, html: renderBadChoice(parameterOf(built), built.message) });
    },

    newsletter(format: 'html' | 'txt') {
      return async (ctx: KoaContext) => {
        const built = await answer(ctx, async () => {
          const params = kitParams(contentParams, ctx.query);
          const content = await kitContent(strapi, params);
          const newsletter = newsletterOf(params, content);
          return format === 'html'
            ? render(newsletterHtml(newsletter), 'text/html; charset=utf-8', content.lastModified)
            : render(newsletterText(newsletter), 'text/plain; charset=utf-8', content.lastModified);
        });
        if (!isBuilt(built)) return badRequestText(ctx, built);
        sendPageResponse(ctx, built, format === 'html' ? { 'Content-Security-Policy': NEWSLETTER_POLICY } : {});
      };
    },

    print(format: PrintFormat) {
      return async (ctx: KoaContext) => {
        const built = await answer(ctx, async () => {
          const params = kitParams(contentParams, ctx.query);
          const filtered = Boolean(params.region || params.theme || params.project);
          // Stories only for a chosen selection: a flyer for all of Lower Saxony carries the call alone.
          const content = await kitContent(strapi, params, filtered ? Math.min(params.limit, format.maxStories || 1) : 1);
          const pdf = await renderPrint(format, {
            joinUrl: joinUrl(publicUrl(), params.quelle),
            storiesTitle: selectionTitle(content.scope),
            stories: filtered ? content.stories : [],
            officeEmail: officeEmail(),
          });
          return render(pdf, 'application/pdf', content.lastModified);
        });
        if (!isBuilt(built)) return badRequestText(ctx, built);
        sendPageResponse(ctx, built, { 'Content-Disposition': `inline; filename="zusammen-mehr-${format.name}.pdf"` });
      };
    },

    banner(banner: Banner, format: BannerFormat) {
      return async (ctx: KoaContext) => {
        if (format === 'svg') ctx.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
        sendStaticFile(ctx, await bannerFile(banner, format), BANNER_CACHE_CONTROL);
      };
    },
  };
}
