import request from 'supertest';
import { startStrapi, type TestApp } from '../support/strapi';
import { adminToken } from '../support/admin';
import { createProject, createStory } from '../support/fixtures';
import { withdrawConsent } from '../../src/plugins/submissions/server/src/review/withdrawal';
import { embedParams, storiesQuery } from '../../src/plugins/stories/server/src/embed/params';
import { parseParams } from '../../src/plugins/stories/server/src/public-api/params';
import { resolveTables } from '../../src/plugins/stories/server/src/public-api/tables';

/**
 * One visibility rule for every public route: a story is public only when it is published, approved, every person
 * in its consent record agreed to the website, and the consent is withdrawn neither for everything nor for the
 * website. Each hidden story below breaks exactly one condition; a control story breaks none. Every route the
 * public reads stories through is one line in a table, so a new route is one more line.
 */

const PUBLIC_URL = 'http://localhost:1337';
const ENV = { YOUTUBE_SYNC_WORKER: 'false', PUBLIC_API_RATE_LIMIT_PER_MINUTE: '0', PUBLIC_URL };
const STORY = 'api::story.story';
const PERSON = 'consent.person';
const CONSENT = 'consent.record';
const SUBMITTER = { actor: 'Test', actorType: 'submitter' as const };

let app: TestApp;

const get = (url: string) => request(app.server).get(url);

/** The published version's consent record and its people, as stored. */
async function publishedConsent(documentId: string) {
  const row = await app.strapi.db.query(STORY).findOne({
    where: { documentId, publishedAt: { $notNull: true } },
    populate: { consent: { populate: { people: true } } },
  });
  return row.consent as { id: number; people: { id: number }[] };
}

/** Published like any story, then brought into the state under test the way old data or a direct write could. */
const HIDDEN: Record<string, { title: string; hide: (documentId: string) => Promise<void> }> = {
  notApproved: {
    title: 'Nicht freigegeben',
    hide: async (documentId) => {
      await app.strapi.db.query(STORY).updateMany({ where: { documentId, publishedAt: { $notNull: true } }, data: { editorialStatus: 'in_review' } });
    },
  },
  personWithoutWebsiteConsent: {
    title: 'Ohne Zustimmung zur Website',
    hide: async (documentId) => {
      const consent = await publishedConsent(documentId);
      await app.strapi.db.query(PERSON).update({ where: { id: consent.people[1].id }, data: { channelWebsite: false } });
    },
  },
  websiteWithdrawn: {
    title: 'Für die Website widerrufen',
    hide: async (documentId) => {
      await withdrawConsent(app.strapi, { documentId, scope: 'website', actor: SUBMITTER });
    },
  },
  allWithdrawnStillPublished: {
    title: 'Für alles widerrufen',
    hide: async (documentId) => {
      const consent = await publishedConsent(documentId);
      await app.strapi.db.query(CONSENT).update({ where: { id: consent.id }, data: { withdrawnAt: new Date().toISOString() } });
    },
  },
  noConsentRecord: {
    title: 'Ohne Einwilligung',
    hide: async (documentId) => {
      const t = resolveTables(app.strapi);
      const story = await app.strapi.db.query(STORY).findOne({ where: { documentId, publishedAt: { $notNull: true } }, select: ['id'] });
      await app.strapi.db.connection(t.storyComponents.table).where({ [t.storyComponents.entity]: story.id, [t.storyComponents.field]: 'consent' }).delete();
    },
  },
};

const slugs: Record<string, string> = {};
const CONTROL = 'control';

type StoriesIn = (res: request.Response) => string[];
const jsonSlugs: StoriesIn = (res) => (res.body.data as { slug: string }[]).map((s) => s.slug);
/** Feeds and HTML pages link each story they show by its page address. */
const linkedSlugs: StoriesIn = (res) => [...res.text.matchAll(/\/geschichten\/([a-z0-9-]+)/g)].map((m) => m[1]);
const widgetUrl = () => `/api/v1/stories?${new URLSearchParams(storiesQuery(parseParams(embedParams, { region: 'goettingen', limit: '24' })))}`;

