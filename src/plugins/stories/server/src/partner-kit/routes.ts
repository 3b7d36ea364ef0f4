import type { PublicRouteFactory } from '../../../../../shared/operations';
import { BANNER_FORMATS, BANNERS, bannerPath } from './banners';
import { partnerKitController } from './page-actions';
import { PRINT_FORMATS, printPath } from './print';

/**
 * The partner kit at /partner, open to everyone (mounted by operations' public-routes service): the page, the
 * newsletter block, the print files and the banners, each at a literal address.
 */
export const partnerKitRouter: PublicRouteFactory = ({ strapi }) => {
  const c = partnerKitController(strapi);
  return [
    { method: 'GET', path: '/partner', handler: c.page },
    { method: 'GET', path: '/partner/newsletter.html', handler: c.newsletter('html') },
    { method: 'GET', path: '/partner/newsletter.txt', handler: c.newsletter('txt') },
    ...PRINT_FORMATS.map((format) => ({ method: 'GET' as const, path: printPath(format), handler: c.print(format) })),
    ...BANNERS.flatMap((banner) =>
      BANNER_FORMATS.map((format) => ({ method: 'GET' as const, path: bannerPath(banner, format), handler: c.banner(banner, format) }))
    ),
  ];
};
