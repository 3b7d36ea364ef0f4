import fs from 'fs';
import http from 'http';
import type { AddressInfo } from 'net';
import path from 'path';
import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { collectConsoleErrors, launchBrowser, pagePicture, startBrowserApp, type BrowserApp } from '../support/browser';
import { createStory } from '../support/fixtures';
import { eventually } from '../support/eventually';
import { addCoverImage } from '../support/media';
import { makeMissingCoverVariants } from '../../src/plugins/stories/server/src/cover-variants/lifecycle';

/**
 * The partner widget in Debian's Chromium, on a partner page served from another origin with hostile global CSS:
 * what a visitor sees and can do with mouse and keyboard, what the browser requests (nothing from YouTube or Google
 * before the second click), what axe-core finds, and how a story taken down disappears without a reload.
 */

const STORY = 'api::story.story';
const AXE = path.resolve(__dirname, '..', '..', 'node_modules', 'axe-core', 'axe.min.js');
const YOUTUBE_OR_GOOGLE = /youtube\.com|youtube-nocookie\.com|ytimg\.com|googlevideo\.com|google|gstatic\.com|doubleclick/i;

let app: BrowserApp;
let partner: http.Server;
let partnerUrl: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const requests: string[] = [];
let consoleErrors: string[] = [];
const writtenFiles: string[] = [];
const ids: Record<string, string> = {};

const TITLES = {
  oldest: 'Die erste Geschichte aus Göttingen',
  amal: 'Amal lernt Pflege in Göttingen',
  football: 'Fußball verbindet',
  cafe: 'Sprachcafé am Dienstag',
  emden: 'Ausbildung in Emden',
};

// --------------------------------------------------------------------------------------------- fixtures

