import request from 'supertest';
import { startStrapi, type TestApp } from '../support/strapi';
import { seedLegalPages } from '../../src/seed/legal-pages';

let app: TestApp;
const env = { PUBLIC_API_RATE_LIMIT_PER_MINUTE: '0', SUBMISSION_MAX_VIDEO_MB: '900', SUBMISSION_VIDEO_TYPES: 'mp4,mov' };

beforeAll(async () => {
  app = await startStrapi(env);
});
afterAll(async () => {
  await app?.stop();
});

const LEGAL = [
  { path: '/impressum', uid: 'api::imprint.imprint', title: 'Impressum' },
  { path: '/datenschutz', uid: 'api::privacy-policy.privacy-policy', title: 'Datenschutzerklärung' },
  { path: '/barrierefreiheit', uid: 'api::accessibility-statement.accessibility-statement', title: 'Erklärung zur Barrierefreiheit' },
  { path: '/teilnahmebedingungen', uid: 'api::participation-terms.participation-terms', title: 'Teilnahmebedingungen' },
];
const FOOTER_LINKS = ['/impressum', '/datenschutz', '/barrierefreiheit', '/teilnahmebedingungen'].map((path) => `href="${path}"`);

const page = (path: string) => request(app.server).get(path);
const singleType = (uid: string) => app.strapi.documents(uid as never);
const rowCount = (uid: string) => app.strapi.db.query(uid as never).count();

