import type { Core } from '@strapi/strapi';
import { systemClock, type Clock } from '../../../../../shared/clock';
import { runtimeOf } from '../public-api/runtime';
import { resolveTables, STORY_UID } from '../public-api/tables';
import type { Schedule } from '../../../../../shared/operations';
import { background } from '../dependencies';
import { ensureVariants } from './variants';

/**
 * When the modern copies of covers are made: at upload (every image the media library stores, as it makes its own
 * sizes then) and, at start-up, once for every story cover that has none yet — covers uploaded before this
 * existed. The start-up pass is claimed through the database like the private-media move, so of several instances
 * starting together one makes them; a later start-up finds nothing to do.
 */

const SCHEDULE: Schedule = { name: 'cover-variants', periodMs: 0, leaseMs: 30 * 60 * 1000 };

interface UploadService {
  upload(...args: unknown[]): Promise<{ id: number }[] | { id: number }>;
  replace(...args: unknown[]): Promise<{ id: number }>;
}

const failed = (strapi: Core.Strapi, fileId: number) => (error: Error) =>
  strapi.log.error(`Cover variants: could not make the AVIF/WebP copies of media library entry ${fileId}: ${error.stack ?? error.message}`);

async function afterUpload(strapi: Core.Strapi, stored: { id: number }[] | { id: number }) {
  for (const file of [stored].flat()) await ensureVariants(strapi, file.id).catch(failed(strapi, file.id));
}

/**
 * Called from the plugin's bootstrap: the upload service's new and replaced files (the media library, the
 * submission form, the demo — everything that stores an upload goes through it) get their copies before it answers.
 */
export function registerCoverVariantHooks(strapi: Core.Strapi) {
  const service = strapi.plugin('upload').service('upload') as UploadService;
  const upload = service.upload.bind(service);
  const replace = service.replace.bind(service);
  service.upload = async (...args) => {
    const stored = await upload(...args);
    await afterUpload(strapi, stored);
    return stored;
  };
  service.replace = async (...args) => {
    const stored = await replace(...args);
    await afterUpload(strapi, stored);
    return stored;
  };
}

async function coverIds(strapi: Core.Strapi): Promise<number[]> {
  const m = resolveTables(strapi).fileLinks;
  const rows = (await strapi.db
    .connection(m.table)
    .distinct({ fileId: m.file })
    .where({ [m.relatedType]: STORY_UID, [m.field]: 'cover' })
    .orderBy(m.file)) as { fileId: number | string }[];
  return rows.map((r) => Number(r.fileId));
}

/** How many covers got copies; null when another instance is running the pass right now. */
export async function makeMissingCoverVariants(strapi: Core.Strapi, clock: Clock = systemClock): Promise<number | null> {
  const made = await background(strapi).runOncePerPeriod(SCHEDULE, clock, async () => {
    let count = 0;
    for (const id of await coverIds(strapi)) {
      if (await ensureVariants(strapi, id).catch(failed(strapi, id))) count += 1;
    }
    return count;
  });
  if (made) {
    strapi.log.info(`Cover variants: AVIF and WebP copies made for ${made} existing cover(s).`);
    if (runtimeOf(strapi).started) await runtimeOf(strapi).contentChanged();
  }
  return made;
}

/** Called from the plugin's bootstrap, after private media are in place; a failure is logged, the next start-up retries. */
export async function startCoverVariants(strapi: Core.Strapi) {
  await makeMissingCoverVariants(strapi).catch((error: Error) => strapi.log.error(`Cover variants: the start-up pass failed: ${error.stack ?? error.message}`));
}
