import request from 'supertest';
import type { Emulator } from '../../src/youtube-emulator';
import { withdrawalLink } from '../../src/plugins/submissions/server/src/intake/withdrawal-token';
import { startStrapi, type TestApp } from '../support/strapi';
import { adminToken } from '../support/admin';
import { loadContract, type Contract } from '../support/contract';
import { createSubmission, formConsent } from '../support/fixtures';
import { addVideoFile } from '../support/media';
import { startSmtpSink, smtpEnv, type SmtpSink } from '../support/smtp';
import { manualClock, startYouTube, syncService, youtubeEnv } from '../support/youtube';

/**
 * Withdrawal of consent and access to one's data (GDPR Art. 15, 17, 21) through the personal link from the
 * confirmation mail, and recorded by an editor: what the person sees, what the public API, the partners and
 * YouTube see afterwards, and what the audit trail and the office learn.
 */

const STORY = 'api::story.story';
const STATE = 'plugin::youtube-sync.sync-state';
const AUDIT = 'plugin::submissions.audit-entry';
const YEAR_MS = 365 * 24 * 3600 * 1000;

let app: TestApp;
let youtube: Emulator;
let smtp: SmtpSink;
let contract: Contract;
const clock = manualClock();

beforeAll(async () => {
  youtube = await startYouTube();
  smtp = await startSmtpSink();
  app = await startStrapi({ ...youtubeEnv(youtube, { YOUTUBE_TAKEDOWN: 'delete' }), ...smtpEnv(smtp), PUBLIC_API_RATE_LIMIT_PER_MINUTE: '0' });
  contract = await loadContract(app.server);
});
afterAll(async () => {
  await app?.stop();
  await youtube?.close();
  await smtp?.close();
});
beforeEach(() => {
  youtube.clearCalls();
  smtp.clear();
});

const drain = () => syncService(app.strapi).drain(clock);
const stateOf = (documentId: string) => app.strapi.db.query(STATE).findOne({ where: { storyDocumentId: documentId } });
const slugOf = async (documentId: string) => (await app.strapi.db.query(STORY).findOne({ where: { documentId }, select: ['slug'] })).slug as string;
const draftOf = (documentId: string) =>
  app.strapi.db.query(STORY).findOne({ where: { documentId, publishedAt: null }, populate: { consent: true } });
const auditOf = (documentId: string, action: string) => app.strapi.db.query(AUDIT).findMany({ where: { storyDocumentId: documentId, action } });
const publicStory = (slug: string) => request(app.server).get(`/api/v1/stories/${slug}`);

async function tokenFor(documentId: string, now?: Date) {
  const { referenceNumber } = await app.strapi.db.query(STORY).findOne({ where: { documentId }, select: ['referenceNumber'] });
  return new URL(withdrawalLink(app.strapi, { documentId, referenceNumber }, now)).searchParams.get('token') as string;
}

/** An approved submission with an uploaded video, published and synced to YouTube. */
async function onYouTube(title: string) {
  const video = await addVideoFile(app.strapi, title.toLowerCase().replace(/\W+/g, '-'), 300 * 1024);
  const documentId = await createSubmission(app.strapi, { title, data: { editorialStatus: 'approved', video: video.id } });
  await app.strapi.documents(STORY).publish({ documentId });
  await drain();
  const videoId = (await stateOf(documentId)).youtubeVideoId as string;
  if (!videoId) throw new Error(`setup: ${title} was not uploaded`);
  youtube.clearCalls();
  return { documentId, videoId, slug: await slugOf(documentId), token: await tokenFor(documentId) };
}

const withdrawForm = (token: string, fields: Record<string, string>) =>
  request(app.server).post('/widerruf').type('form').send({ token, ...fields });

/** The one-time code mailed to the submitter of `documentId` after the link asked for it. */
async function codeFor(documentId: string, token: string) {
  const { submitter } = await app.strapi.db.query(STORY).findOne({ where: { documentId }, populate: { submitter: true } });
  expect((await request(app.server).post('/api/v1/consent/code').send({ token })).status).toBe(202);
  const mail = await smtp.waitForMatch((m) => (m.to as { text: string }).text === submitter.email && Boolean(m.subject?.includes('Ihr Code')));
  return (mail.text?.match(/^(\d{6})$/m) ?? [])[1] as string;
}

