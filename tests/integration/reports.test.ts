import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import request from 'supertest';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { startStrapi, type TestApp } from '../support/strapi';
import { createProject, createStory } from '../support/fixtures';
import { adminToken } from '../support/admin';
import { claimExport } from '../../src/plugins/reports/server/src/exports/claim';
import { EXPORT_UID } from '../../src/plugins/reports/server/src/exports/jobs';
import { enqueueExport } from '../../src/plugins/reports/server/src/exports/enqueue';
import { parseReportRequest } from '../../src/plugins/reports/server/src/filters';

/*
 * The report's figures against a count made here, from the fixture list below, without the report's SQL: every
 * table, the districts without stories included. Times are chosen around the edges of the period and of months in
 * German time (a story published at 00:30 on 1 February in Hanover belongs to February).
 */

const STATE = 'plugin::youtube-sync.sync-state';
const FROM = '2026-01-01';
const TO = '2026-06-30';
/** Berlin midnight at the start of 1 January 2026 (CET) and of 1 July 2026 (CEST), written out by hand. */
const PERIOD_START = Date.parse('2025-12-31T23:00:00Z');
const PERIOD_END = Date.parse('2026-06-30T22:00:00Z');

interface Fixture {
  title: string;
  region?: string;
  themes: string[];
  project?: 'p1' | 'p2';
  createdAt: string;
  publishedAt?: string;
  status?: 'submitted' | 'in_review' | 'approved' | 'rejected' | 'withdrawn';
  stats?: { views: number; likes: number; comments: number };
  syncFailed?: string;
  /** The `quelle` of the partner link the submission came by. */
  referralSource?: string;
}

const FIXTURES: Fixture[] = [
  { title: 'Anna lernt Deutsch', region: 'goettingen', themes: ['sprache', 'schule'], project: 'p1', createdAt: '2026-01-05T09:00:00Z', publishedAt: '2026-01-10T10:00:00Z', stats: { views: 500, likes: 20, comments: 3 } },
  { title: 'Berat im Chor', region: 'goettingen', themes: ['sprache'], createdAt: '2026-01-20T09:00:00Z', publishedAt: '2026-01-31T23:30:00Z' },
  { title: '=Chen macht eine Ausbildung', region: 'region-hannover', themes: ['arbeit'], project: 'p2', createdAt: '2026-03-01T08:00:00Z', publishedAt: '2026-03-15T12:00:00Z', stats: { views: 1200, likes: 50, comments: 10 } },
  { title: 'Dilan in der Werkstatt', region: 'region-hannover', themes: ['arbeit', 'ausbildung'], project: 'p2', createdAt: '2026-03-18T08:00:00Z', publishedAt: '2026-03-20T08:00:00Z' },
  { title: 'Emre und Ольга im Theater', region: 'emden', themes: ['kultur'], createdAt: '2026-04-30T08:00:00Z', publishedAt: '2026-05-05T08:00:00Z', stats: { views: 80, likes: 2, comments: 0 } },
  { title: 'Farah am Deich', region: 'cuxhaven', themes: [], createdAt: '2026-06-20T08:00:00Z', publishedAt: '2026-06-30T22:30:00Z' },
  { title: 'Goran spielt Fußball', themes: ['sport'], project: 'p1', createdAt: '2026-02-01T08:00:00Z', publishedAt: '2026-02-14T08:00:00Z', syncFailed: 'YouTube lehnte das Video ab (uploadLimitExceeded)' },
  { title: 'Hana pflegt', region: 'celle', themes: [], createdAt: '2026-05-25T08:00:00Z', publishedAt: '2026-06-01T08:00:00Z' },
  { title: 'Ivan zum Jahreswechsel', region: 'goettingen', themes: ['sprache'], project: 'p1', createdAt: '2025-12-01T08:00:00Z', publishedAt: '2025-12-31T23:30:00Z', stats: { views: 300, likes: 9, comments: 1 } },
  { title: 'Jana im Herbst', region: 'emden', themes: ['kultur'], createdAt: '2025-10-20T08:00:00Z', publishedAt: '2025-11-01T08:00:00Z', stats: { views: 9999, likes: 1, comments: 1 } },
  { title: 'Karim reicht ein', region: 'goettingen', themes: ['sprache'], createdAt: '2026-02-02T08:00:00Z', status: 'submitted', referralSource: 'stadtbibliothek-celle' },
  { title: 'Lea wurde abgelehnt', region: 'region-hannover', themes: ['arbeit'], createdAt: '2026-03-03T08:00:00Z', status: 'rejected', referralSource: 'stadtbibliothek-celle' },
  { title: 'Mara zog zurück', region: 'emden', themes: ['kultur'], createdAt: '2026-04-04T08:00:00Z', status: 'withdrawn' },
  { title: 'Noah wird geprüft', region: 'goettingen', themes: [], createdAt: '2026-05-05T08:00:00Z', status: 'in_review', referralSource: 'awo-goettingen' },
  { title: 'Olga im Vorjahr', region: 'celle', themes: [], createdAt: '2025-10-10T08:00:00Z', status: 'rejected', referralSource: 'stadtbibliothek-celle' },
  { title: 'Quentin nachgetragen', region: 'goettingen', themes: ['schule'], createdAt: '2026-02-10T08:00:00Z', publishedAt: '2026-01-15T08:00:00Z' },
];

