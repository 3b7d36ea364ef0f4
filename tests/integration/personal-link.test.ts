import request from 'supertest';
import type { ParsedMail } from 'mailparser';
import { deliverDueMails } from '../../src/plugins/submissions/server/src/outbox/delivery';
import { queueMail } from '../../src/plugins/submissions/server/src/outbox/mails';
import { sweepOutbox } from '../../src/plugins/submissions/server/src/outbox/runtime';
import { sendAccessCode } from '../../src/plugins/submissions/server/src/review/personal-link';
import { withdrawalLink } from '../../src/plugins/submissions/server/src/intake/withdrawal-token';
import { adminToken } from '../support/admin';
import { loadContract, type Contract } from '../support/contract';
import { createSubmission } from '../support/fixtures';
import { startSmtpSink, smtpEnv, type SmtpSink } from '../support/smtp';
import { startStrapi, type TestApp } from '../support/strapi';

/**
 * The personal link from the confirmation mail: withdrawing needs only the link; seeing the stored data needs a
 * one-time code mailed to the submitter; a new link replaces the older ones (asked for on the page or by an
 * editor). And the outbox every mail goes through: retried while the mail server is down, never sent twice.
 */

const STORY = 'api::story.story';
const AUDIT = 'plugin::submissions.audit-entry';
const OUTBOX = 'plugin::submissions.outbox-mail';
const LINK_REQUEST = 'plugin::submissions.link-request';
const HOUR_MS = 3600 * 1000;

let app: TestApp;
let smtp: SmtpSink;
let contract: Contract;

beforeAll(async () => {
  smtp = await startSmtpSink();
  app = await startStrapi({ ...smtpEnv(smtp), PUBLIC_API_RATE_LIMIT_PER_MINUTE: '0', MAIL_RETRY_HOURS: '2' });
  contract = await loadContract(app.server);
});
afterAll(async () => {
  await app?.stop();
  await smtp?.close();
});
beforeEach(() => smtp.setAvailable(true));

interface Submitter {
  documentId: string;
  referenceNumber: string;
  email: string;
  token: string;
}

async function submission(title: string): Promise<Submitter> {
  const documentId = await createSubmission(app.strapi, { title });
  const row = await app.strapi.db.query(STORY).findOne({ where: { documentId }, select: ['referenceNumber'], populate: { submitter: true } });
  const token = new URL(withdrawalLink(app.strapi, { documentId, referenceNumber: row.referenceNumber })).searchParams.get('token') as string;
  return { documentId, referenceNumber: row.referenceNumber, email: row.submitter.email, token };
}

const isTo = (address: string, subject: string) => (m: ParsedMail) => (m.to as { text: string } | undefined)?.text === address && Boolean(m.subject?.includes(subject));

/** The mails to `address` whose subject contains `subject`, once `count` of them arrived. */
async function mailsTo(address: string, subject: string, count = 1): Promise<ParsedMail[]> {
  await smtp.waitForMatch((m) => smtp.messages.filter(isTo(address, subject)).length >= count && isTo(address, subject)(m));
  return smtp.messages.filter(isTo(address, subject));
}

const codeIn = (mail: ParsedMail) => (mail.text?.match(/^(\d{6})$/m) ?? [])[1] as string;
const tokenIn = (mail: ParsedMail) => (mail.text?.match(/\/widerruf\?token=(\S+)/) ?? [])[1] as string;

const page = (token: string) => request(app.server).get(`/widerruf?token=${token}`);
const form = (path: string, fields: Record<string, string>) => request(app.server).post(path).type('form').send(fields);
const api = (path: string, body: Record<string, unknown>) => request(app.server).post(`/api/v1${path}`).send(body);
const auditOf = (documentId: string, action: string) => app.strapi.db.query(AUDIT).findMany({ where: { storyDocumentId: documentId, action } });

