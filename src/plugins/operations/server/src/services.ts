import type { Core } from '@strapi/strapi';
import type {
  BackgroundService,
  DatabaseService,
  EndpointsService,
  LeaseQueueService,
  MetricsService,
  PublicRoutesService,
  ReadinessService,
  RequestsService,
} from '../../../../shared/operations';
import { registerBackgroundWork } from './background/registry';
import { startRepeatingTask } from './background/repeating-task';
import { runOncePerPeriod, startSchedule } from './background/scheduled-run';
import { ensureUniqueIndexes } from './unique-indexes';
import { mountPublicRoutes } from './public-router';
import { claimNext, release, renewLease } from './lease-queue/lease-queue';
import { holdLease } from './lease-queue/hold-lease';
import { isLeaseLost, LeaseLostError } from './lease-queue/lease-lost';
import { requestClientAddress } from './client-address';
import { parseInput } from './validate';
import { answerEarly } from './lifecycle';
import { metricsOf } from './metrics';
import { readinessRegistry } from './readiness';

type Params = { strapi: Core.Strapi };

/**
 * What other plugins use of this one: `strapi.plugin('operations').service(name)`, typed by the interfaces in
 * src/shared/operations.ts.
 */
export default {
  background: ({ strapi }: Params): BackgroundService => ({
    register: (work) => registerBackgroundWork(strapi, work),
    startRepeatingTask: (label, intervalMs, task) => startRepeatingTask(strapi, label, intervalMs, task),
    runOncePerPeriod: (schedule, clock, task) => runOncePerPeriod(strapi, schedule, clock, task),
    startSchedule: (schedule, clock, task) => startSchedule(strapi, schedule, clock, task),
  }),
  database: ({ strapi }: Params): DatabaseService => ({
    ensureUniqueIndexes: (unique) => ensureUniqueIndexes(strapi, unique),
  }),
  'lease-queue': ({ strapi }: Params): LeaseQueueService => ({
    claimNext: (queue, options) => claimNext(strapi, queue, options),
    renewLease: (queue, row, now, leaseMs, data) => renewLease(strapi, queue, row, now, leaseMs, data),
    release: (queue, row, data, also) => release(strapi, queue, row, data, also),
    holdLease: (queue, row, what, now, leaseMs) => holdLease(strapi, queue, row, what, now, leaseMs),
    leaseLost: (what) => new LeaseLostError(what),
    isLeaseLost,
  }),
  requests: ({ strapi }: Params): RequestsService => ({
    clientAddress: (req) => requestClientAddress(strapi, req),
    parseInput,
  }),
  'public-routes': ({ strapi }: Params): PublicRoutesService => ({
    mount: (factories) => mountPublicRoutes(strapi, factories),
  }),
  endpoints: ({ strapi }: Params): EndpointsService => ({
    handle: (req, res) => answerEarly(strapi, req, res),
  }),
  readiness: ({ strapi }: Params): ReadinessService => readinessRegistry(strapi),
  metrics: ({ strapi }: Params): MetricsService => {
    const { gauge, statusGauge, counter, histogram } = metricsOf(strapi);
    return { gauge, statusGauge, counter, histogram };
  },
};
