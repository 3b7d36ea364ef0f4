import type { IncomingMessage } from 'http';
import type { Core } from '@strapi/strapi';
import { pathOf } from './request-path';

/**
 * The route a request was answered by, as the route's pattern (`/api/v1/stories/:slug`), never the raw path: a
 * metric label per path would grow with every slug and query a client invents. Requests that went through Koa carry
 * the pattern its router matched (set by the request log middleware); those the front layer answered before Koa
 * are matched against the same router here, remembered per path in a bounded table.
 */

const routes = new WeakMap<IncomingMessage, string>();
const MEMO_SIZE = 1000;
export const UNMATCHED = 'unmatched';

export function setRouteLabel(req: IncomingMessage, route: string) {
  routes.set(req, route);
}

interface RouteLayer {
  path: string | RegExp;
  methods: string[];
}

export function routeResolver(strapi: Core.Strapi) {
  const memo = new Map<string, string>();
  const match = (method: string, path: string): string => {
    const { pathAndMethod } = strapi.server.router.match(path, method) as unknown as { pathAndMethod: RouteLayer[] };
    const routesOnly = pathAndMethod.filter((layer) => layer.methods.length > 0);
    const last = routesOnly[routesOnly.length - 1];
    return last ? String(last.path) : UNMATCHED;
  };
  return (req: IncomingMessage): string => {
    const known = routes.get(req);
    if (known) return known;
    const method = req.method ?? 'GET';
    const key = `${method} ${pathOf(req.url ?? '/')}`;
    let route = memo.get(key);
    if (route === undefined) {
      if (memo.size >= MEMO_SIZE) memo.clear();
      route = match(method, pathOf(req.url ?? '/'));
      memo.set(key, route);
    }
    return route;
  };
}
