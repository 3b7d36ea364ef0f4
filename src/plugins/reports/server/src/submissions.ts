import type { Knex } from 'knex';
import { isPostgres, submittedStories, SUBMISSION_STATUSES, type ScopeContext } from './scope';
import { toCount } from './values';

/**
 * Submissions until the submission workflow records its own events: every story created in the period that carries
 * an editorial status counts as received; its current status says whether it was approved, rejected or withdrawn.
 * The time to publication runs from the story's creation to the publication of its current published version
 * (Strapi keeps no earlier publication date); stories whose publication date lies before their creation (older
 * stories entered afterwards with their original date) are left out of the median.
 */

export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

export interface SubmissionFigures {
  received: number;
  byStatus: Record<SubmissionStatus, number>;
  /** Received in the period and published by now. */
  published: number;
  medianDaysToPublication: number | null;
  /** How many stories the median is taken over. */
  medianBasis: number;
  /** Received per partner link (`/mitmachen?quelle=…`), most first; `source` null for those without one (last). */
  byReferralSource: { source: string | null; submissions: number }[];
}

function daysToPublication(knex: Knex, created: string, published: string) {
  return isPostgres(knex)
    ? knex.raw('EXTRACT(EPOCH FROM (?? - ??)) / 86400.0', [published, created])
    : knex.raw('(?? - ??) / 86400000.0', [published, created]);
}

function withPublication(ctx: ScopeContext) {
  const c = ctx.t.stories.col;
  return submittedStories(ctx).join(`${ctx.t.stories.table} as p`, function samePublishedStory() {
    this.on(`p.${c.documentId}`, '=', `d.${c.documentId}`).andOnNotNull(`p.${c.publishedAt}`);
  });
}

/** The median without reading every duration: count them, then fetch the one or two in the middle by offset. */
async function medianDays(ctx: ScopeContext): Promise<{ median: number | null; basis: number; published: number }> {
  const { knex } = ctx;
  const c = ctx.t.stories.col;
  const days = daysToPublication(knex, `d.${c.createdAt}`, `p.${c.publishedAt}`);
  const [publishedRow] = await withPublication(ctx).count({ n: '*' });
  const nonNegative = () => withPublication(ctx).whereRaw('?? >= ??', [`p.${c.publishedAt}`, `d.${c.createdAt}`]);
  const [basisRow] = await nonNegative().count({ n: '*' });
  const basis = toCount(basisRow.n);
  if (basis === 0) return { median: null, basis, published: toCount(publishedRow.n) };
  const middle = (await nonNegative()
    .select({ days })
    .orderByRaw('1')
    .offset(Math.floor((basis - 1) / 2))
    .limit(basis % 2 === 1 ? 1 : 2)) as { days: unknown }[];
  const values = middle.map((row) => Number(row.days));
  const median = values.reduce((sum, v) => sum + v, 0) / values.length;
  return { median: Math.round(median * 10) / 10, basis, published: toCount(publishedRow.n) };
}

async function countByReferralSource(ctx: ScopeContext): Promise<SubmissionFigures['byReferralSource']> {
  const column = `d.${ctx.t.stories.col.referralSource}`;
  const rows = (await submittedStories(ctx).groupBy(column).select({ source: column }).count({ n: '*' })) as { source: string | null; n: unknown }[];
  return rows
    .map((row) => ({ source: row.source || null, submissions: toCount(row.n) }))
    .sort((a, b) => Number(a.source === null) - Number(b.source === null) || b.submissions - a.submissions || (a.source ?? '').localeCompare(b.source ?? ''));
}

export async function countSubmissions(ctx: ScopeContext): Promise<SubmissionFigures> {
  const c = ctx.t.stories.col;
  const rows = (await submittedStories(ctx).groupBy(`d.${c.editorialStatus}`).select({ status: `d.${c.editorialStatus}` }).count({ n: '*' })) as {
    status: SubmissionStatus;
    n: unknown;
  }[];
  const byStatus = Object.fromEntries(SUBMISSION_STATUSES.map((s) => [s, 0])) as Record<SubmissionStatus, number>;
  for (const row of rows) byStatus[row.status] = toCount(row.n);
  const [{ median, basis, published }, byReferralSource] = await Promise.all([medianDays(ctx), countByReferralSource(ctx)]);
  return {
    received: Object.values(byStatus).reduce((sum, n) => sum + n, 0),
    byStatus,
    published,
    medianDaysToPublication: median,
    medianBasis: basis,
    byReferralSource,
  };
}
