import fs from 'fs';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, startBrowserApp, type BrowserApp } from '../support/browser';
import { videoBytes } from '../support/submission';
import { MESSAGES } from '../../src/plugins/submissions/server/src/intake/messages';

let app: BrowserApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  app = await startBrowserApp({
    PUBLIC_API_RATE_LIMIT_PER_MINUTE: '0',
    SUBMISSION_RATE_LIMIT_PER_HOUR: '0',
    YOUTUBE_SYNC_WORKER: 'false',
  });
  ({ browser, page } = await launchBrowser());
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const AXE = fs.readFileSync(path.resolve(__dirname, '..', '..', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/**
 * axe-core's serious and critical findings on the page as it is now. The source is evaluated through the
 * DevTools protocol rather than added as a <script>, which the pages' Content Security Policy would block.
 */
async function seriousViolations(p: Page) {
  await p.evaluate(AXE);
  // A string, because this runs in the page and the tests are type-checked without the DOM library.
  const violations = (await p.evaluate(`axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] })
    .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) })))`)) as {
    id: string;
    impact: string;
    help: string;
    nodes: string[];
  }[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Screenshots at a desktop and a phone width (tests/browser/__screenshots__/). */
async function screenshots(p: Page, name: string) {
  for (const width of [1280, 375]) {
    await p.setViewportSize({ width, height: 900 });
    await screenshot(p, `submission-${name}-${width}`);
  }
  await p.setViewportSize({ width: 1280, height: 900 });
}

const activeElementId = (p: Page) => p.evaluate('document.activeElement && document.activeElement.id') as Promise<string>;

async function openForm() {
  await page.goto(`${app.url}/mitmachen`);
  // The script enables the button once it runs: before that, sending would do nothing.
  await page.locator('#submit-button:not([disabled])').waitFor();
}

test('the form says what it needs up front and has no serious accessibility problem', async () => {
  await openForm();
  await page.getByText('MP4, MOV, WEBM, 3GP, M4V, MKV, höchstens', { exact: false }).first().waitFor();
  await page.getByText('Fassung des Einwilligungstexts:', { exact: false }).waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  await screenshots(page, '01-form');
});

test('sending the empty form focuses an error summary that links to each field', async () => {
  await openForm();
  await page.getByRole('button', { name: /Geschichte absenden/ }).click();
  const summary = page.locator('#error-summary');
  await summary.waitFor();
  expect(await activeElementId(page)).toBe('error-summary');
  await summary.getByRole('heading', { name: /Bitte prüfen Sie Ihre Angaben/ }).waitFor();
  expect(await page.locator('#name-error').textContent()).toContain('Bitte geben Sie Ihren Namen an.');
  expect(await page.locator('#email-error').textContent()).toContain('gültige E-Mail-Adresse');
  expect(await page.locator('#credit-error').textContent()).toContain('wie Sie genannt werden möchten');
  expect(await page.locator('#title-error').textContent()).toContain('Titel');
  expect(await page.locator('#region-error').textContent()).toContain('Landkreis');
  expect(await page.locator('#videoChoice-error').textContent()).toContain('ob Sie ein Video haben');
  expect(await page.locator('#consentPeople-error').textContent()).toContain('einverstanden');
  expect(await page.locator('#name').getAttribute('aria-invalid')).toBe('true');
  expect(await summary.getByRole('link').count()).toBeGreaterThanOrEqual(10);

  await summary.getByRole('link', { name: /Ihren Namen/ }).click();
  expect(await activeElementId(page)).toBe('name');
  expect(await seriousViolations(page)).toEqual([]);
  await screenshots(page, '02-errors');
});

test('an interrupted video upload goes on from where it stopped', async () => {
  await openForm();
  const patchOffsets: number[] = [];
  let dropped = false;
  await page.route('**/api/v1/uploads/*', async (route) => {
    const request = route.request();
    if (request.method() === 'PATCH') {
      patchOffsets.push(Number(request.headers()['upload-offset']));
      if (patchOffsets.length === 2 && !dropped) {
        dropped = true;
        return route.abort('internetdisconnected');
      }
    }
    return route.continue();
  });
  const offsetAnswers: number[] = [];
  page.on('response', (response) => {
    if (response.request().method() === 'HEAD' && response.url().includes('/api/v1/uploads/')) offsetAnswers.push(response.status());
  });
  await page.getByLabel(/Ja, ich lade eine Videodatei hoch/).check();
  await page.setInputFiles('#video', { name: 'handyvideo.mp4', mimeType: 'video/mp4', buffer: videoBytes(20 * 1024 * 1024) });
  await page.locator('#upload-text').getByText('100 %', { exact: false }).waitFor({ timeout: 60_000 });
  await page.unroute('**/api/v1/uploads/*');
  expect(dropped).toBe(true);
  // After the drop the client asks the server how much arrived (HEAD) instead of starting a new upload.
  expect(offsetAnswers).toEqual([200]);
  // Chunks of 8 MiB: the first arrives, the second is cut off and sent again from 8 MiB, not from the start.
  expect(patchOffsets).toEqual([0, 8 * 1024 * 1024, 8 * 1024 * 1024, 16 * 1024 * 1024]);
});

test('an upload beyond the budget is refused at once, and the page says which limit in German and English', async () => {
  // The server's refusals (tests/integration/upload-budget.test.ts) as the upload server sends them, without
  // filling a real budget from the browser.
  const refusals = [
    { status: 429, retryAfter: '86000', message: MESSAGES.uploadBudgetPerAddress(4096 * 1024 * 1024, 86000) },
    { status: 503, retryAfter: '900', message: MESSAGES.uploadBudgetPending(900) },
  ];
  for (const refusal of refusals) {
    await openForm();
    let attempts = 0;
    await page.route('**/api/v1/uploads', (route) => {
      attempts += 1;
      return route.fulfill({
        status: refusal.status,
        headers: { 'Tus-Resumable': '1.0.0', 'Retry-After': refusal.retryAfter, 'Content-Type': 'text/plain' },
        body: `${refusal.message}\n`,
      });
    });
    await page.getByLabel(/Ja, ich lade eine Videodatei hoch/).check();
    await page.setInputFiles('#video', { name: 'handyvideo.mp4', mimeType: 'video/mp4', buffer: videoBytes(1024 * 1024) });
    const error = page.locator('#video-error');
    await error.getByText(refusal.message.split(' / ')[0], { exact: false }).waitFor();
    expect(await error.textContent()).toContain(refusal.message.split(' / ')[1]);
    await page.unroute('**/api/v1/uploads');
    expect(attempts).toBe(1);
  }
});

test('a story with a video, an adult and a teenager arrives as a draft and the thank-you page shows its number', async () => {
  await openForm();
  await page.getByLabel(/^Ihr Name/).fill('Amal Haddad');
  // Accepted by the page's quick check but not by the server: its answer must reach the field the same way.
  await page.getByLabel(/^E-Mail-Adresse/).fill('amal@beispiel.d');
  await page.getByLabel(/^Telefon/).fill('+49 551 123456');
  await page.getByLabel(/^Nur mit Vornamen/).check();
  await page.locator('#title').fill('Amal lernt Pflege in Celle');
  await page.getByLabel(/^Was ist passiert\?/).fill('Vor drei Jahren kam Amal nach Celle. Heute macht sie eine Ausbildung zur Pflegefachfrau.');

  await page.getByLabel(/^Ort eingeben/).fill('Cell');
  await page.getByRole('button', { name: 'Celle → Landkreis Celle' }).click();
  expect(await page.locator('#region').inputValue()).toBe('celle');
  await page.locator('#place-status').getByText('Landkreis Celle ist ausgewählt', { exact: false }).waitFor();

  await page.getByLabel(/^Arbeit/).check();
  await page.getByLabel(/Ja, ich lade eine Videodatei hoch/).check();
  await page.setInputFiles('#video', { name: 'amal.mp4', mimeType: 'video/mp4', buffer: videoBytes(3 * 1024 * 1024) });

  await page.locator('#person-0-nameOrRole').fill('Amal');
  await page.locator('#person-0-age-adult').check();
  await page.locator('#person-0-channelWebsite').check();
  await page.locator('#person-0-channelYoutube').check();
  await page.getByRole('button', { name: /Person hinzufügen/ }).click();
  expect(await activeElementId(page)).toBe('person-1-nameOrRole');
  await page.locator('#person-1-nameOrRole').fill('Karim, Amals Sohn');
  await page.locator('#person-1-age-minor14').check();
  await page.locator('#person-1-guardians').fill('Amal und Yusuf Haddad');
  await page.locator('#person-1-guardianConsent').check();
  await page.locator('#person-1-ownConsent').check();
  await page.locator('#person-1-channelWebsite').check();

  await page.locator('#consentPeople').check();
  await page.locator('#acceptTerms').check();
  await page.locator('#consentPrivacy').check();
  await page.locator('#upload-text').getByText('100 %', { exact: false }).waitFor({ timeout: 60_000 });
  expect(await page.locator('#upload-progress').getAttribute('value')).toBe('100');
  expect(await seriousViolations(page)).toEqual([]);
  await screenshots(page, '03-filled');

  await page.getByRole('button', { name: /Geschichte absenden/ }).click();
  await page.locator('#email-error').getByText('e.g. name@example.org', { exact: false }).waitFor();
  expect(await activeElementId(page)).toBe('error-summary');
  // Nothing typed is lost.
  expect(await page.locator('#title').inputValue()).toBe('Amal lernt Pflege in Celle');
  expect(await page.locator('#person-1-guardians').inputValue()).toBe('Amal und Yusuf Haddad');

  await page.getByLabel(/^E-Mail-Adresse/).fill('amal.haddad@example.org');
  await page.getByRole('button', { name: /Geschichte absenden/ }).click();
  await page.waitForURL(/\/mitmachen\/danke\?ref=/);
  const reference = (await page.locator('#reference-number').textContent()) ?? '';
  expect(reference).toMatch(/^ZM-\d{4}-[2-9A-Z]{6}$/);
  await page.getByRole('heading', { name: /So geht es weiter/ }).waitFor();

  const story = await app.strapi.db.query('api::story.story').findOne({
    where: { referenceNumber: reference },
    populate: { region: true, video: true, themes: true, consent: { populate: { people: true } } },
  });
  expect(story).toMatchObject({
    title: 'Amal lernt Pflege in Celle',
    editorialStatus: 'submitted',
    publishedAt: null,
    creditPreference: 'first-name',
    region: { slug: 'celle' },
    themes: [{ slug: 'arbeit' }],
  });
  expect(story.video).toMatchObject({ mime: 'video/mp4' });
  expect(story.consent).toMatchObject({ minorsShown: true, guardianConsent: true, peopleAgreed: true, termsAccepted: true, privacyAccepted: true });
  expect(story.consent.people).toMatchObject([
    { nameOrRole: 'Amal', minor: false, channelWebsite: true, channelYoutube: true, channelSocial: false },
    { nameOrRole: 'Karim, Amals Sohn', minor: true, aged14OrOver: true, guardians: 'Amal und Yusuf Haddad', guardianConsent: true, ownConsent: true, channelWebsite: true, channelYoutube: false },
  ]);

  expect(await seriousViolations(page)).toEqual([]);
  await screenshots(page, '04-thank-you');
});

test('the legal pages read well on a phone and have no serious accessibility problem', async () => {
  for (const [path, name] of [['/datenschutz', 'privacy'], ['/barrierefreiheit', 'accessibility']]) {
    await page.goto(`${app.url}${path}`);
    await page.getByRole('navigation', { name: 'Rechtliches' }).getByRole('link', { name: 'Impressum' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, `05-${name}`);
  }
});
