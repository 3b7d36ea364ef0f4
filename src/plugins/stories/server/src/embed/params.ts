import { z } from 'zod';
import { storyListParams } from '../public-api/params';

/**
 * The query of the iframe page, /embed/stories?region=…&theme=…&project=…&limit=…&lang=…: the filters are the
 * public API's own parameters (same rules, same messages), so a value that works there works here.
 */

export const DEFAULT_LIMIT = 6;
export const MAX_LIMIT = 24;
export const EMBED_LANGUAGES = ['de', 'en'] as const;

const api = storyListParams.shape;

export const embedParams = z
  .object({
    region: api.region,
    theme: api.theme,
    project: api.project,
    limit: api.pageSize
      .removeDefault()
      .pipe(z.number().max(MAX_LIMIT, `must be at most ${MAX_LIMIT}`))
      .default(String(DEFAULT_LIMIT)),
    lang: z.enum(EMBED_LANGUAGES).default('de'),
  })
  .strict();

export type EmbedParams = z.infer<typeof embedParams>;

/** The same selection as a /api/v1/stories query, in the order the widget asks for it. */
export function storiesQuery(params: Pick<EmbedParams, 'region' | 'theme' | 'project' | 'limit'>): Record<string, string> {
  return {
    ...(params.region && { region: params.region }),
    ...(params.theme && { theme: params.theme }),
    ...(params.project && { project: params.project }),
    pageSize: String(params.limit),
  };
}