describe('seeing one’s data through the personal link (GDPR Art. 15)', () => {
  test('after the code from the mail, the page shows what is stored: contact, story, files, consent with the people shown, status and history', async () => {
    const video = await addVideoFile(app.strapi, 'amal-interview', 2048);
    const documentId = await createSubmission(app.strapi, { title: 'Amal zeigt ihre Daten', data: { video: video.id, internalNotes: 'Rückruf vereinbart' } });
    const token = await tokenFor(documentId);
    const code = await codeFor(documentId, token);
    const res = await request(app.server).post('/widerruf/daten').type('form').send({ token, code });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-security-policy']).toBeDefined();
    for (const shown of ['ZM-2026-T', 'Amal Haddad', '@example.org', 'Amal zeigt ihre Daten', 'amal-interview', 'eingereicht', 'Rückruf vereinbart', 'Daten herunterladen']) {
      expect(res.text).toContain(shown);
    }
    expect(res.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(await auditOf(documentId, 'data_accessed')).toEqual([expect.objectContaining({ actorType: 'submitter', details: { how: 'page' } })]);
  });

  test('"Daten herunterladen" gives a JSON file with the stored data', async () => {
    const documentId = await createSubmission(app.strapi, {
      title: 'Daten zum Mitnehmen',
      data: { submitter: { name: 'Bilal Nouri', email: 'bilal@example.org', phone: '+49 511 98765' } },
    });
    const token = await tokenFor(documentId);
    const verified = await request(app.server).post('/api/v1/consent/verify').send({ token, code: await codeFor(documentId, token) });
    const proof = encodeURIComponent(verified.body.data.proof);
    const res = await request(app.server).get(`/api/v1/consent?token=${token}&proof=${proof}&format=download`).buffer(true).parse((r, done) => {
      let text = '';
      r.on('data', (c) => (text += c));
      r.on('end', () => done(null, text));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="zusammen-mehr-daten-ZM-2026-T\d+\.json"$/);
    const data = JSON.parse(res.body as string);
    expect(data).toMatchObject({
      referenceNumber: expect.stringMatching(/^ZM-2026-T/),
      contact: { name: 'Bilal Nouri', email: 'bilal@example.org', phone: '+49 511 98765' },
      story: { title: 'Daten zum Mitnehmen', region: 'Göttingen', themes: ['Sprache'] },
      status: { editorialStatus: 'submitted', label: 'eingereicht', published: false },
      consent: { consentedBy: 'Amal Haddad', textVersion: '2026-01', termsAccepted: true, people: [expect.objectContaining({ nameOrRole: 'Amal Haddad' })] },
    });
    contract.expect('/consent', 'get', res);
    const json = await request(app.server).get(`/api/v1/consent?token=${token}&proof=${proof}`);
    expect(json.status).toBe(200);
    contract.expect('/consent', 'get', json);
    expect(json.body.data.contact.email).toBe('bilal@example.org');
    expect((await auditOf(documentId, 'data_accessed')).map((e: { details: { how: string } }) => e.details.how).sort()).toEqual(['api', 'download']);
  });
});

describe('withdrawing through the personal link', () => {
  test('for everything: unpublished at once, listed as removed, gone from the API, the video deleted by the sync, recorded', async () => {
    const story = await onYouTube('Amal widerruft alles');
    expect((await publicStory(story.slug)).status).toBe(200);
    const page = await withdrawForm(story.token, { scope: 'all', note: 'Ich bin umgezogen.', confirm: 'yes' });
    expect(page.status).toBe(200);
    expect(page.text).toContain('Ihr Widerruf ist angekommen');
    expect(page.text).toContain('sofort von der Website');

    expect((await publicStory(story.slug)).status).toBe(404);
    const list = await request(app.server).get('/api/v1/stories?pageSize=100');
    expect((list.body.data as { id: string }[]).map((s) => s.id)).not.toContain(story.documentId);
    const removed = await request(app.server).get('/api/v1/stories/removed?pageSize=100');
    expect(removed.body.data).toContainEqual(expect.objectContaining({ id: story.documentId, slug: story.slug, reason: 'consent_withdrawn' }));
    const draft = await draftOf(story.documentId);
    expect(draft).toMatchObject({ editorialStatus: 'withdrawn', consent: { withdrawnAt: expect.any(String), withdrawalNote: expect.stringContaining('Ich bin umgezogen.') } });

    await drain();
    expect(youtube.calls().filter((c) => c.endpoint === 'videos.delete' && c.status === 204)).toHaveLength(1);
    expect(youtube.videos().find((v) => v.id === story.videoId)).toBeUndefined();
    expect(await stateOf(story.documentId)).toMatchObject({ status: 'removed', takedown: { action: 'deleted', reason: 'withdrawn', videoId: story.videoId } });

    expect(await auditOf(story.documentId, 'consent_withdrawn')).toEqual([
      expect.objectContaining({ fromStatus: 'approved', toStatus: 'withdrawn', actorType: 'submitter', details: expect.objectContaining({ scope: 'all', note: 'Ich bin umgezogen.' }) }),
    ]);
    const notice = await smtp.waitForMatch((m) => Boolean(m.subject?.includes('Amal widerruft alles')));
    expect(notice.to).toMatchObject({ text: 'buero@zusammen-mehr.example' });
    expect(notice.text).toContain('Ich bin umgezogen.');
  });

  test('a second withdrawal changes nothing and says so; the story cannot be published again', async () => {
    const documentId = await createSubmission(app.strapi, { title: 'Zweimal widerrufen' });
    const token = await tokenFor(documentId);
    const first = await request(app.server).post('/api/v1/consent/withdraw').send({ token, scope: 'all' });
    expect(first.status).toBe(200);
    expect(first.body.data).toMatchObject({ scope: 'all', changed: true });
    contract.expect('/consent/withdraw', 'post', first);
    const again = await request(app.server).post('/api/v1/consent/withdraw').send({ token, scope: 'youtube' });
    expect(again.status).toBe(200);
    expect(again.body.data).toMatchObject({ changed: false, done: [expect.stringContaining('bereits am')] });
    expect(await auditOf(documentId, 'consent_withdrawn')).toHaveLength(1);
    expect(await auditOf(documentId, 'channel_withdrawn')).toHaveLength(0);
    await expect(app.strapi.documents(STORY).publish({ documentId })).rejects.toMatchObject({
      details: { errors: expect.arrayContaining([expect.objectContaining({ path: ['consent', 'withdrawnAt'] })]) },
    });
  });

  test('for YouTube only: the website keeps the story without its video, the sync takes the video down', async () => {
    const story = await onYouTube('Amal bleibt auf der Website');
    expect((await publicStory(story.slug)).body.data.youtube).toMatchObject({ videoId: story.videoId });
    const res = await request(app.server).post('/api/v1/consent/withdraw').send({ token: story.token, scope: 'youtube', note: 'Nur nicht auf YouTube.' });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ scope: 'youtube', changed: true });

    const onWebsite = await publicStory(story.slug);
    expect(onWebsite.status).toBe(200);
    expect(onWebsite.body.data.youtube).toBeNull();
    await drain();
    expect(youtube.calls().filter((c) => c.endpoint === 'videos.delete' && c.status === 204)).toHaveLength(1);
    expect(await stateOf(story.documentId)).toMatchObject({ status: 'removed', takedown: { reason: 'withdrawn' } });
    expect((await publicStory(story.slug)).status).toBe(200);
    expect(await app.strapi.db.query('plugin::stories.removal').count({ where: { storyDocumentId: story.documentId } })).toBe(0);
    expect(await auditOf(story.documentId, 'channel_withdrawn')).toEqual([
      expect.objectContaining({ fromStatus: 'approved', toStatus: 'approved', actorType: 'submitter', details: expect.objectContaining({ scope: 'youtube' }) }),
    ]);
  });

  test('for the website only: the API stops serving it and partners see a removal, YouTube keeps the video', async () => {
    const story = await onYouTube('Amal nur auf YouTube');
    const res = await request(app.server).post('/api/v1/consent/withdraw').send({ token: story.token, scope: 'website' });
    expect(res.body.data).toMatchObject({ scope: 'website', changed: true });
    expect((await publicStory(story.slug)).status).toBe(404);
    const removed = await request(app.server).get('/api/v1/stories/removed?pageSize=100');
    expect(removed.body.data).toContainEqual(expect.objectContaining({ id: story.documentId, reason: 'consent_withdrawn' }));
    await drain();
    expect(youtube.calls().filter((c) => !c.endpoint.endsWith('.list') && !c.endpoint.startsWith('oauth2.'))).toHaveLength(0);
    expect(youtube.videos().find((v) => v.id === story.videoId)?.status.privacyStatus).toBe('public');
  });

  test('the form needs a scope and a tick; without them nothing changes', async () => {
    const documentId = await createSubmission(app.strapi, { title: 'Noch nicht bestätigt' });
    const res = await withdrawForm(await tokenFor(documentId), { scope: 'all' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Bitte bestätigen Sie den Widerruf mit dem Häkchen.');
    const noScope = await withdrawForm(await tokenFor(documentId), { confirm: 'yes' });
    expect(noScope.status).toBe(400);
    expect(noScope.text).toContain('Bitte wählen Sie, wofür Sie die Einwilligung widerrufen.');
    expect((await draftOf(documentId)).editorialStatus).toBe('submitted');
  });
});

describe('links that cannot be used', () => {
  test('an expired link: 410 with a message and how to reach the office; nothing changes', async () => {
    const documentId = await createSubmission(app.strapi, { title: 'Abgelaufener Link' });
    const expired = await tokenFor(documentId, new Date(Date.now() - 4 * YEAR_MS));
    const page = await request(app.server).get(`/widerruf?token=${expired}`);
    expect(page.status).toBe(410);
    expect(page.text).toContain('Der Link ist abgelaufen');
    expect(page.text).toContain('buero@zusammen-mehr.example');
    const api = await request(app.server).post('/api/v1/consent/withdraw').send({ token: expired, scope: 'all' });
    expect(api.status).toBe(410);
    expect(api.body.error).toMatchObject({ status: 410, name: 'GoneError', message: expect.stringContaining('abgelaufen') });
    contract.expect('/consent/withdraw', 'post', api);
    expect((await request(app.server).get(`/api/v1/consent?token=${expired}`)).status).toBe(410);
    expect((await draftOf(documentId)).editorialStatus).toBe('submitted');
    expect(await app.strapi.db.query(AUDIT).count({ where: { storyDocumentId: documentId } })).toBe(0);
  });

  test('a tampered or missing link: 400, nothing changes', async () => {
    const documentId = await createSubmission(app.strapi, { title: 'Veränderter Link' });
    const token = await tokenFor(documentId);
    const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    const page = await withdrawForm(tampered, { scope: 'all', confirm: 'yes' });
    expect(page.status).toBe(400);
    expect(page.text).toContain('Der Link ist ungültig');
    const api = await request(app.server).post('/api/v1/consent/withdraw').send({ token: tampered, scope: 'all' });
    expect(api.status).toBe(400);
    expect(api.body.error.details.errors[0].path).toEqual(['token']);
    contract.expect('/consent/withdraw', 'post', api);
    expect((await request(app.server).get('/api/v1/consent')).status).toBe(400);
    expect((await request(app.server).get('/widerruf')).status).toBe(400);
    expect((await draftOf(documentId)).editorialStatus).toBe('submitted');
    expect(await app.strapi.db.query(AUDIT).count({ where: { storyDocumentId: documentId } })).toBe(0);
  });
});

describe('an editor records a withdrawal', () => {
  test('for social media: recorded with the editor, the office is told, the story stays published', async () => {
    const editor = await adminToken(app.strapi);
    const documentId = await createSubmission(app.strapi, { title: 'Nicht auf Instagram', data: { editorialStatus: 'approved' } });
    await app.strapi.documents(STORY).publish({ documentId });
    const res = await request(app.server)
      .post(`/submissions/review/submissions/${documentId}/withdraw`)
      .set('Authorization', `Bearer ${editor}`)
      .send({ scope: 'social', note: 'Anruf am Telefon' });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ published: true, consent: { socialWithdrawnAt: expect.any(String) } });
    expect(res.body.meta.withdrawal).toMatchObject({ scope: 'social', changed: true });
    expect(await auditOf(documentId, 'channel_withdrawn')).toEqual([
      expect.objectContaining({ actorType: 'editor', actor: expect.stringContaining('Test Redaktion'), details: expect.objectContaining({ scope: 'social', note: 'Anruf am Telefon' }) }),
    ]);
    const notice = await smtp.waitForMatch((m) => Boolean(m.subject?.includes('Nicht auf Instagram')));
    expect(notice.subject).toContain('für soziale Medien');
    expect(notice.text).toContain('Beiträge in sozialen Medien');
    expect((await publicStory(await slugOf(documentId))).status).toBe(200);
  });
});

