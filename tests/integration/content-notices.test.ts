import request from 'supertest';
import { startStrapi, type TestApp } from '../support/strapi';
import { adminToken } from '../support/admin';
import { loadContract, type Contract } from '../support/contract';
import { createStory } from '../support/fixtures';
import { startSmtpSink, smtpEnv, type SmtpSink } from '../support/smtp';
import { withdrawConsent } from '../../src/plugins/submissions/server/src/review/withdrawal';

/**
 * "Inhalt melden": anyone flags a published story through the API or the /melden page; the content notice lands in the
 * editors' queue, the office gets an e-mail, the story's audit trail records it.
 */

const CONTENT_NOTICE = 'plugin::submissions.content-notice';
const AUDIT = 'plugin::submissions.audit-entry';
const NOTICES_PER_MINUTE = 4;

let app: TestApp;
let smtp: SmtpSink;
let editor: string;
let contract: Contract;
const ids: Record<string, string> = {};
/** Each test sends from its own address, so the per-IP limit is only met where a test wants it. */
let address = 0;
const nextAddress = () => `198.51.100.${++address}`;

beforeAll(async () => {
  smtp = await startSmtpSink();
  app = await startStrapi({
    ...smtpEnv(smtp),
    YOUTUBE_SYNC_WORKER: 'false',
    PUBLIC_API_RATE_LIMIT_PER_MINUTE: '0',
    CONTENT_REPORTS_PER_MINUTE: String(NOTICES_PER_MINUTE),
    // Behind the proxy of production: the client address comes from X-Forwarded-For, so each test can be its own client.
    TRUSTED_PROXIES: '1',
  });
  editor = await adminToken(app.strapi);
  contract = await loadContract(app.server);
  ids.published = await createStory(app.strapi, { title: 'Ein Fest im Stadtteil', region: 'celle', themes: ['kultur'] });
  ids.draft = await createStory(app.strapi, { title: 'Noch ein Entwurf', region: 'celle', themes: ['kultur'], publish: false });
});
afterAll(async () => {
  await app?.stop();
  await smtp?.close();
  delete process.env.TRUSTED_PROXIES;
});
beforeEach(() => smtp.clear());

const sendNotice = (slug: string, body: object, ip = nextAddress()) =>
  request(app.server).post(`/api/v1/stories/${slug}/reports`).set('X-Forwarded-For', ip).send(body);
const noticesOf = (documentId: string) => app.strapi.db.query(CONTENT_NOTICE).findMany({ where: { storyDocumentId: documentId } });

