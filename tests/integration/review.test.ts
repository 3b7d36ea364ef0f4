import request from 'supertest';
import { startStrapi, type TestApp } from '../support/strapi';
import { adminToken } from '../support/admin';
import { completeConsent, createStory, createSubmission, documentIdOf, formConsent } from '../support/fixtures';
import { addVideoFile } from '../support/media';

/**
 * Editorial review: the publish gate (approved + complete consent), the workflow of statuses with its audit trail,
 * and the editors' queue in the admin.
 */

const STORY = 'api::story.story';
const AUDIT = 'plugin::submissions.audit-entry';
const REMOVAL = 'plugin::stories.removal';
const CM = `/content-manager/collection-types/${STORY}`;

let app: TestApp;
let editor: string;

beforeAll(async () => {
  app = await startStrapi({ YOUTUBE_SYNC_WORKER: 'false', PUBLIC_API_RATE_LIMIT_PER_MINUTE: '0' });
  editor = await adminToken(app.strapi);
});
afterAll(async () => {
  await app?.stop();
});

const as = (token: string) => ({
  get: (url: string) => request(app.server).get(url).set('Authorization', `Bearer ${token}`),
  post: (url: string, body: object = {}) => request(app.server).post(url).set('Authorization', `Bearer ${token}`).send(body),
  put: (url: string, body: object) => request(app.server).put(url).set('Authorization', `Bearer ${token}`).send(body),
});
const isPublished = async (documentId: string) => (await app.strapi.db.query(STORY).count({ where: { documentId, publishedAt: { $notNull: true } } })) > 0;
const statusOf = async (documentId: string) => (await app.strapi.db.query(STORY).findOne({ where: { documentId, publishedAt: null } })).editorialStatus;
const auditOf = (documentId: string) => app.strapi.db.query(AUDIT).findMany({ where: { storyDocumentId: documentId }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
const move = (documentId: string, to: string, note?: string) => as(editor).post(`/submissions/review/submissions/${documentId}/status`, { to, note });

describe('the publish gate', () => {
  test('a story still in review cannot be published: the admin answers 400 and names the editorial status', async () => {
    const documentId = await createStory(app.strapi, { title: 'Noch in Prüfung', region: 'goettingen', themes: ['sprache'], publish: false, data: { editorialStatus: 'in_review' } });
    const res = await as(editor).post(`${CM}/${documentId}/actions/publish`, {});
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('Redaktionsstatus ist „in Prüfung“');
    expect(res.body.error.details.errors).toEqual([expect.objectContaining({ path: ['editorialStatus'], message: expect.stringContaining('freigegeben') })]);
    expect(await isPublished(documentId)).toBe(false);
  });

  test('a minor shown without the guardians’ consent blocks publication, with that reason; a 14-year-old also needs their own', async () => {
    const documentId = await createStory(app.strapi, {
      title: 'Amir spielt Fußball',
      region: 'goettingen',
      themes: ['sport'],
      publish: false,
      data: {
        consent: {
          ...completeConsent(),
          people: [
            { nameOrRole: 'Amir (12)', minor: true, guardians: 'Eltern: Rana und Karim' },
            { nameOrRole: 'Lina (15)', minor: true, aged14OrOver: true, guardians: 'Mutter', guardianConsent: true },
          ],
        },
      },
    });
    await expect(app.strapi.documents(STORY).publish({ documentId })).rejects.toMatchObject({
      message: expect.stringContaining('Person „Amir (12)“: Einwilligung der Sorgeberechtigten fehlt.'),
      details: {
        errors: [
          { path: ['consent', 'people', '0', 'guardianConsent'], message: 'Person „Amir (12)“: Einwilligung der Sorgeberechtigten fehlt.' },
          { path: ['consent', 'people', '1', 'ownConsent'], message: 'Person „Lina (15)“: eigene Einwilligung fehlt (ab 14 Jahren nötig).' },
        ],
      },
    });
    expect(await isPublished(documentId)).toBe(false);
  });

  test('an approved story with a complete consent record is published', async () => {
    const documentId = await createStory(app.strapi, {
      title: 'Amir mit Einwilligung',
      region: 'goettingen',
      themes: ['sport'],
      publish: false,
      data: { consent: { ...completeConsent(), people: [{ nameOrRole: 'Amir (12)', minor: true, guardians: 'Eltern', guardianConsent: true }] } },
    });
    await app.strapi.documents(STORY).publish({ documentId });
    expect(await isPublished(documentId)).toBe(true);
  });

  test('everyone shown must have said yes to the website: a missing answer blocks like a no, as the public would not see it', async () => {
    const documentId = await createStory(app.strapi, {
      title: 'Ohne Antwort zur Website',
      region: 'goettingen',
      themes: ['sport'],
      publish: false,
      data: { consent: { ...completeConsent(), people: [{ nameOrRole: 'Lea', channelWebsite: null }, { nameOrRole: 'Tom', channelWebsite: false }] } },
    });
    await expect(app.strapi.documents(STORY).publish({ documentId })).rejects.toMatchObject({
      details: { errors: [{ path: ['consent', 'people', '0', 'channelWebsite'] }, { path: ['consent', 'people', '1', 'channelWebsite'] }] },
    });
    expect(await isPublished(documentId)).toBe(false);
  });

  test('a video needs a person or a signed form in the consent; a written story may name nobody', async () => {
    const video = await addVideoFile(app.strapi, 'ohne-personen', 1024);
    const filmed = await createStory(app.strapi, {
      title: 'Video ohne Personen',
      region: 'emden',
      themes: ['kultur'],
      publish: false,
      data: { video: video.id, consent: { consentedAt: '2026-01-10T10:00:00.000Z', textVersion: 'v1' } },
    });
    await expect(app.strapi.documents(STORY).publish({ documentId: filmed })).rejects.toMatchObject({
      details: { errors: [{ path: ['consent', 'people'] }] },
    });
    const written = await createStory(app.strapi, {
      title: 'Nur Text',
      region: 'emden',
      themes: ['kultur'],
      data: { consent: { consentedAt: '2026-01-10T10:00:00.000Z', textVersion: 'v1' } },
    });
    expect(await isPublished(written)).toBe(true);
  });

  test('a submission also needs the submitter’s statements, and a withdrawn consent blocks for good', async () => {
    const documentId = await createSubmission(app.strapi, {
      title: 'Ohne Teilnahmebedingungen',
      data: { editorialStatus: 'approved', consent: { ...formConsent(), termsAccepted: false, withdrawnAt: '2026-03-03T10:00:00.000Z' } },
    });
    await expect(app.strapi.documents(STORY).publish({ documentId })).rejects.toMatchObject({
      details: {
        errors: [
          { path: ['consent', 'withdrawnAt'], message: 'Die Einwilligung wurde am 03.03.2026 widerrufen.' },
          { path: ['consent', 'termsAccepted'], message: 'Einreichung: Die Teilnahmebedingungen wurden nicht akzeptiert.' },
        ],
      },
    });
  });

  test('creating and publishing in one call meets the same gate, and nothing is stored when it is refused', async () => {
    const region = await documentIdOf(app.strapi, 'api::region.region', 'goettingen');
    const theme = await documentIdOf(app.strapi, 'api::theme.theme', 'sprache');
    const before = await app.strapi.db.query(STORY).count();
    await expect(
      app.strapi.documents(STORY).create({ data: { title: 'Gleich veröffentlicht', region, themes: [theme], consent: completeConsent() } as never, status: 'published' })
    ).rejects.toMatchObject({ details: { errors: [{ path: ['editorialStatus'] }] } });
    expect(await app.strapi.db.query(STORY).count()).toBe(before);
    const created = await app.strapi.documents(STORY).create({
      data: { title: 'Freigegeben und veröffentlicht', region, themes: [theme], editorialStatus: 'approved', consent: completeConsent() } as never,
      status: 'published',
    });
    expect(created.publishedAt).toBeTruthy();
    expect(await isPublished(created.documentId)).toBe(true);
  });
});

describe('the editorial workflow', () => {
  test('an editor takes a submission into review and approves it; each step is recorded with who, from and to', async () => {
    const documentId = await createSubmission(app.strapi, { title: 'Amal lernt Pflege' });
    expect((await move(documentId, 'in_review')).status).toBe(200);
    const approved = await move(documentId, 'approved', 'Einwilligung telefonisch bestätigt');
    expect(approved.status).toBe(200);
    expect(approved.body.data).toMatchObject({ editorialStatus: 'approved', allowedMoves: ['in_review'], blockers: [] });
    const trail = await auditOf(documentId);
    expect(trail.map((e: { action: string; fromStatus: string; toStatus: string }) => [e.action, e.fromStatus, e.toStatus])).toEqual([
      ['status_changed', 'submitted', 'in_review'],
      ['status_changed', 'in_review', 'approved'],
    ]);
    for (const entry of trail) {
      expect(entry).toMatchObject({ actorType: 'editor', actor: expect.stringMatching(/^Test Redaktion <editor\d+-\d+@example\.org>$/), referenceNumber: expect.stringMatching(/^ZM-2026-/) });
      expect(Number.isNaN(Date.parse(entry.at))).toBe(false);
    }
    expect(trail[1].details).toEqual({ note: 'Einwilligung telefonisch bestätigt' });
    expect(approved.body.data.history[0]).toMatchObject({ toStatus: 'approved' });
  });

  test('a move the workflow does not allow is refused with a message, and nothing changes', async () => {
    const documentId = await createSubmission(app.strapi, { title: 'Zu schnell freigegeben' });
    const skipped = await move(documentId, 'approved');
    expect(skipped.status).toBe(400);
    expect(skipped.body.error.message).toBe('Der Redaktionsstatus kann nicht von „eingereicht“ zu „freigegeben“ wechseln – erlaubt ist von hier nur „in Prüfung“.');
    const viaContentManager = await as(editor).put(`${CM}/${documentId}`, { editorialStatus: 'withdrawn' });
    expect(viaContentManager.status).toBe(400);
    expect(viaContentManager.body.error.details.errors[0]).toMatchObject({ path: ['editorialStatus'], message: expect.stringContaining('Einwilligung widerrufen') });
    expect((await move(documentId, 'in_review')).status).toBe(200);
    expect((await move(documentId, 'in_review')).body.error.message).toBe('Der Redaktionsstatus ist bereits „in Prüfung“.');
    expect(await statusOf(documentId)).toBe('in_review');
    expect(await auditOf(documentId)).toHaveLength(1);
  });

  test('a change in the content manager is checked and recorded as well, with the editor as actor', async () => {
    const documentId = await createSubmission(app.strapi, { title: 'Im Inhalts-Manager geprüft' });
    const res = await as(editor).put(`${CM}/${documentId}`, { editorialStatus: 'in_review' });
    expect(res.status).toBe(200);
    expect(await auditOf(documentId)).toEqual([
      expect.objectContaining({ action: 'status_changed', fromStatus: 'submitted', toStatus: 'in_review', actorType: 'editor', actor: expect.stringContaining('@example.org') }),
    ]);
  });

  test('discarding the draft of a published story brings back its status, and the trail says so', async () => {
    const documentId = await createStory(app.strapi, { title: 'Entwurf verworfen', region: 'celle', themes: ['arbeit'] });
    expect((await move(documentId, 'in_review')).status).toBe(200);
    const discarded = await as(editor).post(`${CM}/${documentId}/actions/discard`);
    expect(discarded.status).toBe(200);
    expect(await statusOf(documentId)).toBe('approved');
    expect((await auditOf(documentId)).at(-1)).toMatchObject({
      fromStatus: 'in_review',
      toStatus: 'approved',
      actorType: 'editor',
      details: { discardedDraft: true },
    });
  });

  test('rejecting a published story takes it offline and tells partners', async () => {
    const documentId = await createStory(app.strapi, { title: 'Wird abgelehnt', region: 'celle', themes: ['arbeit'] });
    expect((await move(documentId, 'in_review')).status).toBe(200);
    expect(await isPublished(documentId)).toBe(true);
    const rejected = await move(documentId, 'rejected', 'Rechte an der Musik ungeklärt');
    expect(rejected.body.data).toMatchObject({ editorialStatus: 'rejected', published: false, allowedMoves: ['in_review'] });
    expect(await app.strapi.db.query(REMOVAL).count({ where: { storyDocumentId: documentId, reason: 'unpublished' } })).toBe(1);
    expect((await auditOf(documentId)).at(-1)).toMatchObject({ fromStatus: 'in_review', toStatus: 'rejected', details: { note: 'Rechte an der Musik ungeklärt', unpublished: true } });
    expect((await request(app.server).get(`/api/v1/stories/wird-abgelehnt`)).status).toBe(404);
  });
});

describe('the review queue', () => {
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ids.oldest = await createSubmission(app.strapi, { title: 'Queue: älteste', region: 'emden' });
    ids.middle = await createSubmission(app.strapi, {
      title: 'Queue: ohne Sorgeberechtigte',
      region: 'goettingen',
      data: { needsFilmingHelp: true, consent: { ...formConsent(), people: [{ nameOrRole: 'Sami (9)', minor: true }] } },
    });
    ids.newest = await createSubmission(app.strapi, { title: 'Queue: neueste', region: 'goettingen', data: { needsEquipment: true } });
    const day = (n: number) => new Date(Date.UTC(2030, 0, n, 9)).toISOString();
    for (const [key, n] of [['oldest', 1], ['middle', 2], ['newest', 3]] as const) {
      await app.strapi.db.query(STORY).updateMany({ where: { documentId: ids[key] }, data: { createdAt: day(n) } });
    }
    await app.strapi.db.query('plugin::submissions.content-notice').create({
      data: { storyDocumentId: ids.newest, storySlug: 'queue-neueste', storyTitle: 'Queue: neueste', reason: 'privacy', status: 'open' },
    });
  });

  test('lists submissions newest first, with counts per status, and filters by status and region', async () => {
    const all = await as(editor).get('/submissions/review/submissions?status=submitted&pageSize=100');
    expect(all.status).toBe(200);
    const titles = (all.body.data as { title: string }[]).map((r) => r.title).filter((t) => t.startsWith('Queue:'));
    expect(titles).toEqual(['Queue: neueste', 'Queue: ohne Sorgeberechtigte', 'Queue: älteste']);
    expect(all.body.meta.counts.submitted).toBe(all.body.meta.pagination.total);
    expect(all.body.meta.regions).toContainEqual({ slug: 'emden', name: 'Emden' });

    const emden = await as(editor).get('/submissions/review/submissions?status=submitted&region=emden');
    expect((emden.body.data as { documentId: string }[]).map((r) => r.documentId)).toEqual([ids.oldest]);
    expect(emden.body.meta.counts).toMatchObject({ submitted: 1 });

    const approved = await as(editor).get('/submissions/review/submissions?status=approved');
    expect((approved.body.data as { editorialStatus: string }[]).every((r) => r.editorialStatus === 'approved')).toBe(true);
    expect((await as(editor).get('/submissions/review/submissions?status=done')).status).toBe(400);
  });

  test('each row shows the reference, region, media, help needed, whether the consent is complete and open reports', async () => {
    const res = await as(editor).get('/submissions/review/submissions?status=submitted&region=goettingen');
    const row = (id: string) => (res.body.data as { documentId: string }[]).find((r) => r.documentId === id);
    expect(row(ids.newest)).toMatchObject({
      referenceNumber: expect.stringMatching(/^ZM-2026-T/),
      region: { slug: 'goettingen', name: 'Göttingen' },
      source: 'form',
      published: false,
      media: { video: false, youtube: false, written: false },
      needsEquipment: true,
      needsFilmingHelp: false,
      consentComplete: true,
      openNotices: 1,
    });
    expect(row(ids.middle)).toMatchObject({ needsFilmingHelp: true, consentComplete: false, openNotices: 0 });
    expect(res.body.meta.openNotices).toBeGreaterThanOrEqual(1);
  });

  test('the detail names what blocks publication, the allowed moves, the consent per person and the reports', async () => {
    const res = await as(editor).get(`/submissions/review/submissions/${ids.middle}`);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      title: 'Queue: ohne Sorgeberechtigte',
      editorialStatus: 'submitted',
      allowedMoves: ['in_review'],
      consentComplete: false,
      submitter: { name: 'Amal Haddad' },
      consent: { people: [expect.objectContaining({ nameOrRole: 'Sami (9)', minor: true })] },
    });
    expect((res.body.data.blockers as { message: string }[]).map((b) => b.message)).toEqual([
      'Redaktionsstatus ist „eingereicht“: nur freigegebene Geschichten (Redaktionsstatus „freigegeben“) können veröffentlicht werden.',
      'Person „Sami (9)“: Sorgeberechtigte sind nicht eingetragen.',
      'Person „Sami (9)“: Einwilligung der Sorgeberechtigten fehlt.',
    ]);
    const reported = await as(editor).get(`/submissions/review/submissions/${ids.newest}`);
    expect(reported.body.data.notices).toEqual([expect.objectContaining({ reason: 'privacy', status: 'open' })]);
    expect((await as(editor).get('/submissions/review/submissions/unbekannt123')).status).toBe(404);
  });

  test('an editor without the review permission gets 403, and without a token 401', async () => {
    const author = as(await adminToken(app.strapi, 'strapi-author'));
    expect((await author.get('/submissions/review/submissions')).status).toBe(403);
    expect((await author.post(`/submissions/review/submissions/${ids.oldest}/status`, { to: 'in_review' })).status).toBe(403);
    expect((await author.get('/submissions/review/notices')).status).toBe(403);
    expect((await request(app.server).get('/submissions/review/submissions')).status).toBe(401);
    expect(await statusOf(ids.oldest)).toBe('submitted');
  });

  test('the Editor role works in the queue, the YouTube overview and the reports and edits the legal pages, but cannot connect the channel', async () => {
    const member = as(await adminToken(app.strapi, 'strapi-editor'));
    expect((await member.get('/submissions/review/submissions')).status).toBe(200);
    expect((await member.get('/youtube-sync/status')).status).toBe(200);
    expect((await member.get('/reports/options')).status).toBe(200);
    expect((await member.get('/youtube-sync/connection')).status).toBe(403);
    const imprint = await member.put('/content-manager/single-types/api::imprint.imprint', { title: 'Impressum', reviewedByOffice: true });
    expect(imprint.status).toBe(200);
    expect((await app.strapi.documents('api::imprint.imprint' as never).findFirst({})) as unknown).toMatchObject({ reviewedByOffice: true });
  });

  test('the review permission appears in Strapi RBAC', async () => {
    const res = await as(editor).get('/admin/permissions');
    expect((res.body.data.sections.plugins as { action: string }[]).map((p) => p.action)).toContain('plugin::submissions.review');
  });
});
