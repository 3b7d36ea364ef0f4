import type { Core } from '@strapi/strapi';
import type { PluginConfig } from '../config';
import { JOB, jobs, type JobStatus } from '../sync-jobs/jobs';
import { STATE } from '../sync/state';
import { createQuotaLedger } from '../youtube/quota';
import { connectionSummary } from './connection';
import type { ConnectionSummary, MissingItem, QuotaView } from '../../../../../shared/admin-views';
import { CHANNEL_NOT_VERIFIED } from '../sync/thumbnails';
import { countBy } from './counts';
import { resyncProgress, type ResyncProgress } from './resync';
import { countPublishedStories, storyTitles } from './stories';

const JOB_STATUSES: JobStatus[] = ['pending', 'running', 'done', 'failed', 'waiting_for_quota', 'needs_reconnect'];
const STATE_STATUSES = ['synced', 'pending', 'failed', 'waiting_for_quota', 'needs_reconnect', 'removed', 'no_video'];

export interface SyncStatus {
  connection: ConnectionSummary;
  jobs: Record<string, number>;
  stories: Record<string, number> & { published: number };
  quota: QuotaView;
  /** Synced stories that lack something on YouTube, by what they lack. */
  missing: Record<MissingItem, number>;
  nextRunAt: string | null;
  resync: ResyncProgress | null;
  /** True while jobs are due or running: the dashboard then asks again sooner. */
  working: boolean;
}

const PARKED_SHOWN = 20;

/** Today's units (used, left, budget, reset) and the jobs parked until the reset, soonest first. */
async function quotaView(strapi: Core.Strapi, config: PluginConfig, now: () => Date): Promise<QuotaView> {
  const where = { status: 'waiting_for_quota' };
  const [today, parked, parkedTotal] = await Promise.all([
    createQuotaLedger(strapi, now, config).today(),
    jobs(strapi).findMany({ where, orderBy: [{ runAt: 'asc' }, { id: 'asc' }], limit: PARKED_SHOWN, select: ['storyDocumentId', 'runAt'] }) as Promise<
      { storyDocumentId: string; runAt: string }[]
    >,
    jobs(strapi).count({ where }),
  ]);
  const titles = await storyTitles(strapi, parked.map((p) => p.storyDocumentId));
  return {
    day: today.day,
    used: today.units,
    budget: today.budget,
    left: today.left,
    uploads: today.uploads,
    uploadBudget: today.uploadBudget,
    resetsAt: today.resetsAt.toISOString(),
    parked: parked.map((p) => ({ storyDocumentId: p.storyDocumentId, storyTitle: titles.get(p.storyDocumentId) ?? null, runAt: p.runAt })),
    parkedTotal,
  };
}

const missingCounts = async (strapi: Core.Strapi): Promise<Record<MissingItem, number>> => {
  const thumbnails = await strapi.db.query(STATE).count({ where: { thumbnailIssue: CHANNEL_NOT_VERIFIED, youtubeVideoId: { $notNull: true } } });
  return { thumbnail_channel_not_verified: thumbnails };
};

const withZeros = (keys: string[], counts: Record<string, number>) => Object.fromEntries(keys.map((k) => [k, counts[k] ?? 0]));

/** The dashboard's one poll: connection, jobs and stories by status, today's quota, the re-sync's progress. */
export async function syncStatus(strapi: Core.Strapi, config: PluginConfig, now: () => Date): Promise<SyncStatus> {
  const at = now().toISOString();
  const [connection, jobCounts, stateCounts, published, quota, missing, due, next, resync] = await Promise.all([
    connectionSummary(strapi, config),
    countBy(strapi, JOB, 'status'),
    countBy(strapi, STATE, 'status'),
    countPublishedStories(strapi),
    quotaView(strapi, config, now),
    missingCounts(strapi),
    jobs(strapi).count({ where: { status: 'pending', runAt: { $lte: at } } }),
    jobs(strapi).findOne({ where: { status: { $in: ['pending', 'waiting_for_quota'] }, runAt: { $gt: at } }, orderBy: { runAt: 'asc' }, select: ['runAt'] }),
    resyncProgress(strapi),
  ]);
  const jobsByStatus = withZeros(JOB_STATUSES, jobCounts);
  return {
    connection,
    jobs: jobsByStatus,
    stories: { ...withZeros(STATE_STATUSES, stateCounts), published },
    quota,
    missing,
    nextRunAt: (next as { runAt: string } | null)?.runAt ?? null,
    resync,
    working: due > 0 || jobsByStatus.running > 0 || Boolean(resync && !resync.finished && resync.waiting === 0),
  };
}