describe('the legal pages', () => {
  test.each(LEGAL)('$path shows the seeded "$title" with the links to all four legal pages', async ({ path, title }) => {
    const res = await page(path);
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/html');
    expect(res.text).toContain(`<h1>${title}</h1>`);
    expect(res.text).toContain(`<title>${title} – ZUSAMMEN. MEHR.</title>`);
    for (const link of FOOTER_LINKS) expect(res.text).toContain(link);
  });

  test('the privacy policy explains the two-click videos, the submission form and how long data is kept', async () => {
    const res = await page('/datenschutz');
    expect(res.text).toContain('youtube-nocookie.com');
    expect(res.text).toContain('Art. 8 DSGVO');
    expect(res.text).toContain('Wie lange wir die Daten speichern');
    expect(res.text).toContain('Landesbeauftragte für den Datenschutz Niedersachsen');
    // Placeholders for the office stay visible text; links in the seed become links.
    expect(res.text).toContain('[Straße und Hausnummer]');
    expect(res.text).toContain('<a href="mailto:buendnis@niedersachsen.de" rel="noopener">buendnis@niedersachsen.de</a>');
  });

  test('the accessibility statement ends with the feedback address the office entered', async () => {
    const res = await page('/barrierefreiheit');
    expect(res.text).toContain('<a href="mailto:buendnis@niedersachsen.de">buendnis@niedersachsen.de</a>');
  });

  test('a page the office edited shows the new text, with markup in it escaped', async () => {
    const imprint = (await singleType('api::imprint.imprint').findFirst({})) as unknown as { documentId: string };
    await singleType('api::imprint.imprint').update({
      documentId: imprint.documentId,
      data: {
        title: 'Impressum der Geschäftsstelle',
        body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Vertreten durch Frau Muster <script>alert(1)</script>' }] }],
        reviewedByOffice: true,
      } as never,
    });
    const res = await page('/impressum');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<h1>Impressum der Geschäftsstelle</h1>');
    expect(res.text).toContain('Vertreten durch Frau Muster &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(res.text).not.toContain('<script>alert(1)');
  });

  test('seeding again creates no second page and keeps the edit, also across a restart', async () => {
    await seedLegalPages(app.strapi);
    for (const { uid } of LEGAL) expect(await rowCount(uid)).toBe(1);
    app = await app.restart(env);
    for (const { uid } of LEGAL) expect(await rowCount(uid)).toBe(1);
    const imprint = (await singleType('api::imprint.imprint').findFirst({})) as unknown as { title: string; reviewedByOffice: boolean };
    expect(imprint).toMatchObject({ title: 'Impressum der Geschäftsstelle', reviewedByOffice: true });
    expect((await page('/impressum')).text).toContain('Vertreten durch Frau Muster');
  });

  test('a deleted page answers 404 with a note, and comes back as a draft on the next start', async () => {
    const terms = (await singleType('api::participation-terms.participation-terms').findFirst({})) as unknown as { documentId: string };
    await singleType('api::participation-terms.participation-terms').delete({ documentId: terms.documentId });
    const missing = await page('/teilnahmebedingungen');
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('Diese Seite wird gerade überarbeitet');
    await seedLegalPages(app.strapi);
    const back = await page('/teilnahmebedingungen');
    expect(back.status).toBe(200);
    expect(back.text).toContain('<h1>Teilnahmebedingungen</h1>');
  });
});

describe('the submission page', () => {
  test('/mitmachen shows the five steps, the limits from the configuration and links to the conditions', async () => {
    const res = await page('/mitmachen');
    expect(res.status).toBe(200);
    for (const legend of ['Über Sie', 'Ihre Geschichte', 'Video', 'Wer ist zu sehen? – Einwilligung', 'Absenden']) {
      expect(res.text).toMatch(new RegExp(`<legend><span class="step-number" aria-hidden="true">\\d</span>${legend.replace('?', '\\?')}`));
    }
    expect(res.text).toContain('<strong>Videos:</strong> MP4, MOV, höchstens 900 MB.');
    expect(res.text).toContain('href="/teilnahmebedingungen" target="_blank"');
    expect(res.text).toContain('href="/datenschutz" target="_blank"');
    expect(res.text).toContain('<script src="/assets/mitmachen.js" defer></script>');
    expect(res.text).not.toMatch(/<script>(?!<\/script>)/);
    // Only scripts from this site may run: the page needs no inline script and no exception in the policy.
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
  });

  test('the district list holds all 45 districts grouped by statistical region', async () => {
    const res = await page('/mitmachen');
    expect(res.text.match(/<option value="[a-z-]+" data-key="03\d{3}">/g)).toHaveLength(45);
    expect(res.text).toContain('<optgroup label="Statistische Region Weser-Ems">');
    expect(res.text).toContain('<option value="region-hannover" data-key="03241">Region Hannover</option>');
    expect(res.text).toContain('<option value="emden" data-key="03402">Stadt Emden</option>');
  });

  test('the town list maps towns to districts that exist', async () => {
    const res = await page('/mitmachen/orte.json');
    expect(res.status).toBe(200);
    const places = (res.body as { places: [string, string][] }).places;
    const keys = new Set((await app.strapi.db.query('api::region.region').findMany({ select: ['key'] })).map((r: { key: string }) => r.key));
    expect(places.filter(([, key]) => !keys.has(key))).toEqual([]);
    expect(new Set(places.map(([, key]) => key)).size).toBe(45);
    expect(places).toContainEqual(['Celle', '03351']);
    expect(places).toContainEqual(['Osterode am Harz', '03159']);
    expect(places).toContainEqual(['Lingen (Ems)', '03454']);
  });

  test('the tus client is served from node_modules, compressed and cached for a year', async () => {
    const res = await page('/assets/vendor/tus.min.js').set('Accept-Encoding', 'gzip');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['cache-control']).toContain('immutable');
    expect(res.text).toContain('tus');
    const again = await page('/assets/vendor/tus.min.js').set('If-None-Match', res.headers.etag);
    expect(again.status).toBe(304);
  });
});

describe('the thank-you page', () => {
  test('shows a well-formed reference number and what happens next', async () => {
    const res = await page('/mitmachen/danke?ref=ZM-2026-4F7K2Q');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<span class="reference" id="reference-number">ZM-2026-4F7K2Q</span>');
    expect(res.text).toContain('So geht es weiter');
    expect(res.text).toContain('Einwilligung widerrufen');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  test.each([
    ['markup', '<script>alert(1)</script>'],
    ['a wrong pattern', 'ZM-2026-0000000'],
    ['nothing', ''],
  ])('refuses a reference made of %s without repeating it', async (_name, ref) => {
    const res = await page(`/mitmachen/danke?ref=${encodeURIComponent(ref)}`);
    expect(res.status).toBe(400);
    expect(res.text).toContain('Diese Vorgangsnummer ist ungültig');
    if (ref) expect(res.text).not.toContain(ref);
  });
});
