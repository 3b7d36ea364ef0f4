import type { Core } from '@strapi/strapi';
import { BANNER_FORMATS, BANNERS, bannerPath } from './banners';
import { partnerKitController } from './controller';
import { PRINT_FORMATS, printPath } from './print';

/**
 * The partner kit at /partner, open to everyone (an admin-type router with an empty prefix, like the other public
 * pages): the page, the newsletter block, the print files and the banners, each at a literal address.
 */
const open = { auth: false };

export const partnerKitRouter = ({ strapi }: { strapi: Core.Strapi }) => {
  const c = partnerKitController(strapi);
  return {
    type: 'admin',
    prefix: '',
    routes: [
      { method: 'GET', path: '/partner', handler: c.page, config: open },
      { method: 'GET', path: '/partner/newsletter.html', handler: c.newsletter('html'), config: open },
      { method: 'GET', path: '/partner/newsletter.txt', handler: c.newsletter('txt'), config: open },
      ...PRINT_FORMATS.map((format) => ({ method: 'GET', path: printPath(format), handler: c.print(format), config: open })),
      ...BANNERS.flatMap((banner) => BANNER_FORMATS.map((format) => ({ method: 'GET', path: bannerPath(banner, format), handler: c.banner(banner, format), config: open }))),
    ],
  };
};
