import { LANGUAGES, MAX_PAGE_SIZE, MAX_REMOVALS_PAGE_SIZE, SORTS, STORY_KINDS } from './params';
import { STATISTICAL_REGIONS } from './serialize';

/**
 * The v1 contract as an OpenAPI 3.1 document. The tests validate every real response against the schema of its
 * operation, so this document and serialize.ts cannot drift apart unnoticed; schemas forbid properties they do not
 * list for the same reason.
 */

type Schema = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const nullable = (type: string, extra: Schema = {}) => ({ type: [type, 'null'], ...extra });
const object = (properties: Record<string, Schema>, description?: string): Schema => ({
  type: 'object',
  ...(description && { description }),
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
});
const list = (item: Schema, meta?: Schema) => object({ data: { type: 'array', items: item }, ...(meta && { meta }) });

const slug = { type: 'string', pattern: '^[a-z0-9]+(?:[-_][a-z0-9]+)*$' };
const url = { type: 'string', format: 'uri' };
const dateTime = { type: 'string', format: 'date-time' };
const count = { type: 'integer', minimum: 0 };

const regionProperties = {
  slug,
  name: { type: 'string' },
  key: { type: 'string', pattern: '^03[0-9]{3}$', description: 'Official district key (Kreisschlüssel).' },
  kind: { enum: ['landkreis', 'region', 'kreisfreie_stadt'] },
  statisticalRegion: { enum: Object.keys(STATISTICAL_REGIONS) },
};
const oembedCommon = {
  version: { const: '1.0' },
  title: { type: 'string' },
  provider_name: { type: 'string' },
  provider_url: url,
  author_name: { type: 'string' },
  cache_age: { type: 'integer' },
};
const pageProperties = { page: { type: 'integer', minimum: 1 }, pageSize: { type: 'integer', minimum: 1 }, total: count, pageCount: count };

const schemas: Record<string, Schema> = {
  Region: object(regionProperties),
  Theme: object({ slug, name: { type: 'string' } }),
  ProjectRef: object({ slug, name: { type: 'string' }, organisation: nullable('string'), website: nullable('string', { format: 'uri' }) }),
  ImageSize: object({ name: { type: 'string', description: 'thumbnail, small, medium, large or original' }, url, width: count, height: count }),
  Cover: object({
    url,
    width: nullable('integer'),
    height: nullable('integer'),
    alternativeText: nullable('string'),
    mime: nullable('string'),
    sizes: { type: 'array', items: ref('ImageSize'), description: 'Every available size, narrowest first.' },
  }),
  YouTube: object(
    {
      videoId: { type: 'string', pattern: '^[A-Za-z0-9_-]{11}$' },
      embedUrl: { type: 'string', pattern: '^https://www\\.youtube-nocookie\\.com/embed/[A-Za-z0-9_-]{11}$' },
      watchUrl: { type: 'string', pattern: '^https://www\\.youtube\\.com/watch\\?v=[A-Za-z0-9_-]{11}$' },
      thumbnailUrl: url,
      durationSeconds: nullable('integer', { description: 'Length of the video when known.' }),
    },
    'The public YouTube video; null while there is none or YouTube holds it private.'
  ),
  Credit: object({ name: { type: 'string' }, role: nullable('string') }),
  Story: object({
    id: { type: 'string', description: 'Stable id of the story (also used in removals).' },
    slug,
    title: { type: 'string' },
    teaser: nullable('string'),
    bodyHtml: { type: 'string', description: 'The body as HTML; all text is escaped, links are http(s), mailto or tel only.' },
    bodyText: { type: 'string', description: 'The body as plain text, paragraphs separated by blank lines.' },
    kind: nullable('string', { enum: [...STORY_KINDS, null] }),
    language: nullable('string', { enum: [...LANGUAGES, null] }),
    place: nullable('string'),
    recordedOn: nullable('string', { format: 'date' }),
    region: { oneOf: [ref('Region'), { type: 'null' }] },
    project: { oneOf: [ref('ProjectRef'), { type: 'null' }] },
    themes: { type: 'array', items: ref('Theme') },
    credits: { type: 'array', items: ref('Credit') },
    cover: { oneOf: [ref('Cover'), { type: 'null' }] },
    youtube: { oneOf: [ref('YouTube'), { type: 'null' }] },
    publishedAt: { ...dateTime, description: 'When this version was published (a re-publication after an edit moves it).' },
    updatedAt: dateTime,
    link: { ...url, description: 'Canonical page of the story on the project website.' },
  }),
  PageMeta: object(pageProperties),
  StoryList: list(ref('Story'), ref('PageMeta')),
  StoryDocument: object({ data: ref('Story') }),
  RegionList: list(
    object({ ...regionProperties, storyCount: count }),
    object({
      statisticalRegions: {
        type: 'array',
        items: object({
          key: { enum: Object.keys(STATISTICAL_REGIONS) },
          name: { type: 'string' },
          filter: { type: 'string', description: 'Value of the region parameter that selects this statistical region.' },
          storyCount: count,
        }),
      },
    })
  ),
  ThemeList: list(object({ slug, name: { type: 'string' }, description: nullable('string'), storyCount: count })),
  ProjectList: list(
    object({
      slug,
      name: { type: 'string' },
      organisation: nullable('string'),
      website: nullable('string', { format: 'uri' }),
      descriptionHtml: { type: 'string' },
      descriptionText: { type: 'string' },
      regions: { type: 'array', items: slug },
      themes: { type: 'array', items: slug },
      storyCount: count,
    })
  ),
  PlaylistList: list(
    object({
      key: { type: 'string' },
      kind: { enum: ['channel', 'region', 'theme', 'project'] },
      slug: nullable('string'),
      title: nullable('string'),
      youtubePlaylistId: { type: 'string' },
      url,
    })
  ),
  RemovalList: list(
    object({
      id: { type: 'string', description: 'The id the story had in the API.' },
      slug: nullable('string'),
      reason: { enum: ['unpublished', 'deleted', 'consent_withdrawn'] },
      removedAt: dateTime,
    }),
    object({ ...pageProperties, since: nullable('string', { format: 'date-time' }) })
  ),
  OEmbed: { oneOf: [ref('OEmbedVideo'), ref('OEmbedLink')] },
  OEmbedVideo: object({
    ...oembedCommon,
    type: { const: 'video' },
    html: { type: 'string', description: 'A youtube-nocookie.com player.' },
    width: { type: 'integer' },
    height: { type: 'integer' },
    thumbnail_url: url,
    thumbnail_width: { type: 'integer' },
    thumbnail_height: { type: 'integer' },
  }),
  OEmbedLink: {
    ...object({ ...oembedCommon, type: { const: 'link' } }),
    properties: {
      ...oembedCommon,
      type: { const: 'link' },
      thumbnail_url: url,
      thumbnail_width: { type: 'integer' },
      thumbnail_height: { type: 'integer' },
    },
    description: 'A story without a public video; thumbnail fields only when it has a cover.',
  },
  Error: object({
    data: { type: 'null' },
    error: {
      type: 'object',
      properties: {
        status: { type: 'integer' },
        name: { type: 'string' },
        message: { type: 'string', description: 'Names the offending parameter for a 400.' },
        details: { type: 'object' },
      },
      required: ['status', 'name', 'message'],
      additionalProperties: false,
    },
  }),
};

