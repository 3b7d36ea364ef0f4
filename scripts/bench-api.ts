/*
 * `npm run bench:api`: 10,000 published stories over all 45 districts (bulk-inserted), then, in one run with the same
 * concurrency and duration, autocannon against
 *   v1          /api/v1/stories?region=…&pageSize=24 (the public API, response cache on),
 *   v1Uncached  the same with the response cache switched off,
 *   core        Strapi's /api/stories with the same filter, populating region, project, themes and cover — closed to
 *               the public, so it is asked with a read-only API token, as an integrator with a token would ask it,
 *   plain       a bare node:http server returning v1's response bytes from memory,
 *   pages       the story list /geschichten?region=… (the page, served from the same cache as v1),
 *   storyPage   one story's page /geschichten/:slug,
 * each with its requests/s and p99; the ratios compare v1 with the others and the pages with v1.
 * Rate limits are off for the run (every request comes from one address); they are tested, not benchmarked.
 * autocannon runs in a child process so that it does not share the server's event loop. Last line: one JSON object
 * (names are read by other tools).
 */
import crypto from 'crypto';
import http from 'http';
import path from 'path';
import { spawn } from 'child_process';
import type { Core } from '@strapi/strapi';
import { resolveTables } from '../src/plugins/stories/server/src/public-api/tables';
import { loadStrapi } from './load-strapi';
import { benchEnvironment, listen, progress } from './bench/environment';

const STORIES = 10_000;
const CONNECTIONS = 32;
const SECONDS = 10;
const WARMUP_SECONDS = 2;
const BATCH = 500;
const REGION = 'goettingen';

interface Measurement {
  rps: number;
  p99Ms: number;
}

const words = ['Ausbildung', 'Sprachkurs', 'Nachbarschaft', 'Verein', 'Werkstatt', 'Schule', 'Praktikum', 'Chor', 'Fußball', 'Pflege'];
const pick = <T>(list: T[], i: number) => list[i % list.length];
const documentId = () =>
  crypto
    .randomBytes(12)
    .toString('base64url')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, 'x')
    .slice(0, 24);

function body(i: number) {
  const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });
  return JSON.stringify([
    paragraph(`${pick(words, i)} in Niedersachsen: Geschichte ${i} erzählt, wie Ankommen gelingt, wenn Menschen sich Zeit nehmen.`),
    paragraph('Seit dem ersten Treffen ist viel passiert: Deutschkurse, ein Praktikum, neue Freundschaften im Viertel.'),
    paragraph('„Ohne die Leute hier hätte ich das nicht geschafft“, sagt sie heute und lacht.'),
  ]);
}

