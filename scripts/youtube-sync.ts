/*
 * `npm run youtube:sync`: runs every due YouTube sync job once and exits (for cron and operations).
 * Uses the configured database and YouTube settings (.env); the in-server worker is not started.
 */
import { loadStrapi } from './load-strapi';

async function main() {
  process.env.YOUTUBE_SYNC_WORKER = 'false';
  const strapi = await loadStrapi();
  try {
    const summary = await strapi.plugin('youtube-sync').service('sync').drain();
    const results = Object.entries(summary.results as Record<string, number>).map(([k, v]) => `${k}: ${v}`).join(', ');
    console.log(`YouTube sync: ${summary.processed} job(s) processed${results ? ` (${results})` : ''}.`);
  } finally {
    await strapi.destroy();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`YouTube sync failed: ${(error as Error).message}`);
    process.exit(1);
  }
);
