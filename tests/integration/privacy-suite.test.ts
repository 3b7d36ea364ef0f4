import crypto from 'crypto';
import request from 'supertest';
import { startStrapi, type TestApp } from '../support/strapi';
import { createProject, createStory } from '../support/fixtures';
import { originOf, rawGet, type RawAnswer } from '../support/raw-request';
import { adult, asFormFields, jpegBytes, videoBytes, writtenStory } from '../support/submission';

/**
 * The privacy suite: a canary — one unique token in every field a submitter fills in and in the names of the files
 * they upload — is submitted and stays unreviewed; a published story carries the token in every private field and
 * an unpublished edit; a story whose website consent was withdrawn carries it in its title. Then every GET route
 * Strapi's router knows is asked for everything it can be asked for, in every spelling of its path, and no answer may
 * contain the token, a private field or a draft.
 */

const TOKEN = `Kanarie${crypto.randomBytes(4).toString('hex')}`;
const STORY = 'api::story.story';
const PRIVATE_KEYS = ['internalNotes', 'editorialStatus', 'submitter', 'consent', 'signedForm', 'referenceNumber', 'email', 'phone'];

/** What a curious visitor appends: drafts, previews, everything populated, filters on publication. */
const QUERIES = [
  '',
  'status=draft',
  'populate=*',
  'status=draft&populate=*',
  'populate[stories][populate]=*',
  'populate[0]=video&populate[1]=cover&populate[2]=consent',
  'publicationState=preview',
  'filters[publishedAt][$null]=true',
  'pagination[pageSize]=100&status=draft&populate[region][populate][stories][populate]=*',
];

/** Spellings of one path that Koa's router, Node or a proxy may read as the same resource. */
const SPELLINGS: Record<string, (path: string, origin: string) => string> = {
  'as registered': (p) => p,
  'upper case': (p) => p.toUpperCase(),
  'mixed case': (p) => p.replace(/\/(\w)/g, (_m, c: string) => `/${c.toUpperCase()}`),
  'doubled slash': (p) => p.replace('/', '//').replace(/^\/\/+/, '/').replace(/\/([^/]+)\//, '//$1//'),
  'trailing slash': (p) => `${p}/`,
  'percent-encoded letter': (p) => p.replace(/\/([a-z])/, (_m, c: string) => `/%${c.charCodeAt(0).toString(16)}`),
  'dot segment': (p) => p.replace(/^\/([^/]+)/, '/$1/.'),
  'parent segment': (p) => p.replace(/^\/([^/]+)/, '/$1/x/..'),
  'absolute form': (p, origin) => `${origin}${p}`,
};

/** Routes of the admin panel's own API: asked in fewer variations, they all need an editor's login. */
const ADMIN_PREFIXES = ['/admin', '/content-manager', '/content-type-builder', '/upload', '/i18n', '/users-permissions', '/email', '/content-releases', '/review-workflows', '/youtube-sync'];

let app: TestApp;
let origin: string;
const ids: Record<string, string> = {};

type Probe = RawAnswer;

/** A raw GET with the request target exactly as given (supertest would normalise absolute-form and dot segments). */
const get = (target: string) => rawGet(app.server, target);

/**
 * Answers that describe input fields rather than carry stored data: the OpenAPI document and the form's options
 * name fields such as `email` or `internalNotes` (of the Art. 15 export) by design.
 */
const DESCRIBES_FIELDS = ['/api/v1/openapi.json', '/api/v1/submissions/options'];

/** What is wrong with an answer, if anything; `asked` is the value the request itself carried (a 404 may echo it). */
function leaks(probe: Probe, route: string, asked: string | null): string[] {
  const found: string[] = [];
  const body = asked ? probe.body.split(asked).join('').split(asked.toLowerCase()).join('') : probe.body;
  if (body.toLowerCase().includes(TOKEN.toLowerCase())) found.push('the canary token');
  if (body.includes(ids.draftOnly)) found.push('the draft-only story');
  // A 400 may echo the key the client itself asked for ("Invalid key consent"); any other answer must not name it.
  if (probe.status !== 400 && probe.contentType.includes('json') && !DESCRIBES_FIELDS.includes(route)) {
    for (const key of PRIVATE_KEYS) if (body.includes(`"${key}"`)) found.push(`the private field ${key}`);
  }
  return found;
}

/** The route's path with every parameter set to each candidate value (the value is null for a route without any). */
function routeTargets(path: string, candidates: string[]): { target: string; asked: string | null }[] {
  const withParams = path.replace(/\(\.\*\)/g, ':wildcard');
  if (!withParams.includes(':')) return [{ target: withParams, asked: null }];
  return candidates.map((value) => ({ target: withParams.replace(/:[A-Za-z_]+(\([^)]*\))?\??/g, encodeURIComponent(value)), asked: value }));
}

const isAdminRoute = (path: string) => ADMIN_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

