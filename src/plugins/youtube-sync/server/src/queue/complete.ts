import type { Core } from '@strapi/strapi';
import { jobs, type SyncJob } from './jobs';

/** Marks the job done, or pending again when the story changed while it ran. Only the lease holder may. */
export async function complete(strapi: Core.Strapi, job: SyncJob, now: Date) {
  const at = now.toISOString();
  const held = { id: job.id, lockToken: job.lockToken, status: 'running' };
  const finished = { lockToken: null, leaseExpiresAt: null, finishedAt: at, lastError: null, errorKind: null, failureReason: null };
  const done = await jobs(strapi).updateMany({
    where: { ...held, requestedAt: { $lte: job.startedAt } },
    data: { ...finished, status: 'done', attempts: 0 },
  });
  if (done.count === 0) {
    await jobs(strapi).updateMany({ where: held, data: { ...finished, status: 'pending', runAt: at, attempts: 0 } });
  }
}
