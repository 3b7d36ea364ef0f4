import request from 'supertest';
import { startStrapi, type TestApp } from '../support/strapi';

let app: TestApp;
beforeAll(async () => { app = await startStrapi(); });
afterAll(async () => { await app?.stop(); });

test('boots', async () => {
  const res = await request(app.server).get('/api/regions?pagination[pageSize]=100');
  expect(res.status).toBe(200);
  expect(res.body.data).toHaveLength(45);
});
