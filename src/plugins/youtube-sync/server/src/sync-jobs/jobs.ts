import type { Core } from '@strapi/strapi';
import type { JobStatus } from '../../../../../shared/admin-views';
import type { LeaseQueue } from '../../../../../shared/operations';

export const JOB = 'plugin::youtube-sync.sync-job';

export type { JobStatus } from '../../../../../shared/admin-views';

export interface SyncJob {
  id: number;
  storyDocumentId: string;
  status: JobStatus;
  reason: string | null;
  runAt: string;
  requestedAt: string;
  startedAt: string | null;
  attempts: number;
  lockToken: string | null;
  leaseExpiresAt: string | null;
  lastError: string | null;
  errorKind: string | null;
  failureReason: string | null;
  /** Moves with every enqueue; a job whose revision moved while it ran is not done. */
  revision: number;
  /** How often a worker died holding this job (its lease ran out). */
  expiredLeases: number;
  /** The first failure of the current run of retries; retries end a horizon after it. */
  firstFailedAt: string | null;
}

export const jobs = (strapi: Core.Strapi) => strapi.db.query(JOB);

/** Jobs wait while pending (or parked for the quota) until their run time; a worker holds one while it runs. */
export const JOB_QUEUE: LeaseQueue = {
  uid: JOB,
  heldStatus: 'running',
  waiting: (at) => ({ status: { $in: ['pending', 'waiting_for_quota'] }, runAt: { $lte: at } }),
  orderBy: [{ runAt: 'asc' }, { id: 'asc' }],
};

/** How log lines and lease errors name a job. */
export const jobLabel = (storyDocumentId: string) => `the sync job of story ${storyDocumentId}`;
