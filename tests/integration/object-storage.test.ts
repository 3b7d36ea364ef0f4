import fs from 'fs';
import http from 'http';
import os from 'os';
import path from 'path';
import request from 'supertest';
import { createTusServer } from '../../src/plugins/submissions/server/src/intake/tus-server';
import { S3UploadStore } from '../../src/plugins/submissions/server/src/intake/s3-upload-store';
import { DatabaseLocker } from '../../src/plugins/submissions/server/src/intake/upload-locker';
import { startStrapi, type TestApp } from '../support/strapi';
import { adminToken } from '../support/admin';
import { eventually } from '../support/eventually';
import { PRIVATE_BUCKET, PUBLIC_BUCKET, s3ServerMissing, startS3Server, type S3Server } from '../support/s3-server';
import { adult, asFormFields, jpegBytes, videoBytes, vttBytes, writtenStory } from '../support/submission';

/**
 * STORAGE_DRIVER=s3 against a real S3-compatible server (moto, tests/support/s3-server.ts): resumable uploads go
 * to the private bucket and resume on another tus server; a submission's files are private objects reachable only
 * through the app's authenticated route; publishing copies cover, formats and captions to the public bucket (and
 * removes the private copies), unpublishing takes them back.
 */

const STORY = 'api::story.story';
const FILE = 'plugin::upload.file';
const tus = { 'Tus-Resumable': '1.0.0' };
const missing = s3ServerMissing();
if (missing) console.log(missing);

let s3: S3Server;
let app: TestApp;
let editor: string;
const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zm-s3-uploads-'));

interface FileRow {
  id: number;
  url: string;
  formats: Record<string, { url: string }> | null;
}

const nameOf = (url: string) => path.posix.basename(url.split('?')[0]);
const urlsOf = (file: FileRow) => [file.url, ...Object.values(file.formats ?? {}).map((f) => f.url)];
const fileRow = (id: number): Promise<FileRow> => app.strapi.db.query(FILE).findOne({ where: { id } });
const b64 = (text: string) => Buffer.from(text).toString('base64');

async function where(url: string) {
  const name = nameOf(url);
  const [inPublic, inPrivate] = await Promise.all([s3.keys(PUBLIC_BUCKET), s3.keys(PRIVATE_BUCKET)]);
  return { public: inPublic.includes(name), private: inPrivate.includes(name) };
}

