import type { Core } from '@strapi/strapi';
import type { MetricsService } from '../../../../shared/operations';
import { createQuotaLedger } from './youtube/quota';
import { effectiveConfig } from './config/effective-config';
import { pluginConfig } from './utils/plugin-config';
import { JOB_QUEUE } from './sync-jobs/jobs';

const metricsService = (strapi: Core.Strapi): MetricsService => strapi.plugin('operations').service('metrics');

/** The sync's gauges of shared state, read from the database when scraped: on every instance, worker or not. */
export function registerSyncMetrics(strapi: Core.Strapi) {
  const metrics = metricsService(strapi);
  metrics.statusGauge('zm_sync_jobs', 'YouTube sync jobs in the database, by status', JOB_QUEUE.uid);
  metrics.gauge(
    'zm_youtube_quota',
    'YouTube quota of the current Pacific day (units, and uploads in the current quota model): used and left of the daily budget',
    ['resource', 'kind'],
    async () => {
      const config = await effectiveConfig(strapi, pluginConfig(strapi));
      const today = await createQuotaLedger(strapi, () => new Date(), config).today();
      return [
        { labels: { resource: 'units', kind: 'used' }, value: today.units },
        { labels: { resource: 'units', kind: 'left' }, value: today.left },
        { labels: { resource: 'uploads', kind: 'used' }, value: today.uploads },
        { labels: { resource: 'uploads', kind: 'left' }, value: today.uploadsLeft },
      ];
    }
  );
}

/** How long this instance ran sync jobs, by result: `startTimer()` returns the function that records one. */
export const syncJobSeconds = (strapi: Core.Strapi) =>
  metricsService(strapi).histogram('zm_sync_job_duration_seconds', 'How long this instance ran YouTube sync jobs, by result', ['result'], [
    0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900,
  ]);
