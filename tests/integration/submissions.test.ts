import fs from 'fs';
import http from 'http';
import os from 'os';
import path from 'path';
import request from 'supertest';
import { eventually } from '../support/eventually';
import type { Core } from '@strapi/strapi';
import { startStrapi, type TestApp } from '../support/strapi';
import { startSmtpSink, smtpEnv, type SmtpSink } from '../support/smtp';
import { loadContract, type Contract } from '../support/contract';
import { createProject } from '../support/fixtures';
import {
  adult,
  asFormFields,
  heicBytes,
  jpegBytes,
  pdfBytes,
  pngBytes,
  srtBytes,
  videoBytes,
  vttBytes,
  writtenStory,
} from '../support/submission';
import { verifyWithdrawalToken } from '../../src/plugins/submissions/server/src/intake/withdrawal-token';
import { REFERENCE_PATTERN } from '../../src/plugins/submissions/server/src/intake/reference-number';
import { sweepExpiredUploads } from '../../src/plugins/submissions/server/src/intake/lifecycle';
import { UploadStore } from '../../src/plugins/submissions/server/src/intake/upload-store';
import { fingerprint } from '../support/media';

/**
 * The submission API as the /mitmachen form and a partner integration use it: every rule answered with the field it
 * concerns, files judged by their bytes, resumable uploads, abuse protection, and failures that leave nothing behind.
 * Every answer of POST /api/v1/submissions is checked against the OpenAPI document the server serves.
 */

const STORY = 'api::story.story';
const FILE = 'plugin::upload.file';
const AUDIT = 'plugin::submissions.audit-entry';
const SECRET = 'partner-secret-7f3c9a1e5b';
const MB = 1024 * 1024;
const ENV = {
  YOUTUBE_SYNC_WORKER: 'false',
  PUBLIC_API_RATE_LIMIT_PER_MINUTE: '0',
  PUBLIC_API_CORS_ORIGINS: 'https://partner.example',
  SUBMISSION_RATE_LIMIT_PER_HOUR: '0',
  SUBMISSION_MAX_VIDEO_MB: '1',
  SUBMISSION_MAX_IMAGE_MB: '1',
  SUBMISSION_PARTNER_SECRET: SECRET,
  CONSENT_TEXT_VERSION: 'test-2026-11',
  UPLOAD_TMP_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'zm-uploads-')),
  PRIVATE_MEDIA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'zm-private-media-')),
};

let app: TestApp;
let smtp: SmtpSink;
let contract: Contract;
const uploadDir = ENV.UPLOAD_TMP_DIR;

// ------------------------------------------------------------------------------------------------- helpers

type Fields = Record<string, unknown>;
interface Attachment {
  field: 'video' | 'cover' | 'captions';
  bytes: Buffer;
  filename: string;
  contentType?: string;
}

const submitJson = async (body: Fields, headers: Record<string, string> = {}) => {
  const res = await request(app.server).post('/api/v1/submissions').set(headers).send(body);
  contract.expect('/submissions', 'post', res);
  return res;
};

async function submitForm(fields: Fields, files: Attachment[] = [], headers: Record<string, string> = {}) {
  const test = asFormFields(request(app.server).post('/api/v1/submissions').set(headers), fields as never);
  for (const f of files) test.attach(f.field, f.bytes, { filename: f.filename, contentType: f.contentType ?? 'application/octet-stream' });
  const res = await test;
  contract.expect('/submissions', 'post', res);
  return res;
}

const errorsOf = (res: request.Response) => res.body.error.details.errors as { path: (string | number)[]; message: string }[];
const paths = (res: request.Response) => errorsOf(res).map((e) => e.path.join('.'));
const messageAt = (res: request.Response, at: string) => errorsOf(res).find((e) => e.path.join('.') === at)?.message;

const storyByReference = (referenceNumber: string) =>
  app.strapi.db.query(STORY).findOne({
    where: { referenceNumber, publishedAt: null },
    populate: ['video', 'cover', 'captions', 'captions.file', 'consent', 'consent.people', 'credits', 'submitter', 'region', 'themes', 'project'],
  });

/** Submitted files land in private storage; public/uploads must not get any of them either. */
const storageFolders = () => [path.join(app.strapi.dirs.static.public, 'uploads'), ENV.PRIVATE_MEDIA_DIR];
const submissionFiles = () =>
  storageFolders()
    .flatMap((folder) => fs.readdirSync(folder).map((n) => path.join(folder, n)))
    .filter((n) => n.includes('ZM_'))
    .sort();
/** Where a submitted file's bytes are: its private address names a file in PRIVATE_MEDIA_DIR. */
const privateFile = (url: string) => path.join(ENV.PRIVATE_MEDIA_DIR, path.posix.basename(url));
/** formidable's temporary files: 25 lower-case letters and digits, in the system's temp folder. */
const formidableTemps = () =>
  fs
    .readdirSync(os.tmpdir())
    .filter((n) => /^[a-z0-9]{25}$/.test(n))
    .sort();

/** For requests supertest cannot make (a connection cut off mid-way): the app listening on a port of its own. */
async function withPort(run: (port: number) => Promise<void>) {
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  try {
    await run((app.server.address() as { port: number }).port);
  } finally {
    await new Promise((resolve) => app.server.close(resolve));
  }
}

