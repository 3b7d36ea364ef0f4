import type { Core } from '@strapi/strapi';
import type { ErrorKind, YouTubeError } from '../youtube/errors';
import type { FailureReason } from '../../../../../shared/admin-views';
import { nextPacificMidnight } from '../youtube/quota';
import { leaseQueue } from '../dependencies';
import { JOB_QUEUE, jobs, type JobStatus, type SyncJob } from './jobs';

const BASE_DELAY_MS = 2000;
/** No wait between two attempts is longer than an hour, so a job is back soon after an outage ends. */
export const MAX_DELAY_MS = 3600 * 1000;

/** Exponential backoff with full jitter, capped: 2 s, 4 s, 8 s … at most one hour, each drawn from [d/2, d]. */
export function backoffMs(attempts: number, random: () => number): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.min(40, Math.max(0, attempts - 1)));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export interface FailureOutcome {
  status: JobStatus;
  runAt: Date;
  /** When the current run of retries began; null once the job no longer retries. */
  firstFailedAt: Date | null;
}

export interface RetryPolicy {
  /** How long after its first failure a job keeps retrying before it is marked failed. */
  retryHorizonMs: number;
}

/**
 * Decides what happens to a job after an error of the given kind:
 * retryable → again after backoff (or after YouTube's Retry-After, if longer), until the retry horizon since the
 * first failure has passed — a Google outage of some hours must not fail every job; quota → parked until YouTube's
 * quota resets at midnight Pacific time, without spending an attempt; auth → parked until an editor reconnects
 * the channel; permanent → failed, with the reason for the editors.
 */
export function outcomeFor(
  error: Pick<YouTubeError, 'kind' | 'retryAfterMs'>,
  job: SyncJob,
  now: Date,
  policy: RetryPolicy,
  random: () => number
): FailureOutcome {
  if (error.kind === 'quota') return { status: 'waiting_for_quota', runAt: nextPacificMidnight(now), firstFailedAt: null };
  if (error.kind === 'auth') return { status: 'needs_reconnect', runAt: new Date(now.getTime() + 365 * 24 * 3600 * 1000), firstFailedAt: null };
  const firstFailedAt = job.firstFailedAt ? new Date(job.firstFailedAt) : now;
  if (error.kind === 'retryable' && now.getTime() - firstFailedAt.getTime() < policy.retryHorizonMs) {
    const delay = Math.max(backoffMs(job.attempts, random), Math.min(error.retryAfterMs ?? 0, MAX_DELAY_MS));
    return { status: 'pending', runAt: new Date(now.getTime() + delay), firstFailedAt };
  }
  return { status: 'failed', runAt: now, firstFailedAt: null };
}

export interface JobError {
  kind: ErrorKind;
  reason: FailureReason;
  message: string;
}

/**
 * Records the outcome, as the lease holder only; false when this worker no longer held the job. A job that would
 * fail for good although an edit arrived while it ran starts again instead: the edit may be the fix.
 */
export async function fail(strapi: Core.Strapi, job: SyncJob, outcome: FailureOutcome, error: JobError, now: Date): Promise<boolean> {
  const data = {
    status: outcome.status,
    runAt: outcome.runAt.toISOString(),
    finishedAt: now.toISOString(),
    lastError: error.message.slice(0, 2000),
    errorKind: error.kind,
    failureReason: error.reason,
    firstFailedAt: outcome.firstFailedAt?.toISOString() ?? null,
    ...(error.kind === 'quota' && { attempts: Math.max(0, job.attempts - 1) }),
  };
  if (outcome.status !== 'failed') return leaseQueue(strapi).release(JOB_QUEUE, job, data);
  if (await leaseQueue(strapi).release(JOB_QUEUE, job, data, { revision: job.revision })) return true;
  return leaseQueue(strapi).release(JOB_QUEUE, job, { ...data, status: 'pending', runAt: now.toISOString(), attempts: 0, expiredLeases: 0, firstFailedAt: null });
}

/** After the channel is reconnected, every parked job runs again. */
export async function releaseReconnectJobs(strapi: Core.Strapi, now: Date) {
  await jobs(strapi).updateMany({
    where: { status: 'needs_reconnect' },
    data: { status: 'pending', runAt: now.toISOString(), attempts: 0, firstFailedAt: null },
  });
}
