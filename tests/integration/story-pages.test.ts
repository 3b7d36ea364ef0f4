import request from 'supertest';
import sharp from 'sharp';
import { startStrapi, type TestApp } from '../support/strapi';
import { createProject, createStory, documentIdOf } from '../support/fixtures';
import { addCoverImage, addMarkedSignedForm } from '../support/media';
import { cspDirectives } from '../support/headers';
import { withdrawConsent } from '../../src/plugins/submissions/server/src/review/withdrawal';

/**
 * The public story pages as a visitor's browser (and a crawler, and a shared cache) meets them over HTTP: what a
 * story page and the list show, what they never show (a canary planted in every private field, every draft and
 * every unpublished edit), 404 and 410, the filters and their 400, and revalidation with ETag and Last-Modified.
 */

const PUBLIC_URL = 'http://localhost:1337';
const CANARY = 'CANARY9d4c';
const STORY = 'api::story.story';
const ENV = { YOUTUBE_SYNC_WORKER: 'false', PUBLIC_API_RATE_LIMIT_PER_MINUTE: '0', PUBLIC_URL };

let app: TestApp;
const ids: Record<string, string> = {};
let coverHash: string;

const get = (url: string, headers: Record<string, string> = {}) => request(app.server).get(url).set(headers);

/** Every page any test here receives is searched for the canary. */
async function page(url: string, headers: Record<string, string> = {}) {
  const res = await get(url, headers);
  expect({ url, leaked: res.text?.toLowerCase().includes(CANARY.toLowerCase()) ?? false }).toEqual({ url, leaked: false });
  return res;
}

const cardTitles = (html: string) => [...html.matchAll(/<h3 class="story-card__title"><a href="[^"]+">([^<]+)<\/a><\/h3>/g)].map((m) => m[1]);
const attribute = (html: string, tag: RegExp, name: string) => html.match(tag)?.[0].match(new RegExp(`${name}="([^"]*)"`))?.[1];
const metaContent = (html: string, key: string) => attribute(html, new RegExp(`<meta (?:name|property)="${key}" content="[^"]*">`), 'content');
const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });
const canaryContact = (what: string) => ({
  name: `${CANARY}-${what}-name`,
  email: `${CANARY.toLowerCase()}-${what}@example.org`,
  phone: `+49 ${CANARY}-${what}`,
  organisation: `${CANARY}-${what}-org`,
});

