import crypto from 'crypto';
import request from 'supertest';
import { originOf, rawGet } from '../support/raw-request';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { Client } from 'pg';
import { startStrapi, type TestApp } from '../support/strapi';
import { createProject, createStory, documentIdOf } from '../support/fixtures';
import { addCoverImage, addMarkedSignedForm } from '../support/media';
import { adminToken } from '../support/admin';
import { currentBackend } from '../support/database';
import { childrenOf, parseXml } from '../support/xml';
import { withdrawConsent } from '../../src/plugins/submissions/server/src/review/withdrawal';

/**
 * The public v1 API as a partner website sees it. Every response any test here receives goes through `api()`,
 * which checks it against the OpenAPI document the server itself serves (schema of the operation and status) and
 * searches it for the canary values planted in every private field, every draft and every unpublished edit.
 */

const PUBLIC_URL = 'http://localhost:1337';
const CANARY = 'CANARY5e1b';
const PRIVATE_KEYS = ['internalNotes', 'editorialStatus', 'submitter', 'consent', 'contact', 'signedForm', 'keyHash', 'newKey', 'contactEmail'];
const STORY = 'api::story.story';
const STATE = 'plugin::youtube-sync.sync-state';
const PARTNER_KEY = 'plugin::stories.partner-key';
const ENV = {
  YOUTUBE_SYNC_WORKER: 'false',
  PUBLIC_API_RATE_LIMIT_PER_MINUTE: '0',
  PUBLIC_API_CORS_ORIGINS: '*',
  PUBLIC_URL,
};

let app: TestApp;
const ids: Record<string, string> = {};
let sinceLastStory: string;
let beforeRemovals: string;

// ---------------------------------------------------------------------------------------------------- contract

const SCHEMAS_ID = 'https://contract.test/schemas';
let operations: { pattern: RegExp; literal: boolean; responses: Record<string, { content?: Record<string, { schema: object }> }> }[] = [];
const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
addFormats(ajv);
const validators = new Map<object, ValidateFunction>();

