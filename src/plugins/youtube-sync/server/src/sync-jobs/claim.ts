import type { Core } from '@strapi/strapi';
import type { Where } from '../../../../../shared/operations';
import { leaseQueue } from '../dependencies';
import { JOB_QUEUE, type SyncJob } from './jobs';

export interface ClaimOptions {
  leaseMs: number;
  /** A job whose lease ran out this many times (its worker died each time) fails instead of crashing again. */
  maxLostLeases: number;
  /**
   * Runs in the claim's transaction with what was written to the job (the new lock token, or a failure): the
   * story's sync state takes the token, so every write of a worker that held the job before no longer matches.
   */
  fence: (job: SyncJob, written: Where) => Promise<void>;
}

export const WORKER_LOST_MESSAGE = (times: number) =>
  `Der Auftrag wurde ${times}-mal abgebrochen, weil der Sync-Prozess unterwegs beendet wurde (zum Beispiel Absturz oder Speichermangel). ` +
  'Er wird nicht mehr automatisch wiederholt.';

/** Leases lost so far, counting the one of a running job found expired now (its worker died). */
const lostLeases = (job: SyncJob) => (job.expiredLeases ?? 0) + (job.status === 'running' ? 1 : 0);

/**
 * Claims one due job, or takes over a running one whose lease expired; after `maxLostLeases` expired leases the job
 * fails with `worker_lost` instead, so it stops taking workers down with it.
 */
export async function claim(strapi: Core.Strapi, now: Date, options: ClaimOptions): Promise<SyncJob | null> {
  const at = now.toISOString();
  return leaseQueue(strapi).claimNext<SyncJob>(JOB_QUEUE, {
    now,
    leaseMs: options.leaseMs,
    giveUp: (job) =>
      lostLeases(job) >= options.maxLostLeases
        ? {
            status: 'failed',
            finishedAt: at,
            expiredLeases: lostLeases(job),
            lastError: WORKER_LOST_MESSAGE(lostLeases(job)),
            errorKind: 'permanent',
            failureReason: 'worker_lost',
          }
        : null,
    claimData: (job) => ({ startedAt: at, attempts: job.attempts + 1, expiredLeases: lostLeases(job) }),
    onTakeOver: options.fence,
  });
}
