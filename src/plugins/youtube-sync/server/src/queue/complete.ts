import type { Core } from '@strapi/strapi';
import { jobs, type SyncJob } from './jobs';

/**
 * Marks the job done — only the lease holder may, and only if no enqueue moved its revision while it ran; otherwise
 * it goes back to pending, so the edit made meanwhile is synced too. Both are one conditional UPDATE each, so an
 * enqueue racing with this cannot be lost in between.
 */
export async function complete(strapi: Core.Strapi, job: SyncJob, now: Date) {
  const at = now.toISOString();
  const held = { id: job.id, lockToken: job.lockToken, status: 'running' };
  const finished = {
    lockToken: null,
    leaseExpiresAt: null,
    finishedAt: at,
    lastError: null,
    errorKind: null,
    failureReason: null,
    attempts: 0,
    expiredLeases: 0,
    firstFailedAt: null,
  };
  const done = await jobs(strapi).updateMany({ where: { ...held, revision: job.revision }, data: { ...finished, status: 'done' } });
  if (done.count === 0) await jobs(strapi).updateMany({ where: held, data: { ...finished, status: 'pending', runAt: at } });
}
