import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { parseParams } from '../public-api/params';
import { render, type PublicResponse } from '../public-api/response';
import { storiesConfig } from '../config/settings';
import { renderListPage } from './list-page';
import { listHref, listParams, storiesQuery, withoutEmptyFields } from './params';
import { renderBadFilter, renderPageNotFound, renderStoryGone, renderStoryNotFound } from './problem-pages';
import { filterChoices, findStories, findStory, latestOf, wasRemoved } from './public-data';
import { readCover, SOCIAL_IMAGE, socialImageOf } from './social-image';
import { renderStoryPage } from './story-page';

/** What each story page answers: the page (kept in the public API's cache), or a problem page's status and HTML. */

export type ProblemAnswer = { status: 400 | 404 | 410; html: string };
export type PageAnswer = PublicResponse | ProblemAnswer;

export const HTML_TYPE = 'text/html; charset=utf-8';

export const isPage = (answer: PageAnswer): answer is PublicResponse => !('status' in answer);

const RELATED = '4';

export async function storyPageAnswer(strapi: Core.Strapi, slug: string): Promise<PageAnswer> {
  const story = await findStory(strapi, slug);
  if (!story) {
    if (await wasRemoved(strapi, slug)) return { status: 410, html: renderStoryGone() };
    return { status: 404, html: renderStoryNotFound() };
  }
  const region = story.body.region;
  const related = await findStories(strapi, region ? { region: region.slug, pageSize: RELATED } : { pageSize: RELATED });
  return render(renderStoryPage(story.body, related.body.data, storiesConfig(strapi).publicUrl), HTML_TYPE, latestOf([story, related]));
}

/** The story's link picture (og:image), or the 404 page when the public may not see the story. */
export async function socialImageAnswer(strapi: Core.Strapi, slug: string): Promise<PageAnswer> {
  const story = await findStory(strapi, slug);
  if (!story) return { status: 404, html: renderStoryNotFound() };
  const { cover } = story.body;
  const publicUrl = storiesConfig(strapi).publicUrl;
  const image = await socialImageOf(story.body, async () => (cover ? readCover(cover, publicUrl, strapi.dirs.static.public) : null));
  return render(image, SOCIAL_IMAGE.type, new Date(story.lastModified));
}

/** The parameter a validation error of the public API names (parseParams and the filter resolution both do). */
export function parameterOf(error: errors.ValidationError): string {
  const details = error.details as { errors?: { path?: unknown[] }[] } | undefined;
  return String(details?.errors?.[0]?.path?.[0] ?? '');
}

export async function listPageAnswer(strapi: Core.Strapi, query: Record<string, unknown>): Promise<PageAnswer> {
  try {
    const params = parseParams(listParams, withoutEmptyFields(query));
    const [list, choices] = await Promise.all([findStories(strapi, storiesQuery(params)), filterChoices(strapi)]);
    const { page, ...filters } = params;
    if (!list.body.data.length && page > 1) return { status: 404, html: renderPageNotFound(listHref(filters)) };
    return render(
      renderListPage(params, list.body, choices, storiesConfig(strapi).publicUrl),
      HTML_TYPE,
      latestOf([list, choices.regions, choices.themes, choices.projects])
    );
  } catch (error) {
    if (error instanceof errors.ValidationError) return { status: 400, html: renderBadFilter(parameterOf(error), error.message) };
    throw error;
  }
}
