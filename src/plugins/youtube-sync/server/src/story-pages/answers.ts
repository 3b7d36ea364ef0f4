import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { parseParams } from '../public-api/params';
import { pluginConfig } from '../utils/plugin-config';
import { renderListPage } from './list-page';
import { listHref, listParams, storiesQuery, withoutEmptyFields } from './params';
import { renderBadFilter, renderPageNotFound, renderStoryGone, renderStoryNotFound } from './problem-pages';
import { filterChoices, findStories, findStory, latestOf, wasRemoved } from './public-data';
import { renderStoryPage } from './story-page';

/** What each story page answers, as status and HTML; the controller only writes it. */

export type PageAnswer = { status: 200; html: string; lastModified: Date } | { status: 400 | 404 | 410; html: string };

const RELATED = '4';

export async function storyPageAnswer(strapi: Core.Strapi, slug: string): Promise<PageAnswer> {
  const story = await findStory(strapi, slug);
  if (!story) {
    if (await wasRemoved(strapi, slug)) return { status: 410, html: renderStoryGone() };
    return { status: 404, html: renderStoryNotFound() };
  }
  const region = story.body.region;
  const related = await findStories(strapi, region ? { region: region.slug, pageSize: RELATED } : { pageSize: RELATED });
  return {
    status: 200,
    html: renderStoryPage(story.body, related.body.data, pluginConfig(strapi).publicUrl),
    lastModified: latestOf([story, related]),
  };
}

/** The parameter a validation error of the public API names (parseParams and the filter resolution both do). */
function parameterOf(error: errors.ValidationError): string {
  const details = error.details as { errors?: { path?: unknown[] }[] } | undefined;
  return String(details?.errors?.[0]?.path?.[0] ?? '');
}

export async function listPageAnswer(strapi: Core.Strapi, query: Record<string, unknown>): Promise<PageAnswer> {
  try {
    const params = parseParams(listParams, withoutEmptyFields(query));
    const [list, choices] = await Promise.all([findStories(strapi, storiesQuery(params)), filterChoices(strapi)]);
    const { page, ...filters } = params;
    if (!list.body.data.length && page > 1) return { status: 404, html: renderPageNotFound(listHref(filters)) };
    return {
      status: 200,
      html: renderListPage(params, list.body, choices, pluginConfig(strapi).publicUrl),
      lastModified: latestOf([list, choices.regions, choices.themes, choices.projects]),
    };
  } catch (error) {
    if (error instanceof errors.ValidationError) return { status: 400, html: renderBadFilter(parameterOf(error), error.message) };
    throw error;
  }
}
