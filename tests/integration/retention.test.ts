import fs from 'fs';
import os from 'os';
import path from 'path';
import request from 'supertest';
import { runScheduledRetention } from '../../src/plugins/submissions/server/src/review/retention';
import { reviewSettings } from '../../src/plugins/submissions/server/src/review/settings';
import { recordAudit } from '../../src/plugins/submissions/server/src/review/audit';
import { startStrapi, type TestApp } from '../support/strapi';
import { adminToken } from '../support/admin';
import { createStory, createSubmission, formConsent } from '../support/fixtures';
import { addCoverImage, addVideoFile } from '../support/media';
import { manualClock } from '../support/youtube';

/**
 * Erasure of personal data after the retention period: rejected and withdrawn submissions keep a tombstone, their
 * people's data and files are gone; recent ones are untouched; the scheduled run happens once per period however
 * many instances ask.
 */

const STORY = 'api::story.story';
const FILE = 'plugin::upload.file';
const AUDIT = 'plugin::submissions.audit-entry';
const DAY_MS = 24 * 3600 * 1000;

let app: TestApp;
let editor: string;
const clock = manualClock();
const ids: Record<string, string> = {};
const files: Record<string, { id: number; url: string }> = {};
const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zm-private-media-'));

const draftOf = (documentId: string) =>
  app.strapi.db.query(STORY).findOne({
    where: { documentId, publishedAt: null },
    populate: { submitter: true, video: true, cover: true, region: true, consent: { populate: { people: true, signedForm: true } } },
  });
/** In either place: a submission's files move to private storage (PRIVATE_MEDIA_DIR) when attached to it. */
const onDisk = (file: { url: string }) =>
  [path.join(app.strapi.dirs.static.public, 'uploads'), privateDir].some((folder) => fs.existsSync(path.join(folder, path.posix.basename(file.url))));
const fileRow = (file: { id: number }) => app.strapi.db.query(FILE).findOne({ where: { id: file.id } });
const settings = () => reviewSettings();

/** Moves the story's last status change back, as if it had happened `days` ago. */
async function statusChangedDaysAgo(documentId: string, days: number) {
  await app.strapi.db
    .query(AUDIT)
    .updateMany({ where: { storyDocumentId: documentId, action: { $in: ['status_changed', 'consent_withdrawn'] } }, data: { at: new Date(Date.now() - days * DAY_MS).toISOString() } });
}

async function reject(documentId: string) {
  for (const to of ['in_review', 'rejected']) {
    const res = await request(app.server).post(`/submissions/review/submissions/${documentId}/status`).set('Authorization', `Bearer ${editor}`).send({ to });
    if (res.status !== 200) throw new Error(`setup: moving to ${to} failed: ${JSON.stringify(res.body)}`);
  }
}