function loadContract(document: { paths: Record<string, { get?: { responses: Record<string, unknown> } }>; components: { schemas: object } }) {
  const rewritten = JSON.parse(JSON.stringify(document).replace(/"#\/components\/schemas\//g, `"${SCHEMAS_ID}#/$defs/`));
  ajv.addSchema({ $id: SCHEMAS_ID, $defs: rewritten.components.schemas });
  // Only GET operations: this file reads the API (the submission tests check their own answers against the document).
  operations = Object.entries(rewritten.paths as Record<string, { get?: { responses: Record<string, unknown> } }>)
    .flatMap(([path, item]) => (item.get ? [{ path, get: item.get }] : []))
    .map(({ path, get: item }) => ({
      pattern: new RegExp(`^/api/v1${path.replace(/[.]/g, '\\.').replace(/\{\w+\}/g, '[^/]+')}$`),
      literal: !path.includes('{'),
      responses: item.responses as (typeof operations)[number]['responses'],
    }))
    .sort((a, b) => Number(b.literal) - Number(a.literal));
}

function expectContract(url: string, res: request.Response) {
  const path = url.split('?')[0];
  const operation = operations.find((o) => o.pattern.test(path));
  if (!operation) throw new Error(`no operation in the OpenAPI document for ${path}`);
  const declared = operation.responses[String(res.status)];
  if (!declared) throw new Error(`${url} answered ${res.status}, which its operation does not document`);
  if (res.status === 304) return;
  const mediaType = String(res.headers['content-type']).split(';')[0];
  const schema = declared.content?.[mediaType]?.schema;
  if (!schema) throw new Error(`${url} answered ${res.status} as ${mediaType}, which its operation does not document`);
  if (mediaType !== 'application/json') return;
  let validate = validators.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    validators.set(schema, validate);
  }
  const valid = validate(JSON.parse(res.text));
  expect({ url, errors: valid ? null : validate.errors }).toEqual({ url, errors: null });
}

/**
 * The contract itself names private fields where the personal link's endpoints (/consent) give a person their own
 * data and "Inhalt melden" takes a contact: a name in the document is no value, so only the canary check applies to it.
 */
const namesPrivateFields = (url: string) => url.split('?')[0] === '/api/v1/openapi.json';

function expectNothingPrivate(url: string, res: request.Response) {
  expect({ url, leaked: res.text.toLowerCase().includes(CANARY.toLowerCase()) }).toEqual({ url, leaked: false });
  if (res.status !== 400 && !namesPrivateFields(url))
    for (const key of PRIVATE_KEYS) expect({ url, key, leaked: res.text.includes(`"${key}"`) }).toEqual({ url, key, leaked: false });
}

/** GET (or another method) on the public API, with every answer checked against the contract and for leaks. */
async function api(url: string, headers: Record<string, string> = {}, method: 'get' | 'head' | 'options' = 'get') {
  const res = await request(app.server)
    [method](url)
    .set(headers)
    .buffer(true)
    .parse((r, done) => {
      let text = '';
      r.setEncoding('utf8');
      r.on('data', (chunk: string) => (text += chunk));
      r.on('end', () => done(null, text));
    });
  res.text = typeof res.body === 'string' ? res.body : res.text;
  if (method === 'get') {
    expectNothingPrivate(url, res);
    expectContract(url, res);
  }
  return res;
}

const json = (res: request.Response) => JSON.parse(res.text);
const titles = (res: request.Response) => (json(res).data as { title: string }[]).map((s) => s.title);
const errorMessage = (res: request.Response) => json(res).error.message as string;

// ---------------------------------------------------------------------------------------------------- fixtures

const canaryContact = (what: string) => ({
  name: `${CANARY}-${what}-name`,
  email: `${CANARY.toLowerCase()}-${what}@example.org`,
  phone: `+49 ${CANARY}-${what}`,
  organisation: `${CANARY}-${what}-org`,
});

const paragraph = (...texts: string[]) => ({ type: 'paragraph', children: texts.map((text) => ({ type: 'text', text })) });

async function coverWithSizes(name: string) {
  const file = await addCoverImage(app.strapi, name);
  const format = (prefix: string, width: number, type = 'png') => ({
    url: `/uploads/${prefix}_${file.hash}.${type}`,
    width,
    height: Math.round((width * 10) / 16),
    mime: `image/${type}`,
  });
  await app.strapi.db.query('plugin::upload.file').update({
    where: { id: file.id },
    data: {
      alternativeText: 'Menschen am Tisch im Sprachcafé',
      formats: {
        thumbnail: format('thumbnail', 245),
        small: format('small', 500),
        medium: format('medium', 750),
        large: format('large', 1000),
        'webp-480': format('webp-480', 480, 'webp'),
        'avif-480': format('avif-480', 480, 'avif'),
      },
    },
  });
  return file;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  app = await startStrapi(ENV);
  const strapi = app.strapi;
  const signedForm = await addMarkedSignedForm(strapi, CANARY);
  await createProject(strapi, 'Sprachcafé Göttingen', {
    website: 'https://sprachcafe.example',
    contact: canaryContact('project'),
    regions: [await documentIdOf(strapi, 'api::region.region', 'goettingen')],
  });
  const cover = await coverWithSizes('sprachcafe');
  ids.a = await createStory(strapi, {
    title: 'Deutsch lernen in Göttingen',
    region: 'goettingen',
    themes: ['sprache', 'ehrenamt-und-vereine'],
    project: 'sprachcafe-goettingen',
    data: {
      teaser: 'Jeden Dienstag im Sprachcafé.',
      body: [
        paragraph('Hallo <script>alert("xss")</script> – wir treffen uns im Sprachcafé.'),
        { type: 'paragraph', children: [{ type: 'link', url: 'https://sprachcafe.example', children: [{ type: 'text', text: 'Zum Sprachcafé' }] }] },
      ],
      language: 'de',
      place: 'Göttingen',
      recordedOn: '2026-01-20',
      cover: cover.id,
      credits: [{ name: 'Merve Aydın', role: 'Interview' }],
      internalNotes: `${CANARY}-notes`,
      submitter: canaryContact('submitter'),
      consent: {
        consentedBy: `${CANARY}-consented-by`,
        consentedAt: '2026-01-10T10:00:00.000Z',
        textVersion: `${CANARY}-v1`,
        signedForm: signedForm.id,
        withdrawalNote: `${CANARY}-note`,
        people: [{ nameOrRole: `${CANARY}-person`, minor: true, guardians: `${CANARY}-guardian`, guardianConsent: true }],
      },
    },
  });
  await strapi.db.query(STATE).create({ data: { storyDocumentId: ids.a, status: 'synced', youtubeVideoId: 'dQw4w9WgXcQ', privacyStatus: 'public' } });
  ids.b = await createStory(strapi, {
    title: 'Fußball verbindet',
    region: 'goettingen',
    themes: ['sport'],
    data: { kind: 'project', language: 'ar', teaser: 'Training an der Weender Straße in Göttingen.', youtubeVideoId: 'abcdefghijk' },
  });
  ids.c = await createStory(strapi, { title: 'Ausbildung in Emden', region: 'emden', themes: ['ausbildung', 'sprache'], data: { language: 'en' } });
  await strapi.db
    .query(STATE)
    .create({ data: { storyDocumentId: ids.c, status: 'synced', youtubeVideoId: 'ABCDEFGHIJK', privacyStatus: 'private' } });
  await pause(20);
  sinceLastStory = new Date().toISOString();
  await pause(20);
  ids.d = await createStory(strapi, { title: 'Ärztin aus Überzeugung', region: 'lueneburg', themes: ['arbeit'] });
  await createStory(strapi, { title: `Noch nicht fertig ${CANARY}`, region: 'goettingen', themes: ['sprache'], publish: false });
  await strapi.documents(STORY).update({ documentId: ids.a, data: { teaser: `${CANARY}-unpublished-edit` } as never });
  await pause(20);
  beforeRemovals = new Date().toISOString();
  ids.f = await createStory(strapi, { title: `Kurz online ${CANARY}`, region: 'goettingen', themes: ['sport'] });
  await strapi.documents(STORY).unpublish({ documentId: ids.f });
  ids.g = await createStory(strapi, { title: `Einwilligung zurückgezogen ${CANARY}`, region: 'emden', themes: ['kultur'] });
  await withdrawConsent(strapi, { documentId: ids.g, scope: 'all', actor: { actor: 'Test', actorType: 'submitter' } });
  await strapi.db
    .query('plugin::youtube-sync.playlist')
    .create({ data: { key: 'region:goettingen', youtubePlaylistId: 'PLgoettingen0001', title: 'ZUSAMMEN. MEHR. – Göttingen' } });
  await strapi.db.query('plugin::youtube-sync.playlist').create({ data: { key: 'theme:sport', title: 'ZUSAMMEN. MEHR. – Thema: Sport' } });
  const contract = await request(app.server).get('/api/v1/openapi.json');
  loadContract(JSON.parse(contract.text));
});