const withVideo = (overrides: Fields = {}) => writtenStory({ people: [adult('Amal Haddad')], ...overrides });
const mp4 = (bytes?: number, filename = 'Interview.mp4'): Attachment => ({
  field: 'video',
  bytes: videoBytes(bytes),
  filename,
  contentType: 'video/mp4',
});

async function mailsFor(referenceNumber: string, count: number) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = smtp.messages.filter((m) => m.subject?.includes(referenceNumber));
    if (found.length >= count || Date.now() > deadline) return found;
    await smtp.waitFor(smtp.messages.length + 1, Math.max(1, deadline - Date.now())).catch(() => undefined);
  }
}

async function approveAndPublish(strapi: Core.Strapi, referenceNumber: string) {
  const story = await storyByReference(referenceNumber);
  await strapi.documents(STORY).update({ documentId: story.documentId, data: { editorialStatus: 'in_review' } as never });
  await strapi.documents(STORY).update({ documentId: story.documentId, data: { editorialStatus: 'approved' } as never });
  await strapi.documents(STORY).publish({ documentId: story.documentId });
  return story;
}

// ------------------------------------------------------------------------------------------------- set-up

let failNextStoryCreation = false;

beforeAll(async () => {
  smtp = await startSmtpSink();
  app = await startStrapi({ ...ENV, ...smtpEnv(smtp) });
  await createProject(app.strapi, 'Pflege-Lotsen Göttingen');
  await app.strapi.documents('api::project.project').create({ data: { name: 'Noch geheimes Projekt' } as never });
  // A failure injected after the story row was written inside the submission's transaction.
  app.strapi.documents.use(async (context, next) => {
    const result = await next();
    if (failNextStoryCreation && context.uid === STORY && context.action === 'create') {
      failNextStoryCreation = false;
      throw new Error('injected failure after the story row was written');
    }
    return result;
  });
  contract = await loadContract(app.server);
});

afterAll(async () => {
  await app?.stop();
  await smtp?.close();
  for (const name of [...Object.keys(ENV), ...Object.keys(smtpEnv(smtp))]) delete process.env[name];
  fs.rmSync(ENV.UPLOAD_TMP_DIR, { recursive: true, force: true });
  fs.rmSync(ENV.PRIVATE_MEDIA_DIR, { recursive: true, force: true });
});

// ------------------------------------------------------------------------------------------------- tests

describe('what a form needs to know up front', () => {
  test('formats, limits, credit choices and the consent text version — never the partner secret', async () => {
    const res = await request(app.server).get('/api/v1/submissions/options');
    expect(res.status).toBe(200);
    contract.expect('/submissions/options', 'get', res);
    expect(res.body.data.video).toMatchObject({
      formats: ['mp4', 'mov', 'webm', '3gp', 'm4v', 'mkv'],
      maxBytes: 1 * MB,
      multipartMaxBytes: 1 * MB,
      resumableUpload: { protocol: 'tus', version: '1.0.0', endpoint: '/api/v1/uploads', expiresAfterHours: 48 },
    });
    expect(res.body.data.cover).toMatchObject({ formats: ['jpg', 'png', 'webp'], maxBytes: 1 * MB });
    expect(res.body.data.credits).toEqual(['full', 'first-name', 'organisation', 'anonymous']);
    expect(res.body.data.consentTextVersion).toBe('test-2026-11');
    expect(res.body.data.partnerSecret).toEqual({ header: 'X-Submission-Secret', configured: true });
    expect(res.text).not.toContain(SECRET);
  });
});

