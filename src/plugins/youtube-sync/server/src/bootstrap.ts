import type { Core } from '@strapi/strapi';
import { startWorker } from './sync/worker';
import { startReconcileSchedule } from './sync/reconcile';
import { pluginConfig } from './utils/plugin-config';
import { registerPermissions } from './permissions';
import { registerSyncMetrics } from './metrics';

export type Worker = ReturnType<typeof startWorker>;
export const workers = new WeakMap<Core.Strapi, Worker>();
export const reconcileSchedules = new WeakMap<Core.Strapi, ReturnType<typeof startReconcileSchedule>>();

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.plugin('operations').service('database').ensureUniqueIndexes([
    ['plugin::youtube-sync.sync-job', 'storyDocumentId'],
    ['plugin::youtube-sync.sync-state', 'storyDocumentId'],
    ['plugin::youtube-sync.playlist', 'key'],
    ['plugin::youtube-sync.quota-day', 'day'],
  ]);
  await registerPermissions(strapi);
  registerSyncMetrics(strapi);
  const config = pluginConfig(strapi);
  if (!config.worker) return;
  const worker = startWorker(strapi, config);
  workers.set(strapi, worker);
  strapi.plugin('operations').service('background').register({ name: 'YouTube sync worker', ...worker });
  reconcileSchedules.set(strapi, startReconcileSchedule(strapi, config));
};