async function codeFor(who: Submitter, count = 1): Promise<string> {
  expect((await api('/consent/code', { token: who.token })).status).toBe(202);
  return codeIn((await mailsTo(who.email, 'Ihr Code', count))[count - 1]);
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the link opens the withdrawal at once, the data only after a code', () => {
  test('without a code the page offers withdrawal, a code and a new link, and shows no personal data', async () => {
    const who = await submission('Ohne Code keine Daten');
    const res = await page(who.token);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    for (const shown of [who.referenceNumber, 'Einwilligung widerrufen', 'name="scope"', 'Code per E-Mail senden', 'Send code by e-mail', 'Neuen Link anfordern']) {
      expect(res.text).toContain(shown);
    }
    for (const hidden of ['Amal Haddad', who.email, '+49 551 123456', 'Ohne Code keine Daten']) expect(res.text).not.toContain(hidden);
    expect(await auditOf(who.documentId, 'data_accessed')).toHaveLength(0);

    const json = await request(app.server).get(`/api/v1/consent?token=${who.token}`);
    expect(json.status).toBe(403);
    expect(json.text).not.toContain(who.email);
    expect(json.body.error.message).toContain('Code');
    contract.expect('/consent', 'get', json);
  });

  test('the code arrives by mail; a wrong code is refused, the right one shows the data once, a used code is refused', async () => {
    const who = await submission('Daten mit Code');
    const sent = await form('/widerruf/code', { token: who.token });
    expect(sent.status).toBe(200);
    expect(sent.text).toContain('Code eingeben');
    expect(sent.text).not.toContain(who.email);
    const [mail] = await mailsTo(who.email, 'Ihr Code');
    const code = codeIn(mail);
    expect(code).toMatch(/^\d{6}$/);
    const stored = await app.strapi.db.query(LINK_REQUEST).findOne({ where: { storyDocumentId: who.documentId, kind: 'code' } });
    expect(stored.codeHash).not.toContain(code);

    const wrong = await form('/widerruf/daten', { token: who.token, code: code === '000000' ? '111111' : '000000' });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('Der Code ist falsch');
    expect(wrong.text).toContain('The code is wrong');
    expect(wrong.text).not.toContain(who.email);

    const right = await form('/widerruf/daten', { token: who.token, code });
    expect(right.status).toBe(200);
    for (const shown of ['Amal Haddad', who.email, '+49 551 123456', 'Daten mit Code', 'Daten herunterladen']) expect(right.text).toContain(shown);

    const again = await form('/widerruf/daten', { token: who.token, code });
    expect(again.status).toBe(410);
    expect(again.text).toContain('Der Code wurde schon benutzt');
    expect(again.text).not.toContain(who.email);

    const proof = (right.text.match(/name="proof" value="([^"]+)"/) ?? [])[1];
    const download = await form('/widerruf/daten', { token: who.token, proof, format: 'download' });
    expect(download.status).toBe(200);
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="zusammen-mehr-daten-ZM-2026-T\d+\.json"$/);
    expect(JSON.parse(download.text)).toMatchObject({ contact: { email: who.email } });
    const forged = await form('/widerruf/daten', { token: who.token, proof: `${proof.slice(0, -2)}xx`, format: 'download' });
    expect(forged.status).toBe(403);
    expect(forged.text).toContain('Bitte fordern Sie einen neuen Code an');
    expect(forged.text).not.toContain(who.email);
    expect((await auditOf(who.documentId, 'data_accessed')).map((e: { details: { how: string } }) => e.details.how).sort()).toEqual(['download', 'page']);
  });

  test('an expired code and a code after five wrong tries are refused with a message', async () => {
    const who = await submission('Abgelaufener Code');
    const code = await codeFor(who);
    await app.strapi.db.query(LINK_REQUEST).updateMany({ where: { storyDocumentId: who.documentId }, data: { expiresAt: new Date(Date.now() - 1000).toISOString() } });
    const expired = await form('/widerruf/daten', { token: who.token, code });
    expect(expired.status).toBe(410);
    expect(expired.text).toContain('Der Code ist abgelaufen');
    expect(expired.text).toContain('The code has expired');

    const fresh = await codeFor(who, 2);
    const wrongCode = fresh === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) expect((await api('/consent/verify', { token: who.token, code: wrongCode })).status).toBe(400);
    const exhausted = await api('/consent/verify', { token: who.token, code: fresh });
    expect(exhausted.status).toBe(429);
    expect(exhausted.body.error.message).toContain('Zu viele falsche Versuche');
    contract.expect('/consent/verify', 'post', exhausted);
  });

  test('at most three codes an hour are sent for one submission', async () => {
    const who = await submission('Viele Codes');
    for (let i = 0; i < 3; i++) expect((await api('/consent/code', { token: who.token })).status).toBe(202);
    const limited = await api('/consent/code', { token: who.token });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    contract.expect('/consent/code', 'post', limited);
    const onPage = await form('/widerruf/code', { token: who.token });
    expect(onPage.status).toBe(429);
    expect(onPage.text).toContain('Bitte versuchen Sie es in');
    await mailsTo(who.email, 'Ihr Code', 3);

    const nextDay = new Date(Date.now() + 25 * HOUR_MS);
    const subject = { documentId: who.documentId, referenceNumber: who.referenceNumber, version: 0 };
    expect(await sendAccessCode(app.strapi, subject, nextDay)).toEqual({ status: 'sent' });
    expect(await app.strapi.db.query(LINK_REQUEST).count({ where: { storyDocumentId: who.documentId } })).toBe(1);
  });

  test('through the JSON API: code, proof, data; the proof works only with the link it was made for', async () => {
    const who = await submission('Daten per API');
    const code = await codeFor(who);
    const verified = await api('/consent/verify', { token: who.token, code });
    expect(verified.status).toBe(200);
    contract.expect('/consent/verify', 'post', verified);
    const { proof } = verified.body.data;
    const data = await request(app.server).get(`/api/v1/consent?token=${who.token}&proof=${encodeURIComponent(proof)}`);
    expect(data.status).toBe(200);
    expect(data.body.data.contact).toMatchObject({ name: 'Amal Haddad', email: who.email });
    contract.expect('/consent', 'get', data);

    const otherLinkOfTheSameStory = new URL(withdrawalLink(app.strapi, { documentId: who.documentId, referenceNumber: who.referenceNumber }, new Date(Date.now() - 5 * 24 * HOUR_MS)))
      .searchParams.get('token') as string;
    expect((await request(app.server).get(`/api/v1/consent?token=${otherLinkOfTheSameStory}&proof=${encodeURIComponent(proof)}`)).status).toBe(403);
    expect((await api('/consent/verify', { token: who.token, code })).status).toBe(410);
  });

  test('withdrawing needs no code', async () => {
    const who = await submission('Widerruf ohne Code');
    const res = await form('/widerruf', { token: who.token, scope: 'all', confirm: 'yes' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('Ihr Widerruf ist angekommen');
    const draft = await app.strapi.db.query(STORY).findOne({ where: { documentId: who.documentId, publishedAt: null } });
    expect(draft.editorialStatus).toBe('withdrawn');
    expect(await app.strapi.db.query(LINK_REQUEST).count({ where: { storyDocumentId: who.documentId } })).toBe(0);
  });
});

