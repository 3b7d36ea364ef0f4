import type { PublicRouteFactory } from '../../../../../shared/operations';
import { storyPagesController } from './page-actions';
import { MASTODON_PATH } from './share-links';

/**
 * The public story pages at the site's root (mounted by operations' public-routes service), open to everyone: the
 * address every story's `link` in the public API, its feeds and oEmbed point to.
 */
export const storyPagesRouter: PublicRouteFactory = ({ strapi }) => {
  const c = storyPagesController(strapi);
  return [
    { method: 'GET', path: '/geschichten', handler: c.list },
    { method: 'GET', path: '/geschichten/:slug', handler: c.story },
    { method: 'GET', path: '/geschichten/:slug/vorschau.jpg', handler: c.socialImage },
    { method: 'GET', path: MASTODON_PATH, handler: c.mastodon },
  ];
};
