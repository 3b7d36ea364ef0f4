import type { Knex } from 'knex';
import type { ReportTables } from './tables';

/** The full lists a report counts against, so that a district, theme or project without stories shows a zero. */

export interface District {
  key: string;
  name: string;
  kind: string;
  statisticalRegion: string;
}

export interface Theme {
  slug: string;
  name: string;
}

export interface Project {
  documentId: string;
  slug: string;
  name: string;
  organisation: string | null;
}

export interface Dimensions {
  districts: District[];
  themes: Theme[];
  /** Projects that have a published version (draft-only projects cannot carry published stories). */
  projects: Project[];
}

export async function loadDimensions(knex: Knex, t: ReportTables): Promise<Dimensions> {
  const r = t.regions.col;
  const th = t.themes.col;
  const p = t.projects.col;
  const [districts, themes, projects] = await Promise.all([
    knex
      .from(t.regions.table)
      .select({ key: r.key, name: r.name, kind: r.kind, statisticalRegion: r.statisticalRegion })
      .orderBy(r.key) as Promise<District[]>,
    knex.from(t.themes.table).select({ slug: th.slug, name: th.name }).orderBy(th.name) as Promise<Theme[]>,
    knex
      .from(t.projects.table)
      .select({ documentId: p.documentId, slug: p.slug, name: p.name, organisation: p.organisation })
      .whereNotNull(p.publishedAt)
      .orderBy(p.name) as Promise<Project[]>,
  ]);
  return { districts, themes, projects };
}
