import request from 'supertest';
import { startStrapi, type TestApp } from '../support/strapi';
import { adminToken } from '../support/admin';
import { createStory, createSubmission } from '../support/fixtures';

/**
 * The removals feed (/api/v1/stories/removed) tells partners which stories to drop. It lists a story only when the
 * public saw it: a submission rejected, deleted or withdrawn before publication never appears there (its slug,
 * made from its title, would be the only trace of it in public), a public story that is taken down appears once.
 */

const STORY = 'api::story.story';

let app: TestApp;
let editor: string;

beforeAll(async () => {
  app = await startStrapi({ YOUTUBE_SYNC_WORKER: 'false', PUBLIC_API_RATE_LIMIT_PER_MINUTE: '0' });
  editor = await adminToken(app.strapi);
});
afterAll(async () => {
  await app?.stop();
});

const removals = async () => (await request(app.server).get('/api/v1/stories/removed?pageSize=100')).body.data as { id: string; slug: string; reason: string }[];
const removalsOf = async (documentId: string) => (await removals()).filter((r) => r.id === documentId);
const slugOf = async (documentId: string) => (await app.strapi.db.query(STORY).findOne({ where: { documentId }, select: ['slug'] })).slug as string;

const review = (documentId: string, action: 'status' | 'withdraw', body: Record<string, unknown>) =>
  request(app.server).post(`/submissions/review/submissions/${documentId}/${action}`).set('Authorization', `Bearer ${editor}`).send(body);

async function reject(documentId: string) {
  for (const to of ['in_review', 'rejected']) expect((await review(documentId, 'status', { to })).status).toBe(200);
}

describe('a story the public never saw', () => {
  test('rejecting a submission adds nothing to the feed', async () => {
    const documentId = await createSubmission(app.strapi, { title: 'Abgelehnte Einreichung' });
    await reject(documentId);
    expect(await removalsOf(documentId)).toEqual([]);
  });

  test('deleting a submission adds nothing to the feed', async () => {
    const documentId = await createSubmission(app.strapi, { title: 'Gelöschte Einreichung' });
    await app.strapi.documents(STORY).delete({ documentId });
    expect(await removalsOf(documentId)).toEqual([]);
  });

  test('withdrawing the consent of a submission adds nothing to the feed', async () => {
    const documentId = await createSubmission(app.strapi, { title: 'Zurückgezogene Einreichung' });
    expect((await review(documentId, 'withdraw', { scope: 'all' })).status).toBe(200);
    expect(await removalsOf(documentId)).toEqual([]);
  });

  test('unpublishing an approved draft that was never published adds nothing', async () => {
    const documentId = await createStory(app.strapi, { title: 'Nie veröffentlicht', region: 'goettingen', themes: ['sprache'], publish: false });
    await app.strapi.documents(STORY).unpublish({ documentId });
    expect(await removalsOf(documentId)).toEqual([]);
  });
});

describe('a story the public saw', () => {
  const published = (title: string) => createStory(app.strapi, { title, region: 'goettingen', themes: ['sprache'] });

  test('unpublishing it adds it to the feed once, with its slug', async () => {
    const documentId = await published('Kurz öffentlich');
    await app.strapi.documents(STORY).unpublish({ documentId });
    expect(await removalsOf(documentId)).toEqual([expect.objectContaining({ slug: await slugOf(documentId), reason: 'unpublished' })]);
  });

  test('deleting it adds it to the feed once', async () => {
    const documentId = await published('Öffentlich, dann gelöscht');
    const slug = await slugOf(documentId);
    await app.strapi.documents(STORY).delete({ documentId });
    expect(await removalsOf(documentId)).toEqual([expect.objectContaining({ slug, reason: 'deleted' })]);
  });

  test('rejecting it (which unpublishes it) adds it once', async () => {
    const documentId = await published('Öffentlich, dann abgelehnt');
    expect((await review(documentId, 'status', { to: 'in_review' })).status).toBe(200);
    expect((await review(documentId, 'status', { to: 'rejected' })).status).toBe(200);
    expect(await removalsOf(documentId)).toEqual([expect.objectContaining({ slug: await slugOf(documentId), reason: 'unpublished' })]);
  });

  test('withdrawing its consent for everything adds it once, as a withdrawal', async () => {
    const documentId = await published('Öffentlich, dann widerrufen');
    expect((await review(documentId, 'withdraw', { scope: 'all' })).status).toBe(200);
    expect(await removalsOf(documentId)).toEqual([expect.objectContaining({ slug: await slugOf(documentId), reason: 'consent_withdrawn' })]);
  });
});