async function submitCanary() {
  const people = [
    { ...adult(`${TOKEN} Person Eins`) },
    { nameOrRole: `${TOKEN} Kind`, minor: true, guardians: `${TOKEN} Eltern`, guardianConsent: true, channelWebsite: true, channelYoutube: true },
  ];
  const form = asFormFields(
    request(app.server).post('/api/v1/submissions'),
    writtenStory({
      title: `${TOKEN} Geschichte`,
      story: `${TOKEN} erzählt: Vor drei Jahren kam ich nach Göttingen und lerne heute Pflege.`,
      name: `${TOKEN} Name`,
      email: `${TOKEN.toLowerCase()}@example.org`,
      phone: `+49 551 ${parseInt(TOKEN.slice(-4), 16)}`,
      organisation: `${TOKEN} Verein`,
      people,
      consentGuardian: true,
    }) as never
  )
    .attach('video', videoBytes(), { filename: `${TOKEN}-video.mp4`, contentType: 'video/mp4' })
    .attach('cover', await jpegBytes(1280, 720), { filename: `${TOKEN}-cover.jpg`, contentType: 'image/jpeg' });
  const res = await form;
  expect({ status: res.status, body: res.body }).toEqual({ status: 201, body: expect.objectContaining({ referenceNumber: expect.any(String) }) });
  const row = await app.strapi.db.query(STORY).findOne({ where: { referenceNumber: res.body.referenceNumber }, select: ['documentId', 'slug'] });
  ids.canary = row.documentId;
  ids.canarySlug = row.slug;
}

async function publishedStories() {
  await createProject(app.strapi, 'Sprachcafé Nordstadt', {
    contact: { name: `${TOKEN} Kontakt`, email: `${TOKEN.toLowerCase()}-project@example.org` },
  });
  ids.published = await createStory(app.strapi, {
    title: 'Vom Sprachkurs in die Ausbildung',
    region: 'region-hannover',
    themes: ['sprache', 'ausbildung'],
    project: 'sprachcafe-nordstadt',
    data: {
      internalNotes: `${TOKEN}-notes`,
      submitter: { name: `${TOKEN}-submitter`, email: `${TOKEN.toLowerCase()}-submitter@example.org`, phone: '+49 511 1' },
      consent: {
        consentedBy: `${TOKEN}-consented-by`,
        consentedAt: '2026-05-01T10:00:00.000Z',
        textVersion: 'v1',
        withdrawalNote: `${TOKEN}-withdrawal-note`,
        people: [{ nameOrRole: `${TOKEN}-person`, channelWebsite: true, channelYoutube: true }],
      },
    },
  });
  await app.strapi.documents(STORY).update({ documentId: ids.published, data: { teaser: `${TOKEN}-unpublished-edit` } as never });
  ids.publishedSlug = (await app.strapi.db.query(STORY).findOne({ where: { documentId: ids.published }, select: ['slug'] })).slug;

  ids.withdrawn = await createStory(app.strapi, {
    title: `${TOKEN} nur noch auf YouTube`,
    region: 'goettingen',
    themes: ['sport'],
    data: { slug: 'website-widerrufen', consent: { consentedBy: `withdrawn-${TOKEN}`, consentedAt: '2026-05-01T10:00:00.000Z', textVersion: 'v1', people: [{ nameOrRole: 'Erzählende Person' }] } },
  });
  await app.strapi.db.query('consent.record').updateMany({ where: { consentedBy: `withdrawn-${TOKEN}` }, data: { websiteWithdrawnAt: new Date() } });
  ids.draftOnly = await createStory(app.strapi, { title: `${TOKEN} nur Entwurf`, region: 'goettingen', publish: false });
}

beforeAll(async () => {
  app = await startStrapi({ PUBLIC_API_RATE_LIMIT_PER_MINUTE: '0', SUBMISSION_RATE_LIMIT_PER_HOUR: '0' });
  origin = await originOf(app.server);
  await submitCanary();
  await publishedStories();
});
afterAll(async () => {
  await app?.stop();
});

const getRoutes = () =>
  (app.strapi.server.listRoutes() as { path: string; methods: string[] }[])
    .filter((route) => route.methods.includes('GET'))
    .map((route) => route.path)
    .filter((path, index, all) => all.indexOf(path) === index);

