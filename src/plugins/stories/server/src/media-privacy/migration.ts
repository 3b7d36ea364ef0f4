import type { Core } from '@strapi/strapi';
import { systemClock, type Clock } from '../../../../../shared/clock';
import { runtimeOf } from '../public-api/runtime';
import { resolveTables } from '../public-api/tables';
import type { Schedule } from '../../../../../shared/operations';
import { background } from '../dependencies';
import { placeStoryFiles } from './story-media';

/**
 * At start-up, every story's files are put where they belong: files that came before private storage existed
 * (submissions in public/uploads, covers of unpublished stories) become private, and copies a crash left behind
 * are removed. One instance does it at a time — the run is claimed through the database like the retention run,
 * with a period of zero so every start-up may run it once the previous run is finished; a second run finds
 * nothing to move.
 */

const SCHEDULE: Schedule = { name: 'media-privacy', periodMs: 0, leaseMs: 30 * 60 * 1000 };
const BATCH = 200;

export interface MigrationSummary {
  stories: number;
  moved: number;
}

async function placeAll(strapi: Core.Strapi): Promise<MigrationSummary> {
  const summary: MigrationSummary = { stories: 0, moved: 0 };
  const { stories } = resolveTables(strapi);
  for (let offset = 0; ; offset += BATCH) {
    const rows = (await strapi.db
      .connection(stories.table)
      .distinct({ documentId: stories.col.documentId })
      .orderBy(stories.col.documentId)
      .limit(BATCH)
      .offset(offset)) as { documentId: string }[];
    for (const { documentId } of rows) {
      summary.moved += await placeStoryFiles(strapi, documentId);
      summary.stories += 1;
    }
    if (rows.length < BATCH) return summary;
  }
}

/** The summary if this instance ran the migration; null when another instance is running it right now. */
export async function migrateMedia(strapi: Core.Strapi, clock: Clock = systemClock): Promise<MigrationSummary | null> {
  const summary = await background(strapi).runOncePerPeriod(SCHEDULE, clock, () => placeAll(strapi));
  if (summary?.moved) {
    strapi.log.info(`Private media: ${summary.moved} file(s) of ${summary.stories} stories moved to where they belong.`);
    if (runtimeOf(strapi).started) await runtimeOf(strapi).contentChanged();
  }
  return summary;
}
