import fs from 'fs';
import path from 'path';
import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { startStrapi, type TestApp } from '../support/strapi';

/** Our plugins: one folder each under src/plugins (a plugin split off later is checked without a change here). */
const OUR_PLUGINS = fs.readdirSync(path.resolve(__dirname, '..', '..', 'src', 'plugins'));

/** Google's redirect back to us carries no admin token; the callback trusts only the OAuth state it started with. */
const WITHOUT_PERMISSION = ['GET /youtube-sync/oauth/callback'];

interface RegisteredRoute {
  method: string;
  path: string;
  config?: { auth?: unknown; policies?: (string | { name: string; config?: { actions?: string[] } })[] };
}
interface RegisteredRouter {
  type?: string;
  prefix?: string;
  routes: RegisteredRoute[];
}

/** The admin routes of the given plugins as Strapi registered them, each with the permissions its policy checks. */
function adminRoutes(strapi: Core.Strapi, plugins: string[]) {
  return plugins.flatMap((name) => {
    const registered = strapi.plugin(name).routes as unknown as RegisteredRoute[] | Record<string, RegisteredRouter>;
    // A plugin's plain route array is an admin router with the plugin's name as prefix.
    const routers = Array.isArray(registered) ? [{ type: 'admin', prefix: `/${name}`, routes: registered }] : Object.values(registered);
    return routers
      .filter((router) => (router.type ?? 'admin') === 'admin')
      .flatMap((router) =>
        router.routes.map((route) => ({
          route: `${route.method} ${router.prefix ?? `/${name}`}${route.path}`,
          actions: (route.config?.policies ?? []).flatMap((policy) =>
            typeof policy === 'object' && policy.name === 'admin::hasPermissions' ? (policy.config?.actions ?? []) : []
          ),
        }))
      );
  });
}

let app: TestApp;

beforeAll(async () => {
  app = await startStrapi();
});
afterAll(async () => {
  await app?.stop();
});

describe('who may call which route', () => {
  test('every admin route of our plugins checks a permission that exists, the OAuth callback aside', () => {
    const routes = adminRoutes(app.strapi, OUR_PLUGINS);
    const known = (action: string) => Boolean(app.strapi.service('admin::permission').actionProvider.get(action));
    const unguarded = routes.filter(({ route, actions }) => !WITHOUT_PERMISSION.includes(route) && (actions.length === 0 || !actions.every(known)));
    expect(routes.length).toBeGreaterThan(20);
    expect(unguarded.map(({ route }) => route)).toEqual([]);
    expect(routes.map(({ route }) => route)).toEqual(expect.arrayContaining(WITHOUT_PERMISSION));
  });

  test('the check finds an admin route without a policy', () => {
    const strapi = {
      plugin: () => ({ routes: { admin: { type: 'admin', routes: [{ method: 'GET', path: '/open', config: { auth: false } }] } } }),
    } as unknown as Core.Strapi;
    expect(adminRoutes(strapi, ['example'])).toEqual([{ route: 'GET /example/open', actions: [] }]);
  });

  test('the public pages are public routes, not admin routes, and answer visitors without a login', async () => {
    const admin = adminRoutes(app.strapi, OUR_PLUGINS).map(({ route }) => route.split(' ')[1]);
    // Asked without a personal link or a story, /widerruf and /melden answer with the page that says what is missing.
    const pages: Record<string, number> = { '/mitmachen': 200, '/geschichten': 200, '/embed/stories': 200, '/widerruf': 400, '/melden': 404, '/impressum': 200 };
    // The router's list is what the privacy suite probes: the pages stay in it.
    const listed = (app.strapi.server.listRoutes() as { path: string }[]).map((route) => route.path);
    expect(listed).toEqual(expect.arrayContaining([...Object.keys(pages), '/geschichten/:slug', '/media/private/:name']));
    for (const [page, status] of Object.entries(pages)) {
      expect({ page, admin: admin.some((p) => p.startsWith(page)) }).toEqual({ page, admin: false });
      const answer = await request(app.server).get(page);
      expect({ page, status: answer.status, type: answer.type }).toEqual({ page, status, type: 'text/html' });
    }
  });
});