describe('nothing unreviewed or withdrawn is public, whatever the request looks like', () => {
  test('the control story is public (otherwise the suite below would prove nothing)', async () => {
    const list = await get('/api/v1/stories?pageSize=50');
    expect(list.status).toBe(200);
    expect(JSON.parse(list.body).data.map((s: { title: string }) => s.title)).toEqual(['Vom Sprachkurs in die Ausbildung']);
    expect((await get(`/geschichten/${ids.publishedSlug}`)).status).toBe(200);
  });

  test('every GET route the router knows, with drafts, populate and filters asked for, in every spelling, leaks nothing', async () => {
    const candidates = [ids.canary, ids.canarySlug, ids.withdrawn, 'website-widerrufen', ids.draftOnly, STORY, '1'];
    const routes = getRoutes();
    const failures: string[] = [];
    let probes = 0;
    const probe = async (route: string, target: string, asked: string | null, spelling: string, query: string) => {
      const spelled = SPELLINGS[spelling](target, origin);
      const answer = await get(query ? `${spelled}?${query}` : spelled);
      probes += 1;
      const found = leaks(answer, route, asked);
      if (found.length) failures.push(`${answer.target} (${spelling}) → ${answer.status} contains ${found.join(', ')}`);
    };
    const pending: (() => Promise<void>)[] = [];
    for (const route of routes) {
      const admin = isAdminRoute(route);
      // Every parameter set in the registered spelling, every spelling with the greediest parameters.
      const queries = admin ? ['', 'status=draft&populate=*'] : QUERIES;
      const spellings = admin ? ['upper case'] : Object.keys(SPELLINGS).filter((name) => name !== 'as registered');
      for (const { target, asked } of routeTargets(route, candidates)) {
        for (const query of queries) pending.push(() => probe(route, target, asked, 'as registered', query));
        for (const spelling of spellings) pending.push(() => probe(route, target, asked, spelling, 'status=draft&populate=*'));
      }
    }
    // A few requests in flight at once, as visitors would send them; each answer is checked on its own.
    const worker = async () => {
      for (let next = pending.shift(); next; next = pending.shift()) await next();
    };
    await Promise.all(Array.from({ length: 6 }, worker));
    process.stdout.write(`privacy suite: ${routes.length} GET routes, ${probes} probes\n`);
    expect(routes.length).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  });

  test.each(['stories', 'regions', 'projects', 'themes', 'upload/files', 'users'])(
    "Strapi's core route /api/%s is closed to the public in every spelling",
    async (type) => {
      for (const [spelling, spell] of Object.entries(SPELLINGS)) {
        const probe = await get(`${spell(`/api/${type}`, origin)}?status=draft&populate=*`);
        expect({ spelling, status: probe.status }).toEqual({ spelling, status: expect.any(Number) });
        expect([401, 403, 404]).toContain(probe.status);
      }
    }
  );

  test('nobody writes through the core routes or signs up for an account, in any spelling', async () => {
    for (const spell of [SPELLINGS['as registered'], SPELLINGS['upper case'], SPELLINGS['trailing slash']]) {
      const write = await request(app.server).post(spell('/api/stories', origin)).send({ data: { title: 'Von außen' } });
      expect([401, 403]).toContain(write.status);
      const signUp = await request(app.server)
        .post(spell('/api/auth/local/register', origin))
        .send({ username: 'intruder', email: 'intruder@example.org', password: 'Intruder12345' });
      expect([401, 403]).toContain(signUp.status);
    }
    expect(await app.strapi.db.query(STORY).count({ where: { title: 'Von außen' } })).toBe(0);
    expect(await app.strapi.db.query('plugin::users-permissions.user').count()).toBe(0);
  });

  test('no file of the unreviewed submission is reachable without a login', async () => {
    const story = await app.strapi.db.query(STORY).findOne({ where: { documentId: ids.canary }, populate: ['video', 'cover'] });
    const urls = [story.video, story.cover].flatMap((file: { url: string; formats?: Record<string, { url: string }> } | null) =>
      file ? [file.url, ...Object.values(file.formats ?? {}).map((format) => format.url)] : []
    );
    expect(urls.length).toBeGreaterThanOrEqual(2);
    for (const url of urls) {
      const path = url.startsWith('http') ? new URL(url).pathname : url;
      for (const spell of [SPELLINGS['as registered'], SPELLINGS['upper case'], SPELLINGS['dot segment']]) {
        const probe = await get(spell(path, origin));
        expect({ url: probe.target, status: probe.status }).toEqual({ url: probe.target, status: expect.not.stringMatching(/^2/) });
        expect(probe.status).toBeGreaterThanOrEqual(400);
      }
    }
  });

  test('every HTML page sends its security headers', async () => {
    const pages = ['/geschichten', `/geschichten/${ids.publishedSlug}`, '/mitmachen', '/mitmachen/danke', '/embed/stories', '/widerruf', '/melden', '/impressum', '/datenschutz', '/barrierefreiheit', '/teilnahmebedingungen', '/geschichten/gibt-es-nicht'];
    for (const page of pages) {
      const probe = await get(page);
      expect({ page, type: probe.contentType }).toEqual({ page, type: expect.stringContaining('text/html') });
      const h = probe.headers;
      expect({ page, csp: Boolean(h['content-security-policy']) }).toEqual({ page, csp: true });
      expect({ page, nosniff: h['x-content-type-options'] }).toEqual({ page, nosniff: 'nosniff' });
      expect({ page, referrer: Boolean(h['referrer-policy']) }).toEqual({ page, referrer: true });
      const framing = String(h['content-security-policy']).includes('frame-ancestors') || Boolean(h['x-frame-options']);
      expect({ page, framing }).toEqual({ page, framing: true });
    }
  });
});
