import type { Core } from '@strapi/strapi';
import { embedController } from './controller';

/**
 * The iframe variant of the partner widget at /embed/stories (an admin-type router with an empty prefix, like
 * the other public pages), and the district outlines its map layout draws; the widget's scripts themselves,
 * /embed/stories.js and /embed/stories-map.js, are static files in public/embed/.
 */
export const embedRouter = ({ strapi }: { strapi: Core.Strapi }) => {
  const controller = embedController(strapi);
  return {
    type: 'admin',
    prefix: '',
    routes: [
      { method: 'GET', path: '/embed/stories', handler: controller.page, config: { auth: false } },
      { method: 'GET', path: '/embed/districts.json', handler: controller.districts, config: { auth: false } },
    ],
  };
};
