import type { Core } from '@strapi/strapi';
import type { FormChoices, RegionOption } from './submission-form';

/** The districts, themes and published projects the form offers, read when the page is rendered. */
export async function loadFormChoices(strapi: Core.Strapi): Promise<FormChoices> {
  const [regions, themes, projects] = await Promise.all([
    strapi.db.query('api::region.region').findMany({ select: ['slug', 'key', 'name', 'kind', 'statisticalRegion'], orderBy: { name: 'asc' } }),
    strapi.db.query('api::theme.theme').findMany({ select: ['slug', 'name'], orderBy: { name: 'asc' } }),
    strapi.documents('api::project.project').findMany({ status: 'published', fields: ['slug', 'name'], sort: 'name:asc', limit: 1000 }),
  ]);
  return {
    regions: regions as RegionOption[],
    themes: themes as FormChoices['themes'],
    projects: (projects as unknown as FormChoices['projects']).map(({ slug, name }) => ({ slug, name })),
  };
}
