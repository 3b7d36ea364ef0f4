import type { Core } from '@strapi/strapi';
import type { ErrorKind } from '../youtube/errors';
import type { FailureReason } from './failure-reason';
import { nextPacificMidnight } from '../youtube/quota';
import { jobs, type JobStatus, type SyncJob } from './jobs';

const BASE_DELAY_MS = 2000;
const MAX_DELAY_MS = 30 * 60 * 1000;

/** Exponential backoff with full jitter, capped: 2 s, 4 s, 8 s … at most 30 min, each drawn from [d/2, d]. */
export function backoffMs(attempts: number, random: () => number): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export interface FailureOutcome {
  status: JobStatus;
  runAt: Date;
}

/**
 * Decides what happens to a job after an error of the given kind:
 * retryable → again after backoff (until maxAttempts); quota → parked until YouTube's quota resets at midnight
 * Pacific time, without spending an attempt; auth → parked until an editor reconnects the channel;
 * permanent → failed, with the reason for the editors.
 */
export function outcomeFor(kind: ErrorKind, job: SyncJob, now: Date, maxAttempts: number, random: () => number): FailureOutcome {
  if (kind === 'quota') return { status: 'waiting_for_quota', runAt: nextPacificMidnight(now) };
  if (kind === 'auth') return { status: 'needs_reconnect', runAt: new Date(now.getTime() + 365 * 24 * 3600 * 1000) };
  if (kind === 'retryable' && job.attempts < maxAttempts) {
    return { status: 'pending', runAt: new Date(now.getTime() + backoffMs(job.attempts, random)) };
  }
  return { status: 'failed', runAt: now };
}

export interface JobError {
  kind: ErrorKind;
  reason: FailureReason;
  message: string;
}

export async function fail(strapi: Core.Strapi, job: SyncJob, outcome: FailureOutcome, error: JobError, now: Date) {
  await jobs(strapi).updateMany({
    where: { id: job.id, lockToken: job.lockToken, status: 'running' },
    data: {
      status: outcome.status,
      runAt: outcome.runAt.toISOString(),
      lockToken: null,
      leaseExpiresAt: null,
      finishedAt: now.toISOString(),
      lastError: error.message.slice(0, 2000),
      errorKind: error.kind,
      failureReason: error.reason,
      ...(error.kind === 'quota' && { attempts: Math.max(0, job.attempts - 1) }),
    },
  });
}

/** After the channel is reconnected, every parked job runs again. */
export async function releaseReconnectJobs(strapi: Core.Strapi, now: Date) {
  await jobs(strapi).updateMany({
    where: { status: 'needs_reconnect' },
    data: { status: 'pending', runAt: now.toISOString(), attempts: 0 },
  });
}
