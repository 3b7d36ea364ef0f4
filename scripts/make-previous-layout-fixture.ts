/*
 * `npx tsx scripts/make-previous-layout-fixture.ts`: writes tests/fixtures/previous-layout.json, a database made by
 * the app as it was before the plugin split (commit PREVIOUS_COMMIT, one plugin `youtube-sync` holding every content
 * type), for tests/integration/previous-layout.test.ts.
 *
 * It checks that commit out into a temporary git worktree (sharing this checkout's node_modules), compiles and boots
 * it on a fresh SQLite file, creates what an office has after working with it — a connected channel and saved
 * settings (through its admin API and its own sealing), a submitted story taken into review (its audit trail), a
 * failed sync job and a sync state of it, a content report, a finished report export — and dumps every table Strapi
 * made as the old app left it; the schema Strapi recorded is among them, so the test can rebuild the same database on
 * SQLite and on PostgreSQL.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { execFileSync } from 'child_process';
import request from 'supertest';
import knex, { type Knex } from 'knex';
import { compileStrapi, createStrapi, type Core } from '@strapi/strapi';
import { appDir } from './source-hash';
import { writtenStory } from '../tests/support/submission';
import { testEnvironment } from '../tests/support/test-env';
import { BOOKKEEPING_TABLES, PREVIOUS_LAYOUT_FILE, type PreviousLayout } from '../tests/support/previous-layout';

const PREVIOUS_COMMIT = 'e642655';
const OLD_UID = (name: string) => `plugin::youtube-sync.${name}`;

/** The key the old app sealed the channel's secrets with; the test boots the new app with the same one. */
const ENCRYPTION_KEY = 'previous-layout-fixture-key-not-a-secret';

/** Who worked with the old app: the test logs in as them. */
const FIXTURE_USERS = {
  admin: { email: 'admin@example.org', password: 'Fixture-Passwort1', firstname: 'Fixture', lastname: 'Admin', role: 'strapi-super-admin' },
  editor: { email: 'editor@example.org', password: 'Fixture-Passwort1', firstname: 'Fixture', lastname: 'Redaktion', role: 'strapi-editor' },
};

/** The test apps' variables, with the fixture's key and database. */
const environment = (databaseFile: string): Record<string, string> => ({
  ...testEnvironment(),
  ENCRYPTION_KEY,
  DATABASE_CLIENT: 'sqlite',
  DATABASE_FILENAME: databaseFile,
  // The export stays "done" rather than "expired" when the test boots the new app, months after this run.
  REPORT_LINK_TTL_MINUTES: String(60 * 24 * 365 * 20),
});

/** A module of the old app's compiled code: its paths differ from today's, so it is reached by file, and typed `any`. */
const oldModule = (oldDir: string, file: string): any => require(path.join(oldDir, 'dist', 'src', 'plugins', 'youtube-sync', 'server', 'src', file));

/** Creates the fixture's admin users (the editor role has the reports and review permissions the old app granted it). */
async function adminJwt(strapi: Core.Strapi): Promise<string> {
  for (const { role: code, ...user } of Object.values(FIXTURE_USERS)) {
    const role = await strapi.db.query('admin::role').findOne({ where: { code } });
    await strapi.service('admin::user').create({ ...user, isActive: true, roles: [role.id], registrationToken: null });
  }
  const { email, password } = FIXTURE_USERS.admin;
  const res = await request(strapi.server.httpServer).post('/admin/login').send({ email, password });
  if (res.status !== 200) throw new Error(`old app: admin login failed (${res.status})`);
  return res.body.data.token as string;
}

async function expectOk(what: string, pending: Promise<request.Response>) {
  const res = await pending;
  if (res.status >= 300) throw new Error(`old app: ${what} answered ${res.status} ${JSON.stringify(res.body)}`);
  return res;
}

