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
import { movesSettled } from './media-privacy/hooks';
import { registerCoverVariantHooks, startCoverVariants } from './cover-variants/lifecycle';
import { stopOutbox } from './outbox/runtime';
import { startOperations } from './operations/lifecycle';
import type { BackgroundWork } from './operations/shutdown';

export type Worker = ReturnType<typeof startWorker>;
export const workers = new WeakMap<Core.Strapi, Worker>();
export const reconcileSchedules = new WeakMap<Core.Strapi, ReturnType<typeof startReconcileSchedule>>();
export const exportLoops = new WeakMap<Core.Strapi, ExportLoop>();

/** The loops a shutdown stops claiming and waits for (operations/shutdown.ts). */
function backgroundWork(strapi: Core.Strapi): BackgroundWork[] {
  const parts: BackgroundWork[] = [];
  const worker = workers.get(strapi);
  if (worker) parts.push({ name: 'YouTube sync worker', ...worker });
  const exportLoop = exportLoops.get(strapi);
  if (exportLoop) parts.push({ name: 'report export loop', ...exportLoop });
  // The outbox's stop() stops claiming at once and then waits for the mail under way; it works only once.
  let outboxStopped: Promise<void> | undefined;
  const stopMails = () => (outboxStopped ??= stopOutbox(strapi));
  parts.push({ name: 'mail outbox', stopClaiming: () => void stopMails(), stop: stopMails });
  // A move of a story's files finishes before the exit, so none is left with its file in both places.
  parts.push({ name: 'media moves', stopClaiming: () => undefined, stop: () => movesSettled(strapi) });
  return parts;
}

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
  startOperations(strapi, () => backgroundWork(strapi));
};
