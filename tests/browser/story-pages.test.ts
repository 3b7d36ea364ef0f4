import fs from 'fs';
import path from 'path';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { collectConsoleErrors, launchBrowser, pagePicture, startBrowserApp, type BrowserApp } from '../support/browser';
import { createProject, createStory } from '../support/fixtures';
import { addCoverImage } from '../support/media';

/**
 * The story pages in Debian's Chromium, as a visitor meets them: what the browser requests (nothing from YouTube or
 * Google before the second click), the player with the keyboard, the list's filter form without JavaScript, what
 * axe-core finds, and how the pages look on a desktop and on a phone (screenshots in tests/browser/__screenshots__).
 */

const axeSource = fs.readFileSync(path.resolve(__dirname, '..', '..', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const YOUTUBE_OR_GOOGLE = /youtube\.com|youtube-nocookie\.com|ytimg\.com|googlevideo\.com|google|gstatic\.com|doubleclick/i;
const TITLES = {
  amal: 'Amal lernt Pflege in Göttingen',
  long: 'Vom Sprachkurs über die Berufsschule bis zur Gesellenprüfung: Wie Yusuf in Lüchow-Dannenberg ankam',
  cafe: 'Sprachcafé am Dienstag',
  football: 'Fußball verbindet',
};

let app: BrowserApp;
let browser: Browser;
let page: Page;
const requests: string[] = [];
let consoleErrors: string[] = [];
const writtenFiles: string[] = [];
const slugs: Record<string, string> = {};

/** A cover with the smaller sizes the media library makes, scaled from the original. */
async function coverWithSizes(name: string, colour: string) {
  const file = await addCoverImage(app.strapi, name, colour);
  const original = path.join(app.strapi.dirs.static.public, file.url);
  writtenFiles.push(original);
  const formats: Record<string, { url: string; width: number; height: number; mime: string }> = {};
  for (const [size, width] of [['small', 500], ['medium', 750], ['large', 1000]] as const) {
    const url = `/uploads/${size}_${file.hash}.png`;
    const height = Math.round((width * 10) / 16);
    const target = path.join(app.strapi.dirs.static.public, url);
    await sharp(original).resize(width, height).png().toFile(target);
    writtenFiles.push(target);
    formats[size] = { url, width, height, mime: 'image/png' };
  }
  await app.strapi.db.query('plugin::upload.file').update({ where: { id: file.id }, data: { formats, alternativeText: `Titelbild: ${name}` } });
  return file.id as number;
}

const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function seed() {
  const strapi = app.strapi;
  await createProject(strapi, 'Pflegeschule Göttingen', { organisation: 'Diakonie Göttingen e. V.' });
  const story = async (key: keyof typeof TITLES, region: string, themes: string[], data: Record<string, unknown>, project?: string) => {
    const documentId = await createStory(strapi, { title: TITLES[key], region, themes, project, data });
    slugs[key] = (await strapi.db.query('api::story.story').findOne({ where: { documentId }, select: ['slug'] })).slug;
    await pause(30);
  };
  await story('football', 'goettingen', ['sport'], { teaser: 'Training an der Weender Straße.', youtubeVideoId: 'Zx9Yw8Vu7Ts' });
  await story('cafe', 'goettingen', ['sprache', 'ehrenamt-und-vereine'], {
    teaser: 'Jeden Dienstag üben Nachbarinnen und Neuankommende Deutsch bei Kaffee und Kuchen.',
    cover: await coverWithSizes('sprachcafe', '#8c5a2b'),
    body: [paragraph('Im Gemeindehaus stehen Kaffee, Kuchen und Wörterbücher bereit.'), paragraph('Wer mag, bringt ein Rezept aus der Heimat mit.')],
  });
  await story(
    'long',
    'luechow-dannenberg',
    ['ausbildung', 'arbeit', 'sprache'],
    {
      teaser: 'Zwei Jahre nach seiner Ankunft in Lüchow besteht Yusuf die Gesellenprüfung als Tischler – mit Hilfe von Nachbarn, Lehrerinnen und seinem Meister.',
      youtubeVideoId: 'Qw1Er2Ty3Ui',
      language: 'fa',
      place: 'Lüchow (Wendland)',
      recordedOn: '2026-02-14',
      credits: [{ name: 'Leyla Şahin', role: 'Kamera' }, { name: 'Jörg Müller', role: 'Schnitt' }],
      body: [
        { type: 'heading', level: 2, children: [{ type: 'text', text: 'Ankommen im Wendland' }] },
        paragraph('Yusuf kam 2023 nach Lüchow. Im Sprachkurs lernte er nicht nur Deutsch, sondern auch seinen späteren Meister kennen.'),
        paragraph('„Ohne die Nachbarn hätte ich das nicht geschafft“, sagt er heute.'),
      ],
    }
  );
  await story(
    'amal',
    'goettingen',
    ['arbeit', 'ausbildung'],
    {
      teaser: 'Vom Sprachkurs in die Ausbildung zur Pflegefachfrau.',
      youtubeVideoId: 'aB3dE5gH7jK',
      language: 'ar',
      cover: await coverWithSizes('amal', '#1f6f8b'),
      credits: [{ name: 'Merve Aydın', role: 'Interview' }],
      body: [paragraph('Amal kam 2019 nach Göttingen. Heute pflegt sie Menschen im Klinikum und bildet selbst Praktikantinnen an.')],
    },
    'pflegeschule-goettingen'
  );
}

// --------------------------------------------------------------------------------------------- browser helpers

/** The element that has focus, looking through open shadow roots (document.activeElement stops at the host). */
const DEEP_ACTIVE = `(() => { let e = document.activeElement; while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement; return e; })()`;
const activeDescription = () =>
  page.evaluate<string>(`(() => { const e = ${DEEP_ACTIVE}; return e ? (e.getAttribute('aria-label') || e.getAttribute('role') || e.textContent || e.tagName).trim() : ''; })()`);
const youtubeRequests = () => requests.filter((url) => YOUTUBE_OR_GOOGLE.test(new URL(url).hostname));

const picture = (target: Page, name: string) => pagePicture(target, `story-pages-${name}`);

async function axeViolations(target: Page) {
  // The pages' policy forbids inline scripts (what addScriptTag inserts); evaluating through the DevTools protocol is not bound by it.
  if (!(await target.evaluate<boolean>('typeof window.axe === "object"'))) await target.evaluate(`${axeSource}\n;true`);
  const violations = await target.evaluate<{ id: string; impact: string; help: string; nodes: { target: unknown; failureSummary: string }[] }[]>(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) })))`
  );
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

const noSidewaysScrolling = (target: Page) => target.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth');

// --------------------------------------------------------------------------------------------- set-up

beforeAll(async () => {
  app = await startBrowserApp({ YOUTUBE_SYNC_WORKER: 'false', PUBLIC_API_RATE_LIMIT_PER_MINUTE: '0' });
  await seed();
  ({ browser, page } = await launchBrowser());
  await page.setViewportSize({ width: 1280, height: 900 });
  page.on('request', (request) => requests.push(request.url()));
  consoleErrors = collectConsoleErrors(page);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  for (const file of writtenFiles) fs.rmSync(file, { force: true });
});

// --------------------------------------------------------------------------------------------- tests

test('a story page asks nothing of YouTube or Google until the visitor confirms; then the privacy-enhanced player loads', async () => {
  await page.goto(`${app.url}/geschichten/${slugs.amal}`);
  const play = page.getByRole('button', { name: `Video abspielen: ${TITLES.amal}` });
  await play.waitFor();
  await page.waitForLoadState('networkidle');
  expect(await page.locator('h1').textContent()).toBe(TITLES.amal);
  expect(requests.some((url) => url.includes('/uploads/'))).toBe(true);
  // Not only no YouTube: no request to any other site, share links included.
  expect(requests.filter((url) => new URL(url).origin !== app.url)).toEqual([]);
  expect(await page.getByRole('link', { name: /^Facebook\b/ }).getAttribute('href')).toMatch(/^https:\/\/www\.facebook\.com\/sharer\/sharer\.php\?u=/);

  await play.click();
  const notice = page.getByRole('dialog', { name: 'Video von YouTube laden?' });
  await notice.waitFor();
  await page.waitForLoadState('networkidle');
  expect(youtubeRequests()).toEqual([]);

  // From here on YouTube may be asked; nothing leaves the machine: the player is a stand-in, all else is blocked.
  await page.route(YOUTUBE_OR_GOOGLE, (route) =>
    route.request().url().startsWith('https://www.youtube-nocookie.com/embed/')
      ? route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Player</title><p>YouTube-Player (Testersatz)</p>' })
      : route.abort()
  );
  await notice.getByRole('button', { name: 'Video laden' }).click();
  const player = page.locator('.zusammen-mehr-stories iframe.zm-video');
  await player.waitFor();
  expect(await player.getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/aB3dE5gH7jK?autoplay=1&rel=0');
  await page.frameLocator('.zusammen-mehr-stories iframe.zm-video').getByText('YouTube-Player (Testersatz)').waitFor();
  expect(youtubeRequests().map((url) => new URL(url).hostname)).toEqual(['www.youtube-nocookie.com']);
  expect(consoleErrors.filter((text) => /Content Security Policy|Refused/i.test(text))).toEqual([]);
  await picture(page, '03-video-loaded-1280');
});

test('the keyboard reaches the play button; Enter opens the notice with focus in it, Escape closes it and focus returns', async () => {
  await page.goto(`${app.url}/geschichten/${slugs.long}`);
  await page.getByRole('button', { name: `Video abspielen: ${TITLES.long}` }).waitFor();
  let reached = '';
  for (let tab = 0; tab < 20 && !reached.startsWith('Video abspielen'); tab++) {
    await page.keyboard.press('Tab');
    reached = await activeDescription();
  }
  expect(reached).toBe(`Video abspielen: ${TITLES.long}`);
  await page.keyboard.press('Enter');
  await page.getByRole('dialog', { name: 'Video von YouTube laden?' }).waitFor();
  expect(await activeDescription()).toBe('dialog');
  await picture(page, '02-notice-1280');
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  expect(await activeDescription()).toBe(`Video abspielen: ${TITLES.long}`);
});

test('a story page looks right and has no serious accessibility problem, with and without a video', async () => {
  await page.goto(`${app.url}/geschichten/${slugs.amal}`);
  await page.getByRole('button', { name: `Video abspielen: ${TITLES.amal}` }).waitFor();
  await page.waitForFunction(`document.querySelector('.zusammen-mehr-stories').shadowRoot.querySelector('img.zm-cover').complete`);
  await picture(page, '01-story-video-1280');
  expect(await axeViolations(page)).toEqual([]);

  await page.goto(`${app.url}/geschichten/${slugs.cafe}`);
  expect(await page.locator('.zusammen-mehr-stories').count()).toBe(0);
  expect(await page.locator('.story__body').textContent()).toContain('Wörterbücher');
  const cover = page.locator('img.story-media__cover');
  await page.waitForFunction(`document.querySelector('img.story-media__cover').complete`);
  // The picture is 800 CSS pixels wide at 1280 (sizes: 50rem): of 500, 750 and 1000, the browser takes the 1000.
  expect(await cover.evaluate((img) => (img as unknown as { currentSrc: string }).currentSrc)).toMatch(/\/uploads\/large_sprachcafe_/);
  await picture(page, '04-story-text-1280');
  expect(await axeViolations(page)).toEqual([]);
});

test('the "Teilen" button shows only where the browser can share, and hands the share sheet the title and address', async () => {
  await page.goto(`${app.url}/geschichten/${slugs.cafe}`);
  await page.getByRole('link', { name: /^E-Mail\b/ }).waitFor();
  // Headless Chromium on Linux has no Web Share API.
  expect(await page.locator('button.share__native').isVisible()).toBe(false);
  const sharing = await page.context().newPage();
  await sharing.addInitScript('navigator.share = (data) => { window.shared = data; return Promise.resolve(); }');
  await sharing.goto(`${app.url}/geschichten/${slugs.cafe}`);
  await sharing.getByRole('button', { name: 'Teilen', exact: true }).click();
  expect(await sharing.evaluate('window.shared')).toEqual({ title: TITLES.cafe, url: `${app.url}/geschichten/${slugs.cafe}` });
  await sharing.close();

  await page.getByRole('link', { name: /^Mastodon\b/ }).click();
  await page.getByLabel('Ihre Mastodon-Instanz').fill('norden.social');
  await page.getByRole('button', { name: 'Weiter' }).click();
  expect(await page.getByRole('link', { name: 'Weiter zu norden.social' }).getAttribute('href')).toBe(
    `https://norden.social/share?text=${encodeURIComponent(`${TITLES.cafe} ${app.url}/geschichten/${slugs.cafe}`)}`
  );
  await picture(page, '06b-mastodon-1280');
  expect(await axeViolations(page)).toEqual([]);
});

