import type { PublicRouteFactory } from '../../../../../shared/operations';
import { reportsController } from '../admin-actions';
import reportsService from '../service';

/**
 * The download link of a finished export, under the plugin's prefix but a public route (mounted by operations'
 * public-routes service): a browser following a plain link cannot send the admin's bearer token, so the link carries
 * its own expiring token, which the download checks.
 */
export const exportDownloadRouter: PublicRouteFactory = ({ strapi }) => {
  const c = reportsController(strapi, reportsService({ strapi }));
  return [{ method: 'GET', path: '/reports/exports/:id/download', handler: c.downloadExport }];
};
