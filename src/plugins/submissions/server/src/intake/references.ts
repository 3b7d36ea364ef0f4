import type { Core } from '@strapi/strapi';
import { MESSAGES as M } from './messages';
import type { FieldError } from './schema';

/**
 * The region, themes and project a submission names, looked up by what the public API hands out: a region by slug
 * or official key (03159), themes and projects by slug. A project must be published to be chosen.
 */

export interface Reference {
  documentId: string;
  name: string;
}

export interface References {
  region?: Reference;
  themes: Reference[];
  project?: Reference;
  errors: FieldError[];
}

const DISTRICT_KEY = /^\d{5}$/;

export async function resolveReferences(strapi: Core.Strapi, wanted: { region?: string; themes?: string[]; project?: string }): Promise<References> {
  const errors: FieldError[] = [];
  const select = ['documentId', 'name'];

  let region: Reference | undefined;
  if (wanted.region) {
    const value = wanted.region.toLowerCase();
    region =
      (await strapi.db.query('api::region.region').findOne({ where: DISTRICT_KEY.test(value) ? { key: value } : { slug: value }, select })) ??
      undefined;
    if (!region) errors.push({ path: ['region'], message: M.regionUnknown(wanted.region) });
  }

  const slugs = (wanted.themes ?? []).map((t) => t.toLowerCase());
  const themes: Reference[] = slugs.length
    ? await strapi.db.query('api::theme.theme').findMany({ where: { slug: { $in: slugs } }, select: [...select, 'slug'] })
    : [];
  const found = new Set(themes.map((t) => (t as Reference & { slug: string }).slug));
  const unknown = slugs.filter((s) => !found.has(s));
  if (unknown.length) errors.push({ path: ['themes'], message: M.themesUnknown(unknown) });

  let project: Reference | undefined;
  if (wanted.project) {
    project =
      (await strapi.db
        .query('api::project.project')
        .findOne({ where: { slug: wanted.project.toLowerCase(), publishedAt: { $notNull: true } }, select })) ?? undefined;
    if (!project) errors.push({ path: ['project'], message: M.projectUnknown(wanted.project) });
  }

  return { region, themes: themes.map(({ documentId, name }) => ({ documentId, name })), project, errors };
}