/** Routes that list stories: a hidden story is absent, the control present. */
const LIST_ROUTES: [string, () => string, StoriesIn][] = [
  ['v1 list', () => '/api/v1/stories?pageSize=100', jsonSlugs],
  ['v1 list filtered by region, theme and project', () => '/api/v1/stories?region=goettingen&theme=sprache&project=sichtbar-e-v', jsonSlugs],
  ['v1 search', () => '/api/v1/stories?q=sichtbarkeit', jsonSlugs],
  ['v1 list sorted by title', () => '/api/v1/stories?sort=title&pageSize=100', jsonSlugs],
  ['RSS feed', () => '/api/v1/stories.rss', linkedSlugs],
  ['Atom feed', () => '/api/v1/stories.atom', linkedSlugs],
  ['the widget (and so the embed page)', widgetUrl, jsonSlugs],
  ['story list page', () => '/geschichten', linkedSlugs],
  ['story list page filtered', () => '/geschichten?region=goettingen&theme=sprache', linkedSlugs],
];

/** Routes that count stories: every test story shares the region, the theme and the project, so only the control counts. */
const COUNT_ROUTES: [string, string, (res: request.Response) => number][] = [
  ['regions', '/api/v1/regions', (res) => res.body.data.find((r: { slug: string }) => r.slug === 'goettingen').storyCount],
  ['themes', '/api/v1/themes', (res) => res.body.data.find((r: { slug: string }) => r.slug === 'sprache').storyCount],
  ['projects', '/api/v1/projects', (res) => res.body.data.find((r: { slug: string }) => r.slug === 'sichtbar-e-v').storyCount],
];

/** Routes for one story: the control answers 200, a hidden story 404 (410 where a removal was recorded). */
const SINGLE_ROUTES: [string, (slug: string) => string][] = [
  ['v1 story', (slug) => `/api/v1/stories/${slug}`],
  ['oEmbed', (slug) => `/api/v1/oembed?url=${encodeURIComponent(`${PUBLIC_URL}/geschichten/${slug}`)}`],
  ['story page', (slug) => `/geschichten/${slug}`],
];

beforeAll(async () => {
  app = await startStrapi(ENV);
  await createProject(app.strapi, 'Sichtbar e. V.');
  const story = (title: string) =>
    createStory(app.strapi, {
      title,
      region: 'goettingen',
      themes: ['sprache'],
      project: 'sichtbar-e-v',
      data: {
        body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Eine Geschichte über Sichtbarkeit.' }] }],
        consent: {
          consentedBy: 'Test-Einwilligung',
          consentedAt: '2026-01-05T10:00:00.000Z',
          textVersion: 'test-2026-01',
          people: [{ nameOrRole: 'Erzählende Person' }, { nameOrRole: 'Freundin', channelWebsite: true }],
        },
      },
    });
  const control = await story('Sichtbar und freigegeben');
  slugs[CONTROL] = (await app.strapi.db.query(STORY).findOne({ where: { documentId: control }, select: ['slug'] })).slug;
  for (const [name, hidden] of Object.entries(HIDDEN)) {
    const documentId = await story(hidden.title);
    slugs[name] = (await app.strapi.db.query(STORY).findOne({ where: { documentId }, select: ['slug'] })).slug;
    await hidden.hide(documentId);
  }
  // The direct writes above bypass the hooks, as a bulk import does: tell the public API like one.
  await app.strapi.plugin('stories').service('public-api').contentImported();
});
afterAll(async () => {
  await app?.stop();
});

const hiddenNames = Object.keys(HIDDEN);

