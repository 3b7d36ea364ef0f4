/*
 * `npm run bench:report`: 100,000 published stories over all 45 districts, every theme and 30 projects (bulk-inserted
 * in one transaction, with drafts, extra submissions and YouTube counts), then each report format is made in its own
 * child process — so its peak RSS is its own — and compared with a plain paged read of the same rows. Prints time and
 * peak RSS per format and the ratio to the plain read. Last line: one JSON object (names are read by other tools).
 * `--stories N` seeds another number of stories. The app must compile (the children load the compiled dist/).
 */
import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import { spawn } from 'child_process';
import type { Core } from '@strapi/strapi';
import { reportTables } from '../src/plugins/reports/server/src/tables';
import type { ReportFormat } from '../src/plugins/reports/server/src/filters';
import { appDir, loadStrapi } from './load-strapi';
import { benchEnvironment, progress } from './bench/environment';

const DEFAULT_STORIES = 100_000;
const PROJECTS = 30;
const CHUNK = 5_000;
const BATCH = 500;
const PERIOD = { from: '2026-01-01', to: '2026-12-31' };
const FORMATS: ReportFormat[] = ['xlsx', 'csv', 'pdf'];

interface Measurement {
  seconds: number;
  peakRssMb: number;
  loadedRssMb: number;
  bytes: number;
}

/** A deterministic generator, so two runs seed the same data. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const documentId = () => crypto.randomBytes(18).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, 'x').slice(0, 24);
const words = ['Ausbildung', 'Sprachkurs', 'Nachbarschaft', 'Verein', 'Werkstatt', 'Schule', 'Praktikum', 'Chor', 'Fußball', 'Pflege'];

/** Column names of attributes the report does not read but a story row needs. */
const column = (strapi: Core.Strapi, uid: string, attribute: string) => {
  const meta = strapi.db.metadata.get(uid as never) as unknown as { attributes: Record<string, { columnName?: string }> };
  return meta.attributes[attribute]?.columnName ?? attribute;
};

async function seedProjects(strapi: Core.Strapi): Promise<number[]> {
  const ids: number[] = [];
  for (let p = 0; p < PROJECTS; p++) {
    const created = await strapi.documents('api::project.project').create({ data: { name: `Projekt ${p + 1}`, organisation: `Träger ${p + 1} e. V.` } as never });
    const published = await strapi.documents('api::project.project').publish({ documentId: created.documentId });
    ids.push((published.entries[0] as { id: number }).id);
  }
  return ids;
}

/**
 * Every published story gets its draft row (as Strapi keeps one per story), a district, one to three themes, most a
 * project and a sync state with counts; one in ten extra drafts stands for a submission still open or turned down.
 */
