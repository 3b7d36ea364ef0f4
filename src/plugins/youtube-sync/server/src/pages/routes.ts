import type { Core } from '@strapi/strapi';
import { pagesController } from './controller';
import { LEGAL_PATHS } from './legal-paths';

/**
 * The public pages, mounted at the site's root (an admin-type router with an empty prefix, outside /api) and open
 * to everyone. The form's own script and the stylesheet are static files in public/assets.
 */
const open = { auth: false };

export function pageRoutes({ strapi }: { strapi: Core.Strapi }) {
  const c = pagesController(strapi);
  return [
    { method: 'GET', path: '/mitmachen', handler: c.submissionForm, config: open },
    { method: 'GET', path: '/mitmachen/danke', handler: c.thankYou, config: open },
    { method: 'GET', path: '/mitmachen/orte.json', handler: c.places, config: open },
    { method: 'GET', path: '/assets/vendor/tus.min.js', handler: c.tusClient, config: open },
    ...LEGAL_PATHS.map((page) => ({ method: 'GET', path: page.path, handler: c.legalPage(page), config: open })),
  ];
}

/** The plugin's `routes` entry: `pages: pagesRouter` beside `admin`, `content-api` and `reports`. */
export const pagesRouter = ({ strapi }: { strapi: Core.Strapi }) => ({ type: 'admin', prefix: '', routes: pageRoutes({ strapi }) });