(missing ? describe.skip : describe)('media and uploads in S3 buckets', () => {
  beforeAll(async () => {
    s3 = await startS3Server();
    app = await startStrapi({
      ...s3.env,
      YOUTUBE_SYNC_WORKER: 'false',
      PUBLIC_API_RATE_LIMIT_PER_MINUTE: '0',
      SUBMISSION_RATE_LIMIT_PER_HOUR: '0',
      UPLOAD_TMP_DIR: uploadDir,
    });
    editor = await adminToken(app.strapi);
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
    await s3?.stop();
    fs.rmSync(uploadDir, { recursive: true, force: true });
  });

  test('an interrupted video upload resumes on a second tus server and lands in the private bucket', async () => {
    const video = videoBytes(256 * 1024);
    const created = await request(app.server)
      .post('/api/v1/uploads')
      .set({ ...tus, 'Upload-Length': String(video.length), 'Upload-Metadata': `filename ${b64('Interview.mp4')},filetype ${b64('video/mp4')}` });
    expect(created.status).toBe(201);
    const location = created.headers.location as string;
    const id = nameOf(location);
    const first = await request(app.server)
      .patch(`/api/v1/uploads/${id}`)
      .set({ ...tus, 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' })
      .send(video.subarray(0, 100 * 1024));
    expect(first.status).toBe(204);

    // Another instance: its own store and tus server, the same bucket and database.
    const bucket = app.strapi.plugin('stories').service('media').privateBucket();
    if (!bucket) throw new Error('the app does not run on S3');
    const other = createTusServer({
      store: new S3UploadStore(bucket, fs.mkdtempSync(path.join(uploadDir, 'other-'))),
      locker: new DatabaseLocker(app.strapi),
      maxVideoBytes: 10 * 1024 * 1024,
      videoFormats: ['mp4'],
      corsOrigins: '*',
      budget: { reserve: () => Promise.reject(new Error('no upload starts here')), release: () => Promise.resolve() },
    });
    const server = http.createServer((req, res) => void other.handle(req, res));
    try {
      const offset = await request(server).head(`/api/v1/uploads/${id}`).set(tus);
      expect(offset.headers['upload-offset']).toBe(String(100 * 1024));
      const rest = await request(server)
        .patch(`/api/v1/uploads/${id}`)
        .set({ ...tus, 'Upload-Offset': String(100 * 1024), 'Content-Type': 'application/offset+octet-stream' })
        .send(video.subarray(100 * 1024));
      expect(rest.status).toBe(204);
    } finally {
      server.close();
    }
    expect(Buffer.compare(await s3.bytes(PRIVATE_BUCKET, id), video)).toBe(0);

    const submitted = await request(app.server)
      .post('/api/v1/submissions')
      .send(writtenStory({ title: 'Hochgeladen in Teilen', people: [adult('Amal Haddad')], videoUpload: id }));
    expect(submitted.status).toBe(201);
    const story = await app.strapi.db
      .query(STORY)
      .findOne({ where: { referenceNumber: submitted.body.referenceNumber, publishedAt: null }, populate: { video: true } });
    expect(story.video.url).toMatch(/^\/media\/private\//);
    expect(Buffer.compare(await s3.bytes(PRIVATE_BUCKET, nameOf(story.video.url)), video)).toBe(0);
    expect(await where(story.video.url)).toEqual({ public: false, private: true });
    // The upload itself is gone once the submission took it.
    await eventually(async () => expect((await s3.keys(PRIVATE_BUCKET)).filter((k) => k.startsWith(id))).toEqual([]));
  });

  describe('a submission with cover and captions', () => {
    let documentId: string;
    let cover: FileRow;
    let captions: FileRow;
    let video: FileRow;

    beforeAll(async () => {
      const res = await asFormFields(request(app.server).post('/api/v1/submissions'), writtenStory({ title: 'Im Eimer', people: [adult('Amal Haddad')] }) as never)
        .attach('video', videoBytes(64 * 1024), { filename: 'VID_1.mp4', contentType: 'video/mp4' })
        .attach('cover', await jpegBytes(1280, 720), { filename: 'titelbild.jpg', contentType: 'image/jpeg' })
        .attach('captions', vttBytes(), { filename: 'deutsch.vtt', contentType: 'text/vtt' });
      if (res.status !== 201) throw new Error(`setup: submission failed: ${res.status} ${JSON.stringify(res.body)}`);
      const draft = await app.strapi.db.query(STORY).findOne({
        where: { referenceNumber: res.body.referenceNumber, publishedAt: null },
        populate: { video: true, cover: true, captions: { populate: { file: true } } },
      });
      ({ documentId, cover, video } = draft);
      captions = draft.captions[0].file;
    });

    test('its files are private objects: no public address, 401 without a login, the bytes for an editor', async () => {
      expect(Object.keys(cover.formats ?? {}).length).toBeGreaterThan(0);
      for (const url of [video, cover, captions].flatMap(urlsOf)) {
        expect(url).toMatch(/^\/media\/private\/[\w.-]+$/);
        expect(await where(url)).toEqual({ public: false, private: true });
        expect(await s3.readableByAll(PRIVATE_BUCKET, nameOf(url))).toBe(false);
        expect((await request(app.server).get(url)).status).toBe(401);
      }
      const asEditor = await request(app.server).get(cover.url).set('Authorization', `Bearer ${editor}`).buffer(true);
      expect(asEditor.status).toBe(200);
      expect(asEditor.headers['cache-control']).toBe('private, no-store');
      expect(Buffer.compare(asEditor.body as Buffer, await s3.bytes(PRIVATE_BUCKET, nameOf(cover.url)))).toBe(0);
    });

    test('publishing moves cover, formats and captions to the public bucket, served at the public address; the video stays', async () => {
      for (const to of ['in_review', 'approved']) {
        const res = await request(app.server).post(`/submissions/review/submissions/${documentId}/status`).set('Authorization', `Bearer ${editor}`).send({ to });
        expect(res.status).toBe(200);
      }
      await app.strapi.documents(STORY).publish({ documentId });
      const published = await fileRow(cover.id);
      for (const url of [...urlsOf(published), (await fileRow(captions.id)).url]) {
        expect(url.startsWith(`${s3.publicUrl}/`)).toBe(true);
        expect(await where(url)).toEqual({ public: true, private: false });
        expect(await s3.readableByAll(PUBLIC_BUCKET, nameOf(url))).toBe(true);
        const served = await fetch(url);
        expect(served.status).toBe(200);
        expect(Buffer.compare(Buffer.from(await served.arrayBuffer()), await s3.bytes(PUBLIC_BUCKET, nameOf(url)))).toBe(0);
      }
      expect((await fileRow(video.id)).url).toBe(video.url);
      expect(await where(video.url)).toEqual({ public: false, private: true });
      const slug = (await app.strapi.db.query(STORY).findOne({ where: { documentId }, select: ['slug'] })).slug as string;
      const v1 = await request(app.server).get(`/api/v1/stories/${slug}`);
      expect(v1.body.data.cover.url).toBe(published.url);
    });

    test('unpublishing takes them back into the private bucket', async () => {
      await app.strapi.documents(STORY).unpublish({ documentId });
      await eventually(async () => expect((await fileRow(cover.id)).url).toMatch(/^\/media\/private\//));
      for (const url of [...urlsOf(await fileRow(cover.id)), (await fileRow(captions.id)).url]) {
        expect(url).toMatch(/^\/media\/private\//);
        expect(await where(url)).toEqual({ public: false, private: true });
        expect((await request(app.server).get(url)).status).toBe(401);
      }
    });
  });
});