afterAll(async () => {
  await app?.stop();
  for (const name of [...Object.keys(ENV), 'PUBLIC_API_KEY_RATE_LIMIT_PER_MINUTE', 'PUBLIC_API_CACHE', 'PUBLIC_API_CACHED_RATE_LIMIT_PER_MINUTE'])
    delete process.env[name];
});

// ---------------------------------------------------------------------------------------------------- tests

describe('listing stories', () => {
  test('lists published stories only, newest first, with paging metadata', async () => {
    const res = await api('/api/v1/stories');
    expect(res.status).toBe(200);
    expect(titles(res)).toEqual(['Ärztin aus Überzeugung', 'Ausbildung in Emden', 'Fußball verbindet', 'Deutsch lernen in Göttingen']);
    expect(json(res).meta).toEqual({ page: 1, pageSize: 24, total: 4, pageCount: 1 });
  });

  test('sorts oldest first or by title (umlauts sort as their letters)', async () => {
    expect(titles(await api('/api/v1/stories?sort=oldest'))).toEqual([
      'Deutsch lernen in Göttingen',
      'Fußball verbindet',
      'Ausbildung in Emden',
      'Ärztin aus Überzeugung',
    ]);
    expect(titles(await api('/api/v1/stories?sort=title'))).toEqual([
      'Ärztin aus Überzeugung',
      'Ausbildung in Emden',
      'Deutsch lernen in Göttingen',
      'Fußball verbindet',
    ]);
  });

  test.each([
    ['region=goettingen', ['Fußball verbindet', 'Deutsch lernen in Göttingen']],
    ['region=03159', ['Fußball verbindet', 'Deutsch lernen in Göttingen']],
    ['region=statistical:braunschweig', ['Fußball verbindet', 'Deutsch lernen in Göttingen']],
    ['region=braunschweig', []],
    ['region=weser_ems', ['Ausbildung in Emden']],
    ['region=statistical:lueneburg', ['Ärztin aus Überzeugung']],
    ['theme=sprache', ['Ausbildung in Emden', 'Deutsch lernen in Göttingen']],
    ['project=sprachcafe-goettingen', ['Deutsch lernen in Göttingen']],
    ['kind=project', ['Fußball verbindet']],
    ['language=en', ['Ausbildung in Emden']],
    ['region=goettingen&theme=sport', ['Fußball verbindet']],
  ])('filters by %s', async (query, expected) => {
    const res = await api(`/api/v1/stories?${query}`);
    expect(res.status).toBe(200);
    expect(titles(res)).toEqual(expected);
  });

  test.each(['Goettingen', 'göttingen', 'GÖTTINGEN', 'Gottingen', 'GOETTINGEN'])('finds "Göttingen" when asked for %s', async (q) => {
    expect(titles(await api(`/api/v1/stories?q=${encodeURIComponent(q)}`))).toEqual(['Fußball verbindet', 'Deutsch lernen in Göttingen']);
  });

  test.each(['Straße', 'strasse', 'STRASSE'])('folds ß: %s finds the Weender Straße', async (q) => {
    expect(titles(await api(`/api/v1/stories?q=${encodeURIComponent(q)}`))).toEqual(['Fußball verbindet']);
  });

  test('searches title, teaser and body, every word must occur, drafts and unpublished edits are not searched', async () => {
    expect(titles(await api('/api/v1/stories?q=sprachcafe'))).toEqual(['Deutsch lernen in Göttingen']);
    expect(titles(await api('/api/v1/stories?q=arztin'))).toEqual(['Ärztin aus Überzeugung']);
    expect(titles(await api(`/api/v1/stories?q=${encodeURIComponent('fussball göttingen')}`))).toEqual(['Fußball verbindet']);
    expect(titles(await api('/api/v1/stories?q=fertig'))).toEqual([]);
    expect(titles(await api(`/api/v1/stories?q=${CANARY}`))).toEqual([]);
    expect(titles(await api('/api/v1/stories?q=50%25'))).toEqual([]);
  });

  test('since returns stories published at or after a time', async () => {
    expect(titles(await api(`/api/v1/stories?since=${encodeURIComponent(sinceLastStory)}`))).toEqual(['Ärztin aus Überzeugung']);
    expect(titles(await api('/api/v1/stories?since=2000-01-01'))).toHaveLength(4);
  });

  test('pages through the list', async () => {
    const first = await api('/api/v1/stories?pageSize=3');
    expect(titles(first)).toEqual(['Ärztin aus Überzeugung', 'Ausbildung in Emden', 'Fußball verbindet']);
    expect(json(first).meta).toEqual({ page: 1, pageSize: 3, total: 4, pageCount: 2 });
    expect(titles(await api('/api/v1/stories?pageSize=3&page=2'))).toEqual(['Deutsch lernen in Göttingen']);
    expect(titles(await api('/api/v1/stories?pageSize=3&page=3'))).toEqual([]);
    expect(json(await api('/api/v1/stories?pageSize=100')).meta.pageSize).toBe(100);
  });

  test.each([
    ['pageSize=101', 'pageSize'],
    ['page=0', 'page'],
    ['regoin=goettingen', 'regoin'],
    ['region=atlantis', 'region'],
    ['theme=kochen', 'theme'],
    ['project=unbekannt', 'project'],
    ['kind=fiction', 'kind'],
    ['language=xx', 'language'],
    ['sort=random', 'sort'],
    ['since=yesterday', 'since'],
    ['q=', 'q'],
    ['filters[region][slug][$eq]=goettingen', 'filters'],
    ['populate=*', 'populate'],
    ['region=goettingen&region=emden', 'region'],
  ])('answers %s with a 400 naming %s', async (query, parameter) => {
    const res = await api(`/api/v1/stories?${query}`);
    expect(res.status).toBe(400);
    expect(json(res)).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError' } });
    expect(errorMessage(res)).toContain(`"${parameter}"`);
  });
});

