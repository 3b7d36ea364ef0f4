import type { Core } from '@strapi/strapi';
import { privateMediaController } from './controller';

/**
 * The private media route at the site's root (an admin-type router with an empty prefix, like the public pages):
 * it authenticates itself, by signed link or an editor's bearer token, so Strapi's auth is off for it.
 */
export const privateMediaRouter = ({ strapi }: { strapi: Core.Strapi }) => {
  const controller = privateMediaController(strapi);
  return {
    type: 'admin',
    prefix: '',
    routes: [{ method: 'GET', path: '/media/private/:name', handler: controller.file, config: { auth: false } }],
  };
};