/** A cover with a small and a medium size beside the original, as the media library makes them. */
async function coverWithFormats(name: string, from: string, to: string) {
  const file = await addCoverImage(app.strapi, name, from);
  const render = (width: number, height: number) =>
    sharp(
      Buffer.from(
        `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g" x2="1" y2="1">` +
          `<stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>` +
          `<rect width="100%" height="100%" fill="url(#g)"/><circle cx="${width * 0.68}" cy="${height * 0.42}" r="${height * 0.26}" fill="#fff" fill-opacity="0.3"/></svg>`
      )
    )
      .png()
      .toBuffer();
  const write = async (url: string, width: number, height: number) => {
    const target = path.join(app.strapi.dirs.static.public, url);
    fs.writeFileSync(target, await render(width, height));
    writtenFiles.push(target);
  };
  await write(file.url, 1600, 1000);
  const formats: Record<string, { url: string; width: number; height: number; mime: string }> = {};
  for (const [size, width] of [
    ['small', 500],
    ['medium', 750],
  ] as const) {
    const url = `/uploads/${size}_${file.hash}.png`;
    const height = Math.round((width * 10) / 16);
    await write(url, width, height);
    formats[size] = { url, width, height, mime: 'image/png' };
  }
  await app.strapi.db.query('plugin::upload.file').update({ where: { id: file.id }, data: { formats } });
  return file.id as number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function seedStories() {
  const story = async (key: keyof typeof TITLES, region: string, themes: string[], data: Record<string, unknown>) => {
    ids[key] = await createStory(app.strapi, { title: TITLES[key], region, themes, data });
    // Distinct publication times, so "newest first" has one answer.
    await pause(30);
  };
  await story('oldest', 'goettingen', ['nachbarschaft'], { teaser: 'Nachbarn helfen beim Ankommen.' });
  await story('amal', 'goettingen', ['arbeit', 'ausbildung'], {
    teaser: 'Vom Sprachkurs in die Ausbildung zur Pflegefachfrau.',
    youtubeVideoId: 'aB3dE5gH7jK',
    cover: await coverWithFormats('amal', '#1f6f8b', '#99c1b9'),
  });
  await story('football', 'goettingen', ['sport'], { teaser: 'Training an der Weender Straße.', youtubeVideoId: 'Zx9Yw8Vu7Ts' });
  await story('cafe', 'goettingen', ['sprache', 'ehrenamt-und-vereine'], {
    teaser: 'Jeden Dienstag üben Nachbarinnen und Neuankommende Deutsch bei Kaffee und Kuchen.',
    cover: await coverWithFormats('cafe', '#8c5a2b', '#e8c07d'),
  });
  await story('emden', 'emden', ['ausbildung'], { teaser: 'Werft statt Warteschleife.', youtubeVideoId: 'Qw1Er2Ty3Ui' });
}

// --------------------------------------------------------------------------------------------- partner site

/** Global rules a careless partner stylesheet might have; none may change the widget, and the widget changes none. */
const PARTNER_CSS = `
* { color: #c00000 !important; font-family: Georgia, serif !important; font-size: 26px; line-height: 2.5; }
a { color: #990099 !important; text-transform: uppercase !important; }
img { display: none; }
button { display: none !important; }
div { border: 4px dashed green; padding: 24px; }
h2, h3 { font-size: 60px !important; }
ul, li { list-style: square !important; margin: 30px; }
`;

const page_ = (title: string, body: string) => `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><link rel="stylesheet" href="/partner.css"></head>
<body>
<header><p id="partner-text">Landkreis Göttingen – Willkommen</p><nav aria-label="Partner"><a id="partner-link" href="/">Startseite</a></nav></header>
<main><h1>Integration im Landkreis</h1>
${body}
</main>
</body></html>`;

function partnerPages(): Record<string, string> {
  const script = `${app.url}/embed/stories.js`;
  return {
    '/': page_(
      'Integration – Landkreis Göttingen',
      `<script src="${script}" data-region="goettingen" data-limit="3" data-refresh-seconds="1" async></script>
<h2>Machen Sie mit</h2>
<div id="banner-slot"></div>
<script src="${script}" data-layout="banner" data-target="#banner-slot" data-lang="en" async></script>`
    ),
    '/zustaende': page_(
      'Leere und fehlerhafte Widgets',
      `<script src="${script}" data-region="emsland" async></script>
<script src="${script}" data-region="goettingen" data-theme="sport" async></script>`
    ),
    '/karte': page_('Geschichten auf der Karte', `<script src="${script}" data-layout="map" async></script>`),
    '/iframe': page_(
      'Geschichten im iframe',
      `<iframe src="${app.url}/embed/stories?region=goettingen&amp;limit=3" title="Erfolgsgeschichten aus Göttingen" style="width:100%;border:0" height="400"
  allow="autoplay; fullscreen; encrypted-media; picture-in-picture"></iframe>
<script src="/resize.js"></script>`
    ),
  };
}

/** The resize listener from the README, as a partner would paste it. */
const RESIZE_LISTENER = (origin: string) => `window.addEventListener('message', function (event) {
  if (event.origin !== '${origin}' || !event.data || event.data.type !== 'zusammen-mehr:height') return;
  var frames = document.getElementsByTagName('iframe');
  for (var i = 0; i < frames.length; i++) if (frames[i].contentWindow === event.source) frames[i].style.height = event.data.height + 'px';
});`;

async function startPartnerSite() {
  partner = http.createServer((req, res) => {
    const url = (req.url ?? '/').split('?')[0];
    const pages = partnerPages();
    if (url === '/partner.css') return res.writeHead(200, { 'Content-Type': 'text/css' }).end(PARTNER_CSS);
    if (url === '/resize.js') return res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(RESIZE_LISTENER(app.url));
    if (pages[url]) return res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(pages[url]);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => partner.listen(0, '127.0.0.1', resolve));
  partnerUrl = `http://127.0.0.1:${(partner.address() as AddressInfo).port}`;
}

// --------------------------------------------------------------------------------------------- browser helpers

const WIDGET = 'main > .zusammen-mehr-stories';
const titlesIn = (scope: string) => page.locator(`${scope} .zm-title`).allTextContents();
/** The element that has focus, looking through open shadow roots (document.activeElement stops at the host). */
const DEEP_ACTIVE = `(() => { let e = document.activeElement; while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement; return e; })()`;
const activeDescription = () =>
  page.evaluate<string>(`(() => { const e = ${DEEP_ACTIVE}; return e ? (e.getAttribute('aria-label') || e.getAttribute('role') || e.textContent || e.tagName).trim() : ''; })()`);
const youtubeRequests = () => requests.filter((url) => YOUTUBE_OR_GOOGLE.test(new URL(url).hostname));

const picture = (name: string) => pagePicture(page, `widget-${name}`);

async function axeViolations() {
  if (!(await page.evaluate<boolean>('typeof window.axe === "object"'))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate<{ id: string; impact: string; help: string; nodes: { target: unknown; failureSummary: string }[] }[]>(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) })))`
  );
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

// --------------------------------------------------------------------------------------------- set-up

beforeAll(async () => {
  app = await startBrowserApp({ YOUTUBE_SYNC_WORKER: 'false', PUBLIC_API_RATE_LIMIT_PER_MINUTE: '0' });
  await seedStories();
  // The covers above were written beside the upload service: the start-up pass gives them their AVIF/WebP copies.
  await makeMissingCoverVariants(app.strapi);
  await startPartnerSite();
  ({ browser, context, page } = await launchBrowser());
  await page.setViewportSize({ width: 1280, height: 900 });
  // Nothing leaves the machine: our two local origins pass, the YouTube player is a stand-in, all else fails.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(app.url) || url.startsWith(partnerUrl)) return route.continue();
    if (url.startsWith('https://www.youtube-nocookie.com/embed/'))
      return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Player</title><p>YouTube-Player (Testersatz)</p>' });
    return route.abort();
  });
  page.on('request', (request) => requests.push(request.url()));
  consoleErrors = collectConsoleErrors(page);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => partner?.close(resolve));
  await app?.stop();
  for (const file of writtenFiles) fs.rmSync(file, { force: true });
});

// --------------------------------------------------------------------------------------------- tests

test('a partner page shows the newest stories of its region, as many as data-limit allows', async () => {
  await page.goto(`${partnerUrl}/`);
  await page.locator(`${WIDGET} .zm-card`).nth(2).waitFor();
  expect(await titlesIn(WIDGET)).toEqual([TITLES.cafe, TITLES.football, TITLES.amal]);
  expect(await page.locator(`${WIDGET} .zm-heading`).textContent()).toBe('Erfolgsgeschichten: Göttingen');
  expect(await page.locator(`${WIDGET} .zm-card`).first().textContent()).toContain('Göttingen');
  await page.waitForFunction(`document.querySelector('main .zusammen-mehr-stories').shadowRoot.querySelector('img.zm-cover').naturalWidth > 0`);
  // The covers come from the media library, in the size the card needs.
  const cover = await page.evaluate<{ src: string; sizes: string; srcset: string }>(
    `(() => { const i = document.querySelector('main .zusammen-mehr-stories').shadowRoot.querySelector('img.zm-cover'); return { src: i.currentSrc, sizes: i.sizes, srcset: i.srcset }; })()`
  );
  expect(cover.src.startsWith(`${app.url}/uploads/`)).toBe(true);
  // Chromium shows AVIF: it takes the <picture>'s first source; the <img> keeps the media library's sizes.
  expect(cover.src).toMatch(/\/uploads\/avif-\d+_[^/]+\.avif$/);
  expect(cover.srcset).toMatch(/small_.* 500w, .*medium_.* 750w, .* 1600w$/);
  expect(cover.sizes).toMatch(/^\d+px$/);
  // The partner's tag loads the small loader, which adds the widget from its content-named address.
  expect(requests.filter((url) => url.startsWith(`${app.url}/embed/`)).map((url) => new URL(url).pathname)).toEqual(
    expect.arrayContaining(['/embed/stories.js', expect.stringMatching(/^\/embed\/stories\.[0-9a-f]{16}\.js$/)])
  );
  await picture('01-partner-1280');
});

test("the partner's styles do not reach into the widget, and the widget's do not reach out", async () => {
  const styles = await page.evaluate<Record<string, string>>(`(() => {
    const root = document.querySelector('main .zusammen-mehr-stories').shadowRoot;
    const style = (element) => getComputedStyle(element);
    return {
      titleColor: style(root.querySelector('.zm-title a')).color,
      titleTransform: style(root.querySelector('.zm-title a')).textTransform,
      titleSize: style(root.querySelector('.zm-title')).fontSize,
      teaserFont: style(root.querySelector('.zm-teaser')).fontFamily,
      coverDisplay: style(root.querySelector('img.zm-cover')).display,
      playDisplay: style(root.querySelector('.zm-play')).display,
      hostBorder: style(document.querySelector('main .zusammen-mehr-stories')).borderTopStyle,
      partnerColor: style(document.getElementById('partner-text')).color,
      partnerSize: style(document.getElementById('partner-text')).fontSize,
      partnerLink: style(document.getElementById('partner-link')).color,
    };
  })()`);
  expect(styles).toEqual({
    titleColor: 'rgb(0, 58, 112)',
    titleTransform: 'none',
    titleSize: '17.6px',
    teaserFont: expect.not.stringContaining('Georgia'),
    coverDisplay: 'block',
    playDisplay: 'flex',
    hostBorder: 'none',
    partnerColor: 'rgb(192, 0, 0)',
    partnerSize: '26px',
    partnerLink: 'rgb(153, 0, 153)',
  });
});

test('the keyboard reaches a play button; Enter opens the notice, Escape closes it and focus returns', async () => {
  await page.locator('#partner-link').focus();
  let reached = '';
  for (let tab = 0; tab < 30 && !reached.startsWith('Video abspielen'); tab++) {
    await page.keyboard.press('Tab');
    reached = await activeDescription();
  }
  expect(reached).toBe(`Video abspielen: ${TITLES.football}`);
  expect(await page.evaluate<string>(`getComputedStyle(${DEEP_ACTIVE}).boxShadow`)).toContain('rgb(255, 210, 0)');

  await page.keyboard.press('Enter');
  const notice = page.getByRole('dialog', { name: 'Video von YouTube laden?' });
  await notice.waitFor();
  expect(await activeDescription()).toBe('dialog');
  expect(await notice.textContent()).toContain('Google');
  expect(await notice.getByRole('link', { name: 'Mehr dazu in der Datenschutzerklärung' }).getAttribute('href')).toBe(`${app.url}/datenschutz`);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  expect(await activeDescription()).toBe('Video laden');
  await picture('02-notice-open-1280');
  expect(await axeViolations()).toEqual([]);

  await page.keyboard.press('Escape');
  await notice.waitFor({ state: 'detached' });
  expect(await activeDescription()).toBe(`Video abspielen: ${TITLES.football}`);
});

test('nothing is requested from YouTube or Google until "Video laden"; then the privacy-enhanced player loads', async () => {
  await page.getByRole('button', { name: `Video abspielen: ${TITLES.amal}` }).click();
  expect(youtubeRequests()).toEqual([]);
  expect(requests.length).toBeGreaterThan(5);

  await page.getByRole('button', { name: 'Video laden' }).click();
  const player = page.locator(`${WIDGET} iframe.zm-video`);
  await player.waitFor();
  expect(await player.getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/aB3dE5gH7jK?autoplay=1&rel=0');
  expect(await player.getAttribute('title')).toBe(`Video: ${TITLES.amal}`);
  await page.frameLocator(`${WIDGET} iframe.zm-video`).getByText('YouTube-Player (Testersatz)').waitFor();
  expect(youtubeRequests().map((url) => new URL(url).hostname)).toEqual(['www.youtube-nocookie.com']);
  await picture('03-video-loaded-1280');
});

test('a story without a video links to its page, and every story can be reported', async () => {
  const cafe = page.locator(`${WIDGET} .zm-card`, { hasText: TITLES.cafe });
  expect(await cafe.locator('.zm-play').count()).toBe(0);
  const slug = (await app.strapi.db.query(STORY).findOne({ where: { documentId: ids.cafe }, select: ['slug'] })).slug as string;
  expect(await cafe.getByRole('link', { name: `Geschichte lesen: ${TITLES.cafe}` }).getAttribute('href')).toBe(`${app.url}/geschichten/${slug}`);
  expect(await cafe.getByRole('link', { name: `Inhalt melden: ${TITLES.cafe}` }).getAttribute('href')).toBe(`${app.url}/melden?story=${slug}`);
});

test("a card's share links are the story page's: its address, no tracking parameters", async () => {
  const cafe = page.locator(`${WIDGET} .zm-card`, { hasText: TITLES.cafe });
  const slug = (await app.strapi.db.query(STORY).findOne({ where: { documentId: ids.cafe }, select: ['slug'] })).slug as string;
  await cafe.getByText('Teilen', { exact: true }).click();
  const links = cafe.locator('.zm-share a');
  const hrefs = await links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
  const storyPage = await (await fetch(`${app.url}/geschichten/${slug}`)).text();
  const pageHrefs = [...storyPage.matchAll(/<a class="share__link" href="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
  expect(hrefs).toEqual(pageHrefs);
  expect(hrefs).toHaveLength(8);
  expect(hrefs.filter((href) => /[?&](utm_|fbclid|gclid)/i.test(href))).toEqual([]);
  expect(await cafe.getByRole('link', { name: `WhatsApp: „${TITLES.cafe}“ teilen` }).getAttribute('rel')).toBe('noopener noreferrer');
  // Headless Chromium on Linux has no Web Share API: no button that would do nothing.
  expect(await cafe.locator('.zm-share-native').count()).toBe(0);
  await picture('02b-share-1280');
  await cafe.getByText('Teilen', { exact: true }).click();
});

test('the banners invite visitors to tell their story and name the alliance, its imprint and privacy page', async () => {
  const grid = page.locator(`${WIDGET} .zm-banner`);
  expect(await grid.textContent()).toContain('ZUSAMMEN. MEHR.—Erzählen Sie Ihre Geschichte');
  expect(await grid.getByRole('link', { name: 'Erzählen Sie Ihre Geschichte' }).getAttribute('href')).toBe(`${app.url}/mitmachen`);
  expect(await grid.getByRole('link', { name: 'Impressum' }).getAttribute('href')).toBe(`${app.url}/impressum`);
  expect(await grid.getByRole('link', { name: 'Datenschutz' }).getAttribute('href')).toBe(`${app.url}/datenschutz`);
  expect(await grid.textContent()).toContain('„Niedersachsen packt an“');

  const english = page.locator('#banner-slot .zusammen-mehr-stories');
  expect(await english.locator('.zm-card').count()).toBe(0);
  expect(await english.getByRole('link', { name: 'Tell us your story' }).getAttribute('href')).toBe(`${app.url}/mitmachen`);
  expect(await english.getByRole('link', { name: 'Privacy' }).getAttribute('href')).toBe(`${app.url}/datenschutz`);
});

test('axe-core finds no serious or critical problem on the partner page', async () => {
  expect(await axeViolations()).toEqual([]);
});

test('an unpublished story disappears within the refresh interval, without a reload, and leaves the cache', async () => {
  await page.evaluate('window.notReloaded = true');
  await app.strapi.documents(STORY).unpublish({ documentId: ids.amal });
  await page.locator(`${WIDGET} .zm-card`, { hasText: TITLES.amal }).waitFor({ state: 'detached', timeout: 15_000 });
  // Its place goes to the next story of the region.
  await page.locator(`${WIDGET} .zm-card`, { hasText: TITLES.oldest }).waitFor();
  expect(await titlesIn(WIDGET)).toEqual([TITLES.cafe, TITLES.football, TITLES.oldest]);
  expect(await page.evaluate<boolean>('window.notReloaded === true')).toBe(true);
  const cached = await page.evaluate<string>('Object.keys(localStorage).map((k) => localStorage.getItem(k)).join("\\n")');
  expect(cached).toContain(TITLES.football);
  expect(cached).not.toContain(TITLES.amal);
});

test('a revisit shows the cached stories at once, and drops one taken down meanwhile even when the list cannot load', async () => {
  const storyList = (url: URL) => url.pathname === '/api/v1/stories';
  await context.route(storyList, (route) => route.abort());
  await app.strapi.documents(STORY).unpublish({ documentId: ids.football });
  await page.reload();
  await page.locator(`${WIDGET} .zm-card`, { hasText: TITLES.cafe }).waitFor();
  await page.locator(`${WIDGET} .zm-card`, { hasText: TITLES.football }).waitFor({ state: 'detached', timeout: 15_000 });
  expect(await titlesIn(WIDGET)).toEqual([TITLES.cafe, TITLES.oldest]);
  expect(await page.locator(`${WIDGET} .zm-error`).isVisible()).toBe(false);
  await context.unroute(storyList);
});

test('an empty region says so, and an unreachable API is explained with a way to try again', async () => {
  const sportList = (url: URL) => url.pathname === '/api/v1/stories' && url.searchParams.get('theme') === 'sport';
  await app.strapi.documents(STORY).publish({ documentId: ids.football });
  await context.route(sportList, (route) => route.abort());
  await page.goto(`${partnerUrl}/zustaende`);
  const [empty, failing] = [page.locator(`${WIDGET}`).nth(0), page.locator(`${WIDGET}`).nth(1)];
  await empty.getByText('Noch keine Geschichten aus dieser Region').waitFor();
  expect(await empty.getByRole('link', { name: 'Erzählen Sie Ihre Geschichte' }).count()).toBe(1);
  await failing.getByRole('alert').getByText('Die Geschichten können gerade nicht geladen werden.', { exact: false }).waitFor();
  await picture('04-empty-and-error-1280');
  expect(await axeViolations()).toEqual([]);

  await context.unroute(sportList);
  await failing.getByRole('button', { name: 'Erneut versuchen' }).click();
  await failing.locator('.zm-card', { hasText: TITLES.football }).waitFor();
  expect(await failing.locator('.zm-title').allTextContents()).toEqual([TITLES.football]);
});

test('the iframe variant shows the same region, is framable from the partner site and grows to its content', async () => {
  await page.goto(`${partnerUrl}/iframe`);
  const frame = page.frameLocator('iframe');
  await frame.locator('.zm-card').nth(2).waitFor();
  // Published again in the test before, the football story is the newest now.
  expect(await frame.locator('.zm-title').allTextContents()).toEqual([TITLES.football, TITLES.cafe, TITLES.oldest]);
  // The partner's listener sets the height the page inside reports (the frame starts at 400 pixels).
  await page.waitForFunction(`parseInt(document.querySelector('iframe').style.height, 10) > 600`);
  expect((await page.locator('iframe').boundingBox())?.height).toBeGreaterThan(600);
  await frame.getByRole('button', { name: `Video abspielen: ${TITLES.football}` }).click();
  await frame.getByRole('button', { name: 'Video laden' }).click();
  await frame.locator('iframe.zm-video').waitFor();
  expect(consoleErrors.filter((text) => /Content Security Policy|Refused/i.test(text))).toEqual([]);
  await picture('05-iframe-1280');
});

test('on a phone the cards stack in one column without sideways scrolling', async () => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto(`${partnerUrl}/`);
  await page.locator(`${WIDGET} .zm-card`).nth(2).waitFor();
  const layout = await page.evaluate<{ lefts: number[]; scrollWidth: number }>(`(() => {
    const root = document.querySelector('main .zusammen-mehr-stories').shadowRoot;
    return { lefts: Array.from(root.querySelectorAll('.zm-card'), (c) => Math.round(c.getBoundingClientRect().left)), scrollWidth: document.documentElement.scrollWidth };
  })()`);
  expect(new Set(layout.lefts).size).toBe(1);
  expect(layout.scrollWidth).toBeLessThanOrEqual(375);
  await picture('06-partner-375');
  await page.getByRole('button', { name: `Video abspielen: ${TITLES.football}` }).click();
  await page.getByRole('dialog', { name: 'Video von YouTube laden?' }).waitFor();
  await picture('07-notice-375');
  await page.goto(`${app.url}/embed/stories?region=goettingen&limit=3`);
  await page.locator('.zm-card').nth(2).waitFor();
  await picture('08-iframe-page-375');
});

// --------------------------------------------------------------------------------------------- map layout

const district = (key: string) => page.locator(`${WIDGET} #zm-district-${key}`);
const GOETTINGEN = '03159';
const EMDEN = '03402';
const OSNABRUECK_CITY = '03404';

