import type { Core } from '@strapi/strapi';
import { jobs, type SyncJob } from './jobs';

/**
 * Hands a claimed job back to the queue now — the job of an instance that shuts down before it could finish — so
 * that another instance runs it at once instead of after the lease ran out. The interrupted run does not count as an
 * attempt. Conditional on the lock token: a job whose lease was lost meanwhile belongs to its new holder.
 */
export async function releaseJob(strapi: Core.Strapi, job: SyncJob, now: Date): Promise<boolean> {
  const { count } = await jobs(strapi).updateMany({
    where: { id: job.id, lockToken: job.lockToken, status: 'running' },
    data: { status: 'pending', lockToken: null, leaseExpiresAt: null, runAt: now.toISOString(), attempts: Math.max(0, job.attempts - 1) },
  });
  return count === 1;
}
