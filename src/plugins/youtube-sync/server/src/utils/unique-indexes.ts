import type { Core } from '@strapi/strapi';

/**
 * Strapi checks `unique` attributes in its validator only; the queue relies on the database refusing a second
 * row for the same story (two instances enqueueing at once), so the indexes are created for real.
 */
const UNIQUE: [uid: string, attribute: string][] = [
  ['plugin::youtube-sync.sync-job', 'storyDocumentId'],
  ['plugin::youtube-sync.sync-state', 'storyDocumentId'],
  ['plugin::youtube-sync.playlist', 'key'],
  ['plugin::youtube-sync.quota-day', 'day'],
  ['plugin::youtube-sync.scheduled-run', 'name'],
  ['plugin::youtube-sync.personal-link', 'storyDocumentId'],
  ['plugin::youtube-sync.upload-reservation', 'uploadId'],
  ['plugin::youtube-sync.upload-lock', 'uploadId'],
];

export async function ensureUniqueIndexes(strapi: Core.Strapi) {
  for (const [uid, attribute] of UNIQUE) {
    const meta = strapi.db.metadata.get(uid as never);
    const column = (meta.attributes[attribute] as { columnName?: string }).columnName ?? attribute;
    const name = `${meta.tableName}_${column}_uq`.slice(0, 60);
    await strapi.db.connection.raw(`CREATE UNIQUE INDEX IF NOT EXISTS ?? ON ?? (??)`, [name, meta.tableName, column]);
  }
}
