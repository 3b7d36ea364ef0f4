import type { Core } from '@strapi/strapi';
import { enqueue } from '../sync-jobs/enqueue';
import { createSyncRunner } from '../sync/worker';
import { systemClock, type Clock } from '../../../../../shared/clock';
import { reconcile } from '../sync/reconcile';
import { pluginConfig } from '../utils/plugin-config';

/** The plugin's service for scripts and other plugins: record a sync, drain due jobs, reconcile, read today's quota. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  enqueue: (storyDocumentId: string, reason = 'manual', clock: Clock = systemClock) => enqueue(strapi, storyDocumentId, reason, clock.now()),
  drain: (clock: Clock = systemClock, limit?: number) => createSyncRunner(strapi, pluginConfig(strapi), clock).drain(limit),
  reconcile: (clock: Clock = systemClock) => reconcile(strapi, pluginConfig(strapi), clock),
  quotaToday: (clock: Clock = systemClock) => createSyncRunner(strapi, pluginConfig(strapi), clock).ledger.today(),
  /** Whether this instance runs the background work (YOUTUBE_SYNC_WORKER); one that serves only requests runs none. */
  isWorker: (): boolean => pluginConfig(strapi).worker,
});
