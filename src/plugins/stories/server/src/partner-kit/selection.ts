import { z } from 'zod';
import { DEFAULT_LIMIT, embedParams } from '../embed/params';

/**
 * What a partner chooses on /partner and what the kit's addresses carry: the iframe page's filters (the public
 * API's own region, theme and project – same rules and messages – and how many stories), the widget's layout and
 * the partner's source name `quelle` that travels to /mitmachen. Anything else is a 400 naming the parameter.
 */

export const LAYOUTS = ['grid', 'banner', 'map'] as const;
export const QUELLE_MAX = 40;

const embed = embedParams.shape;

/** A source name a person can type and read back in the reports: "awo-goettingen", "newsletter_maerz". */
export const quelle = z
  .string()
  .trim()
  .max(QUELLE_MAX, `must be at most ${QUELLE_MAX} characters`)
  .regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, 'must be a short name such as "awo-goettingen" (lower-case letters, digits, dashes)');

const filters = { region: embed.region, theme: embed.theme, project: embed.project, limit: embed.limit, quelle: quelle.optional() };

/** The kit's page: the filters and the layout. */
export const partnerParams = z.object({ ...filters, layout: z.enum(LAYOUTS).default('grid') }).strict();
/** The newsletter block and the print files: the filters only (a layout means nothing there). */
export const contentParams = z.object(filters).strict();

export type PartnerParams = z.infer<typeof partnerParams>;
export type ContentParams = z.infer<typeof contentParams>;

/** The filters as a query string for the kit's own addresses (no defaults, so the plainest address stays plain). */
export function selectionSearch(params: Partial<ContentParams>, names: readonly (keyof ContentParams)[] = ['region', 'theme', 'project', 'limit', 'quelle']): string {
  const query = new URLSearchParams();
  for (const name of names) {
    const value = params[name];
    if (value === undefined || (name === 'limit' && value === DEFAULT_LIMIT)) continue;
    query.set(name, String(value));
  }
  const search = query.toString();
  return search ? `?${search}` : '';
}

export const site = (publicUrl: string) => publicUrl.replace(/\/$/, '');

/** The form's absolute address, carrying the partner's source name when given. */
export const joinUrl = (publicUrl: string, source?: string) =>
  `${site(publicUrl)}/mitmachen${source ? `?quelle=${encodeURIComponent(source)}` : ''}`;