async function coverWithSizes() {
  const file = await addCoverImage(app.strapi, 'sprachcafe');
  const format = (prefix: string, width: number) => ({ url: `/uploads/${prefix}_${file.hash}.png`, width, height: Math.round((width * 10) / 16), mime: 'image/png' });
  await app.strapi.db.query('plugin::upload.file').update({
    where: { id: file.id },
    data: { alternativeText: 'Menschen am Tisch im Sprachcafé', formats: { small: format('small', 500), medium: format('medium', 750), large: format('large', 1000) } },
  });
  return file;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  app = await startStrapi(ENV);
  const strapi = app.strapi;
  const signedForm = await addMarkedSignedForm(strapi, CANARY);
  await createProject(strapi, 'Sprachcafé Göttingen', {
    organisation: 'Nachbarschaftshilfe Göttingen e. V.',
    website: 'https://sprachcafe.example',
    contact: canaryContact('project'),
    regions: [await documentIdOf(strapi, 'api::region.region', 'goettingen')],
  });
  const cover = await coverWithSizes();
  coverHash = cover.hash;
  ids.wolfsburg = await createStory(strapi, { title: 'Erste Schritte in Wolfsburg', region: 'wolfsburg', themes: ['arbeit'] });
  await pause(20);
  ids.cafe = await createStory(strapi, {
    title: 'Deutsch lernen im Sprachcafé',
    region: 'goettingen',
    themes: ['sprache', 'ehrenamt-und-vereine'],
    project: 'sprachcafe-goettingen',
    data: {
      teaser: 'Jeden Dienstag üben Nachbarinnen und Neuankommende Deutsch.',
      body: [
        { type: 'heading', level: 1, children: [{ type: 'text', text: 'Wie alles begann' }] },
        paragraph('Hallo <script>alert("xss")</script> – wir treffen uns im Sprachcafé.'),
        { type: 'paragraph', children: [{ type: 'link', url: 'https://sprachcafe.example/termine', children: [{ type: 'text', text: 'Termine' }] }] },
      ],
      language: 'ar',
      place: 'Göttingen-Weende',
      recordedOn: '2026-01-20',
      cover: cover.id,
      youtubeVideoId: 'dQw4w9WgXcQ',
      credits: [{ name: 'Merve Aydın', role: 'Interview' }, { name: 'Jonas Weber' }],
      referenceNumber: `${CANARY}-REF`,
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
  await pause(20);
  ids.football = await createStory(strapi, {
    title: 'Fußball verbindet',
    region: 'goettingen',
    themes: ['sport'],
    data: { teaser: 'Training an der Weender Straße.', body: [paragraph('Dienstags und donnerstags trainieren alle zusammen.')] },
  });
  await pause(20);
  ids.wuemme = await createStory(strapi, {
    title: 'Ausbildung in Lüchow-Dannenberg',
    region: 'luechow-dannenberg',
    themes: ['ausbildung'],
    data: { teaser: 'Vom Wendland in die Werkstatt.' },
  });
  await createStory(strapi, { title: `Noch nicht fertig ${CANARY}`, region: 'goettingen', themes: ['sprache'], publish: false });
  ids.gone = await createStory(strapi, {
    title: 'Kurz online',
    region: 'goettingen',
    themes: ['sport'],
    data: { teaser: 'Dieser Text darf nicht mehr erscheinen.', body: [paragraph('Verschwundener Inhalt.')] },
  });
  await strapi.documents(STORY).unpublish({ documentId: ids.gone });
  ids.withdrawn = await createStory(strapi, { title: 'Einwilligung zurückgezogen', region: 'emden', themes: ['kultur'] });
  await withdrawConsent(strapi, { documentId: ids.withdrawn, scope: 'all', actor: { actor: 'Test', actorType: 'submitter' } });
  await strapi.documents(STORY).update({ documentId: ids.cafe, data: { teaser: `${CANARY}-unpublished-edit` } as never });
});

afterAll(async () => {
  await app?.stop();
  for (const name of Object.keys(ENV)) delete process.env[name];
});

const slugOf = async (documentId: string) =>
  (await app.strapi.db.query(STORY).findOne({ where: { documentId, publishedAt: { $null: true } }, select: ['slug'] })).slug as string;

describe('a story page', () => {
  test('shows the story: title, teaser, body, cover, region, project, themes, credits, date and the language of its video', async () => {
    const res = await page('/geschichten/deutsch-lernen-im-sprachcafe');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = res.text;
    expect(html).toContain('<h1 id="story-title">Deutsch lernen im Sprachcafé</h1>');
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(html).toContain('<title>Deutsch lernen im Sprachcafé – ZUSAMMEN. MEHR.</title>');
    expect(html).toContain('Jeden Dienstag üben Nachbarinnen und Neuankommende Deutsch.');
    // The body's own first-level heading sits below the page title.
    expect(html).toContain('<h2>Wie alles begann</h2>');
    expect(html).toContain('<p>Hallo &lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt; – wir treffen uns im Sprachcafé.</p>');
    expect(html).toContain('<p><a href="https://sprachcafe.example/termine" rel="noopener">Termine</a></p>');
    expect(html).toContain(
      `srcset="${PUBLIC_URL}/uploads/small_${coverHash}.png 500w, ${PUBLIC_URL}/uploads/medium_${coverHash}.png 750w, ` +
        `${PUBLIC_URL}/uploads/large_${coverHash}.png 1000w, ${PUBLIC_URL}/uploads/${coverHash}.png 1600w"`
    );
    expect(html).toMatch(/<img src="[^"]+medium_[^"]+" [^>]*width="750" height="469" class="story-media__cover" alt="Menschen am Tisch im Sprachcafé"/);
    expect(html).toContain('<a href="/geschichten?region=goettingen">Göttingen</a>');
    expect(html).toContain('<a href="/geschichten?project=sprachcafe-goettingen">Sprachcafé Göttingen</a>');
    expect(html).toContain('Träger: Nachbarschaftshilfe Göttingen e. V.');
    expect(html).toContain('<li><a href="/geschichten?theme=sprache">Sprache</a></li><li><a href="/geschichten?theme=ehrenamt-und-vereine">Ehrenamt und Vereine</a></li>');
    expect(html).toContain('<li>Interview: Merve Aydın</li><li>Jonas Weber</li>');
    expect(html).toContain('<dt>Sprache des Videos</dt><dd>Arabisch</dd>');
    expect(html).toContain('<dd>Göttingen-Weende</dd>');
    expect(html).toContain('<time datetime="2026-01-20">20. Januar 2026</time>');
    const api = JSON.parse((await get('/api/v1/stories/deutsch-lernen-im-sprachcafe')).text).data;
    const published = new Intl.DateTimeFormat('de-DE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Berlin' }).format(new Date(api.publishedAt));
    expect(html).toContain(`Veröffentlicht am <time datetime="${api.publishedAt}">${published}</time>`);
    expect(html).toContain('<a href="/melden?story=deutsch-lernen-im-sprachcafe">Inhalt melden</a>');
    expect(html).toContain('<a class="button story-cta__button" href="/mitmachen">Jetzt mitmachen</a>');
  });

  test('links other stories of the region, not itself', async () => {
    const html = (await page('/geschichten/deutsch-lernen-im-sprachcafe')).text;
    expect(html).toContain('<h2 id="weitere-titel">Weitere Geschichten aus Göttingen</h2>');
    expect(cardTitles(html)).toEqual(['Fußball verbindet']);
  });

  test('tells search engines, social networks, feed readers and oEmbed consumers where and what it is', async () => {
    const html = (await page('/geschichten/deutsch-lernen-im-sprachcafe')).text;
    const link = `${PUBLIC_URL}/geschichten/deutsch-lernen-im-sprachcafe`;
    expect(html).toContain(`<link rel="canonical" href="${link}">`);
    expect(metaContent(html, 'description')).toBe('Jeden Dienstag üben Nachbarinnen und Neuankommende Deutsch.');
    expect(metaContent(html, 'og:type')).toBe('article');
    expect(metaContent(html, 'og:title')).toBe('Deutsch lernen im Sprachcafé');
    expect(metaContent(html, 'og:url')).toBe(link);
    expect(metaContent(html, 'og:image')).toBe(`${link}/vorschau.jpg`);
    expect(metaContent(html, 'og:image:width')).toBe('1200');
    expect(metaContent(html, 'og:image:height')).toBe('630');
    expect(metaContent(html, 'og:image:alt')).toBe('Menschen am Tisch im Sprachcafé – Deutsch lernen im Sprachcafé');
    expect(metaContent(html, 'twitter:card')).toBe('summary_large_image');
    expect(metaContent(html, 'twitter:image')).toBe(`${link}/vorschau.jpg`);
    const oembed = attribute(html, /<link rel="alternate" type="application\/json\+oembed"[^>]*>/, 'href')!.replace(/&amp;/g, '&');
    expect(oembed).toBe(`${PUBLIC_URL}/api/v1/oembed?url=${encodeURIComponent(link)}&format=json`);
    expect(html).toContain(`<link rel="alternate" type="application/rss+xml" title="ZUSAMMEN. MEHR. – Geschichten (RSS)" href="${PUBLIC_URL}/api/v1/stories.rss">`);
    expect(html).toContain(`<link rel="alternate" type="application/atom+xml" title="ZUSAMMEN. MEHR. – Geschichten (Atom)" href="${PUBLIC_URL}/api/v1/stories.atom">`);
    // The discovered oEmbed address answers for this page.
    const answer = await get(oembed.replace(PUBLIC_URL, ''));
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toMatchObject({ type: 'video', title: 'Deutsch lernen im Sprachcafé' });
  });

  test('loads no video itself: the widget script plays it after two clicks, under a policy that frames only youtube-nocookie', async () => {
    const res = await page('/geschichten/deutsch-lernen-im-sprachcafe');
    const html = res.text;
    expect(html).toContain('<script src="/embed/stories.js" data-story="deutsch-lernen-im-sprachcafe" data-target="#story-player" defer></script>');
    expect(html).toContain('<a class="story-media__fallback" href="https://www.youtube.com/watch?v=dQw4w9WgXcQ" rel="noopener">');
    expect(html).not.toMatch(/<iframe|youtube-nocookie|ytimg|googleapis|gstatic/);
    // No inline script or style: every <script> has a src, no style attributes or elements.
    expect(html.match(/<script(?![^>]*\ssrc=)[^>]*>/g)).toBeNull();
    expect(html).not.toMatch(/<style|\sstyle="/);
    const csp = cspDirectives(res);
    expect(csp['frame-src']).toBe('https://www.youtube-nocookie.com');
    expect(csp['script-src']).toBe("'self'");
    expect(csp['style-src']).toBe("'self'");
    expect(csp['default-src']).toBe("'none'");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  test('a story without a video shows its text only, and no player', async () => {
    const html = (await page('/geschichten/fussball-verbindet')).text;
    expect(html).toContain('<h1 id="story-title">Fußball verbindet</h1>');
    expect(html).toContain('<p>Dienstags und donnerstags trainieren alle zusammen.</p>');
    expect(html).not.toContain('stories.js');
    expect(html).not.toContain('story-media');
    expect(html).not.toContain('Sprache des Videos');
    // Without a cover, the link picture shows the title on the claim's blue.
    expect(metaContent(html, 'twitter:card')).toBe('summary_large_image');
    expect(metaContent(html, 'og:image')).toBe(`${PUBLIC_URL}/geschichten/fussball-verbindet/vorschau.jpg`);
  });

  test('other pages do not frame YouTube', async () => {
    const res = await get('/mitmachen');
    expect(cspDirectives(res)['frame-src'] ?? '').not.toContain('youtube');
  });
});

describe('sharing', () => {
  const storyLink = `${PUBLIC_URL}/geschichten/deutsch-lernen-im-sprachcafe`;
  const shareAnchors = (html: string) =>
    [...(html.match(/<ul class="share__links"[^>]*>(.*?)<\/ul>/s)?.[1] ?? '').matchAll(/<a class="share__link" href="([^"]+)"([^>]*)>([^<]+)</g)].map((m) => ({
      name: m[3],
      href: m[1].replace(/&amp;/g, '&'),
      rel: m[2].match(/rel="([^"]+)"/)?.[1] ?? null,
    }));

  test("a story page offers plain share links to the story's own address, without tracking parameters", async () => {
    const html = (await page('/geschichten/deutsch-lernen-im-sprachcafe')).text;
    const links = shareAnchors(html);
    expect(links.map((link) => link.name)).toEqual(['E-Mail', 'WhatsApp', 'Telegram', 'Mastodon', 'Bluesky', 'Facebook', 'LinkedIn', 'X']);
    for (const link of links) {
      const url = new URL(link.href);
      expect({ name: link.name, tracking: [...url.searchParams.keys()].filter((key) => /^(utm_|fbclid|gclid|ref)/i.test(key)) }).toEqual({ name: link.name, tracking: [] });
      const carried = [...url.searchParams.values()].join(' ');
      if (link.name === 'Mastodon') expect(link.href).toBe(`${PUBLIC_URL}/teilen/mastodon?geschichte=deutsch-lernen-im-sprachcafe`);
      else expect({ name: link.name, carriesLink: carried.includes(storyLink) }).toEqual({ name: link.name, carriesLink: true });
      if (url.protocol === 'https:') expect(link.rel).toBe('noopener noreferrer');
    }
    expect(links.find((link) => link.name === 'WhatsApp')?.href).toBe(`https://wa.me/?text=${encodeURIComponent(`Deutsch lernen im Sprachcafé ${storyLink}`)}`);
    // The device's share sheet: a button that share.js shows only where the browser has the Web Share API.
    expect(html).toContain(`<button type="button" class="button share__native" data-share-title="Deutsch lernen im Sprachcafé" data-share-url="${storyLink}" hidden>Teilen</button>`);
    expect(html).toContain('<script src="/assets/share.js" defer></script>');
    // Nothing of the networks is loaded by the page itself.
    expect(html).not.toMatch(/<(script|img|iframe|link)[^>]+(facebook|twitter|x\.com|linkedin|bsky|whatsapp|t\.me|telegram)/i);
  });

  test('the link picture is a 1200×630 JPEG, drawn once and answered the same, and not found for a story the public may not see', async () => {
    const res = await get('/geschichten/deutsch-lernen-im-sprachcafe/vorschau.jpg');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/jpeg');
    const body = res.body as Buffer;
    expect(await sharp(body).metadata()).toMatchObject({ format: 'jpeg', width: 1200, height: 630 });
    // The cover (red, 1600×1000) fills the picture's top; the bottom carries the title on the dark blue shade.
    const { data } = await sharp(body).extract({ left: 900, top: 200, width: 1, height: 1 }).raw().toBuffer({ resolveWithObject: true });
    expect(data[0]).toBeGreaterThan(150);
    const again = await get('/geschichten/deutsch-lernen-im-sprachcafe/vorschau.jpg', { 'If-None-Match': res.headers.etag });
    expect(again.status).toBe(304);
    expect(await sharp((await get('/geschichten/fussball-verbindet/vorschau.jpg')).body as Buffer).metadata()).toMatchObject({ width: 1200, height: 630 });

    const draft = await slugOf((await app.strapi.db.query(STORY).findOne({ where: { title: `Noch nicht fertig ${CANARY}` }, select: ['documentId'] })).documentId);
    for (const slug of [draft, await slugOf(ids.gone), await slugOf(ids.withdrawn), 'gibt-es-nicht']) {
      const hidden = await page(`/geschichten/${slug}/vorschau.jpg`);
      expect({ slug, status: hidden.status, type: hidden.headers['content-type'] }).toEqual({ slug, status: 404, type: 'text/html; charset=utf-8' });
    }
  });

  test('Mastodon: the visitor names an instance and gets a plain link to its share form; nonsense and hidden stories are refused', async () => {
    const ask = await page('/teilen/mastodon?geschichte=deutsch-lernen-im-sprachcafe');
    expect(ask.status).toBe(200);
    expect(ask.headers['cache-control']).toBe('no-store');
    expect(ask.text).toContain('<label for="instanz">Ihre Mastodon-Instanz</label>');
    const text = encodeURIComponent(`Deutsch lernen im Sprachcafé ${storyLink}`);
    for (const typed of ['norden.social', 'https://Norden.Social/', '@amal@norden.social']) {
      const res = await page(`/teilen/mastodon?geschichte=deutsch-lernen-im-sprachcafe&instanz=${encodeURIComponent(typed)}`);
      expect({ typed, status: res.status }).toEqual({ typed, status: 200 });
      expect(res.text).toContain(`<a class="button button--primary" href="https://norden.social/share?text=${text}" rel="noopener noreferrer">Weiter zu norden.social</a>`);
    }
    for (const typed of ['evil.example/phish?x=', 'localhost', 'javascript:alert(1)']) {
      const res = await page(`/teilen/mastodon?geschichte=deutsch-lernen-im-sprachcafe&instanz=${encodeURIComponent(typed)}`);
      expect({ typed, status: res.status, link: res.text.includes('/share?text=') }).toEqual({ typed, status: 400, link: false });
      expect(res.text).toContain('aria-invalid="true"');
    }
    expect((await page(`/teilen/mastodon?geschichte=${await slugOf(ids.gone)}&instanz=norden.social`)).status).toBe(404);
  });
});

