import type { Core } from '@strapi/strapi';
import type { PublicRoute, PublicRouteFactory } from '../../../../shared/operations';

/**
 * Public routes — the HTML pages at the site's root (/mitmachen, /geschichten, /embed/stories, /widerruf, /melden,
 * the legal pages) and the two file links that carry their own credential (private media, report downloads).
 *
 * They are not a plugin router: Strapi gives every plugin router a type, and both types are wrong here — an
 * `admin` router belongs to the admin API (admin tokens, `admin::hasPermissions`), a `content-api` router lives
 * under /api with the Public role's permissions. So they are routes of Strapi's root router, mounted from each
 * plugin's `register` through the `public-routes` service. Visitors have no account, so Strapi's authentication is
 * turned off here for every such route; rate limits, security headers and the canonical request target come from the
 * global front layer, which every request passes whatever route it reaches.
 */
export type { PublicRoute, PublicRouteFactory };

const withoutAuthentication = (routes: PublicRoute[]): Omit<Core.Route, 'info'>[] =>
  routes.map((route) => ({ ...route, config: { ...route.config, auth: false } }));

export function mountPublicRoutes(strapi: Core.Strapi, factories: PublicRouteFactory[]) {
  for (const factory of factories) strapi.server.routes(withoutAuthentication(factory({ strapi })));
}
