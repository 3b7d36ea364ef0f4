import fs from 'fs';
import os from 'os';
import path from 'path';
import request from 'supertest';
import type { Emulator } from '../../src/youtube-emulator';
import { startStrapi, type TestApp } from '../support/strapi';
import { startSmtpSink, smtpEnv, type SmtpSink } from '../support/smtp';
import { manualClock, startYouTube, syncService, youtubeEnv } from '../support/youtube';
import { adult, asFormFields, jpegBytes, videoBytes, vttBytes, writtenStory } from '../support/submission';
import { fingerprint } from '../support/media';
import { verifyWithdrawalToken } from '../../src/plugins/submissions/server/src/intake/withdrawal-token';
import { deliverDueMails } from '../../src/plugins/submissions/server/src/outbox/delivery';

/**
 * A story's whole way in: the form's multipart request with video, cover and captions → a draft with its media and
 * consent → the two mails → an editor reviews, approves and publishes → the sync job takes it to YouTube.
 */

const STORY = 'api::story.story';
const JOB = 'plugin::youtube-sync.sync-job';

let app: TestApp;
let youtube: Emulator;
let smtp: SmtpSink;
const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zm-uploads-'));
const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zm-private-media-'));

beforeAll(async () => {
  youtube = await startYouTube();
  smtp = await startSmtpSink();
  app = await startStrapi({
    ...youtubeEnv(youtube),
    ...smtpEnv(smtp),
    PUBLIC_API_RATE_LIMIT_PER_MINUTE: '0',
    SUBMISSION_RATE_LIMIT_PER_HOUR: '5',
    UPLOAD_TMP_DIR: uploadDir,
    PRIVATE_MEDIA_DIR: privateDir,
  });
});
afterAll(async () => {
  await app?.stop();
  await smtp?.close();
  await youtube?.close();
  fs.rmSync(uploadDir, { recursive: true, force: true });
  fs.rmSync(privateDir, { recursive: true, force: true });
});

/**
 * The two mails of a submission, once both arrived at the sink. The outbox sends them after the commit; a send the
 * busy sink refused is due again one to two minutes later, as in production. Instead of waiting for that, the outbox
 * runs with a clock two minutes ahead — well within a mail's five-minute lease, so no send under way is taken twice.
 */
async function bothMails() {
  for (let round = 0; ; round++) {
    try {
      return await smtp.waitFor(2, 3000);
    } catch (error) {
      if (round === 40) throw error;
    }
    await deliverDueMails(app.strapi, { now: () => new Date(Date.now() + 2 * 60_000) });
  }
}

test('a submitted video story reaches YouTube only after an editor approved and published it', async () => {
  const video = videoBytes(700 * 1024);
  const people = [adult('Amal Haddad'), { nameOrRole: 'Kollegin Jana', channelWebsite: true, channelYoutube: true, channelSocial: true }];
  const form = asFormFields(
    request(app.server).post('/api/v1/submissions'),
    writtenStory({ people, organisation: 'Pflegeschule Göttingen', credit: 'first-name', needsFilmingHelp: false }) as never
  )
    .attach('video', video, { filename: 'VID_20261101.mp4', contentType: 'video/mp4' })
    .attach('cover', await jpegBytes(1280, 720), { filename: 'titelbild.jpg', contentType: 'image/jpeg' })
    .attach('captions', vttBytes('Ich heiße Amal und lerne Pflege.'), { filename: 'deutsch.vtt', contentType: 'text/vtt' });
  const res = await form;
  expect(res.status).toBe(201);
  const { referenceNumber } = res.body;

  const draft = await app.strapi.db.query(STORY).findOne({
    where: { referenceNumber },
    populate: ['video', 'cover', 'captions', 'captions.file', 'consent', 'consent.people', 'credits', 'submitter', 'region', 'themes'],
  });
  expect(draft).toMatchObject({ editorialStatus: 'submitted', publishedAt: null, submissionSource: 'form', creditPreference: 'first-name' });
  expect(draft.video).toMatchObject({ mime: 'video/mp4', name: `${referenceNumber}-video.mp4` });
  // Not public before review: the video waits in private storage.
  expect(draft.video.url).toMatch(/^\/media\/private\//);
  expect(fingerprint(fs.readFileSync(path.join(privateDir, path.posix.basename(draft.video.url))))).toEqual(fingerprint(video));
  expect(draft.cover).toMatchObject({ mime: 'image/jpeg', width: 1280, height: 720 });
  expect(draft.captions).toEqual([expect.objectContaining({ language: 'de', file: expect.objectContaining({ mime: 'text/vtt' }) })]);
  expect(draft.consent.people.map((p: { nameOrRole: string }) => p.nameOrRole)).toEqual(['Amal Haddad', 'Kollegin Jana']);
  expect(draft.credits).toEqual([expect.objectContaining({ name: 'Amal' })]);
  expect(await app.strapi.db.query(JOB).count({ where: { storyDocumentId: draft.documentId } })).toBe(0);

  const mails = await bothMails();
  const confirmation = mails.find((m) => (m.to as { text: string }).text === 'amal.haddad@example.org')!;
  const office = mails.find((m) => (m.to as { text: string }).text === 'buero@zusammen-mehr.example')!;
  expect(confirmation.subject).toContain(referenceNumber);
  const token = confirmation.text!.match(/\/widerruf\?token=(\S+)/)![1];
  expect(verifyWithdrawalToken(app.strapi, token)).toEqual({ documentId: draft.documentId, referenceNumber, version: 0 });
  expect(office.text).toContain('Video: ja, als Datei hochgeladen');

  // The editor reviews and approves; only then can the story be published.
  const documents = app.strapi.documents(STORY);
  await documents.update({ documentId: draft.documentId, data: { editorialStatus: 'in_review' } as never });
  await expect(documents.publish({ documentId: draft.documentId })).rejects.toThrow(/freigegeben/);
  await documents.update({ documentId: draft.documentId, data: { editorialStatus: 'approved' } as never });
  await documents.publish({ documentId: draft.documentId });

  expect(await app.strapi.db.query(JOB).findOne({ where: { storyDocumentId: draft.documentId } })).toMatchObject({ status: 'pending' });
  expect((await syncService(app.strapi).drain(manualClock())).results).toEqual({ synced: 1 });
  const [uploaded] = youtube.videos();
  expect(uploaded.snippet.title).toBe('Amal lernt Pflege in Göttingen');
  expect(uploaded.media?.size).toBe(video.length);
  expect(uploaded.snippet.description).toContain('Amal');
  expect(uploaded.snippet.description).not.toContain('Haddad');
});