beforeAll(async () => {
  app = await startStrapi({ YOUTUBE_SYNC_WORKER: 'false', RETENTION_DAYS: '30', PUBLIC_API_RATE_LIMIT_PER_MINUTE: '0', PRIVATE_MEDIA_DIR: privateDir });
  editor = await adminToken(app.strapi);
  files.video = await addVideoFile(app.strapi, 'alte-einreichung', 4096);
  files.form = await addCoverImage(app.strapi, 'unterschriebenes-formular');
  files.sharedCover = await addCoverImage(app.strapi, 'gemeinsames-titelbild');
  files.recentVideo = await addVideoFile(app.strapi, 'neue-einreichung', 4096);

  ids.old = await createSubmission(app.strapi, {
    title: 'Amir und seine Familie',
    region: 'emden',
    data: {
      video: files.video.id,
      cover: files.sharedCover.id,
      internalNotes: 'Vater ruft zurück',
      consent: {
        ...formConsent(),
        signedForm: files.form.id,
        people: [{ nameOrRole: 'Amir (12)', minor: true, guardians: 'Rana und Karim S.', guardianConsent: true }],
      },
    },
  });
  await recordAudit(app.strapi, { storyDocumentId: ids.old, action: 'submitted', actor: 'Amal Haddad', actorType: 'submitter', details: { source: 'form' } });
  ids.recent = await createSubmission(app.strapi, { title: 'Noch in der Frist', data: { video: files.recentVideo.id, cover: files.sharedCover.id } });
  ids.withdrawn = await createSubmission(app.strapi, { title: 'Längst zurückgezogen' });
  ids.open = await createSubmission(app.strapi, { title: 'Alt, aber noch offen' });
  await reject(ids.old);
  await reject(ids.recent);
  const link = await request(app.server)
    .post(`/submissions/review/submissions/${ids.withdrawn}/withdraw`)
    .set('Authorization', `Bearer ${editor}`)
    .send({ scope: 'all', note: 'per Telefon' });
  if (link.status !== 200) throw new Error(`setup: withdrawal failed: ${JSON.stringify(link.body)}`);
  await statusChangedDaysAgo(ids.old, 45);
  await statusChangedDaysAgo(ids.withdrawn, 31);
  await statusChangedDaysAgo(ids.recent, 10);
  await app.strapi.db.query(STORY).updateMany({ where: { documentId: ids.open }, data: { updatedAt: new Date(Date.now() - 400 * DAY_MS).toISOString() } });
  await app.strapi.db.query('plugin::submissions.content-notice').create({
    data: { storyDocumentId: ids.old, storySlug: 'amir-und-seine-familie', storyTitle: 'Amir und seine Familie', reason: 'privacy', contact: 'nachbar@example.org', status: 'resolved' },
  });
  expect([onDisk(files.video), onDisk(files.form), onDisk(files.sharedCover)]).toEqual([true, true, true]);
});
afterAll(async () => {
  await app?.stop();
  fs.rmSync(privateDir, { recursive: true, force: true });
});