export async function seed(strapi: Core.Strapi, count: number) {
  const t = reportTables(strapi);
  const knex = strapi.db.connection;
  const rnd = random(2026);
  const regions = (await knex(t.regions.table).select('id')).map((r: { id: number }) => r.id);
  const themes = (await knex(t.themes.table).select('id')).map((r: { id: number }) => r.id);
  const projects = await seedProjects(strapi);
  const s = t.stories.col;
  const ss = t.syncStates.col;
  const kind = column(strapi, 'api::story.story', 'kind');
  const language = column(strapi, 'api::story.story', 'language');
  const updatedAt = column(strapi, 'api::story.story', 'updatedAt');
  const start = Date.UTC(2026, 0, 1);
  const year = 365 * 86400_000;
  const openStatuses = ['submitted', 'in_review', 'rejected', 'withdrawn'];
  await knex.transaction(async (trx) => {
    let nextId = Number((await trx(t.stories.table).max({ id: s.id }).first())?.id ?? 0) + 1;
    for (let from = 0; from < count; from += CHUNK) {
      const stories: Record<string, unknown>[] = [];
      const regionLinks: Record<string, unknown>[] = [];
      const themeLinks: Record<string, unknown>[] = [];
      const projectLinks: Record<string, unknown>[] = [];
      const states: Record<string, unknown>[] = [];
      const link = (id: number, region: number, themeIds: number[], project: number | null) => {
        regionLinks.push({ [t.storyRegion.story]: id, [t.storyRegion.target]: region });
        themeIds.forEach((theme, i) => themeLinks.push({ [t.storyThemes.story]: id, [t.storyThemes.target]: theme, [t.storyThemes.order ?? 'theme_ord']: i + 1 }));
        if (project !== null) projectLinks.push({ [t.storyProject.story]: id, [t.storyProject.target]: project });
      };
      for (let i = from; i < Math.min(count, from + CHUNK); i++) {
        const doc = documentId();
        const publishedAt = new Date(start + Math.floor(rnd() * year));
        const createdAt = new Date(publishedAt.getTime() - Math.floor(rnd() * 30 * 86400_000));
        const region = regions[Math.floor(rnd() * rnd() * regions.length)];
        const themeIds = [...new Set([themes[Math.floor(rnd() * themes.length)], themes[Math.floor(rnd() * themes.length)]])];
        const project = rnd() < 0.6 ? projects[Math.floor(rnd() * projects.length)] : null;
        const row = {
          [s.documentId]: doc,
          [s.title]: `${words[i % words.length]}: Geschichte ${i + 1}`,
          [s.slug]: `geschichte-${i + 1}`,
          [kind]: 'personal',
          [language]: 'de',
          [s.editorialStatus]: 'approved',
          [s.createdAt]: createdAt,
          [updatedAt]: publishedAt,
        };
        stories.push({ ...row, [s.id]: nextId, [s.publishedAt]: null }, { ...row, [s.id]: nextId + 1, [s.publishedAt]: publishedAt });
        link(nextId, region, themeIds, null);
        link(nextId + 1, region, themeIds, project);
        nextId += 2;
        const failed = rnd() < 0.02;
        const withVideo = !failed && rnd() < 0.9;
        states.push({
          [column(strapi, 'plugin::youtube-sync.sync-state', 'documentId')]: documentId(),
          [ss.storyDocumentId]: doc,
          [ss.status]: failed ? 'failed' : withVideo ? 'synced' : 'no_video',
          [ss.youtubeVideoId]: withVideo ? `v${String(i).padStart(10, '0')}` : null,
          [ss.viewCount]: withVideo ? Math.floor(rnd() * rnd() * 20_000) : null,
          [ss.likeCount]: withVideo ? Math.floor(rnd() * 400) : null,
          [ss.commentCount]: withVideo ? Math.floor(rnd() * 40) : null,
          [ss.statsAt]: withVideo ? new Date(Date.UTC(2026, 11, 31)) : null,
          [ss.lastError]: failed ? 'YouTube lehnte das Video ab: uploadLimitExceeded' : null,
          [ss.updatedAt]: publishedAt,
        });
        if (i % 10 === 0) {
          stories.push({ ...row, [s.id]: nextId, [s.documentId]: documentId(), [s.slug]: `einreichung-${i + 1}`, [s.editorialStatus]: openStatuses[(i / 10) % 4], [s.publishedAt]: null });
          link(nextId, region, themeIds, null);
          nextId += 1;
        }
      }
      await trx.batchInsert(t.stories.table, stories, BATCH);
      await trx.batchInsert(t.storyRegion.table, regionLinks, BATCH);
      await trx.batchInsert(t.storyThemes.table, themeLinks, BATCH);
      await trx.batchInsert(t.storyProject.table, projectLinks, BATCH);
      await trx.batchInsert(t.syncStates.table, states, BATCH);
      progress('Seeding stories', Math.min(count, from + CHUNK), count);
    }
  });
}

/**
 * A child measures one report (or the plain read) on the compiled app with plain Node, so that the TypeScript
 * loader's own memory is not counted. It prints one JSON line.
 */
