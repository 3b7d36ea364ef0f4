import type { Core } from '@strapi/strapi';
import { jobs, type SyncJob } from './jobs';

/**
 * One job row per story, forever: a burst of edits only moves its `requestedAt`, so ten quick edits make one
 * sync, and two instances can never run two jobs for the same story. A job that is running when a new request
 * arrives is sent round again by `complete` (requestedAt > startedAt).
 */
export async function enqueue(strapi: Core.Strapi, storyDocumentId: string, reason: string, now: Date) {
  const at = now.toISOString();
  for (let attempt = 0; attempt < 3; attempt++) {
    const existing = (await jobs(strapi).findOne({ where: { storyDocumentId } })) as SyncJob | null;
    if (!existing) {
      try {
        await jobs(strapi).create({ data: { storyDocumentId, reason, status: 'pending', runAt: at, requestedAt: at, attempts: 0 } });
        return;
      } catch {
        continue; // another request created the row first (unique story id): update it instead
      }
    }
    const restart = existing.status === 'done' || existing.status === 'failed';
    await jobs(strapi).update({
      where: { id: existing.id },
      data: {
        requestedAt: at,
        reason,
        ...(restart && { status: 'pending', runAt: at, attempts: 0, lastError: null, errorKind: null, failureReason: null }),
        ...(existing.status === 'pending' && { runAt: at < existing.runAt ? at : existing.runAt }),
      },
    });
    return;
  }
  throw new Error(`could not record a sync job for story ${storyDocumentId}`);
}
