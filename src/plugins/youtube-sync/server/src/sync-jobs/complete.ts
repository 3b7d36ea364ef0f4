import type { Core } from '@strapi/strapi';
import { leaseQueue } from '../dependencies';
import { JOB_QUEUE, type SyncJob } from './jobs';

/**
 * Marks the job done — only the lease holder may, and only if no enqueue moved its revision while it ran; otherwise
 * it goes back to pending, so the edit made meanwhile is synced too. Both are one conditional UPDATE each, so an
 * enqueue racing with this cannot be lost in between.
 */
export async function complete(strapi: Core.Strapi, job: SyncJob, now: Date) {
  const at = now.toISOString();
  const finished = { finishedAt: at, lastError: null, errorKind: null, failureReason: null, attempts: 0, expiredLeases: 0, firstFailedAt: null };
  if (await leaseQueue(strapi).release(JOB_QUEUE, job, { ...finished, status: 'done' }, { revision: job.revision })) return;
  await leaseQueue(strapi).release(JOB_QUEUE, job, { ...finished, status: 'pending', runAt: at });
}
