import request from 'supertest';
import { startStrapi, type TestApp } from '../support/strapi';

let app: TestApp;

beforeAll(async () => {
  app = await startStrapi({ ADMIN_EMAIL: 'office@example.org', ADMIN_PASSWORD: 'Geschaeftsstelle1' });
});
afterAll(async () => {
  await app?.stop();
});

async function counts() {
  const q = (uid: string) => app.strapi.db.query(uid as never);
  const role = await q('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  return {
    regions: await q('api::region.region').count(),
    themes: await q('api::theme.theme').count(),
    admins: await q('admin::user').count(),
    publicPermissions: (await q('plugin::users-permissions.permission').findMany({ where: { role: role.id } })).map((p: { action: string }) => p.action).sort(),
  };
}

describe('seeding at start-up', () => {
  test('a fresh database gets 45 regions, 8 themes, a Public role without permissions and the administrator', async () => {
    const c = await counts();
    expect(c.regions).toBe(45);
    expect(c.themes).toBe(8);
    expect(c.admins).toBe(1);
    expect(c.publicPermissions).toEqual([]);
    const login = await request(app.server).post('/admin/login').send({ email: 'office@example.org', password: 'Geschaeftsstelle1' });
    expect(login.status).toBe(200);
  });

  test('a restart changes nothing and keeps an edited name and description', async () => {
    await app.strapi.db.query('api::region.region').update({ where: { key: '03159' }, data: { name: 'Landkreis Göttingen' } });
    await app.strapi.db.query('api::theme.theme').update({ where: { slug: 'sport' }, data: { description: 'Eigene Beschreibung' } });
    const before = await counts();
    app = await app.restart({ ADMIN_EMAIL: 'office@example.org', ADMIN_PASSWORD: 'Geschaeftsstelle1' });
    expect(await counts()).toEqual(before);
    expect((await app.strapi.db.query('api::region.region').findOne({ where: { key: '03159' } })).name).toBe('Landkreis Göttingen');
    expect((await app.strapi.db.query('api::theme.theme').findOne({ where: { slug: 'sport' } })).description).toBe('Eigene Beschreibung');
  });

  test('a deleted district comes back on the next start', async () => {
    await app.strapi.db.query('api::region.region').delete({ where: { key: '03402' } });
    app = await app.restart();
    expect(await app.strapi.db.query('api::region.region').count({ where: { key: '03402' } })).toBe(1);
  });

  test('editors see German labels and useful list columns in the content manager', async () => {
    const service = app.strapi.plugin('content-manager').service('content-types');
    const config = await service.findConfiguration({ uid: 'api::story.story' });
    expect(config.metadatas.title.edit.label).toBe('Titel');
    expect(config.metadatas.region.edit.description).toMatch(/Pflicht zum Veröffentlichen/);
    expect(config.layouts.list).toEqual(['title', 'region', 'kind', 'editorialStatus']);
  });

  test('a label an editor changed in the admin survives a restart', async () => {
    const service = app.strapi.plugin('content-manager').service('content-types');
    const config = await service.findConfiguration({ uid: 'api::story.story' });
    config.metadatas.title.edit.label = 'Überschrift';
    await service.updateConfiguration({ uid: 'api::story.story' }, { settings: config.settings, metadatas: config.metadatas, layouts: config.layouts });
    app = await app.restart();
    const after = await app.strapi.plugin('content-manager').service('content-types').findConfiguration({ uid: 'api::story.story' });
    expect(after.metadatas.title.edit.label).toBe('Überschrift');
  });
});