describe('one story', () => {
  test('carries everything a page needs to render it', async () => {
    const res = await api('/api/v1/stories/deutsch-lernen-in-goettingen');
    expect(res.status).toBe(200);
    const story = json(res).data;
    expect(story).toMatchObject({
      id: ids.a,
      slug: 'deutsch-lernen-in-goettingen',
      title: 'Deutsch lernen in Göttingen',
      teaser: 'Jeden Dienstag im Sprachcafé.',
      kind: 'personal',
      language: 'de',
      place: 'Göttingen',
      recordedOn: '2026-01-20',
      region: { slug: 'goettingen', name: 'Göttingen', key: '03159', kind: 'landkreis', statisticalRegion: 'braunschweig' },
      project: {
        slug: 'sprachcafe-goettingen',
        name: 'Sprachcafé Göttingen',
        organisation: 'Sprachcafé Göttingen e. V.',
        website: 'https://sprachcafe.example',
      },
      themes: [
        { slug: 'sprache', name: 'Sprache' },
        { slug: 'ehrenamt-und-vereine', name: 'Ehrenamt und Vereine' },
      ],
      credits: [{ name: 'Merve Aydın', role: 'Interview' }],
      link: `${PUBLIC_URL}/geschichten/deutsch-lernen-in-goettingen`,
      youtube: {
        videoId: 'dQw4w9WgXcQ',
        embedUrl: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
        watchUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
        thumbnailUrl: 'https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg',
        durationSeconds: null,
      },
    });
    expect(new Date(story.publishedAt).getTime()).toBeGreaterThan(0);
  });

  test('body as escaped HTML and as plain text', async () => {
    const story = json(await api('/api/v1/stories/deutsch-lernen-in-goettingen')).data;
    expect(story.bodyHtml).toContain('Hallo &lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;');
    expect(story.bodyHtml).not.toContain('<script');
    expect(story.bodyHtml).toContain('<a href="https://sprachcafe.example" rel="noopener">Zum Sprachcafé</a>');
    expect(story.bodyText).toBe('Hallo <script>alert("xss")</script> – wir treffen uns im Sprachcafé.\n\nZum Sprachcafé');
  });

  test('cover in several sizes with width, height and coding (AVIF before WebP of one width), absolute URLs', async () => {
    const { cover } = json(await api('/api/v1/stories/deutsch-lernen-in-goettingen')).data;
    expect(cover).toMatchObject({ width: 1600, height: 1000, mime: 'image/png', alternativeText: 'Menschen am Tisch im Sprachcafé' });
    expect(cover.url).toMatch(new RegExp(`^${PUBLIC_URL}/uploads/`));
    expect(cover.sizes.map((s: { name: string; width: number; height: number; mime: string }) => [s.name, s.width, s.height, s.mime])).toEqual([
      ['thumbnail', 245, 153, 'image/png'],
      ['avif-480', 480, 300, 'image/avif'],
      ['webp-480', 480, 300, 'image/webp'],
      ['small', 500, 313, 'image/png'],
      ['medium', 750, 469, 'image/png'],
      ['large', 1000, 625, 'image/png'],
      ['original', 1600, 1000, 'image/png'],
    ]);
    for (const size of cover.sizes) expect(size.url).toMatch(new RegExp(`^${PUBLIC_URL}/uploads/`));
  });

  test('an adopted video id counts; a video YouTube holds private does not', async () => {
    expect(json(await api('/api/v1/stories/fussball-verbindet')).data.youtube.embedUrl).toBe('https://www.youtube-nocookie.com/embed/abcdefghijk');
    const emden = json(await api('/api/v1/stories/ausbildung-in-emden')).data;
    expect(emden.youtube).toBeNull();
    expect(emden.cover).toBeNull();
    expect(emden.project).toBeNull();
  });

  test('an unknown, draft, unpublished or withdrawn story is a 404', async () => {
    const slugs = [
      'gibt-es-nicht',
      ...(await app.strapi.db.query(STORY).findMany({ where: { documentId: { $in: [ids.f, ids.g] } }, select: ['slug'] })).map(
        (s: { slug: string }) => s.slug
      ),
    ];
    const draft = await app.strapi.db.query(STORY).findOne({ where: { title: { $startsWith: 'Noch nicht fertig' } }, select: ['slug'] });
    for (const slug of [...new Set([...slugs, draft.slug])]) {
      const res = await api(`/api/v1/stories/${slug}`);
      expect([slug, res.status, json(res).error.name]).toEqual([slug, 404, 'NotFoundError']);
    }
  });

  test('takes no query parameters', async () => {
    const res = await api('/api/v1/stories/fussball-verbindet?populate=*');
    expect(res.status).toBe(400);
    expect(errorMessage(res)).toContain('"populate"');
  });
});

