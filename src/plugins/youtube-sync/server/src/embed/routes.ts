import type { Core } from '@strapi/strapi';
import { embedController } from './controller';

/**
 * The iframe variant of the partner widget at /embed/stories (an admin-type router with an empty prefix, like
 * the other public pages); the widget's scripts, /embed/stories.js and the widget it loads, are built and served by embed/widget-assets.ts.
 */
export const embedRouter = ({ strapi }: { strapi: Core.Strapi }) => {
  const controller = embedController(strapi);
  return {
    type: 'admin',
    prefix: '',
    routes: [{ method: 'GET', path: '/embed/stories', handler: controller.page, config: { auth: false } }],
  };
};
