import type { Core } from '@strapi/strapi';
import { registerBackgroundWork } from './background/registry';
import type { BackgroundWork } from './shutdown';
import { ensureUniqueIndexes, type UniqueAttribute } from './unique-indexes';
import { registerPublicRouters, type PublicRouterFactory } from './public-router';

/** What other plugins use of this one: `strapi.plugin('operations').service(name)`. */
export default {
  background: ({ strapi }: { strapi: Core.Strapi }) => ({
    /** A loop the graceful shutdown stops claiming, waits for and, when it takes too long, hands back. */
    register: (work: BackgroundWork) => registerBackgroundWork(strapi, work),
  }),
  database: ({ strapi }: { strapi: Core.Strapi }) => ({
    ensureUniqueIndexes: (unique: UniqueAttribute[]) => ensureUniqueIndexes(strapi, unique),
  }),
  'public-routes': ({ strapi }: { strapi: Core.Strapi }) => ({
    /** Mounts a plugin's public pages on Strapi's root router (public-router.ts says why not a plugin router). */
    mount: (routers: PublicRouterFactory[]) => registerPublicRouters(strapi, routers),
  }),
};