describe('reference lists', () => {
  test('regions with published story counts, also per statistical region', async () => {
    const body = json(await api('/api/v1/regions'));
    expect(body.data).toHaveLength(45);
    const count = (slug: string) => body.data.find((r: { slug: string }) => r.slug === slug).storyCount;
    expect([count('goettingen'), count('emden'), count('lueneburg'), count('braunschweig')]).toEqual([2, 1, 1, 0]);
    expect(body.meta.statisticalRegions).toEqual([
      { key: 'braunschweig', name: 'Braunschweig', filter: 'statistical:braunschweig', storyCount: 2 },
      { key: 'hannover', name: 'Hannover', filter: 'statistical:hannover', storyCount: 0 },
      { key: 'lueneburg', name: 'Lüneburg', filter: 'statistical:lueneburg', storyCount: 1 },
      { key: 'weser_ems', name: 'Weser-Ems', filter: 'statistical:weser_ems', storyCount: 1 },
    ]);
  });

  test('themes and projects with their counts', async () => {
    const themes = json(await api('/api/v1/themes')).data as { slug: string; storyCount: number }[];
    expect(themes).toHaveLength(8);
    expect(Object.fromEntries(themes.map((t) => [t.slug, t.storyCount]))).toMatchObject({ sprache: 2, sport: 1, arbeit: 1, kultur: 0 });
    expect(json(await api('/api/v1/projects')).data).toEqual([
      {
        slug: 'sprachcafe-goettingen',
        name: 'Sprachcafé Göttingen',
        organisation: 'Sprachcafé Göttingen e. V.',
        website: 'https://sprachcafe.example',
        descriptionHtml: '',
        descriptionText: '',
        regions: ['goettingen'],
        themes: [],
        storyCount: 1,
      },
    ]);
  });

  test('playlists that exist on YouTube', async () => {
    expect(json(await api('/api/v1/playlists')).data).toEqual([
      {
        key: 'region:goettingen',
        kind: 'region',
        slug: 'goettingen',
        title: 'ZUSAMMEN. MEHR. – Göttingen',
        youtubePlaylistId: 'PLgoettingen0001',
        url: 'https://www.youtube.com/playlist?list=PLgoettingen0001',
      },
    ]);
  });
});

