import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { JOB, jobs } from './jobs';

interface JobColumns {
  table: string;
  column: (attribute: string) => string;
}

function jobColumns(strapi: Core.Strapi): JobColumns {
  const meta = strapi.db.metadata.get(JOB as never) as unknown as { tableName: string; attributes: Record<string, { columnName?: string }> };
  return {
    table: meta.tableName,
    column: (attribute) => {
      const found = meta.attributes[attribute];
      if (!found) throw new Error(`sync job has no attribute "${attribute}" (the content model changed?)`);
      return found.columnName ?? attribute;
    },
  };
}

/**
 * The whole enqueue of an existing job as ONE UPDATE: the revision goes up (so a running job cannot complete as
 * done over this request), a finished or failed job starts again, a waiting one becomes due now, a running or
 * parked one keeps its status. Each CASE reads the row as it is at the moment of the write, not as some earlier
 * read saw it — that is what keeps an edit made while a job completes from being lost.
 */
async function touch(knex: Knex, { table, column }: JobColumns, storyDocumentId: string, reason: string, at: Date): Promise<number> {
  const status = column('status');
  const restart = knex.raw(`?? in ('done', 'failed')`, [status]);
  const whenRestart = (value: unknown, otherwise: string) => knex.raw(`case when ? then ? else ?? end`, [restart, value, column(otherwise)]);
  return knex(table)
    .where(column('storyDocumentId'), storyDocumentId)
    .update({
      [column('revision')]: knex.raw('coalesce(??, 0) + 1', [column('revision')]),
      [column('requestedAt')]: at,
      [column('reason')]: reason,
      [column('status')]: knex.raw(`case when ? then 'pending' else ?? end`, [restart, status]),
      [column('runAt')]: knex.raw(`case when ? or ?? = 'pending' then ? else ?? end`, [restart, status, at, column('runAt')]),
      [column('attempts')]: whenRestart(0, 'attempts'),
      [column('expiredLeases')]: whenRestart(0, 'expiredLeases'),
      [column('firstFailedAt')]: whenRestart(null, 'firstFailedAt'),
      [column('lastError')]: whenRestart(null, 'lastError'),
      [column('errorKind')]: whenRestart(null, 'errorKind'),
      [column('failureReason')]: whenRestart(null, 'failureReason'),
    });
}

/**
 * One job row per story, forever: a burst of edits only moves its revision, so ten quick edits make one sync, and
 * two instances can never run two jobs for the same story. A job that is running when a new request arrives is
 * sent round again by `complete` (its revision moved).
 */
export async function enqueue(strapi: Core.Strapi, storyDocumentId: string, reason: string, now: Date) {
  const columns = jobColumns(strapi);
  // Inside the caller's transaction when there is one (SQLite has a single connection to wait for).
  const update = () => strapi.db.transaction(({ trx }) => touch(trx, columns, storyDocumentId, reason, now));
  if ((await update()) > 0) return;
  const at = now.toISOString();
  try {
    await jobs(strapi).create({ data: { storyDocumentId, reason, status: 'pending', runAt: at, requestedAt: at, attempts: 0, revision: 0 } });
  } catch {
    // Another request created the row first (the story id is unique): this request moves its revision instead.
    if ((await update()) === 0) throw new Error(`could not record a sync job for story ${storyDocumentId}`);
  }
}
