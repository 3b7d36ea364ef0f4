import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { ReportFilters, ReportRequest } from './filters';
import { loadDimensions, type Dimensions } from './dimensions';
import { DISTRICT_KIND_NAMES, STATISTICAL_REGION_NAMES, WITHOUT, monthLabel } from './labels';
import type { Period } from './period';
import { countPublished } from './published-counts';
import { publishedStories, type ScopeContext } from './scope';
import { countSubmissions, type SubmissionFigures } from './submissions';
import { reportTables } from './tables';
import { toCount } from './values';
import { syncFailures, topStories, youtubeTotals, type SyncFailure, type TopStory, type YouTubeTotals } from './youtube-figures';

/** Every aggregate of a report, computed by SQL; the list of stories is read separately, page by page. */

export interface DistrictFigure {
  /** Official key; null for the row of stories without a district. */
  key: string | null;
  name: string;
  kind: string;
  statisticalRegion: string;
  stories: number;
}

export interface NamedFigure {
  /** Slug or key; null for the "without" row. */
  key: string | null;
  name: string;
  stories: number;
}

export interface ProjectFigure extends NamedFigure {
  organisation: string | null;
}

export interface MonthFigure {
  key: string;
  label: string;
  year: number;
  month: number;
  stories: number;
}

export interface ReportFigures {
  generatedAt: Date;
  period: Period;
  filters: ReportFilters;
  /** The filters in words, e.g. "Thema: Sprache". */
  filterLabels: string[];
  published: number;
  /** All districts in key order (zeros included), then a row for stories without a district when there are any. */
  districts: DistrictFigure[];
  statisticalRegions: NamedFigure[];
  themes: NamedFigure[];
  projects: ProjectFigure[];
  months: MonthFigure[];
  submissions: SubmissionFigures;
  youtube: YouTubeTotals;
  topStories: TopStory[];
  syncFailures: { total: number; rows: SyncFailure[] };
}

function describeFilters(dimensions: Dimensions, filters: ReportFilters): string[] {
  const labels: string[] = [];
  if (filters.statisticalRegion) labels.push(`Statistische Region: ${STATISTICAL_REGION_NAMES[filters.statisticalRegion]}`);
  if (filters.district) {
    const district = dimensions.districts.find((d) => d.key === filters.district);
    if (!district) throw new errors.ValidationError(`district: there is no district with the key ${filters.district}`);
    labels.push(`Landkreis: ${district.name} (${district.key})`);
  }
  if (filters.theme) {
    const theme = dimensions.themes.find((t) => t.slug === filters.theme);
    if (!theme) throw new errors.ValidationError(`theme: there is no theme "${filters.theme}"`);
    labels.push(`Thema: ${theme.name}`);
  }
  if (filters.project) {
    const project = dimensions.projects.find((p) => p.slug === filters.project);
    if (!project) throw new errors.ValidationError(`project: there is no published project "${filters.project}"`);
    labels.push(`Projekt: ${project.name}`);
  }
  return labels;
}

const withoutRow = <T>(total: number, counted: number, row: (missing: number) => T): T[] => (total > counted ? [row(total - counted)] : []);
const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);

export function scopeContext(strapi: Core.Strapi, request: ReportRequest): ScopeContext {
  return { knex: strapi.db.connection, t: reportTables(strapi), request };
}

/** How many published stories the request covers, after checking that its district, theme and project exist. */
export async function countInScope(strapi: Core.Strapi, request: ReportRequest): Promise<number> {
  const ctx = scopeContext(strapi, request);
  describeFilters(await loadDimensions(ctx.knex, ctx.t), request.filters);
  const [row] = await publishedStories(ctx).count({ n: '*' });
  return toCount(row.n);
}

export async function computeFigures(strapi: Core.Strapi, request: ReportRequest, now = new Date()): Promise<ReportFigures> {
  const ctx = scopeContext(strapi, request);
  const dimensions = await loadDimensions(ctx.knex, ctx.t);
  const filterLabels = describeFilters(dimensions, request.filters);
  const [counts, submissions, youtube, top, failures] = await Promise.all([
    countPublished(ctx),
    countSubmissions(ctx),
    youtubeTotals(ctx),
    topStories(ctx),
    syncFailures(ctx),
  ]);

  const districts: DistrictFigure[] = dimensions.districts.map((d) => ({
    key: d.key,
    name: d.name,
    kind: DISTRICT_KIND_NAMES[d.kind] ?? d.kind,
    statisticalRegion: STATISTICAL_REGION_NAMES[d.statisticalRegion] ?? d.statisticalRegion,
    stories: counts.byDistrictKey.get(d.key) ?? 0,
  }));
  districts.push(
    ...withoutRow(counts.total, sum(counts.byDistrictKey.values()), (n) => ({ key: null, name: WITHOUT.district, kind: '', statisticalRegion: '', stories: n }))
  );

  const statisticalRegions: NamedFigure[] = Object.entries(STATISTICAL_REGION_NAMES).map(([key, name]) => ({
    key,
    name,
    stories: counts.byStatisticalRegion.get(key) ?? 0,
  }));
  statisticalRegions.push(
    ...withoutRow(counts.total, sum(counts.byStatisticalRegion.values()), (n) => ({ key: null, name: WITHOUT.statisticalRegion, stories: n }))
  );

  const themes: NamedFigure[] = dimensions.themes.map((t) => ({ key: t.slug, name: t.name, stories: counts.byThemeSlug.get(t.slug) ?? 0 }));
  if (counts.withoutTheme > 0) themes.push({ key: null, name: WITHOUT.theme, stories: counts.withoutTheme });

  const listed = new Set(dimensions.projects.map((p) => p.documentId));
  const projects: ProjectFigure[] = [
    ...dimensions.projects.map((p) => ({ key: p.slug, name: p.name, organisation: p.organisation, stories: counts.byProject.get(p.documentId)?.stories ?? 0 })),
    ...[...counts.byProject.entries()]
      .filter(([documentId]) => !listed.has(documentId))
      .map(([, p]) => ({ key: p.slug, name: p.name, organisation: null, stories: p.stories })),
  ];
  const inProjects = sum([...counts.byProject.values()].map((p) => p.stories));
  projects.push(...withoutRow(counts.total, inProjects, (n) => ({ key: null, name: WITHOUT.project, organisation: null, stories: n })));

  return {
    generatedAt: now,
    period: request.period,
    filters: request.filters,
    filterLabels,
    published: counts.total,
    districts,
    statisticalRegions,
    themes,
    projects,
    months: counts.byMonth.map(({ bucket, stories }) => ({ key: bucket.key, label: monthLabel(bucket.year, bucket.month), year: bucket.year, month: bucket.month, stories })),
    submissions,
    youtube,
    topStories: top,
    syncFailures: failures,
  };
}