test('the map layout draws the 45 districts, shaded by their published stories, asking nothing of other sites', async () => {
  // Pages with other layouts never fetched the map's code or outlines.
  expect(requests.filter((url) => /stories-map\.js|districts\.json/.test(url))).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 900 });
  const before = requests.length;
  await page.goto(`${partnerUrl}/karte`);
  await district(GOETTINGEN).waitFor();
  expect(await page.locator(`${WIDGET} path.zm-district`).count()).toBe(45);
  const fills = { goettingen: await district(GOETTINGEN).getAttribute('fill'), emden: await district(EMDEN).getAttribute('fill'), none: await district(OSNABRUECK_CITY).getAttribute('fill') };
  // Göttingen has three stories, Emden one, the city of Osnabrück none: three different shades.
  expect(new Set(Object.values(fills)).size).toBe(3);
  expect(await page.locator(`${WIDGET} .zm-map-source a`).getAttribute('href')).toBe('https://www.bkg.bund.de');
  expect(await page.locator(`${WIDGET} .zm-map-source`).textContent()).toContain('© GeoBasis-DE / BKG 2021 (Daten verändert)');
  await page.waitForLoadState('networkidle');
  const requested = requests.slice(before);
  expect(requested.filter((url) => !url.startsWith(app.url) && !url.startsWith(partnerUrl))).toEqual([]);
  expect(requested.filter((url) => /stories-map\.js|districts\.json|\/api\/v1\/regions/.test(url)).map((url) => new URL(url).pathname)).toEqual(
    expect.arrayContaining(['/embed/stories-map.js', '/embed/districts.json', '/api/v1/regions'])
  );
});