describe("the widget map's outlines", () => {
  test('are one cacheable file of the 45 districts as SVG paths, with the source the licence asks for', async () => {
    const res = await get('/embed/districts.json', { 'Accept-Encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=86400');
    expect(res.headers['content-encoding']).toBe('gzip');
    const map = res.body as { source: string; sourceUrl: string; width: number; height: number; districts: { key: string; name: string; d: string }[] };
    expect(map.districts).toHaveLength(45);
    expect(new Set(map.districts.map((d) => d.key)).size).toBe(45);
    expect(map.districts.find((d) => d.key === '03159')).toMatchObject({ name: 'Göttingen' });
    for (const district of map.districts) expect(district.d).toMatch(/^(M\d+ \d+l[-\d ]+z)+$/);
    expect(map).toMatchObject({ source: '© GeoBasis-DE / BKG 2021 (Daten verändert)', sourceUrl: 'https://www.bkg.bund.de' });
    expect(Number(res.headers['content-length'])).toBeLessThan(10_000);
    expect((await get('/embed/districts.json', { 'If-None-Match': res.headers.etag })).status).toBe(304);
  });
});

describe('what the public may not see', () => {
  test('a draft is not found (404), with a way to the list', async () => {
    const slug = await slugOf((await app.strapi.db.query(STORY).findOne({ where: { title: `Noch nicht fertig ${CANARY}` }, select: ['documentId'] })).documentId);
    const res = await page(`/geschichten/${slug}`);
    expect(res.status).toBe(404);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.text).toContain('<h1>Diese Geschichte haben wir nicht gefunden</h1>');
    expect(res.text).toContain('href="/geschichten"');
    expect(res.text).toContain('<meta name="robots" content="noindex">');
  });

  test('an unknown address is not found either', async () => {
    expect((await page('/geschichten/gibt-es-nicht')).status).toBe(404);
    expect((await page('/geschichten/%3Cscript%3E')).status).toBe(404);
  });

  test.each([
    ['unpublished', 'gone', ['Kurz online', 'Dieser Text darf nicht mehr erscheinen', 'Verschwundener Inhalt']],
    ['whose consent was withdrawn', 'withdrawn', ['Einwilligung zurückgezogen']],
  ])('a story %s is gone (410), and nothing of it is shown', async (_what, key, texts) => {
    const slug = await slugOf(ids[key]);
    const res = await page(`/geschichten/${slug}`);
    expect(res.status).toBe(410);
    expect(res.text).toContain('Diese Geschichte ist nicht mehr verfügbar.');
    expect(res.text).toContain('href="/geschichten"');
    for (const text of texts) expect(res.text).not.toContain(text);
    expect(res.text).not.toContain(slug);
  });

  test('the list does not show them, and searching for a private value finds nothing', async () => {
    const html = (await page('/geschichten')).text;
    expect(cardTitles(html)).not.toContain('Kurz online');
    expect(cardTitles(html)).not.toContain('Einwilligung zurückgezogen');
    // Words of private fields (the canary itself would be echoed as the search term).
    for (const word of ['consented', 'guardian', 'notes', 'submitter', 'withdrawal']) expect(cardTitles((await page(`/geschichten?q=${word}`)).text)).toEqual([]);
    expect(cardTitles((await page('/geschichten?q=fertig')).text)).toEqual([]);
  });

  test('the published version is shown, not a later unpublished edit', async () => {
    const html = (await page('/geschichten/deutsch-lernen-im-sprachcafe')).text;
    expect(html).toContain('Jeden Dienstag üben Nachbarinnen');
  });
});

