import fs from 'fs';
import os from 'os';
import path from 'path';
import request from 'supertest';
import { signedMediaUrl } from '../../src/plugins/stories/server/src/media-privacy/links';
import { migrateMedia } from '../../src/plugins/stories/server/src/media-privacy/migration';
import { movesSettled } from '../../src/plugins/stories/server/src/media-privacy/hooks';
import { startStrapi, type TestApp } from '../support/strapi';
import { adminToken } from '../support/admin';
import { createSubmission } from '../support/fixtures';
import { addCoverImage } from '../support/media';
import { adult, asFormFields, jpegBytes, videoBytes, vttBytes, writtenStory } from '../support/submission';

/**
 * Files of stories that are not public live in private storage: no URL reaches them without an editor's login or a
 * short-lived signed link; publishing makes the cover (with its sizes) and captions public, never the original
 * video; unpublishing and a withdrawal make them private again; files from before move once at start-up.
 */

const STORY = 'api::story.story';
const FILE = 'plugin::upload.file';

let app: TestApp;
let editor: string;
const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zm-private-media-'));
const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zm-uploads-'));

beforeAll(async () => {
  app = await startStrapi({
    YOUTUBE_SYNC_WORKER: 'false',
    PUBLIC_API_RATE_LIMIT_PER_MINUTE: '0',
    SUBMISSION_RATE_LIMIT_PER_HOUR: '0',
    UPLOAD_TMP_DIR: uploadDir,
    PRIVATE_MEDIA_DIR: privateDir,
  });
  editor = await adminToken(app.strapi);
});
afterAll(async () => {
  await app?.stop();
  fs.rmSync(privateDir, { recursive: true, force: true });
  fs.rmSync(uploadDir, { recursive: true, force: true });
});

interface FileRow {
  id: number;
  url: string;
  formats: Record<string, { url: string }> | null;
}
interface Draft {
  documentId: string;
  slug: string;
  video: FileRow;
  cover: FileRow;
  captions: { file: FileRow }[];
}

const nameOf = (url: string) => path.posix.basename(url.split('?')[0]);
const urlsOf = (file: FileRow) => [file.url, ...Object.values(file.formats ?? {}).map((f) => f.url)];
const inPrivateDir = (url: string) => fs.existsSync(path.join(privateDir, nameOf(url)));
const inPublicDir = (url: string) => fs.existsSync(path.join(app.strapi.dirs.static.public, 'uploads', nameOf(url)));
const get = (url: string, token?: string) => {
  const req = request(app.server).get(url);
  return token ? req.set('Authorization', `Bearer ${token}`) : req;
};
const asEditor = (method: 'get' | 'post', url: string, body?: object) =>
  request(app.server)[method](url).set('Authorization', `Bearer ${editor}`).send(body);

const draftOf = async (documentId: string): Promise<Draft> =>
  app.strapi.db.query(STORY).findOne({ where: { documentId, publishedAt: null }, populate: { video: true, cover: true, captions: { populate: { file: true } } } });
const fileRow = (id: number): Promise<FileRow> => app.strapi.db.query(FILE).findOne({ where: { id } });

