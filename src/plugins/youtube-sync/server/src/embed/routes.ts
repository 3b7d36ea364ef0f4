import type { Core } from '@strapi/strapi';
import { embedController } from './controller';
import { publicPageRouter } from '../routes/public-router';

/**
 * The iframe variant of the partner widget at /embed/stories, a public page (routes/public-router.ts); the widget's
 * scripts, /embed/stories.js and the widget it loads, are built and served by embed/widget-assets.ts.
 */
export const embedRouter = ({ strapi }: { strapi: Core.Strapi }) => {
  const controller = embedController(strapi);
  return publicPageRouter([{ method: 'GET', path: '/embed/stories', handler: controller.page }]);
};