describe('every field is checked, and every problem is named at once', () => {
  test('an empty submission hears of every required field, in German and English', async () => {
    const res = await submitJson({});
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(paths(res).sort()).toEqual(
      ['acceptTerms', 'consentPeople', 'consentPrivacy', 'credit', 'email', 'name', 'region', 'story', 'title'].sort()
    );
    for (const error of errorsOf(res)) expect(error.message).toMatch(/\S \/ \S/);
    expect(messageAt(res, 'title')).toBe('Bitte geben Sie einen Titel an. / Please enter a title.');
  });

  test.each([
    ['a title longer than YouTube allows', { title: 'A'.repeat(101) }, 'title', 'höchstens 100 Zeichen'],
    ['a title with < or >', { title: 'Mein <Weg>' }, 'title', 'YouTube'],
    ['a story of a few letters', { story: 'Kurz.' }, 'story', 'mindestens 20 Zeichen'],
    ['a story beyond 10,000 characters', { story: 'x'.repeat(10001) }, 'story', 'höchstens 10.000'],
    ['an e-mail address without domain', { email: 'amal@' }, 'email', 'gültige E-Mail-Adresse'],
    ['a phone number with letters', { phone: 'call me' }, 'phone', 'Ziffern'],
    ['a region that does not exist', { region: 'atlantis' }, 'region', '„atlantis“'],
    ['an unknown district key', { region: '09162' }, 'region', '„09162“'],
    ['a theme that does not exist', { themes: ['sprache', 'astrologie'] }, 'themes', 'astrologie'],
    ['an unpublished project', { project: 'noch-geheimes-projekt' }, 'project', 'noch-geheimes-projekt'],
    ['a link that is not YouTube', { youtubeUrl: 'https://vimeo.com/123456', people: [adult('Amal')] }, 'youtubeUrl', 'kein YouTube-Link'],
    ['an unknown credit choice', { credit: 'pseudonym' }, 'credit', 'anonym'],
    ['credit as organisation without one', { credit: 'organisation' }, 'organisation', 'Organisation an'],
    ['the people statement not ticked', { consentPeople: false }, 'consentPeople', 'Musik und Aufnahmen'],
    ['the privacy notice not confirmed', { consentPrivacy: undefined }, 'consentPrivacy', 'Datenschutzhinweise'],
    ['the conditions not accepted', { acceptTerms: 'off' }, 'acceptTerms', 'Teilnahmebedingungen'],
    ['a YouTube link without the people shown', { youtubeUrl: 'https://youtu.be/dQw4w9WgXcQ' }, 'people', 'jede Person'],
    [
      'a person without any channel',
      { youtubeUrl: 'https://youtu.be/dQw4w9WgXcQ', people: [{ nameOrRole: 'Trainer' }] },
      'people.0.channelWebsite',
      'mindestens einen Ort',
    ],
    [
      'a person without name or role',
      { youtubeUrl: 'https://youtu.be/dQw4w9WgXcQ', people: [{ channelWebsite: true }] },
      'people.0.nameOrRole',
      'Name oder Rolle',
    ],
    ['people that are not a list', { people: '{not json' }, 'people', 'JSON'],
    ['a video file sent as JSON text', { video: 'Interview.mp4' }, 'video', 'multipart/form-data'],
  ])('%s is refused, naming the field', async (_case, overrides, at, fragment) => {
    const res = await submitJson(writtenStory(overrides));
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual([at]);
    expect(messageAt(res, at)).toContain(fragment);
  });

  test('problems in several fields and across fields come back together', async () => {
    const res = await submitJson(
      writtenStory({
        title: '',
        region: 'atlantis',
        youtubeUrl: 'https://youtu.be/dQw4w9WgXcQ',
        people: [{ nameOrRole: 'Mira', minor: true, channelWebsite: true }],
      })
    );
    expect(res.status).toBe(400);
    expect(paths(res).sort()).toEqual(['consentGuardian', 'people.0.guardianConsent', 'people.0.guardians', 'region', 'title'].sort());
  });

  test('a region by its official key, themes as a comma list and booleans as "on" are understood', async () => {
    const res = await submitForm(
      writtenStory({ region: '03159', themes: 'sprache, arbeit', project: 'pflege-lotsen-goettingen', needsFilmingHelp: 'on' })
    );
    expect(res.status).toBe(201);
    const story = await storyByReference(res.body.referenceNumber);
    expect(story.region.slug).toBe('goettingen');
    expect(story.themes.map((t: { slug: string }) => t.slug).sort()).toEqual(['arbeit', 'sprache']);
    expect(story.project.slug).toBe('pflege-lotsen-goettingen');
    expect(story.needsFilmingHelp).toBe(true);
  });
});

describe('minors are shown only with their guardians’ consent', () => {
  const minor = (extra: Fields = {}) => ({ nameOrRole: 'Tochter Mira', minor: true, channelWebsite: true, ...extra });

  test('a minor without guardians and their consent is refused, naming each missing statement', async () => {
    const res = await submitForm(withVideo({ minorsShown: true, people: [adult('Amal'), minor()] }), [mp4()]);
    expect(res.status).toBe(400);
    expect(paths(res).sort()).toEqual(['consentGuardian', 'people.1.guardianConsent', 'people.1.guardians'].sort());
    expect(messageAt(res, 'consentGuardian')).toContain('Erziehungsberechtigten');
  });

  test('a minor aged 14 or over also needs their own consent', async () => {
    const people = [minor({ aged14OrOver: true, guardians: 'Amal und Karim Haddad', guardianConsent: true })];
    const res = await submitForm(withVideo({ people, consentGuardian: true }), [mp4()]);
    expect(res.status).toBe(400);
    expect(paths(res).sort()).toEqual(['consentMinor', 'people.0.ownConsent']);
  });

  test('saying minors are shown without marking one in the list is refused', async () => {
    const res = await submitForm(withVideo({ minorsShown: true, consentGuardian: true }), [mp4()]);
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(['minorsShown']);
  });

  test('with every consent the submission is taken and the consent recorded per person', async () => {
    const people = [
      adult('Amal Haddad'),
      minor({ aged14OrOver: true, guardians: 'Amal und Karim Haddad', guardianConsent: true, ownConsent: true, channelSocial: true }),
    ];
    const res = await submitForm(withVideo({ people, consentGuardian: true, consentMinor: true }), [mp4()]);
    expect(res.status).toBe(201);
    const { consent } = await storyByReference(res.body.referenceNumber);
    expect(consent).toMatchObject({
      consentedBy: 'Amal Haddad',
      textVersion: 'test-2026-11',
      minorsShown: true,
      guardianConsent: true,
      peopleAgreed: true,
      rightsConfirmed: true,
      termsAccepted: true,
      privacyAccepted: true,
    });
    expect(consent.people).toEqual([
      expect.objectContaining({ nameOrRole: 'Amal Haddad', minor: false, channelWebsite: true, channelYoutube: true, channelSocial: false }),
      expect.objectContaining({
        nameOrRole: 'Tochter Mira',
        minor: true,
        aged14OrOver: true,
        guardians: 'Amal und Karim Haddad',
        guardianConsent: true,
        ownConsent: true,
        channelWebsite: true,
        channelYoutube: false,
        channelSocial: true,
      }),
    ]);
  });
});

