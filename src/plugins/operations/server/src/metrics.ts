import type { Core } from '@strapi/strapi';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { GaugeSample, MetricsService } from '../../../../shared/operations';

/**
 * The Prometheus metrics of one instance. Counters and histograms count what this instance did since it started;
 * the gauges of shared state (queues, quota, pending uploads) are read from the database when scraped, so every
 * instance reports the same values for them and a dashboard may take any one. This module counts the requests; each
 * plugin registers the metrics of its own concern through the `metrics` service (services.ts).
 */

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

function createMetrics(strapi: Core.Strapi) {
  const registry = new Registry();
  let processMetrics = false;

  const httpRequests = new Counter({
    name: 'zm_http_requests_total',
    help: 'HTTP requests answered by this instance, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });

  /** A plugin's metric, created once per instance even when its plugin registers it again (a second bootstrap). */
  const once = <M>(name: string, create: () => M): M => (registry.getSingleMetric(name) as M | undefined) ?? create();

  const gauge: MetricsService['gauge'] = (name, help, labelNames, read) => {
    once(
      name,
      () =>
        new Gauge({
          name,
          help,
          labelNames,
          registers: [registry],
          async collect() {
            const samples: GaugeSample[] = await read();
            this.reset();
            for (const { labels = {}, value } of samples) this.set(labels, value);
          },
        })
    );
  };

  const registrations: MetricsService = {
    gauge,
    statusGauge: (name, help, uid) =>
      gauge(name, help, ['status'], async () => [...(await countByStatus(strapi, uid))].map(([status, value]) => ({ labels: { status }, value }))),
    counter: (name, help, read) => {
      once(
        name,
        () =>
          new Counter({
            name,
            help,
            registers: [registry],
            collect() {
              this.reset();
              this.inc(read());
            },
          })
      );
    },
    histogram: (name, help, labelNames, buckets) => once(name, () => new Histogram({ name, help, labelNames, buckets, registers: [registry] })),
  };

  return {
    ...registrations,
    contentType: registry.contentType,
    /** The text a scrape gets; Node's process metrics start with the first scrape, not with every boot. */
    scrape(): Promise<string> {
      if (!processMetrics) {
        collectDefaultMetrics({ register: registry });
        processMetrics = true;
      }
      return registry.metrics();
    },
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