describe('the list', () => {
  test('shows the newest stories first as cards, with the count and the filter form', async () => {
    const res = await page('/geschichten');
    expect(res.status).toBe(200);
    const html = res.text;
    expect(cardTitles(html)).toEqual(['Ausbildung in Lüchow-Dannenberg', 'Fußball verbindet', 'Deutsch lernen im Sprachcafé', 'Erste Schritte in Wolfsburg']);
    expect(html).toContain('<h2 id="ergebnis-titel">4 Geschichten</h2>');
    expect(html).toContain('<form class="story-filters" method="get" action="/geschichten" role="search"');
    expect(html).toMatch(/<img src="[^"]+" srcset="[^"]+ 500w, [^"]+ 1600w" sizes="[^"]+" width="750" height="469" class="story-card__cover" alt=""/);
    expect(html).toContain('<span class="story-card__badge"><span class="story-card__play" aria-hidden="true"></span>Mit Video</span>');
    expect(html).toContain(`<link rel="canonical" href="${PUBLIC_URL}/geschichten">`);
    expect(html).toContain(`<link rel="alternate" type="application/rss+xml" title="ZUSAMMEN. MEHR. – Geschichten (RSS)" href="${PUBLIC_URL}/api/v1/stories.rss">`);
  });

  test('offers the 45 districts grouped by statistical region, with their story counts', async () => {
    const html = (await page('/geschichten')).text;
    const select = html.match(/<select id="filter-region" name="region">[\s\S]*?<\/select>/)![0];
    expect(select.match(/<optgroup label="([^"]+)">/g)).toEqual([
      '<optgroup label="Raum Braunschweig">',
      '<optgroup label="Raum Hannover">',
      '<optgroup label="Raum Lüneburg">',
      '<optgroup label="Raum Weser-Ems">',
    ]);
    const districts = [...select.matchAll(/<option value="([a-z-]+)"/g)].map((m) => m[1]);
    expect(districts).toHaveLength(45);
    expect(select).toContain('<option value="goettingen">Göttingen (2)</option>');
    expect(select).toContain('<option value="luechow-dannenberg">Lüchow-Dannenberg (1)</option>');
    expect(select).toContain('<option value="statistical:lueneburg">Ganzer Raum Lüneburg (1)</option>');
    expect(html).toContain('<option value="sprache">Sprache (1)</option>');
    expect(html).toContain('<option value="sprachcafe-goettingen">Sprachcafé Göttingen (1)</option>');
  });

  test.each([
    ['region=goettingen', ['Fußball verbindet', 'Deutsch lernen im Sprachcafé'], '2 Geschichten<span class="story-results__scope">: Göttingen</span>'],
    ['region=luechow-dannenberg', ['Ausbildung in Lüchow-Dannenberg'], '1 Geschichte<span class="story-results__scope">: Lüchow-Dannenberg</span>'],
    ['region=statistical%3Abraunschweig', ['Fußball verbindet', 'Deutsch lernen im Sprachcafé', 'Erste Schritte in Wolfsburg'], ': Raum Braunschweig'],
    ['theme=sport', ['Fußball verbindet'], ': Thema Sport'],
    ['project=sprachcafe-goettingen', ['Deutsch lernen im Sprachcafé'], ': Projekt Sprachcafé Göttingen'],
    ['q=LUECHOW', ['Ausbildung in Lüchow-Dannenberg'], ': Suche „LUECHOW“'],
    ['q=weender+strasse', ['Fußball verbindet'], ': Suche „weender strasse“'],
    ['region=goettingen&theme=sprache&q=', ['Deutsch lernen im Sprachcafé'], ': Göttingen · Thema Sprache'],
    ['region=&theme=&project=&q=++', ['Ausbildung in Lüchow-Dannenberg', 'Fußball verbindet', 'Deutsch lernen im Sprachcafé', 'Erste Schritte in Wolfsburg'], '4 Geschichten</h2>'],
  ])('filters by %s', async (query, titles, heading) => {
    const res = await page(`/geschichten?${query}`);
    expect(res.status).toBe(200);
    expect(cardTitles(res.text)).toEqual(titles);
    expect(res.text).toContain(heading);
  });

  test('keeps the chosen filters in the form and offers to reset them', async () => {
    const html = (await page('/geschichten?region=03159&theme=sprache&q=Dienstag')).text;
    expect(html).toContain('<option value="goettingen" selected>Göttingen (2)</option>');
    expect(html).toContain('<option value="sprache" selected>Sprache (1)</option>');
    expect(html).toContain('name="q" value="Dienstag"');
    expect(html).toContain('<a href="/geschichten">Alle Filter zurücksetzen</a>');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain(`href="${PUBLIC_URL}/api/v1/stories.rss?region=03159&amp;theme=sprache&amp;q=Dienstag"`);
  });

  test('says so when nothing matches, and offers the way on', async () => {
    const html = (await page('/geschichten?region=wittmund')).text;
    expect(cardTitles(html)).toEqual([]);
    expect(html).toContain('<h2 id="ergebnis-titel">0 Geschichten<span class="story-results__scope">: Wittmund</span></h2>');
    expect(html).toContain('Zu dieser Auswahl gibt es noch keine Geschichte.');
    expect(html).toContain('<a href="/mitmachen">Erzählen Sie Ihre Geschichte</a>');
  });

  test.each([
    ['region=atlantis', 'region'],
    ['theme=kochen', 'theme'],
    ['project=unbekannt', 'project'],
    ['page=0', 'page'],
    ['regoin=goettingen', 'regoin'],
    ['region=goettingen&region=emden', 'region'],
    [`q=${'x'.repeat(201)}`, 'q'],
  ])('answers %s with a 400 page naming %s', async (query, parameter) => {
    const res = await page(`/geschichten?${query}`);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.text).toContain('<h1>Diese Auswahl können wir nicht anzeigen</h1>');
    expect(res.text).toContain(`<code>${parameter}</code>`);
    expect(res.text.toLowerCase()).toContain(`query parameter &quot;${parameter}&quot;`);
  });
});

