import type { Core } from '@strapi/strapi';
import { publicPageRouter } from '../../../../operations/server/src/public-router';
import { reportsController } from '../admin-actions';
import reportsService from '../service';

/**
 * The download link of a finished export, under the plugin's prefix but a public route
 * (operations' public-router.ts): a browser following a plain link cannot send the admin's bearer token, so the link
 * carries its own expiring token, which the download checks.
 */
export const exportDownloadRouter = ({ strapi }: { strapi: Core.Strapi }) => {
  const c = reportsController(strapi, reportsService({ strapi }));
  return publicPageRouter([{ method: 'GET', path: '/reports/exports/:id/download', handler: c.downloadExport }]);
};