describe('removals', () => {
  test('lists unpublished and consent-withdrawn stories since a time, and they are not listed anymore', async () => {
    const res = await api(`/api/v1/stories/removed?since=${encodeURIComponent(beforeRemovals)}`);
    expect(res.status).toBe(200);
    const removed = json(res).data as { id: string; slug: string; reason: string; removedAt: string }[];
    expect(removed.map((r) => [r.id, r.reason])).toEqual([
      [ids.f, 'unpublished'],
      [ids.g, 'consent_withdrawn'],
    ]);
    for (const r of removed) {
      expect(r.slug).toMatch(/^(kurz-online|einwilligung-zurueckgezogen)/);
      expect(new Date(r.removedAt).getTime()).toBeGreaterThanOrEqual(new Date(beforeRemovals).getTime());
    }
    expect(json(res).meta).toMatchObject({ total: 2, since: beforeRemovals });
    expect(json(await api(`/api/v1/stories/removed?since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).data).toEqual([]);
  });
});

describe('feeds and discovery', () => {
  const ATOM = 'http://www.w3.org/2005/Atom';
  const itemsOf = (res: request.Response) => childrenOf(childrenOf(parseXml(res.text), '', 'channel')[0], '', 'item');
  const textOf = (element: { children: { local: string; text: string }[] }, local: string) => element.children.find((c) => c.local === local)?.text;

  test('RSS 2.0 with the same filters as the list', async () => {
    const all = await api('/api/v1/stories.rss');
    expect(all.status).toBe(200);
    expect(all.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    expect(parseXml(all.text).attributes.version).toBe('2.0');
    expect(itemsOf(all)).toHaveLength(4);
    const items = itemsOf(await api('/api/v1/stories.rss?region=goettingen'));
    expect(items.map((i) => textOf(i, 'title'))).toEqual(['Fußball verbindet', 'Deutsch lernen in Göttingen']);
    expect(textOf(items[1], 'link')).toBe(`${PUBLIC_URL}/geschichten/deutsch-lernen-in-goettingen`);
  });

  test('Atom with the same filters as the list', async () => {
    const res = await api('/api/v1/stories.atom?theme=sprache');
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const feed = parseXml(res.text);
    expect([feed.uri, feed.local]).toEqual([ATOM, 'feed']);
    expect(childrenOf(feed, ATOM, 'entry')).toHaveLength(2);
    // RFC 4287 4.1.1/4.1.2: the feed names its author, whom every entry inherits; rel="self" is the address asked for.
    expect(childrenOf(childrenOf(feed, ATOM, 'author')[0], ATOM, 'name').map((n) => n.text)).toEqual(['ZUSAMMEN. MEHR.']);
    const self = childrenOf(feed, ATOM, 'link').filter((l) => l.attributes.rel === 'self');
    expect(self.map((l) => l.attributes.href)).toEqual([`${PUBLIC_URL}/api/v1/stories.atom?theme=sprache`]);
    expect((await api('/api/v1/stories.atom?pageSize=500')).status).toBe(400);
  });

  test('oEmbed turns a story address into the privacy-enhanced player', async () => {
    const url = `${PUBLIC_URL}/geschichten/deutsch-lernen-in-goettingen`;
    const body = json(await api(`/api/v1/oembed?url=${encodeURIComponent(url)}`));
    expect(body).toMatchObject({
      version: '1.0',
      type: 'video',
      title: 'Deutsch lernen in Göttingen',
      width: 560,
      height: 315,
      provider_name: 'ZUSAMMEN. MEHR.',
    });
    expect(body.html).toContain('src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"');
    const small = json(await api(`/api/v1/oembed?url=${encodeURIComponent(url)}&maxwidth=320`));
    expect([small.width, small.height]).toEqual([320, 180]);
    const noVideo = json(await api(`/api/v1/oembed?url=${encodeURIComponent(`${PUBLIC_URL}/geschichten/aerztin-aus-ueberzeugung`)}`));
    expect(noVideo).toMatchObject({ type: 'link', title: 'Ärztin aus Überzeugung' });
  });

  test('oEmbed answers 404 for addresses that are not a published story here, 501 for xml', async () => {
    for (const url of [
      'https://example.org/geschichten/deutsch-lernen-in-goettingen',
      `${PUBLIC_URL}/projekte/x`,
      `${PUBLIC_URL}/geschichten/gibt-es-nicht`,
    ]) {
      expect((await api(`/api/v1/oembed?url=${encodeURIComponent(url)}`)).status).toBe(404);
    }
    expect((await api(`/api/v1/oembed?url=${encodeURIComponent(`${PUBLIC_URL}/geschichten/fussball-verbindet`)}&format=xml`)).status).toBe(501);
    expect((await api('/api/v1/oembed')).status).toBe(400);
  });

  test('the OpenAPI document is served and describes itself as 3.1', async () => {
    const res = await api('/api/v1/openapi.json');
    expect(json(res)).toMatchObject({ openapi: '3.1.0', servers: [{ url: `${PUBLIC_URL}/api/v1` }] });
    expect(res.headers['cache-control']).toContain('max-age=3600');
  });
});

describe('HTTP caching', () => {
  test('strong ETag, Last-Modified and Cache-Control with stale-while-revalidate on every answer', async () => {
    for (const url of [
      '/api/v1/stories',
      '/api/v1/stories/fussball-verbindet',
      '/api/v1/regions',
      '/api/v1/stories.rss',
      '/api/v1/stories/removed',
    ]) {
      const res = await api(url);
      expect(res.headers.etag).toMatch(/^"[A-Za-z0-9_-]{20,}"$/);
      expect(new Date(res.headers['last-modified']).getTime()).toBeLessThanOrEqual(Date.now());
      expect(res.headers['cache-control']).toMatch(/public, max-age=\d+, stale-while-revalidate=\d+/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  test('revalidation answers 304 from the cache and from a fresh build alike', async () => {
    const first = await api('/api/v1/stories?region=goettingen');
    const cached = await api('/api/v1/stories?region=goettingen', { 'If-None-Match': first.headers.etag });
    expect(cached.status).toBe(304);
    expect(cached.headers.etag).toBe(first.headers.etag);
    expect(cached.text).toBe('');
    expect((await api('/api/v1/stories?region=goettingen', { 'If-Modified-Since': first.headers['last-modified'] })).status).toBe(304);
    expect((await api('/api/v1/stories?region=goettingen', { 'If-None-Match': '"something-else"' })).status).toBe(200);
    app.strapi.plugin('stories').service('public-api').setResponseCache(true);
    expect((await api('/api/v1/stories?region=goettingen', { 'If-None-Match': first.headers.etag })).status).toBe(304);
  });

  test('a cached answer carries the same headers as a freshly built one', async () => {
    app.strapi.plugin('stories').service('public-api').setResponseCache(true);
    const miss = await api('/api/v1/themes', { Origin: 'https://partner.example' });
    const hit = await api('/api/v1/themes', { Origin: 'https://partner.example' });
    // The request id names one request in the log; answers from the cache are not logged, so they carry none.
    const relevant = (res: request.Response) => {
      const { date, 'x-powered-by': _poweredBy, connection, 'keep-alive': _keepAlive, 'x-request-id': _requestId, ...rest } = res.headers;
      return rest;
    };
    expect(hit.text).toBe(miss.text);
    expect(relevant(hit)).toEqual(relevant(miss));
  });

  test('publishing, changing and unpublishing a story show at once', async () => {
    expect(titles(await api('/api/v1/stories?region=emden'))).toEqual(['Ausbildung in Emden']);
    await app.strapi.documents(STORY).update({ documentId: ids.c, data: { title: 'Ausbildung in Emden und Leer' } as never });
    expect(titles(await api('/api/v1/stories?region=emden'))).toEqual(['Ausbildung in Emden']);
    await app.strapi.documents(STORY).publish({ documentId: ids.c });
    expect(titles(await api('/api/v1/stories?region=emden'))).toEqual(['Ausbildung in Emden und Leer']);
    expect(titles(await api('/api/v1/stories?q=leer'))).toEqual(['Ausbildung in Emden und Leer']);
    const newStory = await createStory(app.strapi, { title: 'Neu in Emden', region: 'emden', themes: ['arbeit'] });
    expect(titles(await api('/api/v1/stories?region=emden'))).toEqual(['Neu in Emden', 'Ausbildung in Emden und Leer']);
    await app.strapi.documents(STORY).unpublish({ documentId: newStory });
    expect(titles(await api('/api/v1/stories?region=emden'))).toEqual(['Ausbildung in Emden und Leer']);
    expect((await api('/api/v1/stories/neu-in-emden')).status).toBe(404);
    const removed = json(await api('/api/v1/stories/removed')).data as { id: string }[];
    expect(removed.map((r) => r.id)).toContain(newStory);
  });

  test('renaming a region shows at once in stories and in the region list', async () => {
    const emden = await documentIdOf(app.strapi, 'api::region.region', 'emden');
    expect(json(await api('/api/v1/stories?region=emden')).data[0].region.name).toBe('Emden');
    await app.strapi.documents('api::region.region').update({ documentId: emden, data: { name: 'Stadt Emden' } as never });
    expect(json(await api('/api/v1/stories?region=emden')).data[0].region.name).toBe('Stadt Emden');
    expect(json(await api('/api/v1/regions')).data.find((r: { slug: string }) => r.slug === 'emden').name).toBe('Stadt Emden');
  });

  test('a video finished by the sync worker shows at once', async () => {
    expect(json(await api('/api/v1/stories/ausbildung-in-emden')).data.youtube).toBeNull();
    await app.strapi.db.query(STATE).update({ where: { storyDocumentId: ids.c }, data: { privacyStatus: 'public' } });
    expect(json(await api('/api/v1/stories/ausbildung-in-emden')).data.youtube.videoId).toBe('ABCDEFGHIJK');
  });

  test("another instance's change reaches this instance through the generation row in the database", async () => {
    const url = '/api/v1/stories/fussball-verbindet';
    expect(json(await api(url)).data.title).toBe('Fußball verbindet');
    const story = app.strapi.db.metadata.get(STORY as never) as unknown as { tableName: string };
    const generation = app.strapi.db.metadata.get('plugin::stories.cache-generation' as never) as unknown as { tableName: string };
    // Written around Strapi, as another instance's commit would be: this instance has no hook that sees it.
    const statements = [
      [`UPDATE ${story.tableName} SET title = 'Fußball verbindet Göttingen' WHERE document_id = '${ids.b}' AND published_at IS NOT NULL`],
      [`UPDATE ${generation.tableName} SET value = value + 1 WHERE name = 'public-api'`],
    ];
    const run = async (sql: string) => {
      if (currentBackend() !== 'postgres') return app.strapi.db.connection.raw(sql);
      const client = new Client({ connectionString: process.env.DATABASE_URL });
      await client.connect();
      try {
        await client.query(`SET search_path TO "${process.env.DATABASE_SCHEMA}"`);
        await client.query(sql);
      } finally {
        await client.end();
      }
    };
    const publicApi = app.strapi.plugin('stories').service('public-api');
    await run(statements[0][0]);
    await publicApi.pollGeneration();
    expect(json(await api(url)).data.title).toBe('Fußball verbindet');
    await run(statements[1][0]);
    await publicApi.pollGeneration();
    const title = json(await api(url)).data.title;
    expect(title).toBe('Fußball verbindet Göttingen');
  });
});

describe('CORS and headers', () => {
  test('any site may read with GET', async () => {
    const res = await api('/api/v1/stories?pageSize=1', { Origin: 'https://partner.example' });
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-expose-headers']).toContain('ETag');
    expect(res.headers.vary).toContain('Origin');
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    const error = await api('/api/v1/stories?nope=1', { Origin: 'https://partner.example' });
    expect(error.headers['access-control-allow-origin']).toBe('*');
  });

  test('preflight requests are answered for GET with the partner key header', async () => {
    const res = await api(
      '/api/v1/stories',
      { Origin: 'https://partner.example', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'x-api-key' },
      'options'
    );
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-allow-methods']).toBe('GET, HEAD, OPTIONS');
    expect(res.headers['access-control-allow-headers']).toContain('X-Api-Key');
  });
});

describe('privacy canary', () => {
  test('no endpoint hands out a private field, a draft or an unpublished edit', async () => {
    const story = `${PUBLIC_URL}/geschichten/deutsch-lernen-in-goettingen`;
    const urls = [
      '/api/v1/stories?pageSize=100',
      '/api/v1/stories?region=goettingen&sort=title',
      '/api/v1/stories?project=sprachcafe-goettingen',
      '/api/v1/stories/deutsch-lernen-in-goettingen',
      '/api/v1/stories.rss?pageSize=100',
      '/api/v1/stories.atom?pageSize=100',
      '/api/v1/stories/removed',
      '/api/v1/regions',
      '/api/v1/themes',
      '/api/v1/projects',
      '/api/v1/playlists',
      `/api/v1/oembed?url=${encodeURIComponent(story)}`,
      '/api/v1/openapi.json',
    ];
    for (const url of urls) expect([url, (await api(url)).status]).toEqual([url, 200]);
    const all = json(await api('/api/v1/stories?pageSize=100')).data as { title: string }[];
    expect(all.map((s) => s.title)).toContain('Deutsch lernen in Göttingen');
  });
});

describe('rate limits and partner keys', () => {
  let token: string;
  let partnerKey: string;
  let partnerDocumentId: string;
  const cm = `/content-manager/collection-types/${PARTNER_KEY}`;

  beforeAll(async () => {
    // Without the response cache every answer is built anew, so the strict per-address limit is the one that counts.
    app = await app.restart({
      ...ENV,
      PUBLIC_API_CACHE: 'false',
      PUBLIC_API_RATE_LIMIT_PER_MINUTE: '3',
      PUBLIC_API_KEY_RATE_LIMIT_PER_MINUTE: '50',
      PUBLIC_API_CORS_ORIGINS: 'https://partner.example',
    });
    token = await adminToken(app.strapi);
  });

  test('an editor creates a partner key in the admin and sees the key once', async () => {
    const created = await request(app.server)
      .post(cm)
      .set('Authorization', `Bearer ${token}`)
      .send({
        name: 'Website Landkreis Göttingen',
        organisation: 'Landkreis Göttingen',
        contactEmail: `${CANARY.toLowerCase()}@landkreis-goettingen.example`,
        keyHash: 'forged',
      });
    expect(created.status).toBe(201);
    partnerKey = created.body.data.newKey;
    partnerDocumentId = created.body.data.documentId;
    expect(partnerKey).toMatch(/^zm_[A-Za-z0-9_-]{32}$/);
    expect(created.body.data.keyPrefix).toBe(partnerKey.slice(0, 9));
    const stored = await app.strapi.db.query(PARTNER_KEY).findOne({ where: { documentId: partnerDocumentId } });
    expect(stored.keyHash).toBe(crypto.createHash('sha256').update(partnerKey).digest('hex'));
    const reopened = await request(app.server).get(`${cm}/${partnerDocumentId}`).set('Authorization', `Bearer ${token}`);
    expect(reopened.body.data.newKey).toBe(partnerKey);
    const saved = await request(app.server)
      .put(`${cm}/${partnerDocumentId}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ ...reopened.body.data, organisation: 'Landkreis Göttingen (Pressestelle)' });
    expect(saved.status).toBe(200);
    expect(saved.body.data.newKey).toBeNull();
    expect((await app.strapi.db.query(PARTNER_KEY).findOne({ where: { documentId: partnerDocumentId } })).keyHash).toBe(stored.keyHash);
  });

  test('anonymous clients get 429 with Retry-After after their limit per minute', async () => {
    const statuses: number[] = [];
    let last: request.Response | undefined;
    for (let i = 0; i < 4; i++) {
      last = await api('/api/v1/themes');
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(Number(last?.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(last?.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(json(last!).error).toMatchObject({ status: 429, name: 'RateLimitError' });
    expect(errorMessage(last!)).toContain('3 per minute');
  });

  test('every spelling of a path counts against the same limit: case, slashes, dot segments, absolute-form', async () => {
    const origin = await originOf(app.server);
    const spellings = ['/API/V1/THEMES', '/Api/v1/Themes/', '//api//v1//themes', '/api/v1/x/../themes', '/%61pi/v1/themes', `${origin}/api/v1/themes`];
    const statuses = await Promise.all(spellings.map(async (target) => (await rawGet(app.server, target)).status));
    expect(statuses).toEqual(spellings.map(() => 429));
  });

  test('a partner key raises the limit, as header or parameter, and its requests are counted', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await api('/api/v1/stories?pageSize=1', { 'X-Api-Key': partnerKey })).status);
    for (let i = 0; i < 4; i++) statuses.push((await api(`/api/v1/regions?apiKey=${encodeURIComponent(partnerKey)}`)).status);
    expect(statuses).toEqual(Array(10).fill(200));
    const limited = await api('/api/v1/themes', { 'X-Api-Key': partnerKey });
    expect(limited.headers['x-ratelimit-limit']).toBe('50');
    const feed = await api(`/api/v1/stories.atom?apiKey=${encodeURIComponent(partnerKey)}`);
    expect(feed.status).toBe(200);
    expect(feed.text).not.toContain(partnerKey);
    await app.strapi.plugin('stories').service('public-api').flushUsage();
    const usage = await app.strapi.db.query('plugin::stories.partner-usage').findMany({ where: { partnerKey: partnerDocumentId } });
    expect(usage.map((u: { day: string; requests: number }) => [u.day, u.requests])).toEqual([[new Date().toISOString().slice(0, 10), 12]]);
    const key = await app.strapi.db.query(PARTNER_KEY).findOne({ where: { documentId: partnerDocumentId } });
    expect(key.lastUsedAt).toBeTruthy();
  });

  test('a partner key with its own limit is held to it, an unknown or deactivated key is refused', async () => {
    const small = await app.strapi
      .documents(PARTNER_KEY as never)
      .create({ data: { name: 'Kleiner Partner', organisation: 'Verein', rateLimitPerMinute: 2 } as never });
    const key = (await app.strapi.db.query(PARTNER_KEY).findOne({ where: { documentId: small.documentId } })).newKey as string;
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await api('/api/v1/themes', { 'X-Api-Key': key })).status);
    expect(statuses).toEqual([200, 200, 429]);
    const unknown = await api('/api/v1/themes', { 'X-Api-Key': 'zm_not-a-key' });
    expect(unknown.status).toBe(401);
    expect(json(unknown).error.name).toBe('UnauthorizedError');
    await app.strapi.documents(PARTNER_KEY as never).update({ documentId: small.documentId, data: { active: false } as never });
    expect((await api('/api/v1/themes', { 'X-Api-Key': key })).status).toBe(401);
  });

  test('with a list of allowed origins, only those get CORS headers', async () => {
    const allowed = await api('/api/v1/themes', { Origin: 'https://partner.example', 'X-Api-Key': partnerKey });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://partner.example');
    const other = await api('/api/v1/themes', { Origin: 'https://other.example', 'X-Api-Key': partnerKey });
    expect(other.status).toBe(200);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('many visitors behind one address', () => {
  beforeAll(async () => {
    app = await app.restart({ ...ENV, PUBLIC_API_CACHE: 'true', PUBLIC_API_RATE_LIMIT_PER_MINUTE: '2', PUBLIC_API_CACHED_RATE_LIMIT_PER_MINUTE: '6' });
  });

  test('answers from the cache are held to the generous limit only', async () => {
    const statuses: number[] = [];
    let last: request.Response | undefined;
    for (let i = 0; i < 8; i++) {
      last = await api('/api/v1/regions');
      statuses.push(last.status);
    }
    // The first request builds the answer (strict counter); the next six are hits, the seventh hit is one too many.
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 429]);
    expect(last?.headers['x-ratelimit-limit']).toBe('6');
    expect(Number(last?.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(errorMessage(last!)).toContain('at most 6 per minute per IP address for answers from the cache');
  });

  test('answers that have to be built are held to the strict limit, whatever the cache holds', async () => {
    const statuses: number[] = [];
    let last: request.Response | undefined;
    for (const page of [1, 2, 3]) {
      last = await api(`/api/v1/stories?pageSize=1&page=${page}`);
      statuses.push(last.status);
    }
    // /api/v1/regions above already spent one of the two.
    expect(statuses).toEqual([200, 429, 429]);
    expect(last?.headers['x-ratelimit-limit']).toBe('2');
    expect(errorMessage(last!)).toContain('at most 2 per minute per IP address without a partner key');
  });
});
