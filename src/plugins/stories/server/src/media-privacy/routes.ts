import type { PublicRouteFactory } from '../../../../../shared/operations';
import { privateMediaController } from './file-actions';

/**
 * The private media route at the site's root, a public route (mounted by operations' public-routes service, which
 * turns Strapi's auth off) because it authenticates itself, by signed link or an editor's bearer token.
 */
export const privateMediaRouter: PublicRouteFactory = ({ strapi }) => {
  const controller = privateMediaController(strapi);
  return [{ method: 'GET', path: '/media/private/:name', handler: controller.file }];
};