const query = (name: string, schema: Schema, description: string, required = false) => ({ name, in: 'query', required, description, schema });

const parameters: Record<string, Schema> = {
  region: query(
    'region',
    { type: 'string' },
    'District slug (goettingen), official key (03159), or statistical region (statistical:weser_ems; a bare name such as hannover when no district has that slug).'
  ),
  theme: query('theme', slug, 'Theme slug, see /themes.'),
  project: query('project', slug, 'Project slug, see /projects.'),
  kind: query('kind', { enum: [...STORY_KINDS] }, 'personal or project story.'),
  language: query('language', { enum: [...LANGUAGES] }, 'Spoken language of the video.'),
  q: query(
    'q',
    { type: 'string', maxLength: 200 },
    'Words to find in title, teaser and body; case, umlauts (ä=ae=a) and ß=ss do not matter; every word must occur.'
  ),
  since: query('since', { type: 'string' }, 'Only stories published (or re-published) at or after this ISO 8601 date or date-time.'),
  sort: query('sort', { enum: [...SORTS], default: 'newest' }, 'newest (default), oldest or title.'),
  page: query('page', { type: 'integer', minimum: 1, default: 1 }, 'Page number, from 1.'),
  pageSize: query('pageSize', { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: 24 }, `Stories per page, at most ${MAX_PAGE_SIZE}.`),
  apiKey: query('apiKey', { type: 'string' }, 'Partner key, where the X-Api-Key header cannot be sent.'),
};

const p = (name: string) => ({ $ref: `#/components/parameters/${name}` });
const LIST_PARAMETERS = ['region', 'theme', 'project', 'kind', 'language', 'q', 'since', 'sort', 'page', 'pageSize', 'apiKey'].map(p);

const json = (schema: string) => ({ 'application/json': { schema: ref(schema) } });
const errorResponse = (description: string) => ({ description, content: json('Error') });
const COMMON_RESPONSES = {
  '304': { description: 'Not modified (If-None-Match or If-Modified-Since matched).' },
  '400': errorResponse('A parameter is unknown or has a bad value; the message names it.'),
  '401': errorResponse('The partner key is unknown or deactivated.'),
  '429': {
    description: 'Too many requests; retry after the number of seconds in Retry-After.',
    headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait.' } },
    content: json('Error'),
  },
};

