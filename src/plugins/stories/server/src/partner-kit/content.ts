import type { Core } from '@strapi/strapi';
import type { z } from 'zod';
import { parseParams } from '../public-api/params';
import type { PublicStory } from '../public-api/serialize';
import { scopeOf } from '../story-pages/list-page';
import { withoutEmptyFields } from '../story-pages/params';
import { filterChoices, findStories, latestOf, type FilterChoices } from '../story-pages/public-data';
import { storiesQuery } from '../embed/params';
import type { ContentParams } from './selection';

/**
 * What the kit shows of the stories, read only through the public API's service (its visibility rule, serializer and
 * cache), exactly like the story pages: the newest stories of the partner's selection and that selection in words.
 */

export interface KitContent {
  stories: PublicStory[];
  /** The selection in words ("Göttingen", "Thema Sprache"); empty for all of Lower Saxony. */
  scope: string[];
  choices: FilterChoices;
  lastModified: Date;
}

export async function kitContent(strapi: Core.Strapi, params: ContentParams, count = params.limit): Promise<KitContent> {
  const [list, choices] = await Promise.all([findStories(strapi, storiesQuery({ ...params, limit: count })), filterChoices(strapi)]);
  return {
    stories: list.body.data,
    scope: scopeOf({ region: params.region, theme: params.theme, project: params.project }, choices),
    choices,
    lastModified: latestOf([list, choices.regions, choices.themes, choices.projects]),
  };
}

/** The query checked by `schema`; a blank form field is no filter (a plain GET form sends every field). */
export const kitParams = <T extends z.ZodTypeAny>(schema: T, query: Record<string, unknown>): z.infer<T> => parseParams(schema, withoutEmptyFields(query));

/** "Erfolgsgeschichten aus Göttingen" / "… aus Niedersachsen · Thema Sprache". */
export function selectionTitle(scope: string[]): string {
  return scope.length ? `Erfolgsgeschichten: ${scope.join(' · ')}` : 'Erfolgsgeschichten gelungener Integration aus Niedersachsen';
}
