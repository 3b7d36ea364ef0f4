import type { Core } from '@strapi/strapi';
import { videoSourceOf } from './video-source';

/**
 * Table and column names of everything the public API reads, taken from Strapi's own metadata so the lean SQL
 * follows the content model (a renamed attribute or collection changes the names here, not a guess in a query).
 */

interface JoinColumn {
  name: string;
}
interface JoinTable {
  name: string;
  joinColumn: JoinColumn;
  inverseJoinColumn: JoinColumn;
  orderColumnName?: string;
  pivotColumns?: string[];
}
interface MorphJoinTable {
  name: string;
  joinColumn: JoinColumn;
  morphColumn: { typeColumn: JoinColumn; idColumn: JoinColumn };
}
interface AttributeMeta {
  columnName?: string;
  joinTable?: JoinTable | MorphJoinTable;
}

export interface LinkTable {
  table: string;
  source: string;
  target: string;
  order?: string;
}

export interface ComponentLink {
  table: string;
  entity: string;
  component: string;
  /** Strapi keeps the attribute name and the component uid of each row in these two fixed pivot columns. */
  field: string;
  type: string;
  order: string;
}

export interface PublicTables {
  stories: { table: string; col: Record<StoryColumn, string> };
  regions: { table: string; col: Record<'id' | 'documentId' | 'name' | 'slug' | 'key' | 'kind' | 'statisticalRegion' | 'publishedAt', string> };
  themes: { table: string; col: Record<'id' | 'documentId' | 'name' | 'slug' | 'description' | 'publishedAt', string> };
  projects: {
    table: string;
    col: Record<'id' | 'documentId' | 'name' | 'slug' | 'organisation' | 'description' | 'website' | 'publishedAt', string>;
  };
  storyRegion: LinkTable;
  storyProject: LinkTable;
  storyThemes: LinkTable;
  projectRegions: LinkTable;
  projectThemes: LinkTable;
  storyComponents: ComponentLink;
  consent: { table: string; uid: string; withdrawnAt: string; websiteWithdrawnAt: string; youtubeWithdrawnAt: string };
  /** The people shown, each with their own consent per channel, linked to their consent record. */
  consentPeople: ComponentLink;
  consentPerson: { table: string; uid: string; channelWebsite: string };
  credits: { table: string; uid: string; name: string; role: string };
  files: { table: string; col: Record<'id' | 'url' | 'width' | 'height' | 'formats' | 'alternativeText' | 'mime', string> };
  fileLinks: { table: string; file: string; relatedId: string; relatedType: string; field: string; order: string };
  syncStates: { table: string; col: Record<'storyDocumentId' | 'youtubeVideoId' | 'privacyStatus' | 'status', string> };
  playlists: { table: string; col: Record<'key' | 'youtubePlaylistId' | 'title', string> };
  removals: { table: string; col: Record<'id' | 'storyDocumentId' | 'slug' | 'reason' | 'removedAt', string> };
  generations: { table: string; col: Record<'name' | 'value' | 'changedAt', string> };
  partnerKeys: {
    table: string;
    col: Record<'id' | 'documentId' | 'keyHash' | 'rateLimitPerMinute' | 'active' | 'lastUsedAt' | 'newKey' | 'createdAt', string>;
  };
  partnerUsage: { table: string; col: Record<'id' | 'documentId' | 'partnerKey' | 'day' | 'requests' | 'createdAt' | 'updatedAt', string> };
  /** Kept by the public API itself (search-index.ts), outside Strapi's content model. */
  search: { table: string; col: Record<'documentId' | 'storyId' | 'folded' | 'titleSort', string> };
}

type StoryColumn =
  | 'id'
  | 'documentId'
  | 'title'
  | 'slug'
  | 'teaser'
  | 'body'
  | 'kind'
  | 'language'
  | 'youtubeVideoId'
  | 'recordedOn'
  | 'place'
  | 'editorialStatus'
  | 'publishedAt'
  | 'updatedAt';

export const STORY_UID = 'api::story.story';
export const REGION_UID = 'api::region.region';
export const PROJECT_UID = 'api::project.project';
export const THEME_UID = 'api::theme.theme';
export const REMOVAL_UID = 'plugin::stories.removal';
export const GENERATION_UID = 'plugin::stories.cache-generation';
export const PARTNER_KEY_UID = 'plugin::stories.partner-key';
export const PARTNER_USAGE_UID = 'plugin::stories.partner-usage';

const SEARCH_TABLE = 'public_api_story_search';

function model(strapi: Core.Strapi, uid: string) {
  const meta = strapi.db.metadata.get(uid as never) as unknown as { tableName: string; attributes: Record<string, AttributeMeta> };
  if (!meta) throw new Error(`public API: no database metadata for ${uid}`);
  const attribute = (name: string): AttributeMeta => {
    const found = meta.attributes[name];
    if (!found) throw new Error(`public API: ${uid} has no attribute "${name}" (the content model changed?)`);
    return found;
  };
  const columns = <K extends string>(names: readonly K[]) =>
    Object.fromEntries(names.map((n) => [n, attribute(n).columnName ?? n])) as Record<K, string>;
  const link = (name: string): LinkTable => {
    const join = attribute(name).joinTable as JoinTable | undefined;
    if (!join?.inverseJoinColumn) throw new Error(`public API: ${uid}.${name} is not a relation with a join table`);
    return { table: join.name, source: join.joinColumn.name, target: join.inverseJoinColumn.name, order: join.orderColumnName };
  };
  return { table: meta.tableName, columns, attribute, link };
}

