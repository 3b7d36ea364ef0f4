import fs from 'fs';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { withdrawalLink } from '../../src/plugins/submissions/server/src/intake/withdrawal-token';
import { ensureAdminBuild, launchBrowser, logIn, openAdmin, screenshot, startBrowserApp, type BrowserApp } from '../support/browser';
import { createStory, createSubmission, formConsent } from '../support/fixtures';

/**
 * An editor works through "Einreichungen" in the admin: the queue, one submission in detail with what blocks it,
 * the moves through the workflow, a withdrawal recorded by phone, the reported content, and the "Redaktion" panel
 * beside the story in the content manager. Then the person's own page behind the link in their mail, and
 * "Inhalt melden", checked with axe-core.
 */

const STORY = 'api::story.story';
const AXE = fs.readFileSync(path.resolve(__dirname, '..', '..', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

let app: BrowserApp;
let browser: Browser;
let page: Page;
const ids: Record<string, string> = {};

beforeAll(async () => {
  // Up to five minutes while `npm test` still builds the admin bundle beside its passes: hence the hook's ten.
  await ensureAdminBuild();
  app = await startBrowserApp({ YOUTUBE_SYNC_WORKER: 'false', PUBLIC_API_RATE_LIMIT_PER_MINUTE: '0' });
  ids.amal = await createSubmission(app.strapi, {
    title: 'Amal lernt Pflege in Göttingen',
    data: {
      needsFilmingHelp: true,
      referralSource: 'stadtbibliothek-celle',
      consent: { ...formConsent(), people: [{ nameOrRole: 'Amal Haddad' }, { nameOrRole: 'Sami (9)', minor: true }] },
    },
  });
  ids.fest = await createStory(app.strapi, { title: 'Ein Fest im Stadtteil', region: 'celle', themes: ['kultur'] });
  await app.strapi.db.query('plugin::submissions.content-notice').create({
    data: { storyDocumentId: ids.fest, storySlug: 'ein-fest-im-stadtteil', storyTitle: 'Ein Fest im Stadtteil', reason: 'incorrect', message: 'Das Datum stimmt nicht.', status: 'open' },
  });
  ({ browser, page } = await launchBrowser());
  await logIn(page, app);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** axe-core's serious and critical findings, evaluated through the DevTools protocol (the pages' CSP blocks inline scripts). */
async function seriousViolations(p: Page) {
  await p.evaluate(AXE);
  const violations = (await p.evaluate(`axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] })
    .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) })))`)) as { id: string; impact: string; nodes: string[] }[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

test('the queue lists the new submission with what an editor needs to decide', async () => {
  await openAdmin(page, app, '/');
  await page.getByRole('link', { name: 'Einreichungen' }).first().click();
  const row = page.getByRole('row', { name: /Amal lernt Pflege in Göttingen/ });
  await row.waitFor();
  await row.getByText('Hilfe beim Filmen').waitFor();
  await row.getByText('unvollständig').waitFor();
  await page.getByTestId('review-counts').getByRole('button', { name: /Eingereicht\s*1/ }).waitFor();
  await screenshot(page, 'review-01-queue');
});

test('the detail says what blocks publication; the editor takes the story into review', async () => {
  await page.getByRole('row', { name: /Amal lernt Pflege in Göttingen/ }).getByRole('button', { name: /Ansehen/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('review-blockers').getByText('Person „Sami (9)“: Einwilligung der Sorgeberechtigten fehlt.').waitFor();
  await dialog.getByText('Amal Haddad', { exact: true }).first().waitFor();
  await dialog.getByTestId('referral-source').getByText('Quelle (Partner-Link): stadtbibliothek-celle').waitFor();
  await screenshot(page, 'review-02-detail');
  await dialog.getByLabel('Notiz (freiwillig, erscheint im Verlauf)').fill('Rückfrage zu Sami gestellt');
  await dialog.getByRole('button', { name: 'In Prüfung nehmen' }).click();
  await dialog.getByTestId('review-history').getByText('„Rückfrage zu Sami gestellt“').waitFor();
  await dialog.getByRole('button', { name: 'Freigeben' }).waitFor();
  expect((await app.strapi.db.query(STORY).findOne({ where: { documentId: ids.amal, publishedAt: null } })).editorialStatus).toBe('in_review');
});

test('a withdrawal by phone is recorded for YouTube only', async () => {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Einwilligung widerrufen …' }).click();
  const confirm = page.getByRole('alertdialog');
  await confirm.getByRole('radio', { name: /^für YouTube/ }).click();
  await confirm.getByLabel('Vermerk (z. B. wie und von wem der Widerruf kam)').fill('Anruf von Frau Haddad');
  await screenshot(page, 'review-03-withdraw');
  await confirm.getByRole('button', { name: 'Widerruf erfassen' }).click();
  await dialog.getByTestId('review-consent').getByText(/Widerrufen für YouTube am/).waitFor();
  await page.keyboard.press('Escape');
  const stored = await app.strapi.db.query(STORY).findOne({ where: { documentId: ids.amal, publishedAt: null }, populate: { consent: true } });
  expect(stored.consent.youtubeWithdrawnAt).toBeTruthy();
});

test('reported content is resolved from its own tab', async () => {
  await page.getByRole('tab', { name: /Gemeldete Inhalte/ }).click();
  const row = page.getByTestId('review-notices').getByRole('row', { name: /Das Datum stimmt nicht/ });
  await row.getByText('Offen').waitFor();
  await screenshot(page, 'review-04-reports');
  await row.getByRole('button', { name: 'Erledigt' }).click();
  await row.getByRole('button', { name: 'Wieder öffnen' }).waitFor();
  const [report] = await app.strapi.db.query('plugin::submissions.content-notice').findMany({ where: { storyDocumentId: ids.fest } });
  expect(report).toMatchObject({ status: 'resolved', resolvedBy: expect.any(String) });
});

test('the "Redaktion" panel beside the story names what blocks publication', async () => {
  await openAdmin(page, app, `/content-manager/collection-types/${STORY}/${ids.amal}`);
  const panel = page.getByTestId('review-panel');
  await panel.getByText('In Prüfung').first().waitFor();
  await panel.getByText('Person „Sami (9)“: Sorgeberechtigte sind nicht eingetragen.').waitFor();
  await screenshot(page, 'review-05-panel');
});

test('the personal page behind the link and "Inhalt melden" have no serious accessibility problems', async () => {
  const { referenceNumber } = await app.strapi.db.query(STORY).findOne({ where: { documentId: ids.amal }, select: ['referenceNumber'] });
  const visitor = await browser.newPage({ locale: 'de-DE' });
  await visitor.goto(withdrawalLink(app.strapi, { documentId: ids.amal, referenceNumber }));
  await visitor.getByRole('heading', { name: /Ihre Daten und Ihre Einwilligung/ }).waitFor();
  expect(await seriousViolations(visitor)).toEqual([]);
  await screenshot(visitor, 'review-06-widerruf');
  await visitor.getByRole('radio', { name: /für soziale Medien/ }).check();
  await visitor.getByRole('checkbox').check();
  await visitor.getByRole('button', { name: /Widerruf absenden/ }).click();
  await visitor.getByRole('heading', { name: /Ihr Widerruf ist angekommen/ }).waitFor();
  expect(await seriousViolations(visitor)).toEqual([]);

  await visitor.goto(`${app.url}/melden?story=ein-fest-im-stadtteil`);
  expect(await seriousViolations(visitor)).toEqual([]);
  await screenshot(visitor, 'review-07-melden');
  await visitor.getByRole('radio', { name: /Falsche Angaben/ }).check();
  await visitor.getByRole('button', { name: /Meldung absenden/ }).click();
  await visitor.getByRole('heading', { name: /Danke für Ihre Meldung/ }).waitFor();
  await visitor.close();
});