const regionsSeed = JSON.parse(fs.readFileSync(path.join(__dirname, '../../database/seed/regions.json'), 'utf8')) as { key: string; slug: string; name: string; statisticalRegion: string }[];
const themesSeed = JSON.parse(fs.readFileSync(path.join(__dirname, '../../database/seed/themes.json'), 'utf8')) as { slug: string; name: string }[];
const regionOf = (slug: string) => regionsSeed.find((r) => r.slug === slug) as (typeof regionsSeed)[number];
const SR_NAMES: Record<string, string> = { braunschweig: 'Braunschweig', hannover: 'Hannover', lueneburg: 'Lüneburg', weser_ems: 'Weser-Ems' };

// ---- the independent count ---------------------------------------------------------------------------------------

const inPeriod = (iso: string) => Date.parse(iso) >= PERIOD_START && Date.parse(iso) < PERIOD_END;
const berlinMonth = (iso: string) => new Date(iso).toLocaleString('sv-SE', { timeZone: 'Europe/Berlin' }).slice(0, 7);

function expected(filter: (f: Fixture) => boolean = () => true) {
  const published = FIXTURES.filter((f) => f.publishedAt && inPeriod(f.publishedAt) && filter(f));
  const count = (key: (f: Fixture) => string | undefined) => {
    const counts = new Map<string | undefined, number>();
    for (const f of published) counts.set(key(f), (counts.get(key(f)) ?? 0) + 1);
    return counts;
  };
  const themes = new Map<string, number>();
  for (const f of published) for (const t of f.themes) themes.set(t, (themes.get(t) ?? 0) + 1);
  const submissions = FIXTURES.filter((f) => inPeriod(f.createdAt) && filter(f));
  const days = submissions
    .filter((f) => f.publishedAt && Date.parse(f.publishedAt) >= Date.parse(f.createdAt))
    .map((f) => (Date.parse(f.publishedAt as string) - Date.parse(f.createdAt)) / 86400000)
    .sort((a, b) => a - b);
  const mid = Math.floor((days.length - 1) / 2);
  const median = days.length === 0 ? null : Math.round((days.length % 2 ? days[mid] : (days[mid] + days[mid + 1]) / 2) * 10) / 10;
  const statusOf = (f: Fixture) => f.status ?? 'approved';
  const withStats = published.filter((f) => f.stats);
  return {
    published: published.length,
    byDistrict: count((f) => (f.region ? regionOf(f.region).key : undefined)),
    byStatisticalRegion: count((f) => (f.region ? SR_NAMES[regionOf(f.region).statisticalRegion] : undefined)),
    byTheme: themes,
    withoutTheme: published.filter((f) => f.themes.length === 0).length,
    byProject: count((f) => f.project),
    byMonth: count((f) => berlinMonth(f.publishedAt as string)),
    submissions: {
      received: submissions.length,
      approved: submissions.filter((f) => statusOf(f) === 'approved').length,
      rejected: submissions.filter((f) => statusOf(f) === 'rejected').length,
      withdrawn: submissions.filter((f) => statusOf(f) === 'withdrawn').length,
      submitted: submissions.filter((f) => statusOf(f) === 'submitted').length,
      inReview: submissions.filter((f) => statusOf(f) === 'in_review').length,
      median,
      bySource: [...new Set(submissions.map((f) => f.referralSource ?? null))].map((source) => [source, submissions.filter((f) => (f.referralSource ?? null) === source).length] as const),
    },
    views: withStats.reduce((s, f) => s + (f.stats?.views ?? 0), 0),
    likes: withStats.reduce((s, f) => s + (f.stats?.likes ?? 0), 0),
    comments: withStats.reduce((s, f) => s + (f.stats?.comments ?? 0), 0),
    top: [...withStats].sort((a, b) => (b.stats?.views ?? 0) - (a.stats?.views ?? 0)).map((f) => f.title),
    failed: published.filter((f) => f.syncFailed).map((f) => f.title),
    titles: published.map((f) => f.title).sort(),
  };
}