function componentLink(strapi: Core.Strapi, ownerUid: string, attribute: string): ComponentLink {
  const join = model(strapi, ownerUid).attribute(attribute).joinTable as JoinTable;
  const [, , field, type] = join.pivotColumns ?? [];
  return {
    table: join.name,
    entity: join.joinColumn.name,
    component: join.inverseJoinColumn.name,
    field: field ?? 'field',
    type: type ?? 'component_type',
    order: join.orderColumnName ?? 'order',
  };
}

export function resolveTables(strapi: Core.Strapi): PublicTables {
  const story = model(strapi, STORY_UID);
  const { videoStateUid, playlistUid } = videoSourceOf(strapi);
  const videoState = model(strapi, videoStateUid);
  const playlist = model(strapi, playlistUid);
  const region = model(strapi, REGION_UID);
  const theme = model(strapi, THEME_UID);
  const project = model(strapi, PROJECT_UID);
  const consent = model(strapi, 'consent.record');
  const person = model(strapi, 'consent.person');
  const credit = model(strapi, 'story.credit');
  const file = model(strapi, 'plugin::upload.file');
  const morph = file.attribute('related').joinTable as MorphJoinTable;
  return {
    stories: {
      table: story.table,
      col: story.columns([
        'id',
        'documentId',
        'title',
        'slug',
        'teaser',
        'body',
        'kind',
        'language',
        'youtubeVideoId',
        'recordedOn',
        'place',
        'editorialStatus',
        'publishedAt',
        'updatedAt',
      ] as const),
    },
    regions: {
      table: region.table,
      col: region.columns(['id', 'documentId', 'name', 'slug', 'key', 'kind', 'statisticalRegion', 'publishedAt'] as const),
    },
    themes: { table: theme.table, col: theme.columns(['id', 'documentId', 'name', 'slug', 'description', 'publishedAt'] as const) },
    projects: {
      table: project.table,
      col: project.columns(['id', 'documentId', 'name', 'slug', 'organisation', 'description', 'website', 'publishedAt'] as const),
    },
    storyRegion: story.link('region'),
    storyProject: story.link('project'),
    storyThemes: story.link('themes'),
    projectRegions: project.link('regions'),
    projectThemes: project.link('themes'),
    storyComponents: componentLink(strapi, STORY_UID, 'consent'),
    consent: { table: consent.table, uid: 'consent.record', ...consent.columns(['withdrawnAt', 'websiteWithdrawnAt', 'youtubeWithdrawnAt'] as const) },
    consentPeople: componentLink(strapi, 'consent.record', 'people'),
    consentPerson: { table: person.table, uid: 'consent.person', ...person.columns(['channelWebsite'] as const) },
    credits: { table: credit.table, uid: 'story.credit', ...credit.columns(['name', 'role'] as const) },
    files: { table: file.table, col: file.columns(['id', 'url', 'width', 'height', 'formats', 'alternativeText', 'mime'] as const) },
    fileLinks: {
      table: morph.name,
      file: morph.joinColumn.name,
      relatedId: morph.morphColumn.idColumn.name,
      relatedType: morph.morphColumn.typeColumn.name,
      // Strapi's fixed pivot columns of the media morph table: which attribute, and the position within it.
      field: 'field',
      order: 'order',
    },
    syncStates: { table: videoState.table, col: videoState.columns(['storyDocumentId', 'youtubeVideoId', 'privacyStatus', 'status'] as const) },
    playlists: { table: playlist.table, col: playlist.columns(['key', 'youtubePlaylistId', 'title'] as const) },
    removals: {
      table: model(strapi, REMOVAL_UID).table,
      col: model(strapi, REMOVAL_UID).columns(['id', 'storyDocumentId', 'slug', 'reason', 'removedAt'] as const),
    },
    generations: { table: model(strapi, GENERATION_UID).table, col: model(strapi, GENERATION_UID).columns(['name', 'value', 'changedAt'] as const) },
    partnerKeys: {
      table: model(strapi, PARTNER_KEY_UID).table,
      col: model(strapi, PARTNER_KEY_UID).columns([
        'id',
        'documentId',
        'keyHash',
        'rateLimitPerMinute',
        'active',
        'lastUsedAt',
        'newKey',
        'createdAt',
      ] as const),
    },
    partnerUsage: {
      table: model(strapi, PARTNER_USAGE_UID).table,
      col: model(strapi, PARTNER_USAGE_UID).columns(['id', 'documentId', 'partnerKey', 'day', 'requests', 'createdAt', 'updatedAt'] as const),
    },
    search: { table: SEARCH_TABLE, col: { documentId: 'document_id', storyId: 'story_id', folded: 'folded', titleSort: 'title_sort' } },
  };
}
