import type { Knex } from 'knex';
import { blocksToText, parseBlocks } from './blocks';
import { foldGerman, searchableText } from './fold';
import type { PublicTables } from './tables';

/**
 * One row per published story with its title, teaser and body folded (fold.ts), so `q` is the same LIKE on SQLite
 * and PostgreSQL. The row remembers which published row it was built from: Strapi writes a new published row on
 * every publish, so a differing id means the entry is stale.
 */

interface SourceRow {
  id: number;
  documentId: string;
  title: string | null;
  teaser: string | null;
  body: unknown;
}

const BATCH = 200;

function entryFor(t: PublicTables, row: SourceRow) {
  const text = [row.title, row.teaser, blocksToText(parseBlocks(row.body))].filter(Boolean).join('\n');
  return {
    [t.search.col.documentId]: row.documentId,
    [t.search.col.storyId]: row.id,
    [t.search.col.folded]: searchableText(text),
    [t.search.col.titleSort]: foldGerman(row.title ?? '').slice(0, 255),
  };
}

const publishedRows = (knex: Knex, t: PublicTables) => {
  const c = t.stories.col;
  return knex(`${t.stories.table} as s`)
    .select({ id: `s.${c.id}`, documentId: `s.${c.documentId}`, title: `s.${c.title}`, teaser: `s.${c.teaser}`, body: `s.${c.body}` })
    .whereNotNull(`s.${c.publishedAt}`);
};

async function upsert(knex: Knex, t: PublicTables, rows: SourceRow[]) {
  for (let i = 0; i < rows.length; i += BATCH) {
    await knex(t.search.table)
      .insert(rows.slice(i, i + BATCH).map((row) => entryFor(t, row)))
      .onConflict(t.search.col.documentId)
      .merge();
  }
}

/** After a change to one story: index its published version, or drop it when there is none. */
export async function refreshSearchEntry(knex: Knex, t: PublicTables, documentId: string) {
  const rows = (await publishedRows(knex, t).where(`s.${t.stories.col.documentId}`, documentId)) as SourceRow[];
  if (rows.length) await upsert(knex, t, rows);
  else await knex(t.search.table).where(t.search.col.documentId, documentId).delete();
}

/** Brings the whole table up to date: at start-up, and after bulk imports that bypass the Document Service. */
export async function syncSearchIndex(knex: Knex, t: PublicTables): Promise<{ indexed: number; dropped: number }> {
  const e = t.search.col;
  const stale = (await publishedRows(knex, t)
    .leftJoin(`${t.search.table} as e`, `e.${e.documentId}`, `s.${t.stories.col.documentId}`)
    .where((w) => w.whereNull(`e.${e.storyId}`).orWhereRaw('?? <> ??', [`e.${e.storyId}`, `s.${t.stories.col.id}`]))) as SourceRow[];
  await upsert(knex, t, stale);
  const dropped = await knex(t.search.table)
    .whereNotIn(e.documentId, publishedRows(knex, t).clearSelect().select(`s.${t.stories.col.documentId}`))
    .delete();
  return { indexed: stale.length, dropped: Number(dropped) };
}