/** Waits for what happens after a commit (a move started by an editor's request inside a transaction). */
async function eventually(check: () => Promise<boolean>) {
  for (let i = 0; i < 100; i += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the expected change did not happen');
}

let submissions = 0;
/** A submission through the public form: video, cover and captions. */
async function submit(): Promise<Draft> {
  submissions += 1;
  const res = await asFormFields(request(app.server).post('/api/v1/submissions'), writtenStory({ title: `Private Medien ${submissions}`, people: [adult('Amal Haddad')] }) as never)
    .attach('video', videoBytes(64 * 1024), { filename: 'VID_1.mp4', contentType: 'video/mp4' })
    .attach('cover', await jpegBytes(1280, 720), { filename: 'titelbild.jpg', contentType: 'image/jpeg' })
    .attach('captions', vttBytes(), { filename: 'deutsch.vtt', contentType: 'text/vtt' });
  if (res.status !== 201) throw new Error(`setup: submission failed: ${res.status} ${JSON.stringify(res.body)}`);
  const draft = await app.strapi.db.query(STORY).findOne({ where: { referenceNumber: res.body.referenceNumber, publishedAt: null }, select: ['documentId'] });
  return draftOf(draft.documentId);
}

async function approveAndPublish(documentId: string) {
  for (const to of ['in_review', 'approved']) {
    const res = await asEditor('post', `/submissions/review/submissions/${documentId}/status`, { to });
    if (res.status !== 200) throw new Error(`setup: moving to ${to} failed: ${JSON.stringify(res.body)}`);
  }
  await app.strapi.documents(STORY).publish({ documentId });
}

describe('a submission’s files are private', () => {
  let draft: Draft;
  beforeAll(async () => {
    draft = await submit();
  });

  test('they are stored in the private folder and have private addresses, every image size too', async () => {
    const all = [draft.video, draft.cover, draft.captions[0].file].flatMap(urlsOf);
    expect(Object.keys(draft.cover.formats ?? {}).length).toBeGreaterThan(0);
    for (const url of all) {
      expect(url).toMatch(/^\/media\/private\/[\w.-]+$/);
      expect(inPrivateDir(url)).toBe(true);
      expect(inPublicDir(url)).toBe(false);
    }
  });

  test('without a login they answer 401, and public/uploads does not have them', async () => {
    for (const url of [draft.video, draft.cover, draft.captions[0].file].flatMap(urlsOf)) {
      const res = await get(url);
      expect(res.status).toBe(401);
      expect(res.body.error.message).toContain('This file is not public');
      expect((await get(`/uploads/${nameOf(url)}`)).status).toBe(404);
    }
  });

  test('a changed, borrowed or expired signed link answers 401', async () => {
    const signed = signedMediaUrl(app.strapi, draft.cover.url);
    const tampered = signed.replace(/signature=(.)/, (_m, c: string) => `signature=${c === 'A' ? 'B' : 'A'}`);
    const otherFile = signed.replace(nameOf(draft.cover.url), nameOf(draft.video.url));
    const longer = signed.replace(/expires=(\d+)/, (_m, e: string) => `expires=${Number(e) + 3600}`);
    for (const url of [tampered, otherFile, longer]) {
      const res = await get(url);
      expect(res.status).toBe(401);
      expect(res.body.error.message).toContain('The link to this file is invalid');
    }
    const expired = await get(signedMediaUrl(app.strapi, draft.cover.url, new Date(Date.now() - 2 * 3600 * 1000)));
    expect(expired.status).toBe(401);
    expect(expired.body.error.message).toContain('has expired');
  });

  test('a valid signed link and an editor’s token get the file, uncached', async () => {
    const bytes = fs.readFileSync(path.join(privateDir, nameOf(draft.cover.url)));
    for (const res of [await get(signedMediaUrl(app.strapi, draft.cover.url)), await get(draft.cover.url, editor)]) {
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('image/jpeg');
      expect(res.headers['cache-control']).toBe('private, no-store');
      expect(Buffer.compare(res.body as Buffer, bytes)).toBe(0);
    }
    expect((await get(draft.video.url, editor)).headers['content-type']).toBe('video/mp4');
  });

  test('an editor asking for a file that does not exist gets 404', async () => {
    expect((await get('/media/private/nichts_da.jpg', editor)).status).toBe(404);
    expect((await get('/media/private/..%2F..%2Fpackage.json', editor)).status).toBe(404);
  });

  test('editors see them: the review page, the content manager and the media library give signed links that open', async () => {
    const review = await asEditor('get', `/submissions/review/submissions/${draft.documentId}`);
    expect(review.status).toBe(200);
    const cm = await asEditor('get', `/content-manager/collection-types/${STORY}/${draft.documentId}`);
    expect(cm.status).toBe(200);
    const library = await asEditor('get', `/upload/files/${draft.cover.id}`);
    expect(library.status).toBe(200);
    const links = [review.body.data.media.cover.url, review.body.data.media.video.url, cm.body.data.cover.url, library.body.url, ...Object.values(library.body.formats as Record<string, { url: string }>).map((f) => f.url)];
    for (const link of links) {
      expect(link).toMatch(/^\/media\/private\/[\w.-]+\?expires=\d+&signature=[\w-]+$/);
      expect((await get(link)).status).toBe(200);
    }
  });
});

describe('publication decides', () => {
  test('publishing makes the cover with all its sizes and the captions public, the video stays private; v1 links the public cover', async () => {
    const draft = await submit();
    await approveAndPublish(draft.documentId);
    const cover = await fileRow(draft.cover.id);
    const captions = await fileRow(draft.captions[0].file.id);
    for (const url of [...urlsOf(cover), captions.url]) {
      expect(url).toMatch(/^\/uploads\//);
      expect(inPublicDir(url)).toBe(true);
      expect(inPrivateDir(url)).toBe(false);
      expect((await get(url)).status).toBe(200);
    }
    const video = await fileRow(draft.video.id);
    expect(video.url).toBe(draft.video.url);
    expect(inPrivateDir(video.url)).toBe(true);
    expect((await get(video.url)).status).toBe(401);

    const v1 = await get(`/api/v1/stories/${draft.slug}`);
    expect(v1.status).toBe(200);
    expect(v1.body.data.cover.url).toBe(`http://localhost:1337${cover.url}`);
    expect(JSON.stringify(v1.body)).not.toContain('/media/private/');
  });

  test('unpublishing makes them private again', async () => {
    const draft = await submit();
    await approveAndPublish(draft.documentId);
    await app.strapi.documents(STORY).unpublish({ documentId: draft.documentId });
    const cover = await fileRow(draft.cover.id);
    for (const url of urlsOf(cover)) {
      expect(url).toMatch(/^\/media\/private\//);
      expect(inPrivateDir(url)).toBe(true);
      expect(inPublicDir(url)).toBe(false);
      expect((await get(url)).status).toBe(401);
    }
    expect((await fileRow(draft.captions[0].file.id)).url).toMatch(/^\/media\/private\//);
  });

  test.each(['website', 'all'])('a withdrawal for %s recorded by an editor makes them private again', async (scope) => {
    const draft = await submit();
    await approveAndPublish(draft.documentId);
    expect((await fileRow(draft.cover.id)).url).toMatch(/^\/uploads\//);
    const res = await asEditor('post', `/submissions/review/submissions/${draft.documentId}/withdraw`, { scope });
    expect(res.status).toBe(200);
    await eventually(async () => {
      const row = await fileRow(draft.cover.id);
      return row.url.startsWith('/media/private/') && !urlsOf(row).some(inPublicDir);
    });
    for (const url of urlsOf(await fileRow(draft.cover.id))) {
      expect(inPrivateDir(url)).toBe(true);
      expect(inPublicDir(url)).toBe(false);
      expect((await get(url)).status).toBe(401);
    }
  });

  test('a file an editor uploaded to the media library becomes private once attached to an unpublished story', async () => {
    const cover = await addCoverImage(app.strapi, 'redaktion-titelbild');
    expect(inPublicDir(cover.url)).toBe(true);
    await createSubmission(app.strapi, { title: 'Redaktion lädt hoch', data: { cover: cover.id } });
    const row = await fileRow(cover.id);
    expect(row.url).toBe(`/media/private/${nameOf(cover.url)}`);
    expect(inPrivateDir(row.url)).toBe(true);
    expect(inPublicDir(cover.url)).toBe(false);
    expect((await get(cover.url)).status).toBe(404);
  });

  test('deleting a private file from the media library deletes it from private storage', async () => {
    const draft = await submit();
    await app.strapi.plugin('upload').service('upload').remove(await fileRow(draft.cover.id));
    for (const url of urlsOf(draft.cover)) expect(inPrivateDir(url)).toBe(false);
  });
});

describe('the start-up move of existing files', () => {
  /** An unpublished story whose cover sits in public/uploads, linked below the Document Service as old data is. */
  async function storyWithPublicCover(title: string) {
    const cover = await addCoverImage(app.strapi, title.toLowerCase().replace(/\W+/g, '-'));
    const documentId = await createSubmission(app.strapi, { title });
    const { id } = await app.strapi.db.query(STORY).findOne({ where: { documentId, publishedAt: null }, select: ['id'] });
    await app.strapi.db.query(STORY).update({ where: { id }, data: { cover: cover.id } });
    expect((await get(cover.url)).status).toBe(200);
    return cover as FileRow;
  }

  test('moves a file of an unpublished story out of public/uploads, once, however many instances run it at the same time', async () => {
    const cover = await storyWithPublicCover('Alte Einreichung');
    const runs = await Promise.all([migrateMedia(app.strapi), migrateMedia(app.strapi)]);
    const ran = runs.filter((r) => r !== null);
    expect(ran).toHaveLength(1);
    expect(ran[0]).toMatchObject({ moved: 1 });
    const row = await fileRow(cover.id);
    expect(row.url).toBe(`/media/private/${nameOf(cover.url)}`);
    expect(inPrivateDir(row.url)).toBe(true);
    expect(inPublicDir(cover.url)).toBe(false);
    expect((await get(cover.url)).status).toBe(404);
    expect((await get(row.url)).status).toBe(401);
    expect(await migrateMedia(app.strapi)).toMatchObject({ moved: 0 });
  });

  test('removes a public copy an interrupted move left behind', async () => {
    const draft = await submit();
    // The submission's own placement runs after its commit; copied in before it ends, the copy would be its to remove.
    await movesSettled(app.strapi);
    const name = nameOf(draft.cover.url);
    // A placement that starts later still (movesSettled knows only started ones) rightly removes the copy, so it is
    // put back until it is served: seen once in six runs on PostgreSQL.
    await eventually(async () => {
      fs.copyFileSync(path.join(privateDir, name), path.join(app.strapi.dirs.static.public, 'uploads', name));
      return (await get(`/uploads/${name}`)).status === 200;
    });
    await migrateMedia(app.strapi);
    expect(inPublicDir(draft.cover.url)).toBe(false);
    expect(inPrivateDir(draft.cover.url)).toBe(true);
  });
});

describe('PUBLIC_ORIGINAL_VIDEO=true', () => {
  beforeAll(async () => {
    app = await app.restart({ PUBLIC_ORIGINAL_VIDEO: 'true' });
    editor = await adminToken(app.strapi);
  });

  test('makes the uploaded video of a published story public, and private again when it goes offline', async () => {
    const draft = await submit();
    await approveAndPublish(draft.documentId);
    const video = await fileRow(draft.video.id);
    expect(video.url).toBe(`/uploads/${nameOf(draft.video.url)}`);
    expect((await get(video.url)).status).toBe(200);
    await app.strapi.documents(STORY).unpublish({ documentId: draft.documentId });
    expect((await fileRow(draft.video.id)).url).toBe(draft.video.url);
    expect((await get(video.url)).status).toBe(404);
  });
});
