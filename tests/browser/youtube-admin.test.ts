import fs from 'fs';
import type { Browser, Page } from 'playwright-core';
import type { Emulator } from '../../src/youtube-emulator';
import { ensureAdminBuild, launchBrowser, logIn, openAdmin, screenshot, startBrowserApp, type BrowserApp } from '../support/browser';
import { createStory } from '../support/fixtures';
import { addCoverImage, addVideoFile, storedPath } from '../support/media';
import { startYouTube, youtubeEnv } from '../support/youtube';

let youtube: Emulator;
let app: BrowserApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  // Up to five minutes while `npm test` still builds the admin bundle beside its passes: hence the hook's ten.
  await ensureAdminBuild();
  youtube = await startYouTube();
  app = await startBrowserApp(
    youtubeEnv(youtube, {
      YOUTUBE_AUTH_URL: youtube.authUrl,
      YOUTUBE_REVOKE_URL: youtube.revokeUrl,
      YOUTUBE_SYNC_WORKER: 'true',
      YOUTUBE_SYNC_INTERVAL_MS: '500',
    })
  );
  ({ browser, page } = await launchBrowser());
  await logIn(page, app);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await youtube?.close();
});

const storyWithVideo = async (title: string, publish: boolean) => {
  const video = await addVideoFile(app.strapi, title.toLowerCase().replace(/\W+/g, '-'));
  const cover = await addCoverImage(app.strapi, `${title}-cover`);
  const documentId = await createStory(app.strapi, { title, region: 'goettingen', themes: ['sprache'], publish, data: { video: video.id, cover: cover.id } });
  return { documentId, videoPath: () => storedPath(app.strapi, video.id) };
};

test('an editor connects the channel through the consent page and comes back connected', async () => {
  await openAdmin(page, app, '/settings/youtube-sync/connection');
  await page.getByRole('heading', { name: 'YouTube-Kanal verbinden' }).waitFor();
  await page.getByText('Verbunden (aus der Umgebung)').waitFor();
  await screenshot(page, '01-connection-from-environment');

  await page.getByLabel('Client-Secret').fill('emulator-client-secret');
  await page.getByRole('button', { name: 'Mit YouTube verbinden' }).click();
  await page.waitForURL(`${youtube.authUrl}?**`);
  await screenshot(page, '02-consent-page');

  await page.getByRole('button', { name: 'Zulassen' }).click();
  await page.waitForURL(/\/admin\/settings\/youtube-sync\/connection/);
  await page.getByText('Der YouTube-Kanal ist verbunden.').waitFor();
  await page.getByTestId('connection-state').getByText('Verbunden', { exact: true }).waitFor();
  await page.getByTestId('channel').getByText('ZUSAMMEN. MEHR.').waitFor();
  expect(await page.getByTestId('channel').textContent()).toContain('UCzusammenMehrEmulator0');
  await screenshot(page, '03-connection-connected');
});

test('the description template shows a live preview and explains a wrong placeholder', async () => {
  await openAdmin(page, app, '/settings/youtube-sync/texts');
  const template = page.getByLabel('Vorlage');
  await template.waitFor();
  await template.fill('{title} – {region}\n\n{link}');
  await page.getByTestId('template-preview').getByText('Amal lernt Pflege in Göttingen – Göttingen').waitFor();
  await screenshot(page, '04-settings-preview');
  await template.fill('{titel}');
  await page.getByText('Unbekannte Platzhalter: {titel}').waitFor();
  await screenshot(page, '05-settings-invalid');
});

test('publishing a story in the content manager brings it to YouTube, shown in its side panel', async () => {
  const { documentId } = await storyWithVideo('Amal lernt Pflege in Göttingen', false);
  await openAdmin(page, app, `/content-manager/collection-types/api::story.story/${documentId}`);
  const panel = page.getByTestId('youtube-panel');
  await panel.getByText('Nicht auf YouTube', { exact: true }).waitFor();
  await screenshot(page, '06-story-draft-panel');
  await page.getByRole('button', { name: 'Veröffentlichen' }).click();
  await panel.getByText('Auf YouTube', { exact: true }).waitFor({ timeout: 60_000 });
  await panel.getByRole('link', { name: 'Video ansehen' }).waitFor();
  await panel.getByText('ZUSAMMEN. MEHR. – Göttingen').waitFor();
  expect(youtube.videos().map((v) => v.snippet.title)).toEqual(['Amal lernt Pflege in Göttingen']);
  await screenshot(page, '07-story-synced-panel');
});

test('the story list shows a YouTube badge per story', async () => {
  await openAdmin(page, app, '/content-manager/collection-types/api::story.story');
  await page.locator('thead').getByText('YouTube', { exact: true }).waitFor();
  await page.getByRole('row', { name: /Amal lernt Pflege/ }).getByText('Auf YouTube', { exact: true }).waitFor();
  await screenshot(page, '08-story-list');
});

test('the dashboard shows what is on YouTube, the quota and the playlists', async () => {
  await openAdmin(page, app, '/plugins/youtube-sync');
  await page.getByTestId('count-synced').getByText('1', { exact: true }).waitFor();
  await page.getByTestId('quota').getByText(/von 10\.000 Einheiten verbraucht/).waitFor();
  await page.getByTestId('quota').getByText(/Einheiten übrig/).waitFor();
  await page.getByTestId('playlists').getByRole('link', { name: 'ZUSAMMEN. MEHR. – Alle Geschichten' }).waitFor();
  await screenshot(page, '09-dashboard');
});