function operation(operationId: string, summary: string, schema: string, parametersOf: Schema[], extra: Record<string, unknown> = {}) {
  return {
    get: {
      operationId,
      summary,
      parameters: parametersOf,
      responses: { '200': { description: 'OK', content: json(schema) }, ...COMMON_RESPONSES, ...extra },
    },
  };
}

function feedOperation(operationId: string, summary: string, mediaType: string) {
  return {
    get: {
      operationId,
      summary,
      parameters: LIST_PARAMETERS,
      responses: { '200': { description: 'OK', content: { [mediaType]: { schema: { type: 'string' } } } }, ...COMMON_RESPONSES },
    },
  };
}

export function openApiDocument(publicUrl: string) {
  const site = publicUrl.replace(/\/$/, '');
  return {
    openapi: '3.1.0',
    info: {
      title: 'ZUSAMMEN. MEHR. – public story API',
      version: '1.0.0',
      summary: 'Success stories of refugee integration in Lower Saxony, for partner websites.',
      description:
        'Read-only and open to everyone (CORS allows GET from any site). Without a key a client may make a limited number ' +
        'of requests per minute and IP address; partner organisations get a key from the editorial office that raises the ' +
        'limit (send it as X-Api-Key). Every answer carries a strong ETag and Last-Modified: revalidate with If-None-Match. ' +
        'Poll /stories/removed to delete stories you cached that were taken down (GDPR Art. 17(2)).',
    },
    servers: [{ url: `${site}/api/v1` }],
    security: [{}, { partnerKey: [] }, { partnerKeyQuery: [] }],
    paths: {
      '/stories': operation('listStories', 'Published stories, newest first unless sorted otherwise.', 'StoryList', LIST_PARAMETERS),
      '/stories.rss': feedOperation('storiesRss', 'The same list as RSS 2.0.', 'application/rss+xml'),
      '/stories.atom': feedOperation('storiesAtom', 'The same list as Atom.', 'application/atom+xml'),
      '/stories/removed': operation(
        'listRemovedStories',
        'Stories taken down (unpublished, deleted, consent withdrawn), oldest first.',
        'RemovalList',
        [
          query('since', { type: 'string' }, 'Only removals at or after this ISO 8601 date or date-time.'),
          p('page'),
          query('pageSize', { type: 'integer', minimum: 1, maximum: MAX_REMOVALS_PAGE_SIZE, default: 100 }, `At most ${MAX_REMOVALS_PAGE_SIZE}.`),
          p('apiKey'),
        ]
      ),
      '/stories/{slug}': {
        get: {
          operationId: 'getStory',
          summary: 'One published story.',
          parameters: [{ name: 'slug', in: 'path', required: true, schema: slug }, p('apiKey')],
          responses: {
            '200': { description: 'OK', content: json('StoryDocument') },
            ...COMMON_RESPONSES,
            '404': errorResponse('No published story has this slug.'),
          },
        },
      },
      '/regions': operation('listRegions', 'All districts with their published story counts, by key.', 'RegionList', [p('apiKey')]),
      '/themes': operation('listThemes', 'All themes with their published story counts.', 'ThemeList', [p('apiKey')]),
      '/projects': operation('listProjects', 'Published projects with their published story counts.', 'ProjectList', [p('apiKey')]),
      '/playlists': operation('listPlaylists', 'The YouTube playlists of the channel (all, per region, theme, project).', 'PlaylistList', [
        p('apiKey'),
      ]),
      '/oembed': operation(
        'oembed',
        'oEmbed for a story page address.',
        'OEmbed',
        [
          query('url', { type: 'string', format: 'uri' }, `A story page, ${site}/geschichten/{slug}.`, true),
          query('format', { enum: ['json', 'xml'], default: 'json' }, 'Only json is implemented (xml answers 501).'),
          query('maxwidth', { type: 'integer', minimum: 50 }, 'Largest width the player may have.'),
          query('maxheight', { type: 'integer', minimum: 50 }, 'Largest height the player may have.'),
          p('apiKey'),
        ],
        { '404': errorResponse('The address is not a published story of this site.'), '501': errorResponse('The format is not implemented.') }
      ),
      '/openapi.json': {
        get: {
          operationId: 'openapi',
          summary: 'This document.',
          parameters: [p('apiKey')],
          responses: { '200': { description: 'OK', content: { 'application/json': { schema: { type: 'object' } } } }, ...COMMON_RESPONSES },
        },
      },
    },
    components: {
      schemas,
      parameters,
      securitySchemes: {
        partnerKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
        partnerKeyQuery: { type: 'apiKey', in: 'query', name: 'apiKey' },
      },
    },
  };
}
