import { errors } from '@strapi/utils';
import { searchTerms } from './fold';
import type { StoryListParams } from './params';
import type { Reference, StoryFilter } from './query';
import { STATISTICAL_REGIONS } from './serialize';

/**
 * Turns the partner's words (slugs, district keys, statistical regions) into row ids for the query, and names of
 * what was selected for feed titles. An unknown value is a 400 naming the parameter: a typo must not quietly widen
 * the selection to everything.
 */

export interface ResolvedFilter {
  filter: StoryFilter;
  scope: string[];
}

const STATISTICAL_PREFIX = 'statistical:';

function invalid(parameter: string, message: string): never {
  const text = `Query parameter "${parameter}" ${message}`;
  throw new errors.ValidationError(text, { errors: [{ path: [parameter], message: text, name: 'ValidationError' }] });
}

function resolveRegion(value: string, reference: Reference): { ids: number[]; label: string } {
  const regions = [...reference.regions.values()];
  const explicit = value.startsWith(STATISTICAL_PREFIX) ? value.slice(STATISTICAL_PREFIX.length) : null;
  if (explicit === null) {
    const district = regions.find((r) => r.slug === value || r.key === value);
    if (district) return { ids: [district.id], label: district.name };
  }
  const statistical = explicit ?? value;
  if (STATISTICAL_REGIONS[statistical]) {
    return { ids: regions.filter((r) => r.statisticalRegion === statistical).map((r) => r.id), label: STATISTICAL_REGIONS[statistical] };
  }
  return invalid(
    'region',
    `matches no district slug or key and no statistical region: "${value}" (see /api/v1/regions; statistical regions are ${Object.keys(
      STATISTICAL_REGIONS
    )
      .map((k) => STATISTICAL_PREFIX + k)
      .join(', ')}).`
  );
}

export function resolveStoryFilter(params: StoryListParams, reference: Reference): ResolvedFilter {
  const scope: string[] = [];
  const filter: StoryFilter = {
    sort: params.sort,
    limit: params.pageSize,
    offset: (params.page - 1) * params.pageSize,
    kind: params.kind,
    language: params.language,
    since: params.since,
  };
  if (params.region) {
    const region = resolveRegion(params.region, reference);
    filter.regionIds = region.ids;
    scope.push(region.label);
  }
  if (params.theme) {
    const theme = [...reference.themes.values()].find((t) => t.slug === params.theme);
    if (!theme) invalid('theme', `matches no theme: "${params.theme}" (see /api/v1/themes).`);
    filter.themeId = theme.id;
    scope.push(theme.name);
  }
  if (params.project) {
    const project = reference.projectsBySlug.get(params.project);
    if (!project) invalid('project', `matches no published project: "${params.project}" (see /api/v1/projects).`);
    filter.projectRowIds = project.rowIds;
    scope.push(project.project.name);
  }
  if (params.q) {
    const terms = searchTerms(params.q);
    if (!terms.length) invalid('q', 'must contain at least one word.');
    filter.terms = terms.slice(0, 12);
    scope.push(`„${params.q}“`);
  }
  return { filter, scope };
}
