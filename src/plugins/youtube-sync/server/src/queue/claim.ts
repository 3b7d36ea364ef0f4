import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { jobs, type SyncJob } from './jobs';

/**
 * Claims one due job by compare-and-swap on (id, status, lockToken): of several instances that read the same row,
 * exactly one UPDATE matches. A running job whose lease expired (its worker died) is due again — that is the reaper.
 */
export async function claim(strapi: Core.Strapi, now: Date, leaseMs: number): Promise<SyncJob | null> {
  const at = now.toISOString();
  const candidates = (await jobs(strapi).findMany({
    where: {
      $or: [
        { status: { $in: ['pending', 'waiting_for_quota'] }, runAt: { $lte: at } },
        { status: 'running', leaseExpiresAt: { $lt: at } },
      ],
    },
    orderBy: [{ runAt: 'asc' }, { id: 'asc' }],
    limit: 10,
  })) as SyncJob[];
  for (const candidate of candidates) {
    const lockToken = crypto.randomUUID();
    const { count } = await jobs(strapi).updateMany({
      where: { id: candidate.id, status: candidate.status, lockToken: candidate.lockToken },
      data: {
        status: 'running',
        lockToken,
        leaseExpiresAt: new Date(now.getTime() + leaseMs).toISOString(),
        startedAt: at,
        attempts: candidate.attempts + 1,
      },
    });
    if (count === 1) return { ...candidate, status: 'running', lockToken, startedAt: at, attempts: candidate.attempts + 1 };
  }
  return null;
}

/** Extends the lease of a job this worker holds; false when the lease was lost (another worker took over). */
export async function renewLease(strapi: Core.Strapi, job: SyncJob, now: Date, leaseMs: number): Promise<boolean> {
  const { count } = await jobs(strapi).updateMany({
    where: { id: job.id, lockToken: job.lockToken, status: 'running' },
    data: { leaseExpiresAt: new Date(now.getTime() + leaseMs).toISOString() },
  });
  return count === 1;
}