/** Bulk seed in one transaction: stories, their consent, their links to region, themes, project and cover (SQLite). */
async function seed(strapi: Core.Strapi) {
  const t = resolveTables(strapi);
  const knex = strapi.db.connection;
  const regions = (await knex(t.regions.table).select('id')).map((r: { id: number }) => r.id);
  const themes = (await knex(t.themes.table).select('id')).map((r: { id: number }) => r.id);
  const projects: number[] = [];
  for (let p = 0; p < 5; p++) {
    const created = await strapi
      .documents('api::project.project')
      .create({ data: { name: `Projekt ${p + 1}`, organisation: `Träger ${p + 1} e. V.` } as never });
    const published = await strapi.documents('api::project.project').publish({ documentId: created.documentId });
    projects.push((published.entries[0] as { id: number }).id);
  }
  const now = Date.now();
  await knex.transaction(async (trx) => {
    const firstFile = Number((await trx(t.files.table).max({ id: 'id' }).first())?.id ?? 0) + 1;
    const files = regions.map((_, r) => {
      const hash = `bench_cover_${r}`;
      const format = (name: string, width: number) => ({
        name,
        hash: `${name}_${hash}`,
        ext: '.jpg',
        mime: 'image/jpeg',
        width,
        height: Math.round(width * 0.625),
        size: 10,
        url: `/uploads/${name}_${hash}.jpg`,
      });
      return {
        id: firstFile + r,
        document_id: documentId(),
        name: `${hash}.jpg`,
        hash,
        ext: '.jpg',
        mime: 'image/jpeg',
        size: 120,
        width: 1600,
        height: 1000,
        url: `/uploads/${hash}.jpg`,
        provider: 'local',
        folder_path: '/',
        formats: JSON.stringify({
          thumbnail: format('thumbnail', 245),
          small: format('small', 500),
          medium: format('medium', 750),
          large: format('large', 1000),
        }),
        created_at: now,
        updated_at: now,
        published_at: now,
      };
    });
    await trx.batchInsert(t.files.table, files, BATCH);
    const firstStory = Number((await trx(t.stories.table).max({ id: 'id' }).first())?.id ?? 0) + 1;
    const s = t.stories.col;
    const stories = [];
    const regionLinks = [];
    const themeLinks = [];
    const projectLinks = [];
    const coverLinks = [];
    // Every story as the public may see it: a consent record with one person who agreed to the website.
    const firstConsent = Number((await trx(t.consent.table).max({ id: 'id' }).first())?.id ?? 0) + 1;
    const firstPerson = Number((await trx(t.consentPerson.table).max({ id: 'id' }).first())?.id ?? 0) + 1;
    const consents = [];
    const people = [];
    const consentLinks = [];
    const personLinks = [];
    for (let i = 0; i < STORIES; i++) {
      const id = firstStory + i;
      const region = i % regions.length;
      const publishedAt = now - (STORIES - i) * 60_000;
      stories.push({
        [s.id]: id,
        [s.documentId]: documentId(),
        [s.title]: `${pick(words, i)}: Geschichte ${i}`,
        [s.slug]: `geschichte-${i}`,
        [s.teaser]: `Wie ${pick(words, i + 3)} in Niedersachsen zusammenbringt – Geschichte ${i}.`,
        [s.body]: body(i),
        [s.kind]: i % 4 === 0 ? 'project' : 'personal',
        [s.language]: i % 7 === 0 ? 'ar' : 'de',
        [s.editorialStatus]: 'approved',
        [s.publishedAt]: publishedAt,
        [s.updatedAt]: publishedAt,
        created_at: publishedAt,
      });
      regionLinks.push({ [t.storyRegion.source]: id, [t.storyRegion.target]: regions[region] });
      themeLinks.push({ [t.storyThemes.source]: id, [t.storyThemes.target]: pick(themes, i), [t.storyThemes.order ?? 'theme_ord']: 1 });
      if (i % 3 === 0)
        themeLinks.push({ [t.storyThemes.source]: id, [t.storyThemes.target]: pick(themes, i + 4), [t.storyThemes.order ?? 'theme_ord']: 2 });
      if (i % 3 === 1) projectLinks.push({ [t.storyProject.source]: id, [t.storyProject.target]: pick(projects, i) });
      const consent = firstConsent + i;
      const person = firstPerson + i;
      consents.push({ id: consent });
      people.push({ id: person, [t.consentPerson.channelWebsite]: true });
      const sc = t.storyComponents;
      consentLinks.push({ [sc.entity]: id, [sc.component]: consent, [sc.field]: 'consent', [sc.type]: t.consent.uid, [sc.order]: 1 });
      const cp = t.consentPeople;
      personLinks.push({ [cp.entity]: consent, [cp.component]: person, [cp.field]: 'people', [cp.type]: t.consentPerson.uid, [cp.order]: 1 });
      coverLinks.push({
        [t.fileLinks.file]: files[region].id,
        [t.fileLinks.relatedId]: id,
        [t.fileLinks.relatedType]: 'api::story.story',
        [t.fileLinks.field]: 'cover',
        [t.fileLinks.order]: 1,
      });
    }
    for (let i = 0; i < stories.length; i += BATCH) {
      await trx.batchInsert(t.stories.table, stories.slice(i, i + BATCH), BATCH);
      progress('seeding stories', Math.min(i + BATCH, stories.length), stories.length);
    }
    await trx.batchInsert(t.storyRegion.table, regionLinks, BATCH);
    await trx.batchInsert(t.storyThemes.table, themeLinks, BATCH);
    await trx.batchInsert(t.storyProject.table, projectLinks, BATCH);
    await trx.batchInsert(t.fileLinks.table, coverLinks, BATCH);
    await trx.batchInsert(t.consent.table, consents, BATCH);
    await trx.batchInsert(t.consentPerson.table, people, BATCH);
    await trx.batchInsert(t.storyComponents.table, consentLinks, BATCH);
    await trx.batchInsert(t.consentPeople.table, personLinks, BATCH);
  });
  return strapi.plugin('stories').service('public-api').contentImported();
}

/** Strapi's core content API answers no anonymous request: a read-only token stands in for an integrator's. */
async function readOnlyToken(strapi: Core.Strapi): Promise<string> {
  const token = await strapi.service('admin::api-token').create({ name: `bench ${Date.now()}`, kind: 'content-api', type: 'read-only', lifespan: null });
  return (token as { accessKey: string }).accessKey;
}