test('a district is reached with Tab, Enter lists its stories below the map, and screen readers get the districts as a list', async () => {
  const buttons = page.getByRole('list', { name: 'Landkreise und kreisfreie Städte' }).getByRole('button');
  expect(await buttons.count()).toBe(45);
  const names = await buttons.allTextContents();
  expect(names).toContain('Göttingen: 3 Geschichten');
  expect(names).toContain('Osnabrück: 0 Geschichten');
  expect(names.slice(0, 2)).toEqual(['Ammerland: 0 Geschichten', 'Aurich: 0 Geschichten']);

  let reached = '';
  for (let tab = 0; tab < 60 && !reached.startsWith('Göttingen'); tab++) {
    await page.keyboard.press('Tab');
    reached = await activeDescription();
  }
  expect(reached).toBe('Göttingen: 3 Geschichten');
  // The focus shows on the map: the ring is drawn around the district.
  const ring = page.locator(`${WIDGET} .zm-ring-inner`);
  expect(await ring.getAttribute('data-key')).toBe(GOETTINGEN);
  expect(await ring.getAttribute('d')).toBe(await district(GOETTINGEN).getAttribute('d'));
  await picture('09-map-focus-1280');
  await page.keyboard.press('Enter');
  await eventually(async () => expect(await titlesIn(WIDGET)).toEqual([TITLES.football, TITLES.cafe, TITLES.oldest]));
  expect(await buttons.filter({ hasText: 'Göttingen' }).getAttribute('aria-pressed')).toBe('true');
  await page.getByRole('status').filter({ hasText: 'Göttingen: 3 Geschichten unter der Karte.' }).waitFor({ state: 'attached' });
  await picture('10-map-goettingen-1280');
  expect(await axeViolations()).toEqual([]);

  await district(EMDEN).dispatchEvent('click');
  await eventually(async () => expect(await titlesIn(WIDGET)).toEqual([TITLES.emden]));
  expect(await buttons.filter({ hasText: 'Göttingen' }).getAttribute('aria-pressed')).toBe('false');
});

test('on a phone the map fits the screen and still chooses a district', async () => {
  await page.setViewportSize({ width: 412, height: 900 });
  await page.goto(`${partnerUrl}/karte`);
  await district(GOETTINGEN).waitFor();
  expect(await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
  await district(GOETTINGEN).dispatchEvent('click');
  await eventually(async () => expect(await titlesIn(WIDGET)).toEqual([TITLES.football, TITLES.cafe, TITLES.oldest]));
  await picture('11-map-412');
  expect(await axeViolations()).toEqual([]);
});