test('the list shows cards and filters them; axe-core finds no serious problem', async () => {
  await page.goto(`${app.url}/geschichten`);
  expect(await page.locator('.story-card__title').allTextContents()).toEqual([TITLES.amal, TITLES.long, TITLES.cafe, TITLES.football]);
  await picture(page, '05-list-1280');
  expect(await axeViolations(page)).toEqual([]);
  await page.getByLabel('Region').selectOption('luechow-dannenberg');
  await page.getByRole('button', { name: 'Geschichten anzeigen' }).click();
  await page.waitForURL(/region=luechow-dannenberg/);
  expect(await page.locator('.story-card__title').allTextContents()).toEqual([TITLES.long]);
  expect(await page.locator('#ergebnis-titel').textContent()).toBe('1 Geschichte: Lüchow-Dannenberg');
  await page.locator('.story-card__title a').click();
  await page.waitForURL(`${app.url}/geschichten/${slugs.long}`);
});

test('the filter form works without JavaScript, and so does the story page (a link to the video instead of the player)', async () => {
  const noScript = await browser.newContext({ javaScriptEnabled: false, locale: 'de-DE', viewport: { width: 1280, height: 900 } });
  const plain = await noScript.newPage();
  const seen: string[] = [];
  plain.on('request', (request) => seen.push(request.url()));
  await plain.goto(`${app.url}/geschichten`);
  await plain.getByLabel('Suchen').fill('Pflege');
  await plain.getByLabel('Thema', { exact: true }).selectOption('ausbildung');
  await plain.getByRole('button', { name: 'Geschichten anzeigen' }).click();
  await plain.waitForURL(/q=Pflege/);
  expect(new URL(plain.url()).searchParams.get('theme')).toBe('ausbildung');
  expect(await plain.locator('.story-card__title').allTextContents()).toEqual([TITLES.amal]);
  expect(await plain.getByLabel('Thema', { exact: true }).inputValue()).toBe('ausbildung');

  await plain.goto(`${app.url}/geschichten/${slugs.amal}`);
  const fallback = plain.getByRole('link', { name: /Video bei YouTube ansehen/ });
  expect(await fallback.getAttribute('href')).toBe('https://www.youtube.com/watch?v=aB3dE5gH7jK');
  expect(seen.filter((url) => YOUTUBE_OR_GOOGLE.test(new URL(url).hostname))).toEqual([]);
  await picture(plain, '06-story-without-javascript-1280');
  await noScript.close();
});

