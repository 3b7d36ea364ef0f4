import type { MonthBucket } from './period';
import { monthsOf } from './period';
import { publishedStories, type ScopeContext } from './scope';
import { toCount } from './values';

/** Published stories in scope, counted by SQL GROUP BY per district, statistical region, theme, project and month. */

export interface PublishedCounts {
  total: number;
  byDistrictKey: Map<string, number>;
  byStatisticalRegion: Map<string, number>;
  byThemeSlug: Map<string, number>;
  withoutTheme: number;
  /** Keyed by the project's document id: a project's draft and published rows count as one project. */
  byProject: Map<string, { stories: number; name: string; slug: string }>;
  byMonth: { bucket: MonthBucket; stories: number }[];
}

const asMap = (rows: { key: unknown; n: unknown }[]) => new Map(rows.map((row) => [String(row.key), toCount(row.n)]));

async function total(ctx: ScopeContext) {
  const [row] = await publishedStories(ctx).count({ n: '*' });
  return toCount(row.n);
}

async function byRegionColumn(ctx: ScopeContext, column: string) {
  const { t } = ctx;
  const rows = await publishedStories(ctx)
    .join(`${t.storyRegion.table} as rl`, `rl.${t.storyRegion.story}`, `s.${t.stories.col.id}`)
    .join(`${t.regions.table} as r`, `r.${t.regions.col.id}`, `rl.${t.storyRegion.target}`)
    .groupBy(`r.${column}`)
    .select({ key: `r.${column}` })
    .count({ n: `s.${t.stories.col.id}` });
  return asMap(rows as { key: unknown; n: unknown }[]);
}

async function byTheme(ctx: ScopeContext) {
  const { t, knex } = ctx;
  const rows = await publishedStories(ctx)
    .join(`${t.storyThemes.table} as tl`, `tl.${t.storyThemes.story}`, `s.${t.stories.col.id}`)
    .join(`${t.themes.table} as th`, `th.${t.themes.col.id}`, `tl.${t.storyThemes.target}`)
    .groupBy(`th.${t.themes.col.slug}`)
    .select({ key: `th.${t.themes.col.slug}` })
    .select(knex.raw('COUNT(DISTINCT ??) as n', [`s.${t.stories.col.id}`]));
  return asMap(rows as { key: unknown; n: unknown }[]);
}

async function withoutTheme(ctx: ScopeContext) {
  const { t, knex } = ctx;
  const [row] = await publishedStories(ctx)
    .whereNotExists(function hasTheme() {
      this.select(knex.raw('1')).from(`${t.storyThemes.table} as nt`).whereRaw('?? = ??', [`nt.${t.storyThemes.story}`, `s.${t.stories.col.id}`]);
    })
    .count({ n: '*' });
  return toCount(row.n);
}

async function byProject(ctx: ScopeContext) {
  const { t, knex } = ctx;
  const p = t.projects.col;
  const rows = (await publishedStories(ctx)
    .join(`${t.storyProject.table} as pl`, `pl.${t.storyProject.story}`, `s.${t.stories.col.id}`)
    .join(`${t.projects.table} as p`, `p.${p.id}`, `pl.${t.storyProject.target}`)
    .groupBy(`p.${p.documentId}`)
    .select({ key: `p.${p.documentId}` })
    .select(knex.raw('MAX(??) as name, MAX(??) as slug', [`p.${p.name}`, `p.${p.slug}`]))
    .count({ n: `s.${t.stories.col.id}` })) as { key: string; name: string; slug: string; n: unknown }[];
  return new Map(rows.map((row) => [row.key, { stories: toCount(row.n), name: row.name, slug: row.slug }]));
}

/** One pass with a conditional sum per month: month boundaries are Berlin midnights, which SQL dialects disagree on. */
async function byMonth(ctx: ScopeContext) {
  const { knex, t } = ctx;
  const buckets = monthsOf(ctx.request.period);
  const column = `s.${t.stories.col.publishedAt}`;
  const sums = buckets.map((b, i) => knex.raw(`SUM(CASE WHEN ?? >= ? AND ?? < ? THEN 1 ELSE 0 END) as ??`, [column, b.start, column, b.end, `m${i}`]));
  const [row] = (await publishedStories(ctx).select(sums)) as Record<string, unknown>[];
  return buckets.map((bucket, i) => ({ bucket, stories: toCount(row?.[`m${i}`]) }));
}

export async function countPublished(ctx: ScopeContext): Promise<PublishedCounts> {
  const r = ctx.t.regions.col;
  const [all, districts, statistical, themes, noTheme, projects, months] = await Promise.all([
    total(ctx),
    byRegionColumn(ctx, r.key),
    byRegionColumn(ctx, r.statisticalRegion),
    byTheme(ctx),
    withoutTheme(ctx),
    byProject(ctx),
    byMonth(ctx),
  ]);
  return {
    total: all,
    byDistrictKey: districts,
    byStatisticalRegion: statistical,
    byThemeSlug: themes,
    withoutTheme: noTheme,
    byProject: projects,
    byMonth: months,
  };
}
