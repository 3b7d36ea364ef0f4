import request from 'supertest';
import { createTestDatabase, currentBackend } from '../support/database';
import { loadPreviousLayout, readPreviousLayout } from '../support/previous-layout';
import { startStrapiWithEnvironment, type TestApp } from '../support/strapi';
import { testEnvironment } from '../support/test-env';

/**
 * Upgrading from the one plugin to five (issue 13): a database the app of the previous layout made and worked with
 * (tests/fixtures/previous-layout.json, scripts/make-previous-layout-fixture.ts) boots into the new app once, and
 * the office keeps its channel, settings, jobs, permissions, audit trail and exports.
 */

// A Strapi migration is a plain CommonJS file that Strapi requires itself; the test runs it once more the same way.
const migration = require('../../database/migrations/2026.12.06T00.00.00.plugin-split-uids.js') as { up(trx: unknown, db: unknown): Promise<void> };

const layout = readPreviousLayout();
const CM_KEY = 'plugin_content_manager_configuration_content_types::';
let app: TestApp;
let adminJwt: string;
let editorJwt: string;

const login = async ({ email, password }: { email: string; password: string }) => {
  const res = await request(app.server).post('/admin/login').send({ email, password });
  expect(res.status).toBe(200);
  return res.body.data.token as string;
};
const get = (jwt: string, path: string) => request(app.server).get(path).set('Authorization', `Bearer ${jwt}`);

/** Every stored reference the migration rewrites, to see that a second run leaves them as they are. */
const references = async () => ({
  permissions: await app.strapi.db.connection('admin_permissions').select('id', 'action', 'subject').orderBy('id'),
  store: await app.strapi.db.connection('strapi_core_store_settings').select('id', 'key', 'value').orderBy('id'),
});

beforeAll(async () => {
  const database = await createTestDatabase(currentBackend(), { empty: true });
  await loadPreviousLayout(database, layout);
  app = await startStrapiWithEnvironment({ ...testEnvironment(), ...database.env, ENCRYPTION_KEY: layout.env.ENCRYPTION_KEY }, [], database);
  [adminJwt, editorJwt] = await Promise.all([login(layout.users.admin), login(layout.users.editor)]);
}, 180_000);

afterAll(async () => {
  await app?.stop();
});

describe('a database of the previous layout, booted into the split plugins', () => {
  it('lets the editor keep the reports and the review queue their role was given, and nothing more', async () => {
    expect((await get(editorJwt, '/reports/options')).status).toBe(200);
    expect((await get(editorJwt, '/submissions/review/submissions')).status).toBe(200);
    expect((await get(editorJwt, '/youtube-sync/connection')).status).toBe(403);
    const actions = await app.strapi.db.connection('admin_permissions').pluck('action');
    expect(actions.filter((action: string) => action === 'plugin::youtube-sync.reports' || action === 'plugin::youtube-sync.review')).toEqual([]);
  });

  it('lets the editor keep managing partner keys, a type that moved to the stories plugin', async () => {
    expect((await get(editorJwt, '/content-manager/collection-types/plugin::stories.partner-key')).status).toBe(200);
  });

  it('keeps the channel connected with the secrets sealed before the upgrade, and the saved settings', async () => {
    const connection = await get(adminJwt, '/youtube-sync/connection');
    expect(connection.status).toBe(200);
    expect(connection.body).toMatchObject({ connected: true, source: 'stored', problem: null, channel: { id: 'UCpreviouslayout00000001' } });
    const settings = await get(adminJwt, '/youtube-sync/settings');
    expect(settings.body.settings.descriptionTemplate).toContain('Aus der Zeit vor der Aufteilung.');
  });

  it('still counts the failed sync job and the sync state of its story on the dashboard', async () => {
    const status = await get(editorJwt, '/youtube-sync/status');
    expect(status.status).toBe(200);
    expect(status.body.jobs.failed).toBe(1);
    expect(status.body.stories.failed).toBe(1);
  });

  it('goes on with the scheduled runs the old app had, one row per task', async () => {
    const runs = (await app.strapi.db.query('plugin::operations.scheduled-run').findMany({})) as { name: string }[];
    const names = runs.map((run) => run.name);
    expect(names).toEqual(expect.arrayContaining(['media-privacy', 'cover-variants']));
    expect(new Set(names).size).toBe(names.length);
  });

  it('shows the submitted story in the review queue with its audit trail and its content report', async () => {
    const queue = await get(editorJwt, '/submissions/review/submissions?status=in_review');
    const story = queue.body.data.find((s: { title: string }) => s.title === 'Vor der Aufteilung eingereicht');
    expect(story).toBeDefined();
    const detail = await get(editorJwt, `/submissions/review/submissions/${story.documentId}`);
    expect(detail.body.data.history.map((h: { action: string }) => h.action)).toEqual(['status_changed', 'submitted']);
    expect(detail.body.data.notices).toHaveLength(1);
  });

  it('lists the report export finished before the upgrade', async () => {
    const exports = await get(editorJwt, '/reports/exports');
    expect(exports.status).toBe(200);
    expect(exports.body.data).toEqual([expect.objectContaining({ status: 'done', format: 'csv' })]);
  });

  it('keeps the German labels the content manager had for a moved type', async () => {
    // Applied once by the old app (src/seed/admin-labels.ts) and not again: only the migration can carry them over.
    const partnerKeys = await app.strapi.plugin('content-manager').service('content-types').findConfiguration({ uid: 'plugin::stories.partner-key' });
    expect(partnerKeys.metadatas.name.edit.label).toBe('Bezeichnung');
    expect(partnerKeys.layouts.list).toEqual(['name', 'organisation', 'keyPrefix', 'active', 'lastUsedAt']);
    const keys = await app.strapi.db.connection('strapi_core_store_settings').where('key', 'like', `${CM_KEY}%youtube-sync%`).pluck('key');
    expect(keys.sort()).toEqual(['sync-job', 'sync-state', 'playlist', 'quota-day', 'oauth-state'].map((name) => `${CM_KEY}plugin::youtube-sync.${name}`).sort());
  });

  it('was run once by Strapi, and running it again changes nothing', async () => {
    expect(await app.strapi.db.connection('strapi_migrations').pluck('name')).toEqual(['2026.12.06T00.00.00.plugin-split-uids.js']);
    const before = await references();
    await app.strapi.db.connection.transaction((trx) => migration.up(trx, app.strapi.db));
    expect(await references()).toEqual(before);
  });

  it('also rewrites a public grant on a moved controller, and drops an old content-manager setting whose new one exists', async () => {
    const stored = app.strapi.db.query('strapi::core-store');
    const newKey = `${CM_KEY}plugin::stories.partner-key`;
    const current = await stored.findOne({ where: { key: newKey } });
    const grant = await app.strapi.db.query('plugin::users-permissions.permission').create({ data: { action: 'plugin::youtube-sync.public-api.stories' } });
    await stored.create({ data: { key: `${CM_KEY}plugin::youtube-sync.partner-key`, value: '{"uid":"plugin::youtube-sync.partner-key"}', type: 'object' } });

    await app.strapi.db.connection.transaction((trx) => migration.up(trx, app.strapi.db));

    expect((await app.strapi.db.query('plugin::users-permissions.permission').findOne({ where: { id: grant.id } })).action).toBe('plugin::stories.public-api.stories');
    expect(await stored.findMany({ where: { key: { $contains: 'partner-key' } } })).toEqual([current]);
  });
});
