import type { Knex } from 'knex';
import type { PublicTables } from './tables';

/**
 * The list the partners call most is "published stories of a district (or theme, or project), newest first". Without
 * these indexes it reads every story and sorts them; with them it walks the link table for the one district and the
 * publication date. Created at every start with IF NOT EXISTS, beside Strapi's own indexes (which it leaves alone).
 */
function wantedIndexes(t: PublicTables): [name: string, table: string, columns: string[], unique?: boolean][] {
  const s = t.stories;
  return [
    ['stories_public_published_idx', s.table, [s.col.publishedAt, s.col.id]],
    ['stories_public_slug_idx', s.table, [s.col.slug, s.col.publishedAt]],
    [`${t.storyRegion.table}_public_idx`, t.storyRegion.table, [t.storyRegion.target, t.storyRegion.source]],
    [`${t.storyThemes.table}_public_idx`, t.storyThemes.table, [t.storyThemes.target, t.storyThemes.source]],
    [`${t.storyProject.table}_public_idx`, t.storyProject.table, [t.storyProject.target, t.storyProject.source]],
    [`${t.fileLinks.table}_public_idx`, t.fileLinks.table, [t.fileLinks.relatedId, t.fileLinks.relatedType, t.fileLinks.field]],
    [`${t.storyComponents.table}_public_idx`, t.storyComponents.table, [t.storyComponents.entity, t.storyComponents.field]],
    ['public_api_removals_at_idx', t.removals.table, [t.removals.col.removedAt]],
    ['public_api_usage_key_day_uq', t.partnerUsage.table, [t.partnerUsage.col.partnerKey, t.partnerUsage.col.day], true],
    ['public_api_generation_name_uq', t.generations.table, [t.generations.col.name], true],
    ['public_api_partner_key_hash_uq', t.partnerKeys.table, [t.partnerKeys.col.keyHash], true],
  ];
}

/** The folded search text of each published story (search-index.ts keeps it current). */
async function ensureSearchTable(knex: Knex, t: PublicTables) {
  if (await knex.schema.hasTable(t.search.table)) return;
  try {
    await knex.schema.createTable(t.search.table, (table) => {
      table.string(t.search.col.documentId, 255).primary();
      table.integer(t.search.col.storyId).notNullable();
      table.text(t.search.col.folded).notNullable();
      table.string(t.search.col.titleSort, 255).notNullable();
    });
  } catch (error) {
    // Two instances starting together: the other one created it between our check and our CREATE.
    if (!(await knex.schema.hasTable(t.search.table))) throw error;
  }
}

export async function ensurePublicApiSchema(knex: Knex, t: PublicTables) {
  await ensureSearchTable(knex, t);
  for (const [name, table, columns, unique] of wantedIndexes(t)) {
    const placeholders = columns.map(() => '??').join(', ');
    try {
      await knex.raw(`CREATE ${unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ?? ON ?? (${placeholders})`, [name.slice(0, 60), table, ...columns]);
    } catch (error) {
      // PostgreSQL: another instance starting at the same moment created it first (IF NOT EXISTS is not atomic there).
      if (!/already exists|duplicate key/i.test((error as Error).message)) throw error;
    }
  }
}
