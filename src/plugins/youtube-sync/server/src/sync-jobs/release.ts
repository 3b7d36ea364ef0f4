import type { Core } from '@strapi/strapi';
import { leaseQueue } from '../dependencies';
import { JOB_QUEUE, type SyncJob } from './jobs';

/**
 * Hands a claimed job back to the queue now — the job of an instance that shuts down before it could finish — so
 * that another instance runs it at once instead of after the lease ran out. The interrupted run does not count as an
 * attempt. Conditional on the lock token: a job whose lease was lost meanwhile belongs to its new holder.
 */
export function releaseJob(strapi: Core.Strapi, job: SyncJob, now: Date): Promise<boolean> {
  return leaseQueue(strapi).release(JOB_QUEUE, job, { status: 'pending', runAt: now.toISOString(), attempts: Math.max(0, job.attempts - 1) });
}
