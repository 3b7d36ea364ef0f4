import { z } from 'zod';
import { errors } from '@strapi/utils';

/**
 * The query parameters of every /api/v1 operation. Anything not listed is refused with a 400 that names it, so a
 * partner's typo ("regoin=…") fails loudly instead of silently returning everything.
 */

export const STORY_KINDS = ['personal', 'project'] as const;
export const LANGUAGES = ['de', 'en', 'ar', 'fa', 'ps', 'ku', 'ti', 'so', 'uk', 'ru', 'tr', 'fr', 'other'] as const;
export const SORTS = ['newest', 'oldest', 'title'] as const;
export const MAX_PAGE_SIZE = 100;
export const MAX_REMOVALS_PAGE_SIZE = 1000;

/** Partners may pass their key as a parameter where they cannot set headers (feeds in a reader, an <iframe>). */
export const API_KEY_PARAM = 'apiKey';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

const slug = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(120)
  .regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, 'must be a slug such as "goettingen" (lower-case letters, digits, dashes)');

const integer = (min: number, max: number) =>
  z
    .string()
    .regex(/^[0-9]+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

const instant = z
  .string()
  .trim()
  .regex(
    /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/,
    'must be an ISO 8601 date or date-time with a time zone, e.g. 2026-05-01 or 2026-05-01T12:00:00Z'
  )
  .transform((value, ctx) => {
    const [year, month, day] = value.slice(0, 10).split('-').map(Number);
    const calendar = new Date(Date.UTC(year, month - 1, day));
    const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
    // JavaScript rolls 2026-02-31 over into March; a partner's typo should not silently become another day.
    if (Number.isNaN(date.getTime()) || calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'is not a real date' });
      return z.NEVER;
    }
    return date;
  });

const apiKey = { [API_KEY_PARAM]: z.string().optional() };

export const storyListParams = z
  .object({
    region: text(100).optional(),
    theme: slug.optional(),
    project: slug.optional(),
    kind: z.enum(STORY_KINDS).optional(),
    language: z.enum(LANGUAGES).optional(),
    q: text(200).optional(),
    since: instant.optional(),
    sort: z.enum(SORTS).default('newest'),
    page: integer(1, 10000).default('1'),
    pageSize: integer(1, MAX_PAGE_SIZE).default('24'),
    ...apiKey,
  })
  .strict();

export const removalParams = z
  .object({
    since: instant.optional(),
    page: integer(1, 10000).default('1'),
    pageSize: integer(1, MAX_REMOVALS_PAGE_SIZE).default('100'),
    ...apiKey,
  })
  .strict();

export const oembedParams = z
  .object({
    url: z.string().trim().url('must be the absolute address of a story page'),
    format: z.enum(['json', 'xml']).default('json'),
    maxwidth: integer(50, 4000).optional(),
    maxheight: integer(50, 4000).optional(),
    ...apiKey,
  })
  .strict();

export const noParams = z.object({ ...apiKey }).strict();

export type StoryListParams = z.infer<typeof storyListParams>;
export type RemovalParams = z.infer<typeof removalParams>;
export type OembedParams = z.infer<typeof oembedParams>;

function describe(issue: z.ZodIssue, input: Record<string, unknown>): string {
  if (issue.code === z.ZodIssueCode.unrecognized_keys) {
    const names = issue.keys.map((k) => `"${k}"`).join(', ');
    return `Unknown query parameter ${names}.`;
  }
  const name = String(issue.path[0] ?? '');
  const given = input[name];
  if (Array.isArray(given)) return `Query parameter "${name}" was given more than once; give it once.`;
  if (given !== null && typeof given === 'object') return `Query parameter "${name}" must be plain text, not a nested object.`;
  if (issue.code === z.ZodIssueCode.invalid_type && given === undefined) return `Query parameter "${name}" is required.`;
  if (issue.code === z.ZodIssueCode.invalid_enum_value) {
    return `Query parameter "${name}" must be one of ${issue.options.join(', ')} (got "${String(given)}").`;
  }
  return `Query parameter "${name}" ${issue.message}.`;
}

/** Parses a query with a schema; the first problem becomes a 400 in Strapi's error envelope naming the parameter. */
export function parseParams<T extends z.ZodTypeAny>(schema: T, query: Record<string, unknown>): z.infer<T> {
  // Strapi's query parser turns "?q" (no value) into null; treat it as the empty text it is.
  const input = Object.fromEntries(Object.entries(query).map(([k, v]) => [k, v === null ? '' : v]));
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const message = describe(issue, input);
  const path = issue.code === z.ZodIssueCode.unrecognized_keys ? issue.keys[0] : String(issue.path[0] ?? '');
  throw new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError' }] });
}