test('a failure is explained in plain German and fixed with "Erneut versuchen"', async () => {
  const { videoPath } = await storyWithVideo('Das Video fehlt', false);
  const stored = await videoPath();
  const bytes = fs.readFileSync(stored);
  fs.rmSync(stored);
  const failing = await app.strapi.db.query('api::story.story').findOne({ where: { title: 'Das Video fehlt' } });
  await app.strapi.documents('api::story.story').publish({ documentId: failing.documentId });

  await openAdmin(page, app, '/plugins/youtube-sync');
  const failures = page.getByTestId('failures');
  await failures.getByText('Die Videodatei ist auf dem Server nicht mehr vorhanden', { exact: false }).waitFor({ timeout: 40_000 });
  await failures.getByRole('button', { name: 'Technische Details' }).click();
  await failures.getByText('missing on disk', { exact: false }).waitFor();
  await screenshot(page, '10-dashboard-failure');

  fs.writeFileSync(stored, bytes);
  await failures.getByRole('row', { name: /Das Video fehlt/ }).getByRole('button', { name: 'Erneut versuchen' }).click();
  await failures.getByText('Keine Fehler – alles in Ordnung.').waitFor({ timeout: 40_000 });
  await page.getByTestId('count-synced').getByText('2', { exact: true }).waitFor({ timeout: 40_000 });
  expect(youtube.videos()).toHaveLength(2);
  await screenshot(page, '11-dashboard-after-retry');
});

test('"Alles neu synchronisieren" asks first and shows its progress', async () => {
  await openAdmin(page, app, '/plugins/youtube-sync');
  await page.getByRole('button', { name: 'Alles neu synchronisieren' }).click();
  const dialog = page.getByRole('alertdialog');
  await dialog.getByText('Alle 2 veröffentlichten Geschichten werden mit YouTube abgeglichen', { exact: false }).waitFor();
  await screenshot(page, '12-resync-confirm');
  await dialog.getByRole('button', { name: 'Neu synchronisieren' }).click();
  await page.getByTestId('resync').getByText('2 von 2 Geschichten abgeglichen').waitFor({ timeout: 40_000 });
  await page.getByTestId('resync').getByText(/^Abgeschlossen/).waitFor();
  await screenshot(page, '13-resync-finished');
});

test('on an unverified channel the panel and the dashboard say the thumbnail is missing and what to do', async () => {
  youtube.setRules({ channelVerified: false });
  try {
    const { documentId } = await storyWithVideo('Ohne Vorschaubild', true);
    await openAdmin(page, app, `/content-manager/collection-types/api::story.story/${documentId}`);
    const panel = page.getByTestId('youtube-panel');
    await panel.getByText('Auf YouTube', { exact: true }).waitFor({ timeout: 60_000 });
    await panel.getByText(/Kanal nicht verifiziert – eigenes Vorschaubild fehlt\. Verifizieren Sie den Kanal unter youtube\.com\/verify/).waitFor();
    await openAdmin(page, app, '/plugins/youtube-sync');
    await page.getByText('1 Geschichte ist ohne eigenes Vorschaubild auf YouTube.').waitFor();
    await screenshot(page, '09b-dashboard-thumbnail-missing');
  } finally {
    youtube.setRules({ channelVerified: true });
  }
});

test('"Trennen" asks first, revokes the access and falls back to the environment', async () => {
  await openAdmin(page, app, '/settings/youtube-sync/connection');
  await page.getByRole('button', { name: 'Trennen' }).click();
  const dialog = page.getByRole('alertdialog');
  await dialog.getByText('Der Zugang wird bei Google widerrufen', { exact: false }).waitFor();
  await screenshot(page, '14-disconnect-confirm');
  await dialog.getByRole('button', { name: 'Verbindung trennen' }).click();
  await page.getByText('Die Verbindung wurde getrennt und der Zugang bei Google widerrufen.').waitFor();
  await page.getByText('Verbunden (aus der Umgebung)').waitFor();
  await screenshot(page, '15-connection-disconnected');
});

test('the Berichte page, a plugin of its own, opens from the main menu with the figures', async () => {
  await openAdmin(page, app, '/');
  await page.getByRole('link', { name: 'Berichte' }).first().click();
  await page.waitForURL(/\/admin\/plugins\/reports/);
  await page.getByRole('heading', { name: 'Berichte', level: 1 }).waitFor();
  await page.getByTestId('figure-published').getByText('Veröffentlichte Geschichten').waitFor();
  await screenshot(page, '16-reports');
});

test('an admin who chose English sees the plugins in English', async () => {
  const setLanguage = (preferedLanguage: string) =>
    app.strapi.db.query('admin::user').update({ where: { email: app.admin.email }, data: { preferedLanguage } });
  await setLanguage('en');
  // The admin reads the user's language when it starts: this page is loaded, not opened through the router.
  await page.goto(`${app.url}/admin/plugins/youtube-sync`);
  await page.getByRole('button', { name: 'Re-sync everything' }).waitFor();
  await page.getByTestId('failures').getByText('No failures – all good.').waitFor();
  await screenshot(page, '17-dashboard-english');
  await openAdmin(page, app, '/plugins/reports');
  await page.getByTestId('figure-published').getByText('Published stories').waitFor();
  await openAdmin(page, app, '/plugins/submissions');
  await page.getByRole('heading', { name: 'Submissions', level: 1 }).waitFor();
  await setLanguage('de');
});