const CHILD = `
const fs = require('fs');
const path = require('path');
const { createStrapi } = require('@strapi/strapi');
const [format, appDir, from, to, file] = process.argv.slice(1);
const reports = (name) => require(path.join(appDir, 'dist/src/plugins/reports/server/src', name));
(async () => {
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  const loadedRssMb = process.memoryUsage().rss / 1048576;
  const request = reports('filters').parseReportRequest({ from, to, table: 'stories' });
  const started = process.hrtime.bigint();
  if (format === 'plain') {
    let rows = 0;
    for await (const page of reports('story-rows').storyPages(strapi, request)) rows += page.length;
    fs.writeFileSync(file, String(rows));
  } else {
    await reports('render').renderReport(strapi, format, request, fs.createWriteStream(file));
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  await strapi.destroy();
  process.stdout.write(JSON.stringify({ seconds, peakRssMb, loadedRssMb, bytes: fs.statSync(file).size }) + '\\n');
  process.exit(0);
})().catch((error) => {
  process.stderr.write(String(error && error.stack) + '\\n');
  process.exit(1);
});
`;

/**
 * A 256 MB heap: an export that held all rows at once would run out of memory under it, so a finished run also
 * shows that the export streams. The small young generation keeps Node from growing the heap for garbage that a
 * streaming export turns over quickly (with Node's defaults the same export peaks higher, printed for comparison).
 */
const EXPORT_NODE_FLAGS = ['--max-old-space-size=256', '--max-semi-space-size=2'];

function measure(format: ReportFormat | 'plain', nodeFlags: string[] = EXPORT_NODE_FLAGS): Promise<Measurement> {
  const file = path.join(appDir, '.tmp', `bench-report.${format === 'plain' ? 'txt' : format}`);
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [...nodeFlags, '-e', CHILD, format, appDir, PERIOD.from, PERIOD.to, file], {
      cwd: appDir,
      env: process.env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    proc.stdout.on('data', (d) => (out += d));
    proc.on('error', reject);
    proc.on('exit', (code) => {
      fs.rmSync(file, { force: true });
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) reject(new Error(`bench child for ${format} exited with ${code}: ${out}`));
      else resolve(JSON.parse(line) as Measurement);
    });
  });
}

const round = (n: number, digits: number) => Number(n.toFixed(digits));

async function main() {
  const args = process.argv.slice(2);
  const countAt = args.indexOf('--stories');
  const stories = countAt >= 0 ? Number(args[countAt + 1]) : DEFAULT_STORIES;
  if (!Number.isInteger(stories) || stories < 1) throw new Error(`--stories must be a positive whole number, not ${args[countAt + 1]}`);

  const env = benchEnvironment('report');
  try {
    // Compiles the app to dist/ (the children load it from there) and creates the schema and reference data.
    const strapi = await loadStrapi();
    const seeded = Date.now();
    await seed(strapi, stories);
    console.log(`Seeded ${stories.toLocaleString('en')} published stories in ${((Date.now() - seeded) / 1000).toFixed(1)} s`);
    await strapi.destroy();

    const plain = await measure('plain');
    console.log(`plain paged read: ${plain.seconds.toFixed(2)} s, peak RSS ${plain.peakRssMb.toFixed(0)} MB (${plain.loadedRssMb.toFixed(0)} MB once Strapi is loaded)`);
    const results: Record<string, { seconds: number; peakRssMb: number }> = {};
    for (const format of FORMATS) {
      const m = await measure(format);
      const defaults = await measure(format, []);
      results[format] = { seconds: round(m.seconds, 2), peakRssMb: round(m.peakRssMb, 1) };
      console.log(
        `${format}: ${m.seconds.toFixed(2)} s (${(m.seconds / plain.seconds).toFixed(1)}× the plain read), peak RSS ${m.peakRssMb.toFixed(0)} MB ` +
          `(${m.loadedRssMb.toFixed(0)} MB once Strapi is loaded), ${(m.bytes / 1024 / 1024).toFixed(1)} MB file; ` +
          `with Node's default heap settings ${defaults.seconds.toFixed(2)} s, peak RSS ${defaults.peakRssMb.toFixed(0)} MB`
      );
    }
    console.log(`Peak RSS includes Strapi itself; children ran: node ${EXPORT_NODE_FLAGS.join(' ')} (the plain read too).`);
    console.log(JSON.stringify({ stories, xlsx: results.xlsx, csv: results.csv, pdf: results.pdf, plainReadSeconds: round(plain.seconds, 2) }));
  } finally {
    env.cleanup();
  }
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    }
  );
}
