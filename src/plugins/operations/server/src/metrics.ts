import type { Core } from '@strapi/strapi';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { runtimeOf } from '../../../stories/server/src/public-api/runtime';
import { createQuotaLedger } from '../../../youtube-sync/server/src/youtube/quota';
import { effectiveConfig } from '../../../youtube-sync/server/src/config/effective-config';
import { pluginConfig } from '../../../youtube-sync/server/src/utils/plugin-config';
import { pendingUploadBytes } from '../../../submissions/server/src/intake/upload-reservations';

/**
 * The Prometheus metrics of one instance. Counters and histograms count what this instance did since it started;
 * the gauges of shared state (queues, quota, pending uploads) are read from the database when scraped, so every
 * instance reports the same values for them and a dashboard may take any one.
 */

const SYNC_JOB = 'plugin::youtube-sync.sync-job';
const REPORT_EXPORT = 'plugin::reports.report-export';
const OUTBOX_MAIL = 'plugin::submissions.outbox-mail';
const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Rows per status, with 0 for every status the content type knows, so a drained queue reads 0 rather than nothing. */
async function countByStatus(strapi: Core.Strapi, uid: string): Promise<Map<string, number>> {
  const meta = strapi.db.metadata.get(uid);
  const attribute = meta.attributes.status as { columnName?: string; enum?: string[] };
  const column = attribute.columnName ?? 'status';
  const statuses = attribute.enum ?? [];
  const counts = new Map(statuses.map((status) => [status, 0]));
  const rows = (await strapi.db.connection(meta.tableName).select({ status: column }).count({ count: '*' }).groupBy(column)) as { status: string; count: string | number }[];
  for (const row of rows) counts.set(row.status, Number(row.count));
  return counts;
}

function statusGauge(strapi: Core.Strapi, registry: Registry, name: string, help: string, uid: string) {
  return new Gauge({
    name,
    help,
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const [status, count] of await countByStatus(strapi, uid)) this.set({ status }, count);
    },
  });
}

function createMetrics(strapi: Core.Strapi) {
  const registry = new Registry();
  let processMetrics = false;
  const lookups = () => runtimeOf(strapi).cacheLookups;

  const httpRequests = new Counter({
    name: 'zm_http_requests_total',
    help: 'HTTP requests answered by this instance, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  new Counter({
    name: 'zm_front_cache_hits_total',
    help: 'Cacheable requests (public API, story pages) answered from the front cache by this instance',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(lookups().hits);
    },
  });
  new Counter({
    name: 'zm_front_cache_misses_total',
    help: 'Cacheable requests (public API, story pages) that this instance had to build',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(lookups().misses);
    },
  });
  const syncJobSeconds = new Histogram({
    name: 'zm_sync_job_duration_seconds',
    help: 'How long this instance ran YouTube sync jobs, by result',
    labelNames: ['result'],
    buckets: [0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900],
    registers: [registry],
  });
  statusGauge(strapi, registry, 'zm_sync_jobs', 'YouTube sync jobs in the database, by status', SYNC_JOB);
  statusGauge(strapi, registry, 'zm_report_exports', 'Report export jobs in the database, by status', REPORT_EXPORT);
  statusGauge(strapi, registry, 'zm_outbox_mails', 'Mails in the outbox, by status', OUTBOX_MAIL);

  new Gauge({
    name: 'zm_youtube_quota',
    help: 'YouTube quota of the current Pacific day (units, and uploads in the current quota model): used and left of the daily budget',
    labelNames: ['resource', 'kind'],
    registers: [registry],
    async collect() {
      const config = await effectiveConfig(strapi, pluginConfig(strapi));
      const today = await createQuotaLedger(strapi, () => new Date(), config).today();
      this.set({ resource: 'units', kind: 'used' }, today.units);
      this.set({ resource: 'units', kind: 'left' }, today.left);
      this.set({ resource: 'uploads', kind: 'used' }, today.uploads);
      this.set({ resource: 'uploads', kind: 'left' }, today.uploadsLeft);
    },
  });
  new Gauge({
    name: 'zm_upload_pending_bytes',
    help: 'Bytes of resumable uploads started and not yet taken by a submission, cancelled or expired (all instances)',
    registers: [registry],
    async collect() {
      this.set(await pendingUploadBytes(strapi));
    },
  });

  return {
    contentType: registry.contentType,
    /** The text a scrape gets; Node's process metrics start with the first scrape, not with every boot. */
    scrape(): Promise<string> {
      if (!processMetrics) {
        collectDefaultMetrics({ register: registry });
        processMetrics = true;
      }
      return registry.metrics();
    },
    syncJobSeconds,
    countRequest(method: string | undefined, route: string, status: number) {
      const known = method && KNOWN_METHODS.has(method) ? method : 'OTHER';
      httpRequests.inc({ method: known, route, status: String(status) });
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

const instances = new WeakMap<Core.Strapi, Metrics>();

/** The metrics of this Strapi instance, created on first use. */
export function metricsOf(strapi: Core.Strapi): Metrics {
  let metrics = instances.get(strapi);
  if (!metrics) {
    metrics = createMetrics(strapi);
    instances.set(strapi, metrics);
  }
  return metrics;
}
