import type { PublicRouteFactory } from '../../../../../shared/operations';
import { pagesController } from './page-actions';
import { LEGAL_PATHS } from '../../../../../shared/legal-pages';

/**
 * The public pages at the site's root, open to everyone (mounted by operations' public-routes service). The form's own script and the
 * stylesheet are static files in public/assets.
 */
export const pagesRouter: PublicRouteFactory = ({ strapi }) => {
  const c = pagesController(strapi);
  return [
    { method: 'GET', path: '/mitmachen', handler: c.submissionForm },
    { method: 'GET', path: '/mitmachen/danke', handler: c.thankYou },
    { method: 'GET', path: '/mitmachen/orte.json', handler: c.places },
    { method: 'GET', path: '/assets/vendor/tus.min.js', handler: c.tusClient },
    ...LEGAL_PATHS.map((page) => ({ method: 'GET' as const, path: page.path, handler: c.legalPage(page) })),
  ];
};
