import request from 'supertest';
import { startStrapi, type TestApp } from '../support/strapi';
import { createStory } from '../support/fixtures';

let app: TestApp;

beforeAll(async () => {
  app = await startStrapi();
  await createStory(app.strapi, { title: 'Deutsch lernen in Göttingen', region: 'goettingen', themes: ['sprache'] });
  await createStory(app.strapi, { title: 'Fußball in Göttingen', region: 'goettingen', themes: ['sport'] });
  await createStory(app.strapi, { title: 'Ausbildung in Emden', region: 'emden', themes: ['ausbildung', 'sprache'] });
  await createStory(app.strapi, { title: 'Noch nicht fertig', region: 'goettingen', themes: ['sprache'], publish: false });
});
afterAll(async () => {
  await app?.stop();
});

const titles = (body: { data: { title: string }[] }) => body.data.map((s) => s.title).sort();

describe('the public read API', () => {
  test('lists published stories only', async () => {
    const res = await request(app.server).get('/api/stories');
    expect(res.status).toBe(200);
    expect(titles(res.body)).toEqual(['Ausbildung in Emden', 'Deutsch lernen in Göttingen', 'Fußball in Göttingen']);
  });

  test('filters stories by region slug', async () => {
    const res = await request(app.server).get('/api/stories?filters[region][slug][$eq]=goettingen');
    expect(titles(res.body)).toEqual(['Deutsch lernen in Göttingen', 'Fußball in Göttingen']);
  });

  test('filters stories by district key', async () => {
    const res = await request(app.server).get('/api/stories?filters[region][key][$eq]=03402');
    expect(titles(res.body)).toEqual(['Ausbildung in Emden']);
  });

  test('filters stories by theme', async () => {
    const res = await request(app.server).get('/api/stories?filters[themes][slug][$eq]=sprache');
    expect(titles(res.body)).toEqual(['Ausbildung in Emden', 'Deutsch lernen in Göttingen']);
  });

  test('filters by region and theme together', async () => {
    const res = await request(app.server).get('/api/stories?filters[region][slug][$eq]=goettingen&filters[themes][slug][$eq]=sport');
    expect(titles(res.body)).toEqual(['Fußball in Göttingen']);
  });

  test('a story carries its region and themes when populated', async () => {
    const res = await request(app.server).get('/api/stories?filters[region][slug][$eq]=emden&populate[0]=region&populate[1]=themes');
    const story = res.body.data[0];
    expect(story.region).toMatchObject({ name: 'Emden', key: '03402', kind: 'kreisfreie_stadt', statisticalRegion: 'weser_ems' });
    expect(story.themes.map((t: { slug: string }) => t.slug).sort()).toEqual(['ausbildung', 'sprache']);
  });

  test('lists all 45 districts with their keys', async () => {
    const res = await request(app.server).get('/api/regions?pagination[pageSize]=100&sort=key');
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(45);
    expect(res.body.data[0]).toMatchObject({ key: '03101', name: 'Braunschweig', statisticalRegion: 'braunschweig' });
    const kinds = res.body.data.reduce((acc: Record<string, number>, r: { kind: string }) => ({ ...acc, [r.kind]: (acc[r.kind] ?? 0) + 1 }), {});
    expect(kinds).toEqual({ landkreis: 36, region: 1, kreisfreie_stadt: 8 });
  });

  test('lists the eight themes of the call', async () => {
    const res = await request(app.server).get('/api/themes?sort=name');
    expect(res.body.data.map((t: { name: string }) => t.name)).toEqual([
      'Arbeit', 'Ausbildung', 'Ehrenamt und Vereine', 'Kultur', 'Nachbarschaft', 'Schule', 'Sport', 'Sprache',
    ]);
  });

  test('an unknown story is a 404', async () => {
    const res = await request(app.server).get('/api/stories/doesnotexist');
    expect(res.status).toBe(404);
  });
});
