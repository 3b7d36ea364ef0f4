import type { Core } from '@strapi/strapi';
import { storyPagesController } from './page-actions';
import { publicPageRouter } from '../../../../operations/server/src/public-router';
import { MASTODON_PATH } from './share-links';

/**
 * The public story pages at the site's root (routes/public-router.ts), open to everyone: the address every story's
 * `link` in the public API, its feeds and oEmbed point to.
 */
export const storyPagesRouter = ({ strapi }: { strapi: Core.Strapi }) => {
  const c = storyPagesController(strapi);
  return publicPageRouter([
    { method: 'GET', path: '/geschichten', handler: c.list },
    { method: 'GET', path: '/geschichten/:slug', handler: c.story },
    { method: 'GET', path: '/geschichten/:slug/vorschau.jpg', handler: c.socialImage },
    { method: 'GET', path: MASTODON_PATH, handler: c.mastodon },
  ]);
};
