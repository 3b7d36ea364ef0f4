import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { requestClientAddress } from '../plugins/operations/server/src/client-address';
import { setRouteLabel, UNMATCHED } from '../plugins/operations/server/src/route-label';

/** Query parameters that carry a credential: a personal withdrawal link, an export download link, a partner key. */
const SECRET_PARAMETERS = /([?&](?:token|apiKey)=)[^&#]*/gi;

export const redactUrl = (url: string) => url.replace(SECRET_PARAMETERS, '$1[redacted]');

/**
 * An X-Request-Id from a proxy in front is kept so that its log and ours name the same request — but only in a
 * shape a log line can carry safely (no spaces, quotes or line breaks, at most 128 characters); otherwise a new one.
 */
const REQUEST_ID = /^[A-Za-z0-9._:@+=/-]{1,128}$/;

export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : crypto.randomUUID();
}

/**
 * Strapi's request log line, with the credentials in links left out: a log line must not let whoever reads the
 * logs open a person's withdrawal page or download a report. The client is named as the rate limits see it (only
 * trusted proxies may name it for us), so an abuser in the log is the one the limits counted. Each request gets a
 * request id, echoed in the X-Request-Id response header; with LOG_FORMAT=json the line's fields are separate keys.
 * The route pattern the router matched goes to the request metrics (operations/route-label.ts).
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler =>
  async (ctx, next) => {
    const start = Date.now();
    const requestId = requestIdFrom(ctx.get('x-request-id') || undefined);
    ctx.set('X-Request-Id', requestId);
    try {
      await next();
    } finally {
      const route = (ctx as { _matchedRoute?: string | RegExp })._matchedRoute;
      setRouteLabel(ctx.req, route ? String(route) : UNMATCHED);
      const url = redactUrl(ctx.url);
      const durationMs = Math.ceil(Date.now() - start);
      const client = requestClientAddress(strapi, ctx.req);
      strapi.log.http(`${ctx.method} ${url} (${durationMs} ms) ${ctx.status} from ${client}`, {
        requestId,
        method: ctx.method,
        url,
        status: ctx.status,
        durationMs,
        client,
      });
    }
  };