describe('the scheduled erasure', () => {
  test('two instances asking in the same period: exactly one runs, and nobody again until the next period', async () => {
    clock.advance(2 * settings().retentionCheckMs);
    const raced = await Promise.all([runScheduledRetention(app.strapi, settings(), clock), runScheduledRetention(app.strapi, settings(), clock)]);
    const ran = raced.filter((summary) => summary !== null);
    expect(ran).toHaveLength(1);
    expect([...(ran[0]?.erased ?? [])].sort()).toEqual(
      (await app.strapi.db.query(STORY).findMany({ where: { documentId: { $in: [ids.old, ids.withdrawn] }, publishedAt: null }, select: ['referenceNumber'] }))
        .map((s: { referenceNumber: string }) => s.referenceNumber)
        .sort()
    );
    expect(await runScheduledRetention(app.strapi, settings(), clock)).toBeNull();
    const row = await app.strapi.db.query('plugin::operations.scheduled-run').findOne({ where: { name: 'retention' } });
    expect(row).toMatchObject({ lockToken: null, lastError: null });
    expect(new Date(row.nextRunAt).getTime() - new Date(row.lastRunAt).getTime()).toBe(settings().retentionCheckMs);
  });

  test('a story rejected longer ago than RETENTION_DAYS keeps a tombstone; names, contact, text and files are gone', async () => {
    const old = await draftOf(ids.old);
    expect(old).toMatchObject({
      title: expect.stringMatching(/^Gelöschte Einreichung ZM-2026-T\d+$/),
      slug: `geloescht-${ids.old.toLowerCase()}`,
      teaser: null,
      body: null,
      internalNotes: null,
      submitter: null,
      video: null,
      cover: null,
      editorialStatus: 'rejected',
      referenceNumber: expect.stringMatching(/^ZM-2026-T/),
      submittedAt: expect.anything(),
      region: expect.objectContaining({ slug: 'emden' }),
      consent: {
        consentedBy: null,
        signedForm: null,
        consentedAt: expect.anything(),
        textVersion: '2026-01',
        people: [expect.objectContaining({ nameOrRole: 'Person 1', minor: true, guardians: null, guardianConsent: true })],
      },
    });
    expect(JSON.stringify(old)).not.toMatch(/Amir|Rana|Haddad|Vater ruft|amal\.\d+@/);
    expect([onDisk(files.video), onDisk(files.form)]).toEqual([false, false]);
    expect([await fileRow(files.video), await fileRow(files.form)]).toEqual([null, null]);
    const [report] = await app.strapi.db.query('plugin::submissions.content-notice').findMany({ where: { storyDocumentId: ids.old } });
    expect(report).toMatchObject({ contact: null, storyTitle: old.title });
    const [entry] = await app.strapi.db.query(AUDIT).findMany({ where: { storyDocumentId: ids.old, action: 'personal_data_erased' } });
    expect(entry).toMatchObject({ actorType: 'system', details: { filesDeleted: 2, retentionDays: 30 } });
    const trail = await app.strapi.db.query(AUDIT).findMany({ where: { storyDocumentId: ids.old } });
    expect(trail.find((e: { action: string }) => e.action === 'submitted')).toMatchObject({ actor: 'Einreichende Person', actorType: 'submitter' });
    expect(JSON.stringify(trail)).not.toMatch(/Amal|Haddad/);
    expect(entry.details.erased).toEqual(
      expect.arrayContaining(['Kontaktdaten der einreichenden Person', 'Namen und Sorgeberechtigte von 1 gezeigten Person(en)', 'Interne Notizen', 'Datei alte-einreichung.mp4'])
    );
  });

  test('a file another story still uses stays; a withdrawn story past the period is erased too', async () => {
    expect(onDisk(files.sharedCover)).toBe(true);
    expect(await fileRow(files.sharedCover)).not.toBeNull();
    const withdrawn = await draftOf(ids.withdrawn);
    expect(withdrawn).toMatchObject({ editorialStatus: 'withdrawn', submitter: null, consent: { withdrawnAt: expect.anything(), withdrawalNote: null } });
    const [withdrawal] = await app.strapi.db.query(AUDIT).findMany({ where: { storyDocumentId: ids.withdrawn, action: 'consent_withdrawn' } });
    expect(withdrawal.details).toMatchObject({ scope: 'all' });
    expect(withdrawal.details).not.toHaveProperty('note');
  });

  test('a story rejected within the period and an old one still open are untouched', async () => {
    const recent = await draftOf(ids.recent);
    expect(recent).toMatchObject({ title: 'Noch in der Frist', submitter: { name: 'Amal Haddad' }, video: expect.objectContaining({ id: files.recentVideo.id }) });
    expect(onDisk(files.recentVideo)).toBe(true);
    expect(await draftOf(ids.open)).toMatchObject({ title: 'Alt, aber noch offen', submitter: { name: 'Amal Haddad' } });
    expect(await app.strapi.db.query(AUDIT).count({ where: { storyDocumentId: { $in: [ids.recent, ids.open] }, action: 'personal_data_erased' } })).toBe(0);
  });

  test('the next period erases nothing twice', async () => {
    clock.advance(settings().retentionCheckMs + 1000);
    expect(await runScheduledRetention(app.strapi, settings(), clock)).toEqual({ erased: [], filesDeleted: 0 });
    expect(await app.strapi.db.query(AUDIT).count({ where: { action: 'personal_data_erased' } })).toBe(2);
  });

  test('the reports still count the erased submissions by status', async () => {
    const year = new Date().getFullYear();
    const res = await request(app.server)
      .get(`/reports/summary?from=${year - 1}-01-01&to=${year + 1}-12-31`)
      .set('Authorization', `Bearer ${editor}`);
    expect(res.status).toBe(200);
    expect(res.body.data.submissions.byStatus).toMatchObject({ rejected: 2, withdrawn: 1, submitted: 1 });
  });
});

describe('the removals feed', () => {
  test('keeps no slug of a never-published submission, and the removal of a story that was public', async () => {
    // A removal as the feed recorded it before it listed only stories the public saw: a rejected submission deleted.
    await app.strapi.db.query('plugin::stories.removal').create({
      data: { storyDocumentId: ids.old, slug: 'amir-und-seine-familie', reason: 'deleted', removedAt: new Date().toISOString() },
    });
    const oncePublic = await createStory(app.strapi, { title: 'Einmal öffentlich', region: 'emden', themes: ['sprache'] });
    await app.strapi.documents(STORY).unpublish({ documentId: oncePublic });
    clock.advance(settings().retentionCheckMs + 1000);
    await runScheduledRetention(app.strapi, settings(), clock);
    const feed = await request(app.server).get('/api/v1/stories/removed?pageSize=100');
    expect(feed.status).toBe(200);
    expect(feed.text).not.toContain('amir-und-seine-familie');
    expect((feed.body.data as { id: string }[]).map((r) => r.id)).toEqual([oncePublic]);
  });
});
