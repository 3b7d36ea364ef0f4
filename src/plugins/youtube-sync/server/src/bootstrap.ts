import type { Core } from '@strapi/strapi';
import { startWorker } from './queue/worker';
import { startReconcileSchedule } from './sync/reconcile';
import { ensureUniqueIndexes } from './utils/unique-indexes';
import { pluginConfig } from './utils/plugin-config';

export type Worker = ReturnType<typeof startWorker>;
export const workers = new WeakMap<Core.Strapi, Worker>();
export const reconcileSchedules = new WeakMap<Core.Strapi, ReturnType<typeof startReconcileSchedule>>();

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await ensureUniqueIndexes(strapi);
  const config = pluginConfig(strapi);
  if (config.worker) {
    workers.set(strapi, startWorker(strapi, config));
    reconcileSchedules.set(strapi, startReconcileSchedule(strapi, config));
  }
};