/** What an office has in its database after working with the old app for a while. */
async function fill(strapi: Core.Strapi, oldDir: string) {
  const jwt = await adminJwt(strapi);
  const api = request(strapi.server.httpServer);
  const auth = { Authorization: `Bearer ${jwt}` };

  await expectOk('saving the OAuth client', api.put('/youtube-sync/connection/client').set(auth).send({ clientId: 'fixture-client-id.apps.example', clientSecret: 'fixture-client-secret' }));
  // The OAuth callback (Google's redirect) stores the refresh token and the channel like this.
  const { createSecretBox } = oldModule(oldDir, 'config/secret-box.js');
  const { writeConnection } = oldModule(oldDir, 'config/connection-store.js');
  await writeConnection(strapi, {
    sealedRefreshToken: createSecretBox(ENCRYPTION_KEY).seal('fixture-refresh-token'),
    channel: { id: 'UCpreviouslayout00000001', title: 'ZUSAMMEN. MEHR. (Fixture)', thumbnailUrl: null },
    connectedAt: '2026-11-02T09:00:00.000Z',
    connectedBy: 'Fixture Admin',
  });

  const { settings } = (await expectOk('reading the settings', api.get('/youtube-sync/settings').set(auth))).body;
  const saved = { ...settings, descriptionTemplate: '{title}\n\nAus der Zeit vor der Aufteilung.\n{link}' };
  await expectOk('saving the settings', api.put('/youtube-sync/settings').set(auth).send(saved));

  // A story submitted through the form (its audit trail starts) and taken into review by the editor.
  await expectOk('submitting a story', api.post('/api/v1/submissions').send(writtenStory({ title: 'Vor der Aufteilung eingereicht' })));
  const story = await strapi.db.query('api::story.story').findOne({ where: { title: 'Vor der Aufteilung eingereicht' } });
  await expectOk('taking it into review', api.post(`/youtube-sync/review/submissions/${story.documentId}/status`).set(auth).send({ to: 'in_review' }));

  const at = '2026-11-03T10:00:00.000Z';
  await strapi.db.query(OLD_UID('sync-job')).create({
    data: { storyDocumentId: story.documentId, status: 'failed', reason: 'publish', runAt: at, requestedAt: at, finishedAt: at, attempts: 5, lastError: 'Das Video ist zu lang.', errorKind: 'permanent', failureReason: 'too_long', revision: 1 },
  });
  await strapi.db.query(OLD_UID('sync-state')).create({
    data: { storyDocumentId: story.documentId, status: 'failed', ownsVideo: true, playlistItems: {}, lastError: 'Das Video ist zu lang.' },
  });

  await strapi.db.query(OLD_UID('content-report')).create({
    data: { storyDocumentId: story.documentId, storySlug: story.slug, storyTitle: story.title, reason: 'incorrect', message: 'Das Datum stimmt nicht.', status: 'open' },
  });

  await expectOk('starting a report export', api.post('/youtube-sync/reports/exports').set(auth).send({ format: 'csv', from: '2026-01-01', to: '2026-12-31' }));
  // Posting an export wakes the old app's export loop, which makes the file in the background.
  let finished = null;
  for (let tries = 0; tries < 300 && finished?.status !== 'done' && finished?.status !== 'failed'; tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    finished = await strapi.db.query(OLD_UID('report-export')).findOne({ orderBy: { id: 'desc' } });
  }
  if (finished?.status !== 'done') throw new Error(`old app: the report export ended as ${finished?.status}`);
}

/**
 * The tables Strapi made: those of the schema it recorded in strapi_database_schema, and its own bookkeeping. Tables
 * the app makes itself at start-up (the public API's search index) are left out: the new app rebuilds them.
 */
async function strapiTables(db: Knex): Promise<string[]> {
  const stored = await db('strapi_database_schema').select('schema').orderBy('id', 'desc').first();
  const schema = JSON.parse(stored.schema) as { tables: { name: string }[] };
  return [...schema.tables.map((t) => t.name), ...BOOKKEEPING_TABLES].sort();
}

async function dump(databaseFile: string): Promise<PreviousLayout> {
  const db = knex({ client: 'better-sqlite3', connection: { filename: databaseFile }, useNullAsDefault: true });
  try {
    const tables: PreviousLayout['tables'] = {};
    for (const name of await strapiTables(db)) {
      const columns = ((await db.raw(`PRAGMA table_info("${name}")`)) as { name: string }[]).map((c) => c.name);
      const rows = (await db(name).select(columns).orderBy('id')) as Record<string, PreviousLayout['tables'][string]['rows'][number][number]>[];
      tables[name] = { columns, rows: rows.map((row) => columns.map((c) => row[c])) };
    }
    return { commit: PREVIOUS_COMMIT, env: { ENCRYPTION_KEY }, users: FIXTURE_USERS, tables };
  } finally {
    await db.destroy();
  }
}

async function main() {
  const oldDir = fs.mkdtempSync(path.join(os.tmpdir(), 'previous-layout-'));
  fs.rmSync(oldDir, { recursive: true });
  execFileSync('git', ['worktree', 'add', '--detach', oldDir, PREVIOUS_COMMIT], { cwd: appDir, stdio: 'inherit' });
  const databaseFile = path.join(oldDir, '.tmp', 'previous-layout.db');
  try {
    fs.symlinkSync(fs.realpathSync(path.join(appDir, 'node_modules')), path.join(oldDir, 'node_modules'));
    fs.mkdirSync(path.dirname(databaseFile), { recursive: true });
    Object.assign(process.env, environment(databaseFile));
    process.chdir(oldDir);
    await compileStrapi({ appDir: oldDir });
    const strapi = await createStrapi({ appDir: oldDir, distDir: path.join(oldDir, 'dist') }).load();
    await strapi.server.mount();
    try {
      await fill(strapi, oldDir);
    } finally {
      await strapi.destroy();
    }
    const fixture = await dump(databaseFile);
    fs.mkdirSync(path.dirname(PREVIOUS_LAYOUT_FILE), { recursive: true });
    fs.writeFileSync(PREVIOUS_LAYOUT_FILE, JSON.stringify(fixture));
    const rows = Object.values(fixture.tables).reduce((n, t) => n + t.rows.length, 0);
    console.log(`${path.relative(appDir, PREVIOUS_LAYOUT_FILE)}: ${Object.keys(fixture.tables).length} tables, ${rows} rows, ${fs.statSync(PREVIOUS_LAYOUT_FILE).size} bytes`);
  } finally {
    process.chdir(appDir);
    execFileSync('git', ['worktree', 'remove', '--force', oldDir], { cwd: appDir, stdio: 'inherit' });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  }
);
