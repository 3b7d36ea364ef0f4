/*
 * `npm run youtube:reconcile`: compares the channel with what it should hold once, queues the repairs and stores
 * view, like and comment counts, then exits (for cron and operations). The queued repairs are made by the worker
 * or by `npm run youtube:sync`. Runs whatever the schedule says; the in-server worker is not started.
 */
import { loadStrapi } from './load-strapi';
import { describeSummary, type ReconcileSummary } from '../src/plugins/youtube-sync/server/src/sync/reconcile';

async function main() {
  process.env.YOUTUBE_SYNC_WORKER = 'false';
  const strapi = await loadStrapi();
  try {
    const summary = (await strapi.plugin('youtube-sync').service('sync').reconcile()) as ReconcileSummary;
    console.log(`YouTube reconcile: ${describeSummary(summary)}`);
  } finally {
    await strapi.destroy();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`YouTube reconcile failed: ${(error as Error).message}`);
    process.exit(1);
  }
);
