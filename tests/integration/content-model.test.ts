import request from 'supertest';
import { startStrapi, type TestApp } from '../support/strapi';
import { adminToken } from '../support/admin';
import { createStory, documentIdOf } from '../support/fixtures';

const STORY = 'api::story.story';
let app: TestApp;

beforeAll(async () => {
  app = await startStrapi();
});
afterAll(async () => {
  await app?.stop();
});

const storyCount = () => app.strapi.db.query(STORY).count();

describe('the content model', () => {
  test('a title longer than YouTube allows (100 characters) is rejected and nothing is stored', async () => {
    const before = await storyCount();
    await expect(app.strapi.documents(STORY).create({ data: { title: 'x'.repeat(101) } as never })).rejects.toThrow(/title/);
    expect(await storyCount()).toBe(before);
  });

  test('a title of exactly 100 characters is accepted', async () => {
    const story = await app.strapi.documents(STORY).create({ data: { title: 'y'.repeat(100) } as never });
    expect(story.title).toHaveLength(100);
  });

  test.each([
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s'],
    ['https://youtu.be/dQw4w9WgXcQ?si=abcdef'],
    ['youtube.com/shorts/dQw4w9WgXcQ'],
    ['https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
    ['dQw4w9WgXcQ'],
  ])('a pasted YouTube link %s is stored as its 11-character video id', async (link) => {
    const story = await app.strapi.documents(STORY).create({ data: { title: `Link ${link}`, youtubeVideoId: link } as never });
    const row = await app.strapi.db.query(STORY).findOne({ where: { documentId: story.documentId } });
    expect(row.youtubeVideoId).toBe('dQw4w9WgXcQ');
  });

  test('an editor who pastes a non-YouTube link in the admin gets a 400 naming the field, and nothing is stored', async () => {
    const token = await adminToken(app.strapi);
    const before = await storyCount();
    const res = await request(app.server)
      .post(`/content-manager/collection-types/${STORY}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ title: 'Mit falschem Link', youtubeVideoId: 'https://vimeo.com/123456' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['youtubeVideoId']);
    expect(res.body.error.message).toMatch(/kein YouTube-Video-Link/);
    expect(await storyCount()).toBe(before);
  });

  test('a story without a region cannot be published, and says why', async () => {
    const draft = await app.strapi.documents(STORY).create({ data: { title: 'Ohne Region' } as never });
    await expect(app.strapi.documents(STORY).publish({ documentId: draft.documentId })).rejects.toMatchObject({
      details: { errors: expect.arrayContaining([expect.objectContaining({ path: ['region'] })]) },
    });
    expect(await app.strapi.db.query(STORY).count({ where: { documentId: draft.documentId, publishedAt: { $notNull: true } } })).toBe(0);
  });

  test('a story without a theme cannot be published', async () => {
    const region = await documentIdOf(app.strapi, 'api::region.region', 'goettingen');
    const draft = await app.strapi.documents(STORY).create({ data: { title: 'Ohne Thema', region } as never });
    await expect(app.strapi.documents(STORY).publish({ documentId: draft.documentId })).rejects.toMatchObject({
      details: { errors: expect.arrayContaining([expect.objectContaining({ path: ['themes'] })]) },
    });
  });

  test('a story with region and theme is published', async () => {
    const documentId = await createStory(app.strapi, { title: 'Vollständig', region: 'goettingen', themes: ['sprache'] });
    expect(await app.strapi.db.query(STORY).count({ where: { documentId, publishedAt: { $notNull: true } } })).toBe(1);
  });

  test('a story takes an uploaded video or a YouTube link, not both', async () => {
    const file = await app.strapi.db.query('plugin::upload.file').create({
      data: { name: 'clip.mp4', hash: 'clip_both', ext: '.mp4', mime: 'video/mp4', size: 1, url: '/uploads/clip_both.mp4', provider: 'local' },
    });
    await expect(
      app.strapi.documents(STORY).create({ data: { title: 'Beides', video: file.id, youtubeVideoId: 'dQw4w9WgXcQ' } as never })
    ).rejects.toMatchObject({ details: { errors: [{ path: ['youtubeVideoId'] }] } });
    const draft = await app.strapi.documents(STORY).create({ data: { title: 'Erst Datei', video: file.id } as never });
    await expect(
      app.strapi.documents(STORY).update({ documentId: draft.documentId, data: { youtubeVideoId: 'https://youtu.be/dQw4w9WgXcQ' } as never })
    ).rejects.toMatchObject({ details: { errors: [{ path: ['youtubeVideoId'] }] } });
    const switched = await app.strapi.documents(STORY).update({
      documentId: draft.documentId,
      data: { video: null, youtubeVideoId: 'https://youtu.be/dQw4w9WgXcQ' } as never,
    });
    expect(switched?.youtubeVideoId).toBe('dQw4w9WgXcQ');
  });

  test('the teaser is limited to 300 characters', async () => {
    await expect(app.strapi.documents(STORY).create({ data: { title: 'Langer Teaser', teaser: 't'.repeat(301) } as never })).rejects.toThrow(/teaser/);
  });
});
