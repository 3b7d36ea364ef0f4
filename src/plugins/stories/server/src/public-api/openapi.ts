import { LANGUAGES, MAX_PAGE_SIZE, MAX_REMOVALS_PAGE_SIZE, SORTS, STORY_KINDS } from './params';
import { STATISTICAL_REGIONS } from './serialize';
import { CAPTION_LANGUAGES, CONTENT_NOTICE_LIMITS, CREDIT_CHOICES, SUBMISSION_LIMITS as LIMITS } from '../../../../../shared/submission-form';
import { NOTICE_REASONS, WITHDRAWAL_SCOPES } from '../../../../../shared/review';

/**
 * The v1 contract as an OpenAPI 3.1 document. The tests validate every real response against the schema of its
 * operation, so this document and serialize.ts cannot drift apart unnoticed; schemas forbid properties they do not
 * list for the same reason.
 */

type Schema = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const nullable = (type: string, extra: Schema = {}) => ({ type: [type, 'null'], ...extra });
const object = (properties: Record<string, Schema>, description?: string, required = Object.keys(properties)): Schema => ({
  type: 'object',
  ...(description && { description }),
  properties,
  required,
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
  ImageSize: object({
    name: {
      type: 'string',
      description: 'thumbnail, small, medium, large or original (the uploaded coding), or a modern copy named by coding and width: avif-480, webp-480, …',
    },
    url,
    width: count,
    height: count,
    mime: { type: 'string', description: 'image/avif and image/webp for the modern copies; offer them in <picture><source type> with the others as fallback.' },
  }),
  Cover: object({
    url,
    width: nullable('integer'),
    height: nullable('integer'),
    alternativeText: nullable('string'),
    mime: nullable('string'),
    sizes: { type: 'array', items: ref('ImageSize'), description: 'Every available size, narrowest first; of one width AVIF, then WebP, then the uploaded coding.' },
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
  SubmissionReceipt: object({
    referenceNumber: { type: 'string', pattern: '^ZM-\\d{4}-[0-9A-Z]{6}$', description: 'Quote it in every message about the story.' },
    status: { const: 'submitted' },
  }),
  SubmissionOptions: object({
    data: object({
      video: object({
        formats: { type: 'array', items: { type: 'string' } },
        mimeTypes: { type: 'array', items: { type: 'string' } },
        maxBytes: count,
        multipartMaxBytes: { ...count, description: 'Largest video sent in the multipart request itself; larger ones go to resumableUpload.' },
        resumableUpload: object({
          protocol: { const: 'tus' },
          version: { type: 'string' },
          endpoint: { type: 'string', description: 'Path of the tus endpoint on this server.' },
          expiresAfterHours: count,
        }),
      }),
      cover: object({ formats: { type: 'array', items: { type: 'string' } }, mimeTypes: { type: 'array', items: { type: 'string' } }, maxBytes: count }),
      captions: object({ formats: { type: 'array', items: { type: 'string' } }, maxBytes: count, languages: { type: 'array', items: { type: 'string' } } }),
      limits: { type: 'object', additionalProperties: object({ min: count, max: count }, undefined, ['max']) },
      credits: { type: 'array', items: { enum: [...CREDIT_CHOICES] } },
      kinds: { type: 'array', items: { enum: [...STORY_KINDS] } },
      consentTextVersion: { type: 'string' },
      honeypotField: { type: 'string', description: 'A field to render hidden; a submission that fills it is answered but not stored.' },
      rateLimitPerHour: { ...count, description: 'Submissions (and started uploads) per IP address and hour; 0 = none.' },
      partnerSecret: object({ header: { const: 'X-Submission-Secret' }, configured: { type: 'boolean' } }),
    }),
  }),
  SubmissionError: object({
    data: { type: 'null' },
    error: object(
      {
        status: { type: 'integer' },
        name: { type: 'string' },
        message: { type: 'string' },
        details: {
          type: 'object',
          properties: {
            errors: {
              type: 'array',
              items: object({
                path: { type: 'array', items: { type: ['string', 'integer'] }, description: 'The field, e.g. ["title"] or ["people", 0, "guardians"].' },
                message: { type: 'string', description: 'German, then English after " / ".' },
                name: { type: 'string' },
              }),
            },
            retryAfterSeconds: count,
          },
          additionalProperties: false,
        },
      },
      undefined,
      ['status', 'name', 'message']
    ),
  }),
  ReportReceipt: object({ data: object({ received: { const: true }, story: slug }) }),
  MailSent: object({ data: object({ sent: { const: true } }) }),
  AccessProof: object({
    data: object({
      proof: { type: 'string', description: 'Pass as `proof` to GET /consent with the same token; bound to that link.' },
      expiresAt: { type: 'string', format: 'date-time' },
    }),
  }),
  WithdrawalResult: object({
    data: object({
      scope: { enum: [...WITHDRAWAL_SCOPES] },
      changed: { type: 'boolean', description: 'false: this scope (or everything) was withdrawn before; nothing changed.' },
      withdrawnAt: nullable('string', { format: 'date-time' }),
      done: { type: 'array', items: { type: 'string' }, description: 'What was done, in plain German.' },
    }),
  }),
  PersonalData: object(
    {
      about: { type: 'string' },
      exportedAt: dateTime,
      referenceNumber: nullable('string'),
      status: { type: 'object', description: 'Editorial status, whether and since when published.' },
      contact: { type: ['object', 'null'], description: 'The submitter’s name, e-mail, phone and organisation.' },
      story: { type: 'object', description: 'Title, text, region, themes, credits and the other answers of the form.' },
      files: { type: 'object', description: 'Video, cover, captions and signed form: name, type, size, address.' },
      consent: { type: ['object', 'null'], description: 'The consent record with every person shown and every withdrawal.' },
      internalNotes: nullable('string'),
      history: { type: 'array', items: { type: 'object' }, description: 'What happened when, and by whom (editors, you, the system).' },
    },
    'Everything stored about one submission (GDPR Art. 15).'
  ),
  PersonalDataDocument: object({ data: ref('PersonalData') }),
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
/** A POST of the personal link that sends a mail or checks a code: token (and more) in the body. */
const tokenPost = (operationId: string, summary: string, responses: Record<string, object>, more: Record<string, object> = {}) => ({
  post: {
    operationId,
    summary,
    parameters: [],
    requestBody: {
      required: true,
      content: { 'application/json': { schema: object({ token: { type: 'string' }, ...more }, undefined, ['token', ...Object.keys(more)]) } },
    },
    responses: {
      '400': errorResponse('The token is missing, incomplete or was changed.'),
      '404': errorResponse('No data is stored for this link any more.'),
      '409': errorResponse('No e-mail address is stored for the submission any more.'),
      '410': errorResponse('The link has expired or was replaced by a newer one.'),
      '429': errorResponse('Three requests of this kind in the last hour; retry after Retry-After seconds.'),
      ...responses,
    },
  },
});

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

const bool = { type: ['boolean', 'string'], description: 'true/false; in a form also "on"/"off".' };
const text = (maxLength: number, description?: string) => ({ type: 'string', maxLength, ...(description && { description }) });
const SUBMISSION_PERSON = object(
  {
    nameOrRole: text(LIMITS.nameOrRoleMax),
    minor: { type: 'boolean' },
    aged14OrOver: { type: 'boolean', description: 'For a minor: 14 or older, so their own consent is needed too.' },
    guardians: text(LIMITS.guardiansMax, 'For a minor: the parents or guardians who consented.'),
    guardianConsent: { type: 'boolean' },
    ownConsent: { type: 'boolean' },
    channelWebsite: { type: 'boolean', description: 'May be shown on this website and partner widgets.' },
    channelYoutube: { type: 'boolean' },
    channelSocial: { type: 'boolean' },
  },
  undefined,
  ['nameOrRole']
);
const submissionFields = (file: Schema) => ({
  title: text(LIMITS.titleMax),
  story: text(LIMITS.storyMax, 'The story in the submitter\'s words; blank lines separate paragraphs.'),
  name: text(LIMITS.nameMax),
  email: { type: 'string', format: 'email' },
  phone: text(LIMITS.phoneMax),
  organisation: text(LIMITS.organisationMax),
  region: { type: 'string', description: 'District slug (goettingen) or official key (03159), see /regions.' },
  project: { type: 'string', description: 'Slug of a published project, see /projects.' },
  themes: { type: ['array', 'string'], items: { type: 'string' }, description: 'Theme slugs: repeated fields, a comma list or a JSON array.' },
  kind: { enum: [...STORY_KINDS], default: 'personal' },
  video: { ...file, description: 'The video file; or videoUpload, or youtubeUrl, or none for a written story.' },
  videoUpload: { type: 'string', description: 'URL or id of a finished resumable upload (/uploads) instead of video.' },
  youtubeUrl: { type: 'string', description: 'Any YouTube video link instead of a file.' },
  cover: { ...file, description: 'JPEG, PNG or WebP.' },
  captions: { ...file, description: 'WebVTT or SubRip, for the video file.' },
  captionsLanguage: { enum: [...CAPTION_LANGUAGES], default: 'de' },
  needsFilmingHelp: bool,
  needsEquipment: bool,
  credit: { enum: [...CREDIT_CHOICES], description: 'How the submitter is named in public; anonymous: not at all.' },
  consentPeople: { ...bool, description: 'Must be true: everyone shown agreed, and music and footage may be used.' },
  consentPrivacy: { ...bool, description: 'Must be true: the privacy notice was read.' },
  acceptTerms: { ...bool, description: 'Must be true: the conditions of participation are accepted.' },
  minorsShown: bool,
  consentGuardian: { ...bool, description: 'Must be true when minors are shown.' },
  consentMinor: { ...bool, description: 'Must be true when a minor aged 14 or over is shown.' },
  people: { type: ['array', 'string'], items: SUBMISSION_PERSON, description: 'One entry per person shown (a JSON string in a form). Required with a video.' },
  website: { type: 'string', description: 'Leave empty (a trap for robots).' },
  referralSource: {
    type: 'string',
    description: 'The `quelle` of the partner link that led to the form (up to 64 of a-z 0-9 - _ .); anything else is ignored, never refused.',
  },
});
const submissionRequest = (file: Schema): Schema => ({
  type: 'object',
  properties: submissionFields(file),
  required: ['title', 'story', 'name', 'email', 'region', 'credit', 'consentPeople', 'consentPrivacy', 'acceptTerms'],
});
const plainText = (description: string) => ({ description, content: { 'text/plain': { schema: { type: 'string' } } } });
const submissionError = (description: string) => ({ description, content: json('SubmissionError') });
const header = (name: string, description: string, schema: Schema = { type: 'string' }, required = false) => ({ name, in: 'header', required, description, schema });
const TUS_RESUMABLE_HEADER = header('Tus-Resumable', 'The tus protocol version, 1.0.0.', { const: '1.0.0' }, true);

export function openApiDocument(publicUrl: string) {
  const site = publicUrl.replace(/\/$/, '');
  return {
    openapi: '3.1.0',
    info: {
      title: 'ZUSAMMEN. MEHR. – public story API',
      version: '1.0.0',
      summary: 'Success stories of refugee integration in Lower Saxony, for partner websites.',
      description:
        'Open to everyone (CORS allows GET from any site). Stories are read here; new ones are submitted with POST ' +
        '/submissions (large videos first as resumable uploads to /uploads), which only ever creates drafts for the editors. ' +
        'Without a key a client may make a limited number ' +
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
      '/consent': {
        get: {
          operationId: 'consentData',
          summary:
            'What is stored about a submission (GDPR Art. 15), for the personal link of its confirmation mail, with the proof that the one-time code mailed to the submitter was entered (POST /consent/code, then /consent/verify).',
          parameters: [
            query('token', { type: 'string' }, 'The token of the personal link (/widerruf?token=…).', true),
            query('proof', { type: 'string' }, 'The proof from POST /consent/verify for this token (valid 15 minutes).', true),
            query('format', { enum: ['json', 'download'], default: 'json' }, 'download: the same data as a JSON file (attachment).'),
          ],
          responses: {
            '200': { description: 'OK', content: { 'application/json': { schema: { oneOf: [ref('PersonalDataDocument'), ref('PersonalData')] } } } },
            ...COMMON_RESPONSES,
            '400': errorResponse('The token is missing, incomplete or was changed.'),
            '403': errorResponse('The proof is missing, expired or for another link: enter a one-time code first.'),
            '404': errorResponse('No data is stored for this link any more.'),
            '410': errorResponse('The link has expired or was replaced by a newer one.'),
          },
        },
      },
      '/consent/code': tokenPost(
        'consentCode',
        'Mail a one-time code (6 digits, valid 15 minutes, 5 tries) to the e-mail address stored with the submission.',
        { '202': { description: 'The code is on its way.', content: json('MailSent') } }
      ),
      '/consent/verify': tokenPost(
        'consentVerify',
        'Exchange the one-time code for a proof that opens GET /consent for this link during 15 minutes; the code is then used up.',
        {
          '200': { description: 'The code was right.', content: json('AccessProof') },
          '400': errorResponse('The token is not valid, or the code is wrong (path: code).'),
          '410': errorResponse('The link expired or was replaced, or the code expired, was used or none was requested.'),
          '429': errorResponse('Too many wrong tries: ask for a new code.'),
        },
        { code: { type: 'string', pattern: '^\\s*\\d{6}\\s*$' } }
      ),
      '/consent/link': tokenPost(
        'consentNewLink',
        'Mail a new personal link to the e-mail address stored with the submission; every older link (this one too) stops working.',
        { '202': { description: 'The new link is on its way.', content: json('MailSent') } }
      ),
      '/consent/withdraw': {
        post: {
          operationId: 'withdrawConsent',
          summary: 'Withdraw consent for everything or one channel, with the personal link’s token; idempotent.',
          parameters: [],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: object(
                  { token: { type: 'string' }, scope: { enum: [...WITHDRAWAL_SCOPES] }, note: { type: 'string', maxLength: 2000 } },
                  undefined,
                  ['token', 'scope']
                ),
              },
            },
          },
          responses: {
            '200': { description: 'Withdrawn (or withdrawn before: changed is false).', content: json('WithdrawalResult') },
            '400': errorResponse('The token or the scope is missing or wrong.'),
            '404': errorResponse('No data is stored for this link any more.'),
            '410': errorResponse('The link has expired.'),
          },
        },
      },
      '/stories/{slug}/reports': {
        post: {
          operationId: 'reportStory',
          summary: 'Report a problem with a published story ("Inhalt melden"); it reaches the editors.',
          parameters: [{ name: 'slug', in: 'path', required: true, schema: slug }],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: object(
                  {
                    reason: { enum: [...NOTICE_REASONS] },
                    message: { type: 'string', maxLength: CONTENT_NOTICE_LIMITS.message },
                    contact: { type: 'string', maxLength: CONTENT_NOTICE_LIMITS.contact, description: 'Only if the reporter wants an answer; never shown.' },
                    website: { type: 'string', description: 'Leave empty (a trap for robots).' },
                  },
                  undefined,
                  ['reason']
                ),
              },
            },
          },
          responses: {
            '201': { description: 'Received.', content: json('ReportReceipt') },
            '400': errorResponse('reason, message or contact is missing or wrong; the message names the field.'),
            '404': errorResponse('No published story has this slug.'),
            '429': COMMON_RESPONSES['429'],
          },
        },
      },
      '/submissions': {
        post: {
          operationId: 'submitStory',
          summary: 'Submit a story: it becomes a draft for the editors, never published automatically.',
          description:
            'multipart/form-data (with files) or JSON (without). Every problem is listed at once in error.details.errors. ' +
            'Partner integrations may send the shared secret in X-Submission-Secret: they are not held to the per-IP limit.',
          parameters: [header('X-Submission-Secret', 'Shared secret of a partner integration (optional).')],
          requestBody: {
            required: true,
            content: {
              'multipart/form-data': { schema: submissionRequest({ type: 'string', contentMediaType: 'application/octet-stream' }) },
              'application/json': { schema: submissionRequest({ type: 'null' }) },
            },
          },
          responses: {
            '201': { description: 'Stored as a draft; a confirmation mail is on its way.', content: json('SubmissionReceipt') },
            '400': submissionError('A field is missing or wrong; each error names its field.'),
            '401': errorResponse('X-Submission-Secret was sent but is wrong.'),
            '413': submissionError('A file is larger than its limit (see /submissions/options).'),
            '429': { ...COMMON_RESPONSES['429'], content: json('SubmissionError') },
            '500': errorResponse('Something failed on our side; nothing was stored. Please try again.'),
          },
        },
      },
      '/submissions/options': operation('submissionOptions', 'Formats, sizes, limits and choices for a submission form.', 'SubmissionOptions', [p('apiKey')]),
      '/uploads': {
        post: {
          operationId: 'startUpload',
          summary: 'Start a resumable video upload (tus 1.0.0 creation); use its Location with HEAD and PATCH.',
          parameters: [
            TUS_RESUMABLE_HEADER,
            header('Upload-Length', 'Size of the video in bytes.', { type: 'integer', minimum: 1 }, true),
            header('Upload-Metadata', 'tus metadata: filename and filetype (base64), e.g. "filename dmlkZW8ubXA0,filetype dmlkZW8vbXA0".'),
            header('X-Submission-Secret', 'Shared secret of a partner integration (optional).'),
          ],
          responses: {
            '201': { description: 'Created', headers: { Location: { schema: { type: 'string' }, description: 'The upload, relative to this server.' } } },
            '400': plainText('A tus header is missing or wrong.'),
            '401': errorResponse('X-Submission-Secret was sent but is wrong.'),
            '412': plainText('Tus-Resumable is missing.'),
            '413': plainText('The video is larger than the limit.'),
            '415': plainText('The declared type is not an accepted video format.'),
            '429': {
              description:
                'Too many uploads started from this address this hour (JSON), or its daily upload budget (UPLOAD_DAILY_MB_PER_ADDRESS, raised for partners) is used up (text naming the limit).',
              headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds until the upload would fit.' } },
              content: { ...json('SubmissionError'), 'text/plain': { schema: { type: 'string' } } },
            },
            '503': {
              description: 'The budget of all pending uploads (UPLOAD_PENDING_BUDGET_MB) is full; nothing was stored. Try again later.',
              headers: { 'Retry-After': { schema: { type: 'integer' } } },
              content: { 'text/plain': { schema: { type: 'string' } } },
            },
          },
        },
      },
      '/uploads/{id}': {
        head: {
          operationId: 'uploadOffset',
          summary: 'How many bytes of the upload have arrived (Upload-Offset), to resume after a break.',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9a-f]{32}$' } }, TUS_RESUMABLE_HEADER],
          responses: {
            '200': { description: 'OK', headers: { 'Upload-Offset': { schema: { type: 'integer' } }, 'Upload-Length': { schema: { type: 'integer' } } } },
            '404': { description: 'No such upload.' },
            '410': { description: 'The upload expired.' },
          },
        },
        patch: {
          operationId: 'continueUpload',
          summary: 'Send the next bytes from Upload-Offset on (Content-Type application/offset+octet-stream).',
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9a-f]{32}$' } },
            TUS_RESUMABLE_HEADER,
            header('Upload-Offset', 'Where these bytes start.', { type: 'integer', minimum: 0 }, true),
          ],
          requestBody: { required: true, content: { 'application/offset+octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } } },
          responses: {
            '204': { description: 'Received', headers: { 'Upload-Offset': { schema: { type: 'integer' } } } },
            '404': plainText('No such upload.'),
            '409': plainText('Upload-Offset does not match what has arrived; ask with HEAD.'),
            '410': plainText('The upload expired.'),
            '413': plainText('More bytes than the declared length, or over the limit.'),
            '415': plainText('The finished upload is not a video in an accepted format (checked from its bytes); it was removed.'),
          },
        },
        delete: {
          operationId: 'cancelUpload',
          summary: 'Cancel the upload (tus termination): its bytes are removed and given back to the upload budget.',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9a-f]{32}$' } }, TUS_RESUMABLE_HEADER],
          responses: { '204': { description: 'Cancelled' }, '404': plainText('No such upload.') },
        },
      },
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
