import type { Core } from '@strapi/strapi';
import { enqueue } from '../sync-jobs/enqueue';
import { jobs } from '../sync-jobs/jobs';
import { publishedStoryIds } from './stories';

const KEY = 'resync';
const BATCH = 200;
const pluginStore = (strapi: Core.Strapi) => strapi.store({ type: 'plugin', name: 'youtube-sync' });

interface ResyncRun {
  startedAt: string;
  total: number;
  startedBy: string | null;
}

export interface ResyncProgress extends ResyncRun {
  done: number;
  failed: number;
  waiting: number;
  finished: boolean;
}

/**
 * Queues every published story once more, a page of stories at a time. Each story keeps its one job row, so a
 * story already waiting is not queued twice; stories whose YouTube state is already right cost no quota.
 */
export async function startResync(strapi: Core.Strapi, startedBy: string | null, now: Date): Promise<ResyncProgress> {
  let total = 0;
  for (let offset = 0; ; offset += BATCH) {
    const ids = await publishedStoryIds(strapi, offset, BATCH);
    for (const id of ids) await enqueue(strapi, id, 'resync', now);
    total += ids.length;
    if (ids.length < BATCH) break;
  }
  const run: ResyncRun = { startedAt: now.toISOString(), total, startedBy };
  await pluginStore(strapi).set({ key: KEY, value: run });
  return (await resyncProgress(strapi)) as ResyncProgress;
}

/** Jobs requested since the re-sync began and finished (done or failed) against the number of stories it queued. */
export async function resyncProgress(strapi: Core.Strapi): Promise<ResyncProgress | null> {
  const run = (await pluginStore(strapi).get({ key: KEY })) as ResyncRun | null;
  if (!run) return null;
  const since = { requestedAt: { $gte: run.startedAt } };
  const [done, failed, waiting] = await Promise.all([
    jobs(strapi).count({ where: { ...since, status: 'done' } }),
    jobs(strapi).count({ where: { ...since, status: 'failed' } }),
    jobs(strapi).count({ where: { ...since, status: { $in: ['waiting_for_quota', 'needs_reconnect'] } } }),
  ]);
  const cap = (n: number) => Math.min(n, run.total);
  return { ...run, done: cap(done), failed: cap(failed), waiting: cap(waiting), finished: cap(done + failed) >= run.total };
}
