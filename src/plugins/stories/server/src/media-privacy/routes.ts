import type { Core } from '@strapi/strapi';
import { privateMediaController } from './file-actions';
import { publicPageRouter } from '../../../../operations/server/src/public-router';

/**
 * The private media route at the site's root, a public route (routes/public-router.ts) because it authenticates
 * itself, by signed link or an editor's bearer token, so Strapi's auth is off for it.
 */
export const privateMediaRouter = ({ strapi }: { strapi: Core.Strapi }) => {
  const controller = privateMediaController(strapi);
  return publicPageRouter([{ method: 'GET', path: '/media/private/:name', handler: controller.file }]);
};
