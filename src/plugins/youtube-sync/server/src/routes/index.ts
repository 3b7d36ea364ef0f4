import contentApi from './content-api';
import admin from '../admin-api/routes';
import { reportRouter } from '../reports/routes';
import { embedRouter } from '../embed/routes';
import { pagesRouter } from '../pages/routes';
import { partnerKitRouter } from '../partner-kit/routes';
import { reviewAdminRouter, reviewPagesRouter } from '../review/routes';
import { storyPagesRouter } from '../story-pages/routes';
import { privateMediaRouter } from '../media-privacy/routes';

export default {
  'content-api': contentApi,
  admin,
  reports: reportRouter,
  embed: embedRouter,
  pages: pagesRouter,
  'partner-kit': partnerKitRouter,
  review: reviewAdminRouter,
  'review-pages': reviewPagesRouter,
  'story-pages': storyPagesRouter,
  'private-media': privateMediaRouter,
};
