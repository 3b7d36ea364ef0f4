import type { Browser, BrowserContext, Page } from 'playwright-core';
import { collectConsoleErrors, launchBrowser, pagePicture, startBrowserApp, type BrowserApp } from '../support/browser';
import { createStory } from '../support/fixtures';

/**
 * /partner in Debian's Chromium, as a volunteer with a WordPress login uses it: the live preview is the real widget
 * with the chosen selection, a new choice updates preview and snippets in place, and a click on "Kopieren" puts the
 * snippet on the clipboard and says so. Screenshots (TEST_SCREENSHOTS=1) on a desktop and a phone.
 */

const GOETTINGEN = ['Amal lernt Pflege in Göttingen', 'Sprachcafé am Dienstag'];
const EMDEN = 'Ausbildung in Emden';
const PREVIEW = '#partner-preview .zusammen-mehr-stories';

let app: BrowserApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let consoleErrors: string[] = [];

beforeAll(async () => {
  app = await startBrowserApp({ YOUTUBE_SYNC_WORKER: 'false', PUBLIC_API_RATE_LIMIT_PER_MINUTE: '0' });
  for (const title of GOETTINGEN) await createStory(app.strapi, { title, region: 'goettingen', themes: ['sprache'] });
  await createStory(app.strapi, { title: EMDEN, region: 'emden', themes: ['sprache'] });
  ({ browser, context, page } = await launchBrowser());
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
  await context.route('**/*', (route) => (route.request().url().startsWith(app.url) ? route.continue() : route.abort()));
  consoleErrors = collectConsoleErrors(page);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const previewTitles = () => page.locator(`${PREVIEW} .zm-title`).allTextContents();

test('the preview is the widget with the chosen district, and a new choice updates preview and snippets in place', async () => {
  await page.goto(`${app.url}/partner?region=goettingen`);
  await page.locator(`${PREVIEW} .zm-card`).nth(1).waitFor();
  expect((await previewTitles()).sort()).toEqual([...GOETTINGEN].sort());
  await pagePicture(page, 'partner-desktop');

  await page.selectOption('#filter-region', 'emden');
  await page.waitForURL(/region=emden/);
  await page.locator(`${PREVIEW} .zm-card`).first().waitFor();
  expect(await previewTitles()).toEqual([EMDEN]);
  expect(await page.inputValue('#snippet-script')).toContain('data-region="emden"');
  expect(consoleErrors).toEqual([]);
});

test('"Kopieren" puts the snippet with the partner\'s source name on the clipboard and confirms it', async () => {
  await page.goto(`${app.url}/partner?region=goettingen`);
  await page.fill('#kit-quelle', 'awo-goettingen');
  await page.waitForURL(/quelle=awo-goettingen/);
  const snippet = await page.inputValue('#snippet-banner-300x250');
  expect(snippet).toContain('/mitmachen?quelle=awo-goettingen');
  const item = page.locator('.snippet', { has: page.locator('#snippet-banner-300x250') });
  await item.getByRole('button', { name: /Kopieren/ }).click();
  await item.locator('.snippet__status', { hasText: 'Kopiert' }).waitFor();
  expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(snippet);
});

test('on a phone the page reads in one column, and without JavaScript the snippets are there to select', async () => {
  await page.setViewportSize({ width: 412, height: 900 });
  await page.goto(`${app.url}/partner?region=goettingen&layout=banner`);
  await page.locator(`${PREVIEW} .zm-banner`).waitFor();
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
  expect(overflow).toBe(0);
  await pagePicture(page, 'partner-phone');

  const plain = await browser.newContext({ javaScriptEnabled: false });
  const noScript = await plain.newPage();
  await noScript.goto(`${app.url}/partner?region=goettingen`);
  expect(await noScript.inputValue('#snippet-iframe')).toContain('/embed/stories?region=goettingen');
  expect(await noScript.locator('[data-copy]').first().isHidden()).toBe(true);
  await plain.close();
});