describe('channels a person shown never agreed to', () => {
  const consentWith = (channels: { channelWebsite: boolean; channelYoutube: boolean }) => ({
    ...formConsent(),
    people: [{ nameOrRole: 'Amal Haddad', channelWebsite: true, channelYoutube: true }, { nameOrRole: 'Kollegin', ...channels }],
  });

  test('without consent to YouTube the story is published on the website, but its video never goes to YouTube', async () => {
    const video = await addVideoFile(app.strapi, 'nur-website', 300 * 1024);
    const documentId = await createSubmission(app.strapi, {
      title: 'Nur auf der Website',
      data: { editorialStatus: 'approved', video: video.id, consent: consentWith({ channelWebsite: true, channelYoutube: false }) },
    });
    await app.strapi.documents(STORY).publish({ documentId });
    await drain();
    expect(youtube.calls().filter((c) => c.endpoint === 'videos.insert')).toHaveLength(0);
    expect((await stateOf(documentId))?.youtubeVideoId ?? null).toBeNull();
    const onWebsite = await publicStory(await slugOf(documentId));
    expect(onWebsite.status).toBe(200);
    expect(onWebsite.body.data.youtube).toBeNull();
  });

  test('without consent to the website publishing is refused, naming the person', async () => {
    const documentId = await createSubmission(app.strapi, {
      title: 'Nicht auf der Website',
      data: { editorialStatus: 'approved', consent: consentWith({ channelWebsite: false, channelYoutube: true }) },
    });
    await expect(app.strapi.documents(STORY).publish({ documentId })).rejects.toThrow(/Person „Kollegin“: hat der Veröffentlichung auf der Website/);
    expect(await app.strapi.db.query(STORY).count({ where: { documentId, publishedAt: { $notNull: true } } })).toBe(0);
  });
});