function autocannon(url: string, seconds: number, headers: string[]): Promise<Measurement> {
  const cli = path.join(path.dirname(require.resolve('autocannon/package.json')), 'autocannon.js');
  const headerArgs = headers.flatMap((header) => ['-H', header]);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, '-c', String(CONNECTIONS), '-d', String(seconds), '-t', '60', ...headerArgs, '-j', url], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon ${url} exited with ${code}: ${err}`));
      const result = JSON.parse(out) as { requests: { average: number }; latency: { p99: number }; non2xx: number; errors: number; timeouts: number };
      if (result.non2xx || result.errors || result.timeouts) {
        return reject(new Error(`autocannon ${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts`));
      }
      resolve({ rps: Math.round(result.requests.average), p99Ms: result.latency.p99 });
    });
  });
}

async function measure(label: string, url: string, headers: string[] = []): Promise<Measurement> {
  await autocannon(url, WARMUP_SECONDS, headers);
  const result = await autocannon(url, SECONDS, headers);
  process.stderr.write(`${label.padEnd(12)} ${String(result.rps).padStart(7)} req/s   p99 ${String(result.p99Ms).padStart(5)} ms   ${url}\n`);
  return result;
}

async function main() {
  const environment = benchEnvironment('api', { PUBLIC_API_RATE_LIMIT_PER_MINUTE: '0', PUBLIC_API_CACHE: 'true', NODE_ENV: 'production' });
  const strapi = await loadStrapi();
  try {
    await strapi.server.mount();
    const base = await listen(strapi.server.httpServer);
    const indexed = await seed(strapi);
    process.stderr.write(`seeded ${STORIES} published stories (${indexed.indexed} indexed for search)\n`);

    const v1Path = `/api/v1/stories?region=${REGION}&pageSize=24`;
    const corePath =
      `/api/stories?filters[region][slug][$eq]=${REGION}&populate[0]=region&populate[1]=project&populate[2]=themes&populate[3]=cover` +
      '&pagination[pageSize]=24&sort=publishedAt:desc';
    const sample = await fetch(`${base}${v1Path}`);
    const bytes = Buffer.from(await sample.arrayBuffer());
    const authorization = `Bearer ${await readOnlyToken(strapi)}`;
    const core = await fetch(`${base}${corePath}`, { headers: { Authorization: authorization } });
    if (sample.status !== 200 || core.status !== 200) throw new Error(`warm-up failed: v1 ${sample.status}, core ${core.status}`);
    const listed = (JSON.parse(bytes.toString('utf8')) as { data: unknown[]; meta: { total: number } }).meta.total;
    process.stderr.write(`v1 answer: ${bytes.length} bytes, 24 of ${listed} stories of ${REGION}\n`);

    const publicApi = strapi.plugin('stories').service('public-api');
    const v1 = await measure('v1', `${base}${v1Path}`);
    publicApi.setResponseCache(false);
    const v1Uncached = await measure('v1Uncached', `${base}${v1Path}`);
    publicApi.setResponseCache(true);
    const coreResult = await measure('core', `${base}${corePath}`, [`Authorization=${authorization}`]);

    const listPath = `/geschichten?region=${REGION}`;
    const storyPath = `/geschichten/geschichte-${STORIES - 1}`;
    for (const page of [listPath, storyPath]) {
      const answer = await fetch(`${base}${page}`);
      if (answer.status !== 200) throw new Error(`warm-up failed: ${page} answered ${answer.status}`);
    }
    const pages = await measure('pages', `${base}${listPath}`);
    const storyPage = await measure('storyPage', `${base}${storyPath}`);

    const plainServer = http.createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': bytes.length });
      res.end(bytes);
    });
    const plainBase = await listen(plainServer);
    const plain = await measure('plain', `${plainBase}${v1Path}`);
    await new Promise((resolve) => plainServer.close(resolve));

    const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
    const summary = {
      v1,
      v1Uncached,
      core: coreResult,
      plain,
      ratioCore: ratio(v1.rps, coreResult.rps),
      ratioUncachedCore: ratio(v1Uncached.rps, coreResult.rps),
      ratioPlain: ratio(v1.rps, plain.rps),
      pages,
      storyPage,
      ratioPagesV1: ratio(pages.rps, v1.rps),
      ratioStoryPageV1: ratio(storyPage.rps, v1.rps),
    };
    process.stderr.write(
      `v1/core ${summary.ratioCore} (target ≥ 50)   v1Uncached/core ${summary.ratioUncachedCore} (≥ 5)   v1/plain ${summary.ratioPlain} (≥ 0.3)   ` +
        `v1 p99 ${v1.p99Ms} ms (< 20)   pages/v1 ${summary.ratioPagesV1} (≥ 0.8)   storyPage/v1 ${summary.ratioStoryPageV1} (≥ 0.8)   ` +
        `at ${CONNECTIONS} connections, ${SECONDS} s each\n`
    );
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  } finally {
    await strapi.destroy();
    environment.cleanup();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${(error as Error).stack}\n`);
    process.exit(1);
  }
);
