import type { Core } from '@strapi/strapi';

/**
 * Public routes — the HTML pages at the site's root (/mitmachen, /geschichten, /embed/stories, /widerruf, /melden,
 * the legal pages) and the two file links that carry their own credential (private media, report downloads).
 *
 * They are not a plugin router: Strapi gives every plugin router a type, and both types are wrong here — an
 * `admin` router belongs to the admin API (admin tokens, `admin::hasPermissions`), a `content-api` router lives
 * under /api with the Public role's permissions. So they are routes of Strapi's root router, registered from the
 * plugin's `register` with `strapi.server.routes(...)`. Visitors have no account, so Strapi's authentication is
 * off; rate limits, security headers and the canonical request target come from the global front layer
 * (public-api/front-layer.ts), which every request passes whatever route it reaches.
 */
export type PublicRoute = Pick<Core.Route, 'method' | 'path' | 'handler'> & { config?: Omit<Core.RouteConfig, 'auth'> };

export type PublicRouter = Omit<Core.Route, 'info'>[];

/** The routes of one public feature, e.g. `publicPageRouter([{ method: 'GET', path: '/partner', handler }])`. */
export const publicPageRouter = (routes: PublicRoute[]): PublicRouter => routes.map((route) => ({ ...route, config: { ...route.config, auth: false } }));

export type PublicRouterFactory = (params: { strapi: Core.Strapi }) => PublicRouter;

export function registerPublicRouters(strapi: Core.Strapi, routers: PublicRouterFactory[]) {
  for (const router of routers) strapi.server.routes(router({ strapi }));
}