describe('files are judged by their bytes, not their names', () => {
  test.each<[string, Attachment, string, string]>([
    ['a PDF named like a video', { field: 'video', bytes: pdfBytes(), filename: 'Interview.mp4', contentType: 'video/mp4' }, 'video', 'kein Video'],
    ['an empty video file', { field: 'video', bytes: Buffer.alloc(0), filename: 'x.mp4' }, 'video', 'leer'],
    [
      'a video named like a photo',
      { field: 'cover', bytes: videoBytes(), filename: 'cover.jpg', contentType: 'image/jpeg' },
      'cover',
      'JPEG, PNG oder WebP',
    ],
    ['an iPhone HEIC photo', { field: 'cover', bytes: heicBytes(), filename: 'IMG_0001.jpg', contentType: 'image/jpeg' }, 'cover', 'HEIC'],
    ['a PDF named like captions', { field: 'captions', bytes: pdfBytes(), filename: 'de.vtt', contentType: 'text/vtt' }, 'captions', 'WebVTT'],
    ['captions without timings', { field: 'captions', bytes: Buffer.from('WEBVTT\n\nHallo\n'), filename: 'de.vtt' }, 'captions', 'Zeitangaben'],
  ])('%s is refused, naming the field', async (_case, file, at, fragment) => {
    const files = file.field === 'video' ? [file] : [mp4(), file];
    const res = await submitForm(withVideo(), files);
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual([at]);
    expect(messageAt(res, at)).toContain(fragment);
  });

  test('a QuickTime video with a meaningless name, a PNG cover and SubRip captions are taken for what they are', async () => {
    const files: Attachment[] = [
      { field: 'video', bytes: videoBytes(64 * 1024, 'qt  '), filename: 'upload.bin' },
      { field: 'cover', bytes: await pngBytes(), filename: 'bild' },
      { field: 'captions', bytes: srtBytes(), filename: 'untertitel.txt' },
    ];
    const res = await submitForm(withVideo({ captionsLanguage: 'ar' }), files);
    expect(res.status).toBe(201);
    const story = await storyByReference(res.body.referenceNumber);
    expect(story.video).toMatchObject({ mime: 'video/quicktime', ext: '.mov', name: `${res.body.referenceNumber}-video.mov` });
    expect(story.cover).toMatchObject({ mime: 'image/png', width: 320, height: 200 });
    expect(story.captions).toEqual([
      expect.objectContaining({ language: 'ar', file: expect.objectContaining({ mime: 'application/x-subrip', ext: '.srt' }) }),
    ]);
  });

  test('files over their limit are refused with 413, naming the field, together with the other problems', async () => {
    const res = await submitForm(withVideo({ title: '' }), [
      mp4(Math.floor(1.2 * MB)),
      { field: 'cover', bytes: Buffer.concat([await jpegBytes(), Buffer.alloc(MB)]), filename: 'c.jpg' },
    ]);
    expect(res.status).toBe(413);
    expect(res.body.error.name).toBe('PayloadTooLargeError');
    expect(paths(res).sort()).toEqual(['cover', 'title', 'video']);
    expect(messageAt(res, 'video')).toContain('höchstens 1 MB');
  });

  test('a video file and a YouTube link at once are refused', async () => {
    const res = await submitForm(withVideo({ youtubeUrl: 'https://youtu.be/dQw4w9WgXcQ' }), [mp4()]);
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(['youtubeUrl']);
  });

  test('no temporary file of any request stays behind', async () => {
    const before = formidableTemps();
    await submitForm(withVideo({ title: '' }), [mp4(), { field: 'cover', bytes: pdfBytes(), filename: 'c.jpg' }]);
    await submitForm(withVideo(), [mp4(), { field: 'captions', bytes: vttBytes(), filename: 'de.vtt' }]);
    await submitForm(withVideo(), [mp4()], { 'X-Submission-Secret': 'wrong' });
    expect(formidableTemps()).toEqual(before);
  });
});