describe.each(LIST_ROUTES)('%s', (_route, url, storiesIn) => {
  test('shows the control story and none of the hidden ones', async () => {
    const res = await get(url());
    expect(res.status).toBe(200);
    const shown = storiesIn(res);
    expect(shown).toContain(slugs[CONTROL]);
    expect(hiddenNames.filter((name) => shown.includes(slugs[name]))).toEqual([]);
  });
});

test.each(COUNT_ROUTES)('%s count only the control story', async (_route, url, countOf) => {
  const res = await get(url);
  expect(res.status).toBe(200);
  expect(countOf(res)).toBe(1);
});

describe.each(SINGLE_ROUTES)('%s', (_route, url) => {
  test('answers 200 for the control story', async () => {
    expect((await get(url(slugs[CONTROL]))).status).toBe(200);
  });
  test.each(hiddenNames)('is not found for the story that is %s', async (name) => {
    expect([404, 410]).toContain((await get(url(slugs[name]))).status);
  });
});

describe('invalidation first', () => {
  const generation = async () => {
    const g = resolveTables(app.strapi).generations;
    return Number((await app.strapi.db.connection(g.table).where(g.col.name, 'public-api').first({ value: g.col.value })).value);
  };
  const withdraw = async (documentId: string, scope: string) =>
    request(app.server)
      .post(`/submissions/review/submissions/${documentId}/withdraw`)
      .set('Authorization', `Bearer ${await adminToken(app.strapi)}`)
      .send({ scope });

  /** Runs `during` while refreshing the search index fails (its table is gone for a moment). */
  async function withBrokenSearchIndex(during: () => Promise<void>) {
    const search = resolveTables(app.strapi).search.table;
    await app.strapi.db.connection.schema.renameTable(search, `${search}_broken`);
    try {
      await during();
    } finally {
      await app.strapi.db.connection.schema.renameTable(`${search}_broken`, search);
    }
  }

  /** Other instances learn of a change from the generation row: waits until it moved past `before`. */
  async function generationAfter(before: number) {
    let now = before;
    for (let waited = 0; waited < 3000 && now === before; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      now = await generation();
    }
    return now;
  }

  test('a story withdrawn for the website leaves a cached answer at once, even when refreshing the search index fails', async () => {
    const documentId = await createStory(app.strapi, { title: 'Gleich zurückgezogen', region: 'goettingen', themes: ['sprache'] });
    const { slug } = await app.strapi.db.query(STORY).findOne({ where: { documentId }, select: ['slug'] });
    const url = '/api/v1/stories?region=goettingen&pageSize=50';
    expect(jsonSlugs(await get(url))).toContain(slug);
    const before = await generation();
    await withBrokenSearchIndex(async () => {
      expect((await withdraw(documentId, 'website')).status).toBe(200);
      expect(jsonSlugs(await get(url))).not.toContain(slug);
      expect(await generationAfter(before)).toBeGreaterThan(before);
    });
    const removed = await get('/api/v1/stories/removed?pageSize=100');
    expect(removed.body.data).toContainEqual(expect.objectContaining({ id: documentId, slug, reason: 'consent_withdrawn' }));
  });

  test('a YouTube withdrawal (no removal to record) still moves the generation when refreshing the search index fails', async () => {
    const documentId = await createStory(app.strapi, { title: 'Video zurückgezogen', region: 'goettingen', themes: ['sprache'], data: { youtubeVideoId: 'abcdefghijk' } });
    const { slug } = await app.strapi.db.query(STORY).findOne({ where: { documentId }, select: ['slug'] });
    expect((await get(`/api/v1/stories/${slug}`)).body.data.youtube).not.toBeNull();
    const before = await generation();
    await withBrokenSearchIndex(async () => {
      expect((await withdraw(documentId, 'youtube')).status).toBe(200);
      expect(await generationAfter(before)).toBeGreaterThan(before);
      expect((await get(`/api/v1/stories/${slug}`)).body.data.youtube).toBeNull();
    });
  });
});
