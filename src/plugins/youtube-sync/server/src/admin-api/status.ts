import type { Core } from '@strapi/strapi';
import type { PluginConfig } from '../config';
import { JOB, jobs, type JobStatus } from '../queue/jobs';
import { STATE } from '../sync/state';
import { createQuotaLedger } from '../youtube/quota';
import { connectionSummary } from './connection';
import type { ConnectionSummary } from '../../../shared/admin-views';
import { countBy } from './counts';
import { resyncProgress, type ResyncProgress } from './resync';
import { countPublishedStories } from './stories';

const JOB_STATUSES: JobStatus[] = ['pending', 'running', 'done', 'failed', 'waiting_for_quota', 'needs_reconnect'];
const STATE_STATUSES = ['synced', 'pending', 'failed', 'waiting_for_quota', 'needs_reconnect', 'removed', 'no_video'];

export interface SyncStatus {
  connection: ConnectionSummary;
  jobs: Record<string, number>;
  stories: Record<string, number> & { published: number };
  quota: { day: string; used: number; budget: number; uploads: number; resetsAt: string };
  nextRunAt: string | null;
  resync: ResyncProgress | null;
  /** True while jobs are due or running: the dashboard then asks again sooner. */
  working: boolean;
}

const withZeros = (keys: string[], counts: Record<string, number>) => Object.fromEntries(keys.map((k) => [k, counts[k] ?? 0]));

/** The dashboard's one poll: connection, jobs and stories by status, today's quota, the re-sync's progress. */
export async function syncStatus(strapi: Core.Strapi, config: PluginConfig, now: () => Date): Promise<SyncStatus> {
  const at = now().toISOString();
  const [connection, jobCounts, stateCounts, published, quota, due, next, resync] = await Promise.all([
    connectionSummary(strapi, config),
    countBy(strapi, JOB, 'status'),
    countBy(strapi, STATE, 'status'),
    countPublishedStories(strapi),
    createQuotaLedger(strapi, now, config.quotaModel).today(),
    jobs(strapi).count({ where: { status: 'pending', runAt: { $lte: at } } }),
    jobs(strapi).findOne({ where: { status: { $in: ['pending', 'waiting_for_quota'] }, runAt: { $gt: at } }, orderBy: { runAt: 'asc' }, select: ['runAt'] }),
    resyncProgress(strapi),
  ]);
  const jobsByStatus = withZeros(JOB_STATUSES, jobCounts);
  return {
    connection,
    jobs: jobsByStatus,
    stories: { ...withZeros(STATE_STATUSES, stateCounts), published },
    quota: { day: quota.day, used: quota.units, budget: config.dailyUnits, uploads: quota.uploads, resetsAt: quota.resetsAt.toISOString() },
    nextRunAt: (next as { runAt: string } | null)?.runAt ?? null,
    resync,
    working: due > 0 || jobsByStatus.running > 0 || Boolean(resync && !resync.finished && resync.waiting === 0),
  };
}