// ---- the app -----------------------------------------------------------------------------------------------------

let app: TestApp;
let admin: string;
let author: string;
let exportDir: string;
const projects = { p1: 'Sprachcafé Leineberg', p2: 'Azubi-Tandem', p3: 'Projekt ohne Geschichten' };

const api = () => request(app.server);
const get = (url: string, token = admin) => api().get(url).set('Authorization', `Bearer ${token}`);
const query = (extra: Record<string, string> = {}) => new URLSearchParams({ from: FROM, to: TO, ...extra }).toString();
const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};
const download = (url: string) => get(url).buffer(true).parse(binary);

async function openWorkbook(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  // exceljs types its argument as the pre-Node-20 Buffer; the bytes are the same.
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

async function seedFixtures() {
  const knex = app.strapi.db.connection;
  const projectSlugs: Record<string, string> = {};
  for (const [key, name] of Object.entries(projects)) {
    const documentId = await createProject(app.strapi, name);
    projectSlugs[key] = (await app.strapi.db.query('api::project.project').findOne({ where: { documentId }, select: ['slug'] })).slug;
  }
  for (const f of FIXTURES) {
    // Publishing needs a district and a theme; stories without (a district or theme deleted later) are made by
    // removing the links afterwards.
    const documentId = await createStory(app.strapi, {
      title: f.title,
      region: f.region ?? 'celle',
      themes: f.themes.length ? f.themes : ['sport'],
      project: f.project ? projectSlugs[f.project] : undefined,
      publish: Boolean(f.publishedAt),
      data: { editorialStatus: f.status ?? 'approved', referralSource: f.referralSource ?? null },
    });
    const rowIds = await knex('stories').where({ document_id: documentId }).pluck('id');
    if (!f.region) await knex('stories_region_lnk').whereIn('story_id', rowIds).delete();
    if (!f.themes.length) await knex('stories_themes_lnk').whereIn('story_id', rowIds).delete();
    await knex('stories').where({ document_id: documentId }).update({ created_at: new Date(f.createdAt) });
    if (f.publishedAt) await knex('stories').where({ document_id: documentId }).whereNotNull('published_at').update({ published_at: new Date(f.publishedAt) });
    if (f.stats || f.syncFailed) {
      await app.strapi.db.query(STATE).create({
        data: {
          storyDocumentId: documentId,
          status: f.syncFailed ? 'failed' : 'synced',
          youtubeVideoId: f.stats ? `vid${documentId.slice(0, 8)}` : null,
          lastError: f.syncFailed ?? null,
          ...(f.stats && { viewCount: f.stats.views, likeCount: f.stats.likes, commentCount: f.stats.comments, statsAt: '2026-07-01T03:00:00Z' }),
        },
      });
    }
  }
  return projectSlugs;
}

let projectSlugs: Record<string, string>;

beforeAll(async () => {
  exportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'reports-'));
  app = await startStrapi({ YOUTUBE_SYNC_WORKER: 'false', REPORT_EXPORT_DIR: exportDir });
  projectSlugs = await seedFixtures();
  admin = await adminToken(app.strapi);
  author = await adminToken(app.strapi, 'strapi-author');
});