test('an unknown story is a helpful 404 page without serious accessibility problems', async () => {
  const response = await page.goto(`${app.url}/geschichten/gibt-es-nicht`);
  expect(response?.status()).toBe(404);
  expect(await page.locator('h1').textContent()).toBe('Diese Geschichte haben wir nicht gefunden');
  expect(await page.getByRole('link', { name: 'Alle Geschichten ansehen' }).getAttribute('href')).toBe('/geschichten');
  await picture(page, '07-not-found-1280');
  expect(await axeViolations(page)).toEqual([]);
});

test('on a phone the pages fit the screen without sideways scrolling', async () => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto(`${app.url}/geschichten`);
  expect(await noSidewaysScrolling(page)).toBe(true);
  await picture(page, '08-list-375');

  await page.goto(`${app.url}/geschichten/${slugs.long}`);
  const play = page.getByRole('button', { name: `Video abspielen: ${TITLES.long}` });
  await play.waitFor();
  expect(await noSidewaysScrolling(page)).toBe(true);
  await picture(page, '09-story-long-title-375');
  await play.click();
  await page.getByRole('dialog', { name: 'Video von YouTube laden?' }).waitFor();
  expect(await noSidewaysScrolling(page)).toBe(true);
  await picture(page, '10-notice-375');
  expect(await axeViolations(page)).toEqual([]);

  await page.goto(`${app.url}/geschichten/${slugs.cafe}`);
  expect(await noSidewaysScrolling(page)).toBe(true);
  // The narrow layout asks for a smaller file of the cover (srcset and sizes).
  await page.waitForFunction(`document.querySelector('img.story-media__cover').complete`);
  expect(await page.locator('img.story-media__cover').evaluate((img) => (img as unknown as { currentSrc: string }).currentSrc)).toMatch(/\/uploads\/small_sprachcafe_/);
  await picture(page, '11-story-text-375');
  await page.goto(`${app.url}/geschichten/gibt-es-nicht`);
  await picture(page, '12-not-found-375');
});