describe('stories with and without a video', () => {
  test('a written story is taken without people, and both mails say what happens next', async () => {
    const res = await submitJson(writtenStory({ needsFilmingHelp: true, needsEquipment: true }));
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ referenceNumber: expect.stringMatching(REFERENCE_PATTERN), status: 'submitted' });
    const ref = res.body.referenceNumber as string;
    const story = await storyByReference(ref);
    expect(story).toMatchObject({ editorialStatus: 'submitted', publishedAt: null, video: null, youtubeVideoId: null, submissionSource: 'form' });
    expect(story.consent.people).toEqual([]);
    expect(await app.strapi.db.query(STORY).count({ where: { referenceNumber: ref, publishedAt: { $notNull: true } } })).toBe(0);

    const mails = await mailsFor(ref, 2);
    expect(mails).toHaveLength(2);
    const to = (address: string) => mails.find((m) => (m.to as { text: string }).text === address)!;
    const toConfirm = to('amal.haddad@example.org');
    const toOffice = to('buero@zusammen-mehr.example');
    expect(toConfirm.subject).toBe(`Ihre Geschichte ist angekommen – Vorgangsnummer ${ref} / Your story has arrived`);
    expect(toConfirm.from?.text).toBe('"ZUSAMMEN. MEHR." <mitmachen@zusammen-mehr.example>');
    expect(toConfirm.text).toContain(`Ihre Vorgangsnummer: ${ref}`);
    expect(toConfirm.text).toContain(`Your reference number: ${ref}`);
    expect(toConfirm.text).toContain('Hilfe beim Filmen');
    expect(toConfirm.html).toContain(ref);
    const link = toConfirm.text!.match(/http:\/\/localhost:1337\/widerruf\?token=(\S+)/);
    expect(link).not.toBeNull();
    expect(verifyWithdrawalToken(app.strapi, link![1])).toEqual({ documentId: story.documentId, referenceNumber: ref, version: 0 });

    expect(toOffice.subject).toBe(`Neue Einsendung ${ref}: Amal lernt Pflege in Göttingen`);
    expect(toOffice.text).toContain('Region: Göttingen');
    expect(toOffice.text).toContain('Video: nein (geschriebene Geschichte)');
    expect(toOffice.text).toContain('Braucht Hilfe beim Filmen: ja');
    expect(toOffice.text).toContain('Braucht Technik (Ausleihe): ja');
    expect(toOffice.text).toContain(`/admin/content-manager/collection-types/api::story.story/${story.documentId}`);
    expect(toOffice.text).not.toContain('amal.haddad@example.org');

    const audit = await app.strapi.db.query(AUDIT).findMany({ where: { storyDocumentId: story.documentId } });
    expect(audit).toEqual([expect.objectContaining({ action: 'submitted', actor: 'Amal Haddad', actorType: 'submitter', referenceNumber: ref })]);
  });

  test('a YouTube link in any form is stored as the video id', async () => {
    const res = await submitJson(withVideo({ youtubeUrl: 'https://www.youtube.com/shorts/dQw4w9WgXcQ' }));
    expect(res.status).toBe(201);
    expect((await storyByReference(res.body.referenceNumber)).youtubeVideoId).toBe('dQw4w9WgXcQ');
    const [office] = (await mailsFor(res.body.referenceNumber, 2)).filter((m) => m.subject?.startsWith('Neue Einsendung'));
    expect(office.text).toContain('Video: ja, als YouTube-Link');
  });
});

describe('how the submitter is named in public', () => {
  const person = { name: 'Samira Okonkwo-Weber', organisation: 'Frauencafé Nordstadt e. V.' };

  async function publishedWithCredit(credit: string, title: string) {
    const res = await submitForm(withVideo({ ...person, credit, title, people: [adult('Samira Okonkwo-Weber')] }), [
      mp4(64 * 1024, 'Samira Okonkwo-Weber Interview.mp4'),
      { field: 'cover', bytes: await jpegBytes(), filename: 'samira-okonkwo-weber.jpg' },
    ]);
    expect(res.status).toBe(201);
    const story = await approveAndPublish(app.strapi, res.body.referenceNumber);
    const publicStory = await request(app.server).get(`/api/v1/stories/${story.slug}`);
    expect(publicStory.status).toBe(200);
    return { story: await storyByReference(res.body.referenceNumber), text: publicStory.text, credits: publicStory.body.data.credits };
  }

  test('anonymous: no part of the name anywhere public, not even in file addresses', async () => {
    const { story, text, credits } = await publishedWithCredit('anonymous', 'Ein Café für alle');
    expect(credits).toEqual([]);
    for (const part of ['Samira', 'Okonkwo', 'Weber', 'samira', 'okonkwo', 'Frauencafé']) expect(text).not.toContain(part);
    expect(story.video.url).not.toMatch(/samira|okonkwo/i);
    expect(story.cover.url).not.toMatch(/samira|okonkwo/i);
    expect(story.submitter.name).toBe('Samira Okonkwo-Weber');
  });

  test('first name only, organisation, or the full name', async () => {
    expect((await publishedWithCredit('first-name', 'Ein Café für Frauen')).credits).toEqual([{ name: 'Samira', role: null }]);
    const organisation = await publishedWithCredit('organisation', 'Ein Café für Nachbarn');
    expect(organisation.credits).toEqual([{ name: 'Frauencafé Nordstadt e. V.', role: null }]);
    expect(organisation.text).not.toContain('Samira');
    expect((await publishedWithCredit('full', 'Ein Café für Familien')).credits).toEqual([{ name: 'Samira Okonkwo-Weber', role: null }]);
  });
});