afterAll(async () => {
  await app?.stop();
  delete process.env.REPORT_DIRECT_LIMIT;
  fs.rmSync(exportDir, { recursive: true, force: true });
});

interface Figures {
  published: number;
  districts: { key: string | null; name: string; stories: number }[];
  statisticalRegions: { key: string | null; name: string; stories: number }[];
  themes: { key: string | null; name: string; stories: number }[];
  projects: { key: string | null; name: string; stories: number }[];
  months: { key: string; stories: number }[];
  submissions: {
    received: number;
    byStatus: Record<string, number>;
    medianDaysToPublication: number | null;
    byReferralSource: { source: string | null; submissions: number }[];
  };
  youtube: { views: number; likes: number; comments: number };
  topStories: { title: string; views: number }[];
  syncFailures: { total: number; rows: { title: string; lastError: string }[] };
}

function expectFiguresToMatch(figures: Figures, want: ReturnType<typeof expected>) {
  expect(figures.published).toBe(want.published);

  const districts = figures.districts.filter((d) => d.key);
  expect(districts).toHaveLength(45);
  expect(districts.map((d) => d.key)).toEqual(regionsSeed.map((r) => r.key).sort());
  for (const d of districts) expect([d.key, d.stories]).toEqual([d.key, want.byDistrict.get(d.key as string) ?? 0]);
  expect(districts.filter((d) => d.stories === 0).length).toBe(45 - [...want.byDistrict.keys()].filter(Boolean).length);
  expect(figures.districts.find((d) => !d.key)?.stories ?? 0).toBe(want.byDistrict.get(undefined) ?? 0);

  expect(figures.statisticalRegions.filter((r) => r.key).map((r) => [r.name, r.stories])).toEqual(
    Object.values(SR_NAMES).map((name) => [name, want.byStatisticalRegion.get(name) ?? 0])
  );
  expect(figures.statisticalRegions.find((r) => !r.key)?.stories ?? 0).toBe(want.byStatisticalRegion.get(undefined) ?? 0);

  expect(figures.themes.filter((t) => t.key).map((t) => [t.key, t.stories]).sort()).toEqual(themesSeed.map((t) => [t.slug, want.byTheme.get(t.slug) ?? 0]).sort());
  expect(figures.themes.find((t) => !t.key)?.stories ?? 0).toBe(want.withoutTheme);

  for (const [key, name] of Object.entries(projects)) {
    expect([name, figures.projects.find((p) => p.name === name)?.stories]).toEqual([name, want.byProject.get(key as 'p1') ?? 0]);
  }
  expect(figures.projects.find((p) => !p.key)?.stories ?? 0).toBe(want.byProject.get(undefined) ?? 0);

  expect(figures.months.map((m) => [m.key, m.stories])).toEqual(
    ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'].map((key) => [key, want.byMonth.get(key) ?? 0])
  );

  const s = figures.submissions;
  expect([s.received, s.byStatus.approved, s.byStatus.rejected, s.byStatus.withdrawn, s.byStatus.submitted, s.byStatus.in_review]).toEqual([
    want.submissions.received,
    want.submissions.approved,
    want.submissions.rejected,
    want.submissions.withdrawn,
    want.submissions.submitted,
    want.submissions.inReview,
  ]);
  expect(s.medianDaysToPublication).toBe(want.submissions.median);
  expect(s.byReferralSource.map((r) => [r.source, r.submissions]).sort()).toEqual([...want.submissions.bySource].sort());

  expect([figures.youtube.views, figures.youtube.likes, figures.youtube.comments]).toEqual([want.views, want.likes, want.comments]);
  expect(figures.topStories.map((t) => t.title)).toEqual(want.top);
  expect(figures.syncFailures.total).toBe(want.failed.length);
  expect(figures.syncFailures.rows.map((r) => r.title)).toEqual(want.failed);
}