describe('paging', () => {
  beforeAll(async () => {
    for (let i = 1; i <= 26; i++) await createStory(app.strapi, { title: `Wesermarsch-Geschichte ${i}`, region: 'wesermarsch', themes: ['kultur'] });
  });

  test('shows 24 stories a page, with links to the next and previous page', async () => {
    const first = (await page('/geschichten?region=wesermarsch')).text;
    expect(cardTitles(first)).toHaveLength(24);
    expect(cardTitles(first)[0]).toBe('Wesermarsch-Geschichte 26');
    expect(first).toContain('<h2 id="ergebnis-titel">26 Geschichten');
    expect(first).toContain('<span class="pagination__current">Seite 1 von 2</span>');
    expect(first).toContain('<a class="pagination__link" rel="next" href="/geschichten?region=wesermarsch&amp;page=2">Nächste Seite →</a>');
    expect(first).toContain('<link rel="next" href="/geschichten?region=wesermarsch&amp;page=2">');
    expect(first).not.toContain('rel="prev"');

    const second = (await page('/geschichten?region=wesermarsch&page=2')).text;
    expect(cardTitles(second)).toEqual(['Wesermarsch-Geschichte 2', 'Wesermarsch-Geschichte 1']);
    expect(second).toContain('<a class="pagination__link" rel="prev" href="/geschichten?region=wesermarsch">← Vorherige Seite</a>');
    expect(second).not.toContain('rel="next"');
    expect(second).toContain(`<link rel="canonical" href="${PUBLIC_URL}/geschichten?region=wesermarsch&amp;page=2">`);
  });

  test('a page past the end is not found', async () => {
    const res = await page('/geschichten?region=wesermarsch&page=3');
    expect(res.status).toBe(404);
    expect(res.text).toContain('href="/geschichten?region=wesermarsch"');
  });
});

