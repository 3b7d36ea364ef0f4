import type { Core } from '@strapi/strapi';
import { ACTIONS } from '../../../../shared/permissions';
import { reportsController } from './admin-actions';
import reportsService from './service';

/**
 * The admin routes of reports, mounted by Strapi under the plugin's prefix (/reports/…). A router
 * factory: Strapi calls it with `strapi` when it registers routes, and the handlers are bound to the reports
 * controller here.
 *
 * Every route checks the reports permission; the download link of an export is a public route
 * (exports/routes.ts). Literal paths come before `/:format`.
 */
const guarded = { policies: [{ name: 'admin::hasPermissions', config: { actions: [ACTIONS.reports] } }] };

export function reportRoutes({ strapi }: { strapi: Core.Strapi }) {
  const c = reportsController(strapi, reportsService({ strapi }));
  return [
    { method: 'GET', path: '/options', handler: c.options, config: guarded },
    { method: 'GET', path: '/summary', handler: c.summary, config: guarded },
    { method: 'GET', path: '/charts/:chart', handler: c.chart, config: guarded },
    { method: 'GET', path: '/exports', handler: c.listExports, config: guarded },
    { method: 'POST', path: '/exports', handler: c.startExport, config: guarded },
    { method: 'GET', path: '/exports/:id', handler: c.exportStatus, config: guarded },
    { method: 'GET', path: '/:format', handler: c.download, config: guarded },
  ];
}

export const reportRouter = ({ strapi }: { strapi: Core.Strapi }) => ({ type: 'admin', routes: reportRoutes({ strapi }) });
