import type { Knex } from 'knex';
import type { ReportFilters, ReportRequest } from './filters';
import type { ReportTables } from './tables';

/**
 * Which story rows a report counts. Strapi keeps a draft row for every story and a second, published row while it
 * is published: "published stories" are published rows whose publication falls into the period, "submissions" are
 * draft rows (one per story, always present) created in the period. Filters are EXISTS subqueries so that no join
 * can count a story twice.
 */

export const SUBMISSION_STATUSES = ['submitted', 'in_review', 'approved', 'rejected', 'withdrawn'] as const;

export interface ScopeContext {
  knex: Knex;
  t: ReportTables;
  request: ReportRequest;
}

function applyFilters(qb: Knex.QueryBuilder, { knex, t }: ScopeContext, filters: ReportFilters, alias: string) {
  const s = t.stories;
  if (filters.district || filters.statisticalRegion) {
    qb.whereExists(function regionMatches() {
      this.select(knex.raw('1'))
        .from(`${t.storyRegion.table} as f_rl`)
        .join(`${t.regions.table} as f_r`, `f_r.${t.regions.col.id}`, `f_rl.${t.storyRegion.target}`)
        .whereRaw('?? = ??', [`f_rl.${t.storyRegion.story}`, `${alias}.${s.col.id}`]);
      if (filters.district) this.where(`f_r.${t.regions.col.key}`, filters.district);
      if (filters.statisticalRegion) this.where(`f_r.${t.regions.col.statisticalRegion}`, filters.statisticalRegion);
    });
  }
  if (filters.theme) {
    qb.whereExists(function themeMatches() {
      this.select(knex.raw('1'))
        .from(`${t.storyThemes.table} as f_tl`)
        .join(`${t.themes.table} as f_t`, `f_t.${t.themes.col.id}`, `f_tl.${t.storyThemes.target}`)
        .whereRaw('?? = ??', [`f_tl.${t.storyThemes.story}`, `${alias}.${s.col.id}`])
        .where(`f_t.${t.themes.col.slug}`, filters.theme);
    });
  }
  if (filters.project) {
    qb.whereExists(function projectMatches() {
      this.select(knex.raw('1'))
        .from(`${t.storyProject.table} as f_pl`)
        .join(`${t.projects.table} as f_p`, `f_p.${t.projects.col.id}`, `f_pl.${t.storyProject.target}`)
        .whereRaw('?? = ??', [`f_pl.${t.storyProject.story}`, `${alias}.${s.col.id}`])
        .where(`f_p.${t.projects.col.slug}`, filters.project);
    });
  }
  return qb;
}

/** Published story rows (alias `s`) published within the period and matching the filters. */
export function publishedStories(ctx: ScopeContext): Knex.QueryBuilder {
  const { knex, t, request } = ctx;
  const c = t.stories.col;
  const qb = knex
    .from(`${t.stories.table} as s`)
    .whereNotNull(`s.${c.publishedAt}`)
    .where(`s.${c.publishedAt}`, '>=', request.period.start)
    .where(`s.${c.publishedAt}`, '<', request.period.end);
  return applyFilters(qb, ctx, request.filters, 's');
}

/** Draft rows (alias `d`, one per story) created within the period with an editorial status, matching the filters. */
export function submittedStories(ctx: ScopeContext): Knex.QueryBuilder {
  const { knex, t, request } = ctx;
  const c = t.stories.col;
  const qb = knex
    .from(`${t.stories.table} as d`)
    .whereNull(`d.${c.publishedAt}`)
    .where(`d.${c.createdAt}`, '>=', request.period.start)
    .where(`d.${c.createdAt}`, '<', request.period.end)
    .whereIn(`d.${c.editorialStatus}`, [...SUBMISSION_STATUSES]);
  return applyFilters(qb, ctx, request.filters, 'd');
}

export const isPostgres = (knex: Knex) => ['pg', 'postgres', 'postgresql'].includes(String(knex.client.config.client));
