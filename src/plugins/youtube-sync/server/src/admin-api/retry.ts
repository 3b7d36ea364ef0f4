import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { enqueue } from '../sync-jobs/enqueue';
import { jobs } from '../sync-jobs/jobs';
import { storyExists } from './stories';

/**
 * Queues one story now ("jetzt synchronisieren", "erneut versuchen"): a failed or finished job starts again with
 * fresh attempts; a job already waiting keeps its place.
 */
export async function syncStoryNow(strapi: Core.Strapi, documentId: string, reason: 'manual' | 'retry', now: Date) {
  if (!(await storyExists(strapi, documentId))) throw new errors.NotFoundError(`Es gibt keine Geschichte ${documentId}.`);
  await enqueue(strapi, documentId, reason, now);
}

/** Every failed job back to pending in one UPDATE; returns how many. */
export async function retryAllFailed(strapi: Core.Strapi, now: Date): Promise<{ count: number }> {
  const { count } = await jobs(strapi).updateMany({
    where: { status: 'failed' },
    data: { status: 'pending', reason: 'retry', runAt: now.toISOString(), requestedAt: now.toISOString(), attempts: 0, expiredLeases: 0, firstFailedAt: null, lastError: null, errorKind: null, failureReason: null },
  });
  return { count };
}
