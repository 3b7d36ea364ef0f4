import type { Core } from '@strapi/strapi';
import { embedController } from './page-actions';
import { publicPageRouter } from '../../../../operations/server/src/public-router';

/**
 * The iframe variant of the partner widget at /embed/stories and the district outlines its map layout draws, public
 * pages (routes/public-router.ts); /embed/stories.js and the widget it loads are built and served by
 * embed/widget-assets.ts, the map layout's script is the static file public/embed/stories-map.js.
 */
export const embedRouter = ({ strapi }: { strapi: Core.Strapi }) => {
  const controller = embedController(strapi);
  return publicPageRouter([
    { method: 'GET', path: '/embed/stories', handler: controller.page },
    { method: 'GET', path: '/embed/districts.json', handler: controller.districts },
  ]);
};
