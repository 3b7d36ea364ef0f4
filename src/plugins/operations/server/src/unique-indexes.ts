import type { Core } from '@strapi/strapi';
import type { UniqueAttribute } from '../../../../shared/operations';

/**
 * Strapi checks `unique` attributes in its validator only; queues and claims rely on the database refusing a
 * second row (two instances enqueueing at once), so each plugin has its indexes created for real, e.g.
 * `['plugin::operations.scheduled-run', 'name']`.
 */
export type { UniqueAttribute };

export async function ensureUniqueIndexes(strapi: Core.Strapi, unique: UniqueAttribute[]) {
  for (const [uid, attribute] of unique) {
    const meta = strapi.db.metadata.get(uid as never);
    const column = (meta.attributes[attribute] as { columnName?: string }).columnName ?? attribute;
    const name = `${meta.tableName}_${column}_uq`.slice(0, 60);
    await strapi.db.connection.raw(`CREATE UNIQUE INDEX IF NOT EXISTS ?? ON ?? (??)`, [name, meta.tableName, column]);
  }
}
