import type { Core } from '@strapi/strapi';
import { startWorker } from './sync/worker';
import { startReconcileSchedule } from './sync/reconcile';
import { ensureUniqueIndexes } from './utils/unique-indexes';
import { pluginConfig } from './utils/plugin-config';
import { startPublicApi } from './public-api/lifecycle';
import { registerPermissions } from './permissions';
import { startExportLoop, type ExportLoop } from './reports/exports/loop';
import { startRetention } from './review/retention';
import { startSubmissions } from './submissions/lifecycle';
import { startMediaPrivacy } from './media-privacy/lifecycle';
import { registerCoverVariantHooks, startCoverVariants } from './cover-variants/lifecycle';

export type Worker = ReturnType<typeof startWorker>;
export const workers = new WeakMap<Core.Strapi, Worker>();
export const reconcileSchedules = new WeakMap<Core.Strapi, ReturnType<typeof startReconcileSchedule>>();
export const exportLoops = new WeakMap<Core.Strapi, ExportLoop>();

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await ensureUniqueIndexes(strapi);
  await registerPermissions(strapi);
  await startPublicApi(strapi);
  await startSubmissions(strapi);
  await startMediaPrivacy(strapi);
  registerCoverVariantHooks(strapi);
  await startCoverVariants(strapi);
  // Erasure is a legal duty, not a YouTube task: every instance takes part, the database lets one run it.
  startRetention(strapi);
  const config = pluginConfig(strapi);
  if (config.worker) {
    workers.set(strapi, startWorker(strapi, config));
    reconcileSchedules.set(strapi, startReconcileSchedule(strapi, config));
    exportLoops.set(strapi, startExportLoop(strapi));
  }
};
