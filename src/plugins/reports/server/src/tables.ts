import type { Core } from '@strapi/strapi';

/**
 * Table and column names of what a report reads, taken from Strapi's metadata: the SQL follows the content model
 * instead of guessing snake_case names, and a renamed attribute fails here with its name rather than in a query.
 */

interface AttributeMeta {
  columnName?: string;
  joinTable?: { name: string; joinColumn: { name: string }; inverseJoinColumn?: { name: string }; orderColumnName?: string };
}

export interface Link {
  table: string;
  /** Column pointing at the owning story row. */
  story: string;
  /** Column pointing at the related row. */
  target: string;
  order?: string;
}

export interface ReportTables {
  stories: {
    table: string;
    col: Record<'id' | 'documentId' | 'title' | 'slug' | 'youtubeVideoId' | 'editorialStatus' | 'referralSource' | 'createdAt' | 'publishedAt', string>;
  };
  regions: { table: string; col: Record<'id' | 'key' | 'name' | 'kind' | 'statisticalRegion', string> };
  themes: { table: string; col: Record<'id' | 'slug' | 'name', string> };
  projects: { table: string; col: Record<'id' | 'documentId' | 'slug' | 'name' | 'organisation' | 'publishedAt', string> };
  storyRegion: Link;
  storyProject: Link;
  storyThemes: Link;
  syncStates: {
    table: string;
    col: Record<'storyDocumentId' | 'status' | 'youtubeVideoId' | 'viewCount' | 'likeCount' | 'commentCount' | 'statsAt' | 'lastError' | 'updatedAt', string>;
  };
}

export const STORY_UID = 'api::story.story';
const REGION_UID = 'api::region.region';
const THEME_UID = 'api::theme.theme';
const PROJECT_UID = 'api::project.project';
const SYNC_STATE_UID = 'plugin::youtube-sync.sync-state';

function model(strapi: Core.Strapi, uid: string) {
  const meta = strapi.db.metadata.get(uid as never) as unknown as { tableName: string; attributes: Record<string, AttributeMeta> } | undefined;
  if (!meta) throw new Error(`reports: no database metadata for ${uid}`);
  const attribute = (name: string) => {
    const found = meta.attributes[name];
    if (!found) throw new Error(`reports: ${uid} has no attribute "${name}" (did the content model change?)`);
    return found;
  };
  return {
    table: meta.tableName,
    columns: <K extends string>(names: readonly K[]) => Object.fromEntries(names.map((n) => [n, attribute(n).columnName ?? n])) as Record<K, string>,
    link(name: string): Link {
      const join = attribute(name).joinTable;
      if (!join?.inverseJoinColumn) throw new Error(`reports: ${uid}.${name} is not a relation with a join table`);
      return { table: join.name, story: join.joinColumn.name, target: join.inverseJoinColumn.name, order: join.orderColumnName };
    },
  };
}

export function reportTables(strapi: Core.Strapi): ReportTables {
  const story = model(strapi, STORY_UID);
  const region = model(strapi, REGION_UID);
  const theme = model(strapi, THEME_UID);
  const project = model(strapi, PROJECT_UID);
  const state = model(strapi, SYNC_STATE_UID);
  return {
    stories: {
      table: story.table,
      col: story.columns(['id', 'documentId', 'title', 'slug', 'youtubeVideoId', 'editorialStatus', 'referralSource', 'createdAt', 'publishedAt'] as const),
    },
    regions: { table: region.table, col: region.columns(['id', 'key', 'name', 'kind', 'statisticalRegion'] as const) },
    themes: { table: theme.table, col: theme.columns(['id', 'slug', 'name'] as const) },
    projects: { table: project.table, col: project.columns(['id', 'documentId', 'slug', 'name', 'organisation', 'publishedAt'] as const) },
    storyRegion: story.link('region'),
    storyProject: story.link('project'),
    storyThemes: story.link('themes'),
    syncStates: {
      table: state.table,
      col: state.columns(['storyDocumentId', 'status', 'youtubeVideoId', 'viewCount', 'likeCount', 'commentCount', 'statsAt', 'lastError', 'updatedAt'] as const),
    },
  };
}