describe('abuse protection', () => {
  test('a filled hidden field is thanked with a made-up number, and nothing is stored or sent', async () => {
    const stories = await app.strapi.db.query(STORY).count();
    const files = await app.strapi.db.query(FILE).count();
    const res = await submitForm(withVideo({ website: 'http://spam.example', title: 'Billige Uhren' }), [mp4()]);
    expect(res.status).toBe(201);
    expect(res.body.referenceNumber).toMatch(REFERENCE_PATTERN);
    expect(await app.strapi.db.query(STORY).count()).toBe(stories);
    expect(await app.strapi.db.query(FILE).count()).toBe(files);
    const real = await submitJson(writtenStory({ title: 'Nach dem Roboter' }));
    await mailsFor(real.body.referenceNumber, 2);
    expect(smtp.messages.filter((m) => m.subject?.includes(res.body.referenceNumber) || m.subject?.includes('Billige Uhren'))).toEqual([]);
  });

  test('a wrong partner secret is refused; the right one marks the submission as the partner’s', async () => {
    const wrong = await submitJson(writtenStory(), { 'X-Submission-Secret': 'guessed-secret-123456' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.message).toContain('X-Submission-Secret');
    const right = await submitJson(writtenStory({ title: 'Über die Partner-Schnittstelle' }), { 'X-Submission-Secret': SECRET });
    expect(right.status).toBe(201);
    const story = await storyByReference(right.body.referenceNumber);
    expect(story.submissionSource).toBe('partner');
    const [audit] = await app.strapi.db.query(AUDIT).findMany({ where: { storyDocumentId: story.documentId } });
    expect(audit).toMatchObject({ action: 'submitted', actor: 'Partner-Schnittstelle', actorType: 'submitter' });
  });
});

describe('a partner link’s source travels with the submission, without a cookie', () => {
  const hiddenSource = (html: string) => /<input type="hidden" id="referralSource" name="referralSource" value="([^"]*)">/.exec(html)?.[1];

  test('?quelle= on /mitmachen goes into the form and is stored on the story; no response sets a cookie', async () => {
    const page = await request(app.server).get('/mitmachen?quelle=Stadtbibliothek-Celle.Banner_2');
    expect(page.status).toBe(200);
    expect(page.headers['set-cookie']).toBeUndefined();
    const source = hiddenSource(page.text);
    expect(source).toBe('stadtbibliothek-celle.banner_2');

    const res = await submitForm(writtenStory({ title: 'Über den Link eines Partners', referralSource: source }));
    expect(res.status).toBe(201);
    expect(res.headers['set-cookie']).toBeUndefined();
    const story = await storyByReference(res.body.referenceNumber);
    expect(story).toMatchObject({ referralSource: 'stadtbibliothek-celle.banner_2', submissionSource: 'form' });
  });

  test('a source that is not a short slug is dropped, and the story is taken anyway', async () => {
    const page = await request(app.server).get(`/mitmachen?quelle=${encodeURIComponent('"><script>x</script>')}`);
    expect(page.status).toBe(200);
    expect(hiddenSource(page.text)).toBeUndefined();
    expect(page.text).not.toContain('<script>x</script>');

    for (const given of ['mit Leerzeichen', 'x'.repeat(65), 'ümlaut']) {
      const res = await submitJson(writtenStory({ title: 'Ohne gültige Quelle', referralSource: given }));
      expect(res.status).toBe(201);
      expect((await storyByReference(res.body.referenceNumber)).referralSource).toBeNull();
    }
  });
});

