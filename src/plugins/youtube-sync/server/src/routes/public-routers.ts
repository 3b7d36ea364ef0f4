import type { PublicRouterFactory } from './public-router';
import { embedRouter } from '../embed/routes';
import { privateMediaRouter } from '../media-privacy/routes';
import { pagesRouter } from '../pages/routes';
import { partnerKitRouter } from '../partner-kit/routes';
import { exportDownloadRouter } from '../reports/exports/routes';
import { reviewPagesRouter } from '../review/routes';
import { storyPagesRouter } from '../story-pages/routes';

/** Every public router of the plugin; the plugin's `register` mounts them on Strapi's root router. */
export const PUBLIC_ROUTERS: PublicRouterFactory[] = [
  pagesRouter,
  storyPagesRouter,
  embedRouter,
  partnerKitRouter,
  reviewPagesRouter,
  privateMediaRouter,
  exportDownloadRouter,
];