describe('caching', () => {
  test.each(['/geschichten/fussball-verbindet', '/geschichten?theme=sport'])('%s is revalidated with ETag and Last-Modified (304)', async (url) => {
    const first = await page(url);
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=300');
    const etag = first.headers.etag;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await get(url, { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.text).toBeFalsy();
    expect((await get(url, { 'If-Modified-Since': first.headers['last-modified'] })).status).toBe(304);
    expect((await get(url, { 'If-None-Match': '"something-else"' })).status).toBe(200);
  });

  test('an edit shows on the next request, under a new ETag', async () => {
    const before = await page('/geschichten/fussball-verbindet');
    await app.strapi.documents(STORY).update({ documentId: ids.football, data: { teaser: 'Training an der Weender Straße, jetzt auch samstags.' } as never });
    await app.strapi.documents(STORY).publish({ documentId: ids.football });
    const after = await page('/geschichten/fussball-verbindet', { 'If-None-Match': before.headers.etag });
    expect(after.status).toBe(200);
    expect(after.text).toContain('Training an der Weender Straße, jetzt auch samstags.');
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect((await page('/geschichten?theme=sport')).text).toContain('jetzt auch samstags');
  });

  test('a story unpublished since is gone on the next request', async () => {
    expect((await page('/geschichten/erste-schritte-in-wolfsburg')).status).toBe(200);
    await app.strapi.documents(STORY).unpublish({ documentId: ids.wolfsburg });
    const res = await page('/geschichten/erste-schritte-in-wolfsburg');
    expect(res.status).toBe(410);
    expect(res.text).not.toContain('Erste Schritte in Wolfsburg');
  });
});
