import { z } from 'zod';
import { storyListParams } from '../public-api/params';

/**
 * The query of the list page, /geschichten?region=…&theme=…&project=…&q=…&page=…: the public API's own parameters
 * (same rules, same messages), so a link that works on the page works against the API and the other way round.
 */

export const PAGE_SIZE = 24;
export const LIST_PATH = '/geschichten';

const api = storyListParams.shape;

export const listParams = z
  .object({ region: api.region, theme: api.theme, project: api.project, q: api.q, page: api.page })
  .strict();

export type ListParams = z.infer<typeof listParams>;
export type ListFilters = Omit<ListParams, 'page'>;

export const FILTER_NAMES = ['region', 'theme', 'project', 'q'] as const;

/** A plain GET form sends every field, the empty ones as "": an empty (or blank) field is no filter. */
export function withoutEmptyFields(query: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => !(value === null || value === undefined || (typeof value === 'string' && !value.trim()))));
}

/** The same selection as a /api/v1/stories query. */
export function storiesQuery(params: ListParams): Record<string, string> {
  const query: Record<string, string> = {};
  for (const name of FILTER_NAMES) if (params[name]) query[name] = params[name];
  return { ...query, page: String(params.page), pageSize: String(PAGE_SIZE) };
}

/** The list's address for a selection (page 1 has no page parameter): for links, the form's reset and canonical. */
export function listHref(filters: Partial<ListFilters>, page = 1): string {
  const query = new URLSearchParams();
  for (const name of FILTER_NAMES) if (filters[name]) query.set(name, filters[name]);
  if (page > 1) query.set('page', String(page));
  const search = query.toString();
  return search ? `${LIST_PATH}?${search}` : LIST_PATH;
}

export const storyHref = (slug: string) => `${LIST_PATH}/${encodeURIComponent(slug)}`;

export const hasFilters = (filters: Partial<ListFilters>) => FILTER_NAMES.some((name) => Boolean(filters[name]));
