import type { Core } from '@strapi/strapi';
import { storyPagesController } from './controller';
import { MASTODON_PATH } from './share-links';

/**
 * The public story pages at the site's root (an admin-type router with an empty prefix, like the other public
 * pages), open to everyone: the address every story's `link` in the public API, its feeds and oEmbed point to.
 */
export const storyPagesRouter = ({ strapi }: { strapi: Core.Strapi }) => {
  const c = storyPagesController(strapi);
  const open = { auth: false };
  return {
    type: 'admin',
    prefix: '',
    routes: [
      { method: 'GET', path: '/geschichten', handler: c.list, config: open },
      { method: 'GET', path: '/geschichten/:slug', handler: c.story, config: open },
      { method: 'GET', path: '/geschichten/:slug/vorschau.jpg', handler: c.socialImage, config: open },
      { method: 'GET', path: MASTODON_PATH, handler: c.mastodon, config: open },
    ],
  };
};
