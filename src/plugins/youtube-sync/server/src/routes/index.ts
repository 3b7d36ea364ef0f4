import contentApi from './content-api';
import admin from '../admin-api/routes';
import { reportRouter } from '../reports/routes';
import { reviewAdminRouter } from '../review/routes';

/** The plugin's routers as Strapi registers them: the v1 contract and the admin API; public pages: public-routers.ts. */
export default {
  'content-api': contentApi,
  admin,
  reports: reportRouter,
  review: reviewAdminRouter,
};