describe('a failure on the way leaves nothing behind', () => {
  async function snapshot() {
    return {
      stories: await app.strapi.db.query(STORY).count(),
      files: await app.strapi.db.query(FILE).count(),
      audit: await app.strapi.db.query(AUDIT).count(),
      onDisk: submissionFiles(),
    };
  }

  // The failures below are expected: keep their error logs out of the test output.
  beforeEach(() => {
    jest.spyOn(app.strapi.log, 'error').mockImplementation((() => undefined) as never);
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  const files = async (): Promise<Attachment[]> => [
    mp4(),
    { field: 'cover', bytes: await jpegBytes(), filename: 'c.jpg' },
    { field: 'captions', bytes: vttBytes(), filename: 'de.vtt' },
  ];

  test('the story fails after its files were stored: the row is rolled back and the files removed', async () => {
    const before = await snapshot();
    failNextStoryCreation = true;
    const res = await submitForm(withVideo({ title: 'Absturz beim Speichern' }), await files());
    expect(res.status).toBe(500);
    expect(await snapshot()).toEqual(before);
    expect(await app.strapi.db.query(STORY).count({ where: { title: 'Absturz beim Speichern' } })).toBe(0);
    const later = await submitJson(writtenStory({ title: 'Danach wieder gut' }));
    await mailsFor(later.body.referenceNumber, 2);
    expect(smtp.messages.filter((m) => m.text?.includes('Absturz beim Speichern'))).toEqual([]);
  });

  test('the media library fails on the second file: the first one is removed again', async () => {
    const before = await snapshot();
    const service = app.strapi.plugin('upload').service('upload');
    const original = service.upload.bind(service);
    let calls = 0;
    const spy = jest.spyOn(service, 'upload').mockImplementation(async (...args: unknown[]) => {
      calls += 1;
      if (calls === 2) throw new Error('injected: the storage is full');
      return original(...args);
    });
    try {
      const res = await submitForm(withVideo({ title: 'Absturz beim Hochladen' }), await files());
      expect(res.status).toBe(500);
    } finally {
      spy.mockRestore();
    }
    expect(calls).toBe(2);
    expect(await snapshot()).toEqual(before);
  });

  test('a multipart upload cut off mid-way leaves no temporary file and no story', async () => {
    const before = { temps: formidableTemps(), ...(await snapshot()) };
    await withPort(
      (port) =>
        new Promise<void>((resolve) => {
          const boundary = 'zm-cut-off';
          const req = http.request({
            port,
            method: 'POST',
            path: '/api/v1/submissions',
            headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': String(5 * MB) },
          });
          req.on('error', () => resolve());
          req.on('response', () => resolve());
          req.write(`--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nAbgebrochen\r\n`);
          req.write(`--${boundary}\r\nContent-Disposition: form-data; name="video"; filename="v.mp4"\r\nContent-Type: video/mp4\r\n\r\n`);
          req.write(videoBytes(256 * 1024), () => setTimeout(() => req.destroy(), 200));
        })
    );
    await eventually(async () => expect({ temps: formidableTemps(), ...(await snapshot()) }).toEqual(before));
  });
});

describe('resumable video uploads (tus)', () => {
  const b64 = (text: string) => Buffer.from(text).toString('base64');
  const tus = { 'Tus-Resumable': '1.0.0' };

  const start = (size: number, filename = 'Interview.mp4', filetype = 'video/mp4', headers: Record<string, string> = {}) =>
    request(app.server)
      .post('/api/v1/uploads')
      .set({ ...tus, 'Upload-Length': String(size), 'Upload-Metadata': `filename ${b64(filename)},filetype ${b64(filetype)}`, ...headers });

  const send = (location: string, offset: number, bytes: Buffer) =>
    request(app.server)
      .patch(location)
      .set({ ...tus, 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream' })
      .send(bytes);

  const offsetOf = async (location: string) => Number((await request(app.server).head(location).set(tus)).headers['upload-offset']);

  test('a video arrives in parts, survives a dropped connection, and the submission takes it', async () => {
    // Koa reports the dropped connection on the console; that is the point of the test, not a problem.
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const video = videoBytes(600 * 1024);
    const created = await start(video.length);
    expect(created.status).toBe(201);
    const location = created.headers.location as string;
    expect(location).toMatch(/^\/api\/v1\/uploads\/[0-9a-f]{32}$/);

    expect((await send(location, 0, video.subarray(0, 200 * 1024))).status).toBe(204);
    expect(await offsetOf(location)).toBe(200 * 1024);

    // The connection drops in the middle of the next part: the server keeps what arrived.
    await withPort(
      (port) =>
        new Promise<void>((resolve) => {
          const req = http.request({
            port,
            method: 'PATCH',
            path: location,
            headers: { ...tus, 'Upload-Offset': String(200 * 1024), 'Content-Type': 'application/offset+octet-stream' },
          });
          req.on('error', () => resolve());
          req.write(video.subarray(200 * 1024, 300 * 1024), () => setTimeout(() => (req.destroy(), resolve()), 300));
        })
    );
    // Until the server has noticed the drop, that request holds the upload's lock: a HEAD waits for it and, on a busy
    // machine, answers 500 without an offset when the wait times out. A tus client asks again, and so does this test.
    let offset = 0;
    await eventually(async () => {
      offset = await offsetOf(location);
      expect(offset).toBeGreaterThan(200 * 1024);
    }, 30_000, 250);
    expect(offset).toBeLessThanOrEqual(300 * 1024);

    const unfinished = await submitForm(withVideo({ videoUpload: location }));
    expect(unfinished.status).toBe(400);
    expect(messageAt(unfinished, 'videoUpload')).toContain('noch nicht vollständig');

    expect((await send(location, offset, video.subarray(offset))).status).toBe(204);
    const id = location.split('/').pop()!;
    const res = await submitForm(withVideo({ videoUpload: `http://localhost:1337${location}` }));
    expect(res.status).toBe(201);
    const story = await storyByReference(res.body.referenceNumber);
    expect(story.video).toMatchObject({ mime: 'video/mp4', name: `${res.body.referenceNumber}-video.mp4` });
    expect(story.video.url).toMatch(/^\/media\/private\//);
    expect(fingerprint(fs.readFileSync(privateFile(story.video.url)))).toEqual(fingerprint(video));
    expect(fs.existsSync(path.join(uploadDir, id))).toBe(false);
    expect(fs.existsSync(path.join(uploadDir, `${id}.json`))).toBe(false);
    quiet.mockRestore();
  });

  test('an upload that declares no video or too many bytes is refused before the first byte', async () => {
    const notVideo = await start(1000, 'Lebenslauf.pdf', 'application/pdf');
    expect(notVideo.status).toBe(415);
    expect(notVideo.text).toContain('MP4');
    const tooLarge = await start(2 * MB);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.text).toContain('höchstens 1 MB');
  });

  test('a finished upload whose bytes are not a video is refused and removed', async () => {
    const pdf = pdfBytes();
    const location = (await start(pdf.length)).headers.location as string;
    const res = await send(location, 0, pdf);
    expect(res.status).toBe(415);
    expect(fs.existsSync(path.join(uploadDir, location.split('/').pop()!))).toBe(false);
  });

  test('an unknown upload is named as such; ids that are not ids never reach the disk', async () => {
    const res = await submitForm(withVideo({ videoUpload: '0123456789abcdef0123456789abcdef' }));
    expect(res.status).toBe(400);
    expect(messageAt(res, 'videoUpload')).toContain('nicht gefunden');
    expect((await request(app.server).head('/api/v1/uploads/..%2F..%2Fpackage.json').set(tus)).status).toBe(404);
    expect((await request(app.server).get('/api/v1/uploads/0123456789abcdef0123456789abcdef')).status).toBe(405);
  });

  test('abandoned uploads expire and are swept away', async () => {
    const location = (await start(100 * 1024)).headers.location as string;
    await send(location, 0, videoBytes(100 * 1024).subarray(0, 10 * 1024));
    const id = location.split('/').pop()!;
    // The app's sweep works on the folder alone, so a second store on the same folder is what another instance does.
    const store = new UploadStore(uploadDir);
    expect(await sweepExpiredUploads(app.strapi, store, new Date(Date.now() + 47 * 3600 * 1000))).toBe(0);
    expect(await sweepExpiredUploads(app.strapi, store, new Date(Date.now() + 49 * 3600 * 1000))).toBeGreaterThanOrEqual(1);
    expect(fs.existsSync(path.join(uploadDir, id))).toBe(false);
    expect(fs.existsSync(path.join(uploadDir, `${id}.json`))).toBe(false);
    expect((await request(app.server).head(location).set(tus)).status).toBe(404);
  });

  test('a partner site may upload and submit from its browser (CORS preflight)', async () => {
    const upload = await request(app.server)
      .options('/api/v1/uploads/0123456789abcdef0123456789abcdef')
      .set({ Origin: 'https://partner.example', 'Access-Control-Request-Method': 'PATCH' });
    expect(upload.status).toBe(204);
    expect(upload.headers['access-control-allow-origin']).toBe('https://partner.example');
    expect(upload.headers['access-control-allow-methods']).toContain('PATCH');
    expect(upload.headers['access-control-allow-headers']).toContain('Upload-Offset');
    const submit = await request(app.server)
      .options('/api/v1/submissions')
      .set({ Origin: 'https://partner.example', 'Access-Control-Request-Method': 'POST' });
    expect(submit.headers['access-control-allow-methods']).toContain('POST');
    expect(submit.headers['access-control-allow-headers']).toContain('X-Submission-Secret');
    const created = await start(1000, 'a.mp4', 'video/mp4', { Origin: 'https://partner.example' });
    expect(created.headers['access-control-allow-origin']).toBe('https://partner.example');
    expect(created.headers['access-control-expose-headers']).toContain('Location');
  });
});

describe('limits per address, and mail without a mail server', () => {
  beforeAll(async () => {
    app = await app.restart({ SUBMISSION_RATE_LIMIT_PER_HOUR: '2', SMTP_HOST: '', OFFICE_EMAIL: '', EMAIL_FROM: '' });
  });

  test('the third submission within an hour is refused with Retry-After; a partner is not held to it', async () => {
    const statuses: number[] = [];
    let last: request.Response | undefined;
    for (let i = 0; i < 3; i++) {
      last = await submitJson(writtenStory({ title: `Versuch ${i + 1}` }));
      statuses.push(last.status);
    }
    expect(statuses).toEqual([201, 201, 429]);
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(60);
    expect(Number(last!.headers['retry-after'])).toBeLessThanOrEqual(3600);
    expect(last!.body.error.name).toBe('RateLimitError');
    expect(last!.body.error.message).toMatch(/Bitte versuchen Sie es in \d+ Minuten noch einmal\. \/ Too many submissions/);
    expect((await submitJson(writtenStory(), { 'X-Submission-Secret': SECRET })).status).toBe(201);
  });

  test('starting uploads is limited per address too', async () => {
    const headers = {
      'Tus-Resumable': '1.0.0',
      'Upload-Length': '1000',
      'Upload-Metadata': `filetype ${Buffer.from('video/mp4').toString('base64')}`,
    };
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await request(app.server).post('/api/v1/uploads').set(headers)).status);
    expect(statuses).toEqual([201, 201, 429]);
  });

  test('without SMTP_HOST the mails are written to the log in full, and the submission succeeds', async () => {
    const logged: string[] = [];
    const info = jest.spyOn(app.strapi.log, 'info').mockImplementation(((message: string) => logged.push(String(message))) as never);
    const warn = jest.spyOn(app.strapi.log, 'warn').mockImplementation(((message: string) => logged.push(String(message))) as never);
    try {
      const res = await submitJson(writtenStory({ title: 'Ohne Mailserver' }), { 'X-Submission-Secret': SECRET });
      expect(res.status).toBe(201);
      const ref = res.body.referenceNumber;
      const confirmation = () => logged.find((m) => m.startsWith('E-mail NOT sent') && m.includes(`Ihre Vorgangsnummer: ${ref}`));
      for (let i = 0; i < 40 && !confirmation(); i++) await new Promise((r) => setTimeout(r, 50));
      const mail = confirmation();
      expect(mail).toContain('To: amal.haddad@example.org');
      expect(mail).toContain('/widerruf?token=');
      expect(logged.find((m) => m.includes(`Submission ${ref}: OFFICE_EMAIL is not set`))).toContain('Titel: Ohne Mailserver');
    } finally {
      info.mockRestore();
      warn.mockRestore();
    }
  });
});
