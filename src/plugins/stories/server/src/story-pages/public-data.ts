import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type publicApiService from '../public-api/service';
import type { PageMeta, projectList, PublicStory, regionList, themeList } from '../public-api/serialize';

/**
 * What the story pages show, read through the public API's own service: the same answers a partner receives, built
 * by its serializer (the only door from the database to the public: published, consent not withdrawn) and kept in
 * its response cache until the cache generation moves. The pages never see a database row.
 */

type PublicApi = ReturnType<typeof publicApiService>;
type ReadEndpoint = 'stories' | 'story' | 'regions' | 'themes' | 'projects';

export interface Answer<T> {
  body: T;
  /** When public content last changed (HTTP date), the answer's Last-Modified. */
  lastModified: string;
}

export type StoryList = { data: PublicStory[]; meta: PageMeta };
export type RegionChoices = ReturnType<typeof regionList>;
export type ThemeChoices = ReturnType<typeof themeList>;
export type ProjectChoices = ReturnType<typeof projectList>;

/** The request as the front layer would see it, so the pages and partners share one cache entry per answer. */
function rawUrl(endpoint: ReadEndpoint, query: Record<string, string>, slug?: string) {
  const path = endpoint === 'story' ? `/api/v1/stories/${encodeURIComponent(slug ?? '')}` : `/api/v1/${endpoint}`;
  const search = new URLSearchParams(query).toString();
  return search ? `${path}?${search}` : path;
}

async function ask<T>(strapi: Core.Strapi, endpoint: ReadEndpoint, query: Record<string, string> = {}, slug?: string): Promise<Answer<T>> {
  const api = strapi.plugin('stories').service('public-api') as PublicApi;
  const response = await api.respond({ endpoint, query, slug, rawUrl: rawUrl(endpoint, query, slug) });
  return { body: JSON.parse(response.body.toString('utf8')) as T, lastModified: response.lastModified };
}

/** The public story with this slug, or null when the public may not see one (unknown, draft, unpublished, withdrawn). */
export async function findStory(strapi: Core.Strapi, slug: string): Promise<Answer<PublicStory> | null> {
  try {
    const answer = await ask<{ data: PublicStory }>(strapi, 'story', {}, slug);
    return { body: answer.body.data, lastModified: answer.lastModified };
  } catch (error) {
    if (error instanceof errors.NotFoundError) return null;
    throw error;
  }
}

/** One page of the list; the API validates the filters (a ValidationError names the parameter). */
export const findStories = (strapi: Core.Strapi, query: Record<string, string>) => ask<StoryList>(strapi, 'stories', query);

export async function filterChoices(strapi: Core.Strapi) {
  const [regions, themes, projects] = await Promise.all([
    ask<RegionChoices>(strapi, 'regions'),
    ask<ThemeChoices>(strapi, 'themes'),
    ask<ProjectChoices>(strapi, 'projects'),
  ]);
  return { regions, themes, projects };
}

export type FilterChoices = Awaited<ReturnType<typeof filterChoices>>;

/**
 * Whether a story with this address was taken down (unpublished, deleted, consent withdrawn): the removal records
 * partners read from /api/v1/stories/removed. Only the fact is read, nothing of the story.
 */
export async function wasRemoved(strapi: Core.Strapi, slug: string): Promise<boolean> {
  const removal = await strapi.db.query('plugin::stories.removal').findOne({ where: { slug }, select: ['id'] });
  return Boolean(removal);
}

/** The newest of the answers' Last-Modified times: a page is as new as the newest content it shows. */
export function latestOf(answers: Answer<unknown>[]): Date {
  return new Date(Math.max(...answers.map((answer) => Date.parse(answer.lastModified))));
}