test('without a stored e-mail address neither a code nor a new link can be sent, and the page says so', async () => {
  const documentId = await createSubmission(app.strapi, { title: 'Ohne Adresse', data: { submitter: { name: 'Ohne Adresse' } } });
  const { referenceNumber } = await app.strapi.db.query(STORY).findOne({ where: { documentId }, select: ['referenceNumber'] });
  const token = new URL(withdrawalLink(app.strapi, { documentId, referenceNumber })).searchParams.get('token') as string;
  const code = await api('/consent/code', { token });
  expect(code.status).toBe(409);
  expect(code.body.error.message).toContain('keine E-Mail-Adresse');
  contract.expect('/consent/code', 'post', code);
  const newLink = await form('/widerruf/neuer-link', { token });
  expect(newLink.status).toBe(409);
  expect(newLink.text).toContain('keine E-Mail-Adresse mehr gespeichert');
  expect((await page(token)).status).toBe(200);
});

describe('a new link replaces the older ones', () => {
  test('asked for on the page: sent to the stored address, never shown; the old link is gone on the page and in the API', async () => {
    const who = await submission('Neuer Link');
    const res = await form('/widerruf/neuer-link', { token: who.token });
    expect(res.status).toBe(200);
    expect(res.text).toContain('Neuer Link verschickt');
    const [mail] = await mailsTo(who.email, 'neuer persönlicher Link');
    const fresh = tokenIn(mail);
    expect(fresh).toBeTruthy();
    expect(res.text).not.toContain(fresh);
    expect(res.text).not.toContain(who.email);

    const old = await page(who.token);
    expect(old.status).toBe(410);
    expect(old.text).toContain('Dieser Link wurde ersetzt');
    const oldApi = await api('/consent/withdraw', { token: who.token, scope: 'all' });
    expect(oldApi.status).toBe(410);
    expect(oldApi.body.error.message).toContain('Dieser Link wurde ersetzt');
    contract.expect('/consent/withdraw', 'post', oldApi);
    expect((await api('/consent/code', { token: who.token })).status).toBe(410);

    expect((await page(fresh)).status).toBe(200);
    expect(await auditOf(who.documentId, 'personal_link_issued')).toEqual([expect.objectContaining({ actorType: 'submitter', details: { version: 1 } })]);
  });

  test('an editor sends one from the review queue, recorded with their name; without the review permission 403', async () => {
    const who = await submission('Neuer Link von der Redaktion');
    const author = await adminToken(app.strapi, 'strapi-author');
    const path = `/submissions/review/submissions/${who.documentId}/personal-link`;
    expect((await request(app.server).post(path).set('Authorization', `Bearer ${author}`)).status).toBe(403);
    expect((await page(who.token)).status).toBe(200);

    const editor = await adminToken(app.strapi);
    const res = await request(app.server).post(path).set('Authorization', `Bearer ${editor}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { sent: true } });
    const fresh = tokenIn((await mailsTo(who.email, 'neuer persönlicher Link'))[0]);
    expect((await page(who.token)).status).toBe(410);
    expect((await page(fresh)).status).toBe(200);
    expect(await auditOf(who.documentId, 'personal_link_issued')).toEqual([
      expect.objectContaining({ actorType: 'editor', actor: expect.stringContaining('Test Redaktion') }),
    ]);
  });
});

describe('the outbox', () => {
  const outboxRow = (about: string) => app.strapi.db.query(OUTBOX).findOne({ where: { about: { $contains: about } } });

  test('SMTP down: the mail stays pending, also over a restart; SMTP back: delivered once and its content erased', async () => {
    const who = await submission('Server weg');
    smtp.setAvailable(false);
    expect((await api('/consent/code', { token: who.token })).status).toBe(202);
    const about = `${who.referenceNumber}: Einmal-Code`;
    await until('the first failed attempt', async () => {
      const row = await outboxRow(about);
      return row?.attempts === 1 && row.status === 'pending' && row;
    });
    expect((await outboxRow(about)).lastError).toMatch(/421|not available/i);

    app = await app.restart({ ...smtpEnv(smtp), PUBLIC_API_RATE_LIMIT_PER_MINUTE: '0', MAIL_RETRY_HOURS: '2' });
    expect(await outboxRow(about)).toMatchObject({ status: 'pending', to: who.email });

    smtp.setAvailable(true);
    const later = new Date(Date.now() + 10 * 60 * 1000);
    expect(await deliverDueMails(app.strapi, { now: () => later })).toMatchObject({ sent: 1 });
    expect(await deliverDueMails(app.strapi, { now: () => later })).toMatchObject({ sent: 0 });
    expect(await mailsTo(who.email, 'Ihr Code')).toHaveLength(1);
    expect(await outboxRow(about)).toMatchObject({ status: 'sent', to: null, subject: null, text: null, html: null });
  });

  test('after MAIL_RETRY_HOURS a mail is failed, and the review page counts it for the office', async () => {
    smtp.setAvailable(false);
    const start = new Date(Date.now() + HOUR_MS);
    await queueMail(app.strapi, { to: 'niemand@example.org', subject: 'Test', text: 'Hallo', html: '<p>Hallo</p>' }, 'Horizont-Test', start);
    expect(await deliverDueMails(app.strapi, { now: () => new Date(start.getTime() + HOUR_MS) })).toMatchObject({ retry: 1, failed: 0 });
    expect(await deliverDueMails(app.strapi, { now: () => new Date(start.getTime() + 2 * HOUR_MS) })).toMatchObject({ failed: 1 });
    expect(await outboxRow('Horizont-Test')).toMatchObject({ status: 'failed', attempts: 2, to: 'niemand@example.org' });
    const editor = await adminToken(app.strapi);
    const queue = await request(app.server).get('/submissions/review/submissions').set('Authorization', `Bearer ${editor}`);
    expect(queue.body.meta.failedMails).toBe(1);
    expect(smtp.messages.filter((m) => m.subject === 'Test')).toEqual([]);
  });

  test('two workers delivering at once never send one mail twice', async () => {
    const due = new Date(Date.now() + 3 * HOUR_MS);
    for (let i = 1; i <= 6; i++) {
      await queueMail(app.strapi, { to: `parallel${i}@example.org`, subject: `Parallel ${i}`, text: `Mail ${i}`, html: `<p>Mail ${i}</p>` }, `Parallel ${i}`, due);
    }
    const later = new Date(due.getTime() + 1000);
    const [a, b] = await Promise.all([deliverDueMails(app.strapi, { now: () => later }), deliverDueMails(app.strapi, { now: () => later })]);
    expect(a.sent + b.sent).toBe(6);
    await until('six mails', async () => smtp.messages.filter((m) => m.subject?.startsWith('Parallel ')).length >= 6);
    const subjects = smtp.messages.map((m) => m.subject).filter((s) => s?.startsWith('Parallel '));
    expect(subjects.sort()).toEqual(['Parallel 1', 'Parallel 2', 'Parallel 3', 'Parallel 4', 'Parallel 5', 'Parallel 6']);
  });

  test('sent and failed rows are deleted 30 days after they finished', async () => {
    const before = await app.strapi.db.query(OUTBOX).count({ where: { status: { $in: ['sent', 'failed'] } } });
    expect(before).toBeGreaterThan(0);
    expect(await sweepOutbox(app.strapi, new Date(Date.now() + 29 * 24 * HOUR_MS))).toBe(0);
    expect(await sweepOutbox(app.strapi, new Date(Date.now() + 40 * 24 * HOUR_MS))).toBe(before);
  });
});
