import type { PublicRouteFactory } from '../../../../../shared/operations';
import { embedController } from './page-actions';

/**
 * The iframe variant of the partner widget at /embed/stories and the district outlines its map layout draws, public
 * pages (mounted by operations' public-routes service); /embed/stories.js and the widget it loads are built and
 * served by embed/widget-assets.ts, the map layout's script is the static file public/embed/stories-map.js.
 */
export const embedRouter: PublicRouteFactory = ({ strapi }) => {
  const controller = embedController(strapi);
  return [
    { method: 'GET', path: '/embed/stories', handler: controller.page },
    { method: 'GET', path: '/embed/districts.json', handler: controller.districts },
  ];
};
