import type { Core } from '@strapi/strapi';
import { requestClientAddress } from '../plugins/youtube-sync/server/src/utils/client-address';

/** Query parameters that carry a credential: a personal withdrawal link, an export download link, a partner key. */
const SECRET_PARAMETERS = /([?&](?:token|apiKey)=)[^&#]*/gi;

export const redactUrl = (url: string) => url.replace(SECRET_PARAMETERS, '$1[redacted]');

/**
 * Strapi's request log line, with the credentials in links left out: a log line must not let whoever reads the
 * logs open a person's withdrawal page or download a report. The client is named as the rate limits see it (only
 * trusted proxies may name it for us), so an abuser in the log is the one the limits counted.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler =>
  async (ctx, next) => {
    const start = Date.now();
    await next();
    strapi.log.http(`${ctx.method} ${redactUrl(ctx.url)} (${Math.ceil(Date.now() - start)} ms) ${ctx.status} from ${requestClientAddress(strapi, ctx.req)}`);
  };
