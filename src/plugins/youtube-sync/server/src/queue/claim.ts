import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { STATE } from '../sync/state';
import { jobs, type SyncJob } from './jobs';

export interface ClaimOptions {
  leaseMs: number;
  /** A job whose lease ran out this many times (its worker died each time) fails instead of crashing again. */
  maxLostLeases: number;
}

export const WORKER_LOST_MESSAGE = (times: number) =>
  `Der Auftrag wurde ${times}-mal abgebrochen, weil der Sync-Prozess unterwegs beendet wurde (zum Beispiel Absturz oder Speichermangel). ` +
  'Er wird nicht mehr automatisch wiederholt.';

const due = (at: string) => ({ status: { $in: ['pending', 'waiting_for_quota'] }, runAt: { $lte: at } });
const expired = (at: string) => ({ status: 'running', leaseExpiresAt: { $lt: at } });

/**
 * Takes the job over in one transaction: the job row by compare-and-swap (the same row, still due or still with an
 * expired lease), and the story's sync state gets the new lock token, so every write of a worker that held the
 * job before no longer matches. The state row is created here if the story has none yet, so that it carries the
 * token from its first write.
 */
async function takeOver(strapi: Core.Strapi, candidate: SyncJob, at: string, data: Record<string, unknown>): Promise<boolean> {
  return strapi.db.transaction(async () => {
    const { count } = await jobs(strapi).updateMany({
      where: { id: candidate.id, lockToken: candidate.lockToken, ...(candidate.status === 'running' ? expired(at) : due(at)) },
      data,
    });
    if (count !== 1) return false;
    const fence = { storyDocumentId: candidate.storyDocumentId, lockToken: (data.lockToken as string | null) ?? null };
    const states = strapi.db.query(STATE);
    const { count: fenced } = await states.updateMany({ where: { storyDocumentId: fence.storyDocumentId }, data: { lockToken: fence.lockToken } });
    if (fenced === 0) await states.create({ data: { ...fence, status: 'pending', playlistItems: {} } });
    return true;
  });
}

/** A job whose worker died too often: failed with `worker_lost`, so it stops taking workers down with it. */
async function giveUp(strapi: Core.Strapi, candidate: SyncJob, at: string, lostLeases: number): Promise<void> {
  const message = WORKER_LOST_MESSAGE(lostLeases);
  const failed = await takeOver(strapi, candidate, at, {
    status: 'failed',
    lockToken: null,
    leaseExpiresAt: null,
    finishedAt: at,
    expiredLeases: lostLeases,
    lastError: message,
    errorKind: 'permanent',
    failureReason: 'worker_lost',
  });
  if (failed) await strapi.db.query(STATE).updateMany({ where: { storyDocumentId: candidate.storyDocumentId }, data: { status: 'failed', lastError: message } });
}

/**
 * Claims one due job. Of several instances that read the same row exactly one UPDATE matches, and a running job is
 * taken over only when its lease has expired — the condition is part of the UPDATE, so a lease renewed since the
 * read is respected. An expired lease means the worker died; after `maxLostLeases` of them the job fails.
 */
export async function claim(strapi: Core.Strapi, now: Date, options: ClaimOptions): Promise<SyncJob | null> {
  const at = now.toISOString();
  const candidates = (await jobs(strapi).findMany({
    where: { $or: [due(at), expired(at)] },
    orderBy: [{ runAt: 'asc' }, { id: 'asc' }],
    limit: 10,
  })) as SyncJob[];
  for (const candidate of candidates) {
    const lostLeases = (candidate.expiredLeases ?? 0) + (candidate.status === 'running' ? 1 : 0);
    if (lostLeases >= options.maxLostLeases) {
      await giveUp(strapi, candidate, at, lostLeases);
      continue;
    }
    const lockToken = crypto.randomUUID();
    const running = {
      status: 'running' as const,
      lockToken,
      leaseExpiresAt: new Date(now.getTime() + options.leaseMs).toISOString(),
      startedAt: at,
      attempts: candidate.attempts + 1,
      expiredLeases: lostLeases,
    };
    if (await takeOver(strapi, candidate, at, running)) return { ...candidate, ...running };
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
