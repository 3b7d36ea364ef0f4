import type { Core } from '@strapi/strapi';
import { ACTIONS } from '../permissions';
import { reportsController } from './controller';
import reportsService from './service';

/**
 * The admin routes of reports, mounted by Strapi under the plugin's prefix (/youtube-sync/reports/…). A router
 * factory: Strapi calls it with `strapi` when it registers routes, and the handlers are bound to the reports
 * controller here, so the feature needs no entry in the plugin's controller and service lists to work.
 *
 * Every route checks the reports permission; the download link of an export is a public route
 * (reports/exports/routes.ts). Literal paths come before `/reports/:format`.
 */
const guarded = { policies: [{ name: 'admin::hasPermissions', config: { actions: [ACTIONS.reports] } }] };

export function reportRoutes({ strapi }: { strapi: Core.Strapi }) {
  const c = reportsController(strapi, reportsService({ strapi }));
  return [
    { method: 'GET', path: '/reports/options', handler: c.options, config: guarded },
    { method: 'GET', path: '/reports/summary', handler: c.summary, config: guarded },
    { method: 'GET', path: '/reports/charts/:chart', handler: c.chart, config: guarded },
    { method: 'GET', path: '/reports/exports', handler: c.listExports, config: guarded },
    { method: 'POST', path: '/reports/exports', handler: c.startExport, config: guarded },
    { method: 'GET', path: '/reports/exports/:id', handler: c.exportStatus, config: guarded },
    { method: 'GET', path: '/reports/:format', handler: c.download, config: guarded },
  ];
}

/** The plugin's `routes` entry: `reports: reportRouter` beside `admin` and `content-api`. */
export const reportRouter = ({ strapi }: { strapi: Core.Strapi }) => ({ type: 'admin', routes: reportRoutes({ strapi }) });
