import type { Core } from '@strapi/strapi';
import { jobs, type JobStatus, type SyncJob } from '../sync-jobs/jobs';
import { storedFailureReason } from '../sync/failure-reason';
import { storyTitles } from './stories';
import type { JobView } from '../../../../../shared/admin-views';

const WAITING: JobStatus[] = ['pending', 'running', 'waiting_for_quota', 'needs_reconnect'];

async function withTitles(strapi: Core.Strapi, rows: SyncJob[]): Promise<JobView[]> {
  const titles = await storyTitles(strapi, rows.map((r) => r.storyDocumentId));
  return rows.map((row) => ({
    storyDocumentId: row.storyDocumentId,
    storyTitle: titles.get(row.storyDocumentId) ?? null,
    status: row.status,
    runAt: row.runAt,
    requestedAt: row.requestedAt,
    finishedAt: (row as SyncJob & { finishedAt?: string | null }).finishedAt ?? null,
    attempts: row.attempts,
    error: row.lastError ? { reason: storedFailureReason(row.failureReason), detail: row.lastError } : null,
  }));
}

/** The jobs still to run (soonest first) and the failed ones (latest first), each list capped for the page. */
export async function queueView(strapi: Core.Strapi, limit = 50) {
  const [queued, queueTotal, failed, failuresTotal] = await Promise.all([
    jobs(strapi).findMany({ where: { status: { $in: WAITING } }, orderBy: [{ runAt: 'asc' }, { id: 'asc' }], limit }) as Promise<SyncJob[]>,
    jobs(strapi).count({ where: { status: { $in: WAITING } } }),
    jobs(strapi).findMany({ where: { status: 'failed' }, orderBy: [{ finishedAt: 'desc' }, { id: 'desc' }], limit }) as Promise<SyncJob[]>,
    jobs(strapi).count({ where: { status: 'failed' } }),
  ]);
  return { queue: await withTitles(strapi, queued), queueTotal, failures: await withTitles(strapi, failed), failuresTotal };
}