describe('a content notice through the API', () => {
  test('a notice is stored as open, recorded, mailed to the office and answered 201', async () => {
    const res = await sendNotice('ein-fest-im-stadtteil', { reason: 'privacy', message: 'Meine Tochter ist ohne Erlaubnis zu sehen.', contact: 'mutter@example.org' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ data: { received: true, story: 'ein-fest-im-stadtteil' } });
    contract.expect('/stories/{slug}/reports', 'post', res);
    expect(await noticesOf(ids.published)).toEqual([
      expect.objectContaining({
        storySlug: 'ein-fest-im-stadtteil',
        storyTitle: 'Ein Fest im Stadtteil',
        reason: 'privacy',
        message: 'Meine Tochter ist ohne Erlaubnis zu sehen.',
        contact: 'mutter@example.org',
        status: 'open',
      }),
    ]);
    expect(await app.strapi.db.query(AUDIT).findMany({ where: { storyDocumentId: ids.published, action: 'content_reported' } })).toEqual([
      expect.objectContaining({ actorType: 'public', details: expect.objectContaining({ reason: 'privacy' }) }),
    ]);
    const notice = await smtp.waitForMatch((m) => m.subject === 'Inhalt gemeldet: Ein Fest im Stadtteil');
    expect(notice.to).toMatchObject({ text: 'buero@zusammen-mehr.example' });
    expect(notice.text).toContain('Persönliche Daten oder Privatsphäre verletzt');
    expect(notice.text).toContain('mutter@example.org');
  });

  test('a wrong reason or a too long message is a 400 naming the field; nothing is stored', async () => {
    const before = (await noticesOf(ids.published)).length;
    const noReason = await sendNotice('ein-fest-im-stadtteil', { message: 'Hallo' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details.errors[0].path).toEqual(['reason']);
    contract.expect('/stories/{slug}/reports', 'post', noReason);
    const tooLong = await sendNotice('ein-fest-im-stadtteil', { reason: 'other', message: 'x'.repeat(2001) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.message).toMatch(/^message must be at most 2000 characters/);
    expect(await noticesOf(ids.published)).toHaveLength(before);
  });

  test('a draft, an unknown slug or a story withdrawn for the website is a 404', async () => {
    const slugOf = async (documentId: string) => (await app.strapi.db.query('api::story.story').findOne({ where: { documentId }, select: ['slug'] })).slug;
    const offWebsite = await createStory(app.strapi, { title: 'Nicht mehr auf der Website', region: 'celle', themes: ['kultur'] });
    await withdrawConsent(app.strapi, { documentId: offWebsite, scope: 'website', actor: { actor: 'Test', actorType: 'submitter' } });
    for (const slug of [await slugOf(ids.draft), 'gibt-es-nicht', await slugOf(offWebsite)]) {
      const res = await sendNotice(slug, { reason: 'other' });
      expect([slug, res.status]).toEqual([slug, 404]);
      contract.expect('/stories/{slug}/reports', 'post', res);
    }
    expect(await noticesOf(ids.draft)).toHaveLength(0);
  });

  test('a robot that fills the hidden field is thanked, and nothing is stored', async () => {
    const before = (await noticesOf(ids.published)).length;
    const res = await sendNotice('ein-fest-im-stadtteil', { reason: 'offensive', website: 'https://spam.example' });
    expect(res.status).toBe(201);
    expect(await noticesOf(ids.published)).toHaveLength(before);
  });

  test(`more than ${NOTICES_PER_MINUTE} notices a minute from one address are refused with 429 and Retry-After`, async () => {
    const ip = nextAddress();
    for (let i = 0; i < NOTICES_PER_MINUTE; i++) expect((await sendNotice('ein-fest-im-stadtteil', { reason: 'other' }, ip)).status).toBe(201);
    const refused = await sendNotice('ein-fest-im-stadtteil', { reason: 'other' }, ip);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    contract.expect('/stories/{slug}/reports', 'post', refused);
    expect((await sendNotice('ein-fest-im-stadtteil', { reason: 'other' }, nextAddress())).status).toBe(201);
  });
});

describe('the /melden page', () => {
  test('shows the form for a published story and a 404 page for anything else', async () => {
    const page = await request(app.server).get('/melden?story=ein-fest-im-stadtteil');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Ein Fest im Stadtteil');
    expect(page.text).toContain('name="reason"');
    expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect((await request(app.server).get('/melden?story=gibt-es-nicht')).status).toBe(404);
  });

  test('a sent form is stored and thanked on its own page; a form without a reason is shown again with the error', async () => {
    const before = (await noticesOf(ids.published)).length;
    const invalid = await request(app.server).post('/melden').set('X-Forwarded-For', nextAddress()).type('form').send({ story: 'ein-fest-im-stadtteil', message: 'Falsches Datum' });
    expect(invalid.status).toBe(400);
    expect(invalid.text).toContain('Bitte wählen Sie einen Grund.');
    expect(invalid.text).toContain('Falsches Datum');
    const sent = await request(app.server)
      .post('/melden')
      .set('X-Forwarded-For', nextAddress())
      .type('form')
      .send({ story: 'ein-fest-im-stadtteil', reason: 'incorrect', message: 'Das Fest war 2025, nicht 2024.' });
    expect(sent.status).toBe(303);
    expect(sent.headers.location).toBe('/melden/danke?story=ein-fest-im-stadtteil');
    expect((await request(app.server).get(sent.headers.location)).text).toContain('Danke für Ihre Meldung');
    const notices = await noticesOf(ids.published);
    expect(notices).toHaveLength(before + 1);
    expect(notices.at(-1)).toMatchObject({ reason: 'incorrect', message: 'Das Fest war 2025, nicht 2024.', contact: null });
  });
});

describe('content notices in the editors’ queue', () => {
  test('open notices come first; an editor resolves one and it says who and when', async () => {
    const list = await request(app.server).get('/submissions/review/notices').set('Authorization', `Bearer ${editor}`);
    expect(list.status).toBe(200);
    const open = (list.body.data as { id: number; status: string; storyDocumentId: string }[]).filter((r) => r.storyDocumentId === ids.published);
    expect(open.length).toBeGreaterThan(1);
    const resolved = await request(app.server)
      .put(`/submissions/review/notices/${open[0].id}`)
      .set('Authorization', `Bearer ${editor}`)
      .send({ status: 'resolved' });
    expect(resolved.status).toBe(200);
    expect(resolved.body.data).toMatchObject({ status: 'resolved', resolvedBy: expect.stringContaining('Test Redaktion'), resolvedAt: expect.any(String) });
    const after = (await request(app.server).get('/submissions/review/notices').set('Authorization', `Bearer ${editor}`)).body.data as { id: number; status: string }[];
    expect(after.at(-1)).toMatchObject({ id: open[0].id, status: 'resolved' });
    expect(after.slice(0, -1).every((r) => r.status === 'open')).toBe(true);
    const queue = await request(app.server).get('/submissions/review/submissions?status=approved').set('Authorization', `Bearer ${editor}`);
    expect((queue.body.data as { documentId: string; openNotices: number }[]).find((r) => r.documentId === ids.published)?.openNotices).toBe(open.length - 1);
    expect((await request(app.server).put(`/submissions/review/notices/${open[1].id}`).set('Authorization', `Bearer ${editor}`).send({ status: 'done' })).status).toBe(400);
  });
});