describe('reports', () => {
  it('counts every table of the period like an independent count of the seeded stories, zero districts included', async () => {
    const res = await get(`/reports/summary?${query()}`);
    expect(res.status).toBe(200);
    const want = expected();
    // The fixtures are meant to exercise the edges: make sure they do before trusting the comparison.
    expect(want.published).toBe(9);
    expect(want.byMonth.get('2026-02')).toBe(2);
    expect(want.submissions.median).not.toBeNull();
    expectFiguresToMatch(res.body.data as Figures, want);
  });

  it('applies a district, statistical-region, theme or project filter to every figure', async () => {
    const cases: [Record<string, string>, (f: Fixture) => boolean][] = [
      [{ district: '03159' }, (f) => f.region === 'goettingen'],
      [{ statisticalRegion: 'hannover' }, (f) => Boolean(f.region && regionOf(f.region).statisticalRegion === 'hannover')],
      [{ theme: 'sprache' }, (f) => f.themes.includes('sprache')],
      [{ project: projectSlugs.p2 }, (f) => f.project === 'p2'],
    ];
    for (const [filter, matches] of cases) {
      const res = await get(`/reports/summary?${query(filter)}`);
      expect(res.status).toBe(200);
      expectFiguresToMatch(res.body.data as Figures, expected(matches));
    }
  });

  it('refuses a malformed period or an unknown district with a message naming the field', async () => {
    const bad = await get(`/reports/summary?from=2026-13-01&to=${TO}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/from must be a real date/);
    const reversed = await get(`/reports/xlsx?from=${TO}&to=${FROM}`);
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.message).toMatch(/lies before from/);
    const unknown = await get(`/reports/summary?${query({ district: '03999' })}`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/no district with the key 03999/);
    const format = await get(`/reports/docx?${query()}`);
    expect(format.status).toBe(400);
  });

  it('writes an XLSX that exceljs opens: one sheet per table, frozen headers, real numbers, dates and links', async () => {
    const res = await download(`/reports/xlsx?${query()}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('zusammen-mehr-bericht_2026-01-01_2026-06-30.xlsx');
    const workbook = await openWorkbook(res.body as Buffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Übersicht',
      'Landkreise',
      'Statistische Regionen',
      'Themen',
      'Projekte',
      'Monate',
      'Einreichungen',
      'Einreichungen nach Quelle',
      'Top-Geschichten',
      'Sync-Fehler',
      'Definitionen',
      'Geschichten',
    ]);
    for (const sheet of workbook.worksheets) {
      expect([sheet.name, sheet.views[0]?.state, (sheet.views[0] as { ySplit?: number })?.ySplit]).toEqual([sheet.name, 'frozen', 1]);
      expect(sheet.getRow(1).font?.bold).toBe(true);
      expect(sheet.getColumn(1).width).toBeGreaterThan(5);
    }
    const want = expected();

    const districts = workbook.getWorksheet('Landkreise') as ExcelJS.Worksheet;
    const rows = districts.getSheetValues().slice(2) as unknown[][];
    expect(rows.filter((r) => r[1])).toHaveLength(45);
    for (const r of rows.filter((row) => row[1])) expect([r[1], r[5]]).toEqual([r[1], want.byDistrict.get(r[1] as string) ?? 0]);
    const cell = districts.getCell('E2');
    expect(cell.type).toBe(ExcelJS.ValueType.Number);
    expect(cell.numFmt).toBe('#,##0');

    const months = workbook.getWorksheet('Monate') as ExcelJS.Worksheet;
    expect(months.getCell('A2').type).toBe(ExcelJS.ValueType.Date);
    expect(months.getCell('A2').numFmt).toBe('mmmm yyyy');
    expect((months.getCell('A3').value as Date).toISOString().slice(0, 10)).toBe('2026-02-01');
    expect(months.getCell('B3').value).toBe(want.byMonth.get('2026-02'));

    const overview = workbook.getWorksheet('Übersicht') as ExcelJS.Worksheet;
    const figure = (label: string) => overview.getColumn(1).values.findIndex((v) => v === label);
    expect(overview.getCell(figure('Veröffentlichte Geschichten'), 2).value).toBe(want.published);
    expect(overview.getCell(figure('Zeitraum von'), 2).type).toBe(ExcelJS.ValueType.Date);
    expect(overview.getCell(figure('Median Tage vom Eingang bis zur Veröffentlichung'), 2).value).toBe(want.submissions.median);
    expect(overview.getCell(figure('YouTube-Aufrufe (Summe)'), 2).value).toBe(want.views);

    const sources = workbook.getWorksheet('Einreichungen nach Quelle') as ExcelJS.Worksheet;
    expect((sources.getSheetValues().slice(2) as unknown[][]).map((r) => [r[1], r[2]])).toEqual([
      ['stadtbibliothek-celle', 2],
      ['awo-goettingen', 1],
      ['ohne Quelle', want.submissions.received - 3],
    ]);

    const list = workbook.getWorksheet('Geschichten') as ExcelJS.Worksheet;
    expect(list.rowCount).toBe(1 + want.published);
    const header = (list.getRow(1).values as string[]).slice(1);
    const at = (name: string) => header.indexOf(name) + 1;
    const titles = Array.from({ length: want.published }, (_, i) => list.getRow(i + 2).getCell(at('Titel')).value as string).sort();
    expect(titles).toEqual(want.titles);
    const anna = [...Array(want.published).keys()].map((i) => list.getRow(i + 2)).find((r) => r.getCell(at('Titel')).value === 'Anna lernt Deutsch') as ExcelJS.Row;
    expect(anna.getCell(at('Veröffentlicht')).type).toBe(ExcelJS.ValueType.Date);
    expect(anna.getCell(at('Veröffentlicht')).numFmt).toBe('dd.mm.yyyy hh:mm');
    // 10:00 UTC on 10 January is 11:00 in Berlin: spreadsheet cells carry the German wall-clock time.
    expect((anna.getCell(at('Veröffentlicht')).value as Date).toISOString()).toBe('2026-01-10T11:00:00.000Z');
    expect(anna.getCell(at('Aufrufe')).value).toBe(500);
    expect(anna.getCell(at('Themen')).value).toBe('Sprache, Schule');
    const link = anna.getCell(at('Link Website')).value as ExcelJS.CellFormulaValue;
    expect(link.formula).toMatch(/^HYPERLINK\("http:\/\/localhost:1337\/geschichten\/anna-lernt-deutsch"\)$/);
    expect(anna.getCell(at('Link YouTube')).value).toMatchObject({ result: expect.stringMatching(/^https:\/\/www\.youtube\.com\/watch\?v=vid/) });
  });

  it('writes a CSV for German Excel (BOM, semicolons, decimal comma) and a plain RFC 4180 one, both parsing back', async () => {
    const want = expected();
    const excel = await download(`/reports/csv?${query()}`);
    expect(excel.status).toBe(200);
    expect(excel.headers['content-type']).toContain('text/csv');
    const bytes = excel.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parse(bytes, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    expect(records.map((r) => r.Titel.replace(/^'/, '')).sort()).toEqual(want.titles);
    const chen = records.find((r) => r.Titel.includes('Chen')) as Record<string, string>;
    // A title starting with "=" would run as a formula in Excel: defused with an apostrophe.
    expect(chen.Titel).toBe("'=Chen macht eine Ausbildung");
    expect(chen.Veröffentlicht).toBe('15.03.2026 13:00');
    expect(chen.Aufrufe).toBe('1200');
    expect(chen.Landkreis).toBe('Region Hannover');

    const submissions = await download(`/reports/csv?${query({ table: 'submissions' })}`);
    const median = (parse(submissions.body as Buffer, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[]).find((r) =>
      r.Kennzahl.startsWith('Median')
    ) as Record<string, string>;
    expect(median.Wert).toBe(String(want.submissions.median?.toFixed(1)).replace('.', ','));

    const sources = await download(`/reports/csv?${query({ table: 'referralSources' })}`);
    expect(parse(sources.body as Buffer, { bom: true, delimiter: ';', columns: true })).toEqual([
      { 'Quelle (Partner-Link)': 'stadtbibliothek-celle', Einreichungen: '2' },
      { 'Quelle (Partner-Link)': 'awo-goettingen', Einreichungen: '1' },
      { 'Quelle (Partner-Link)': 'ohne Quelle', Einreichungen: String(want.submissions.received - 3) },
    ]);

    const rfc = await download(`/reports/csv?${query({ table: 'districts', csvStyle: 'rfc4180' })}`);
    const text = (rfc.body as Buffer).toString('utf8');
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text).toContain('\r\n');
    const districts = parse(text, { columns: true }) as Record<string, string>[];
    expect(districts.filter((d) => d.Schlüssel)).toHaveLength(45);
    for (const d of districts.filter((row) => row.Schlüssel)) {
      expect([d.Schlüssel, Number(d['Veröffentlichte Geschichten'])]).toEqual([d.Schlüssel, want.byDistrict.get(d.Schlüssel) ?? 0]);
    }
    const months = parse((await download(`/reports/csv?${query({ table: 'months', csvStyle: 'rfc4180' })}`)).body as Buffer, { columns: true }) as Record<string, string>[];
    expect(months.map((m) => [m.Monat, Number(m['Veröffentlichte Geschichten'])])).toEqual(
      ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'].map((k) => [k, want.byMonth.get(k) ?? 0])
    );
  });

  it('writes a four-page PDF whose text holds the key figures and the map source note', async () => {
    const res = await download(`/reports/pdf?${query()}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const file = path.join(exportDir, 'check.pdf');
    fs.writeFileSync(file, res.body as Buffer);
    // poppler-utils is a test requirement (.ci/run installs it): the PDF is read the way a person's viewer reads it.
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+4\n/);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const want = expected();
    expect(text).toContain('© GeoBasis-DE / BKG 2021 (Daten verändert)');
    expect(text).toContain('Zeitraum 01.01.2026 – 30.06.2026');
    expect(text).toContain('Veröffentlichte Geschichten');
    expect(text).toMatch(new RegExp(`Zusammen\\s+${want.published}\\b`));
    expect(text).toContain(want.views.toLocaleString('de-DE')); // YouTube views summed, German thousands separator
    expect(text).toContain('Seite 4 von 4');
    for (const district of ['Göttingen', 'Region Hannover', 'Celle', 'Wolfsburg']) expect(text).toContain(district);
    expect(text).toContain('Anna lernt Deutsch');
    expect(text).toMatch(/Einreichungen nach Quelle[\s\S]*stadtbibliothek-celle\s+2\n[\s\S]*ohne Quelle/);
    expect(text).toContain('Goran spielt Fußball');
    expect(text).toContain('Emre und Ольга im Theater'); // letters beyond Latin-1 need the embedded Unicode font
  });

  it('renders the district map as SVG for the admin page', async () => {
    const res = await get(`/reports/charts/map?${query()}`).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('image/svg+xml');
    const svg = (res.body as Buffer).toString('utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect((svg.match(/<path/g) ?? []).length).toBeGreaterThanOrEqual(45);
  });

  it('refuses every report route to an author without the reports permission', async () => {
    for (const url of [`/reports/xlsx?${query()}`, `/reports/summary?${query()}`, '/reports/exports', '/reports/options']) {
      const res = await get(url, author);
      expect([url, res.status]).toEqual([url, 403]);
    }
    const start = await api().post('/reports/exports').set('Authorization', `Bearer ${author}`).send({ format: 'csv', from: FROM, to: TO });
    expect(start.status).toBe(403);
    expect((await api().get(`/reports/xlsx?${query()}`)).status).toBe(401);
  });

  it('hands a large export to the background job: progress, an expiring link, the file deleted after expiry', async () => {
    process.env.REPORT_DIRECT_LIMIT = '3';
    const started = await get(`/reports/xlsx?${query()}`);
    delete process.env.REPORT_DIRECT_LIMIT;
    expect(started.status).toBe(202);
    expect(started.headers.location).toBe(`/reports/exports/${started.body.data.id}`);
    let view = started.body.data;
    for (let i = 0; i < 100 && view.status !== 'done' && view.status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      view = (await get(`/reports/exports/${view.id}`)).body.data;
    }
    expect([view.status, view.error]).toEqual(['done', null]);
    expect(view.progress).toBe(1);
    expect(view.rowsDone).toBe(expected().published);
    expect(view.downloadUrl).toMatch(/\/download\?token=/);
    expect(new Date(view.expiresAt).getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);

    // The link works without the admin's token (a browser follows it), and only with the export's own token.
    const file = await api().get(view.downloadUrl).buffer(true).parse(binary);
    expect(file.status).toBe(200);
    const workbook = await openWorkbook(file.body as Buffer);
    expect(workbook.getWorksheet('Geschichten')?.rowCount).toBe(1 + expected().published);
    expect((await api().get(view.downloadUrl.replace(/token=.*/, 'token=wrong'))).status).toBe(404);
    expect(fs.readdirSync(exportDir).some((f) => f.endsWith('.xlsx'))).toBe(true);

    const row = await app.strapi.db.query(EXPORT_UID).findOne({ where: { documentId: view.id } });
    expect(row.filePath.startsWith(exportDir)).toBe(true);
    await app.strapi.db.query(EXPORT_UID).update({ where: { id: row.id }, data: { expiresAt: new Date(Date.now() - 1000).toISOString() } });
    expect((await api().get(view.downloadUrl)).status).toBe(410);
    const reports = (await import('../../src/plugins/reports/server/src/service')).default({ strapi: app.strapi });
    await reports.runDueExports();
    expect(fs.existsSync(row.filePath)).toBe(false);
    expect((await get(`/reports/exports/${view.id}`)).body.data).toMatchObject({ status: 'expired', downloadUrl: null });
  });

  it('starts an export from the page, gives a second request for the same report the same export, and lets one instance claim it', async () => {
    const started = await api().post('/reports/exports').set('Authorization', `Bearer ${admin}`).send({ format: 'pdf', from: FROM, to: TO, theme: 'sprache' });
    expect(started.status).toBe(202);
    let view = started.body.data;
    for (let i = 0; i < 100 && view.status !== 'done' && view.status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      view = (await get(`/reports/exports/${view.id}`)).body.data;
    }
    expect([view.status, view.fileName]).toEqual(['done', 'zusammen-mehr-bericht_2026-01-01_2026-06-30.pdf']);
    const pdf = await api().get(view.downloadUrl).buffer(true).parse(binary);
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await get('/reports/exports')).body.data.map((e: { id: string }) => e.id)).toContain(view.id);

    const request = parseReportRequest({ from: FROM, to: TO });
    const once = await enqueueExport(app.strapi, 'csv', request, { id: 1, name: 'Test' });
    const twice = await enqueueExport(app.strapi, 'csv', request, { id: 1, name: 'Test' });
    expect(twice.id).toBe(once.id);
    const [a, b] = await Promise.all([claimExport(app.strapi, new Date(), 60_000, 'one'), claimExport(app.strapi, new Date(), 60_000, 'two')]);
    expect([a, b].filter(Boolean).map((job) => job?.id)).toEqual([once.id]);
  });
});
