import type { Core } from '@strapi/strapi';
import contentTypes from './content-types';
import { reportRouter } from './routes';
import { exportDownloadRouter } from './exports/routes';
import { startExportLoop, type ExportLoop } from './exports/loop';
import { registerPermissions } from './permissions';
import { EXPORT_UID } from './exports/jobs';
import { metrics, youtubeSync } from './dependencies';

type Params = { strapi: Core.Strapi };

const exportLoops = new WeakMap<Core.Strapi, ExportLoop>();

/** Figures and exports for the office: the Berichte page's admin API, the export loop and the download link. */
export default {
  contentTypes,
  routes: { admin: reportRouter },
  register({ strapi }: Params) {
    strapi.plugin('operations').service('public-routes').mount([exportDownloadRouter]);
    metrics(strapi).statusGauge('zm_report_exports', 'Report export jobs in the database, by status', EXPORT_UID);
  },
  async bootstrap({ strapi }: Params) {
    await registerPermissions(strapi);
    // Exports run where the background work runs (YOUTUBE_SYNC_WORKER): an instance that serves only requests makes none.
    if (!youtubeSync(strapi).isWorker()) return;
    const loop = startExportLoop(strapi);
    exportLoops.set(strapi, loop);
    strapi.plugin('operations').service('background').register({ name: 'report export loop', ...loop });
  },
  async destroy({ strapi }: Params) {
    await exportLoops.get(strapi)?.stop();
    exportLoops.delete(strapi);
  },
};
