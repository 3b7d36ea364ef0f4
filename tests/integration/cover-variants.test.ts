import fs from 'fs';
import os from 'os';
import path from 'path';
import sharp from 'sharp';
import request from 'supertest';
import { startStrapi, type TestApp } from '../support/strapi';
import { createStory } from '../support/fixtures';
import { localPathOf } from '../../src/plugins/stories/server/src/media-privacy/media-storage';
import { makeMissingCoverVariants } from '../../src/plugins/stories/server/src/cover-variants/lifecycle';

/**
 * Covers in AVIF and WebP beside the uploaded JPEG: made when the upload service stores an image, at the cards'
 * widths; kept where the file is — private while no visible story shows it, moved with it when the story goes
 * public or is taken down; listed in v1's sizes with their mime and offered in <picture> on the story pages; made
 * once at start-up for covers that have none.
 */

const STORY = 'api::story.story';
const FILE = 'plugin::upload.file';
const ENV = { YOUTUBE_SYNC_WORKER: 'false', PUBLIC_API_RATE_LIMIT_PER_MINUTE: '0', PUBLIC_API_CACHED_RATE_LIMIT_PER_MINUTE: '0', PUBLIC_URL: 'http://localhost:1337' };
const COPIES = ['avif-320', 'avif-480', 'avif-800', 'avif-1080', 'webp-320', 'webp-480', 'webp-800', 'webp-1080'];

let app: TestApp;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'zm-cover-variants-'));

interface FormatEntry {
  url: string;
  width: number;
  height: number;
  mime: string;
}

/** A 1600 × 900 JPEG uploaded through the media library's upload service, as an editor would. */
async function uploadCover(name: string, colour: string): Promise<number> {
  const file = path.join(scratch, `${name}.jpg`);
  await sharp({ create: { width: 1600, height: 900, channels: 3, background: colour } })
    .composite([{ input: Buffer.from('<svg width="1600" height="900"><circle cx="1100" cy="380" r="240" fill="#fff" opacity="0.4"/></svg>') }])
    .jpeg({ quality: 82 })
    .toFile(file);
  const [stored] = await app.strapi
    .plugin('upload')
    .service('upload')
    .upload({
      data: { fileInfo: { name: `${name}.jpg`, alternativeText: `Titelbild ${name}` } },
      files: { filepath: file, originalFilename: `${name}.jpg`, mimetype: 'image/jpeg', size: fs.statSync(file).size },
    });
  return stored.id as number;
}

async function formatsOf(fileId: number): Promise<Record<string, FormatEntry>> {
  const row = await app.strapi.db.query(FILE).findOne({ where: { id: fileId }, select: ['formats'] });
  return (typeof row.formats === 'string' ? JSON.parse(row.formats) : row.formats) ?? {};
}

const copiesOf = async (fileId: number) => Object.entries(await formatsOf(fileId)).filter(([key]) => COPIES.includes(key));

const publicFile = (url: string) => path.join(app.strapi.dirs.static.public, 'uploads', path.basename(url));

beforeAll(async () => {
  app = await startStrapi(ENV);
});

afterAll(async () => {
  await app?.stop();
  fs.rmSync(scratch, { recursive: true, force: true });
  for (const name of Object.keys(ENV)) delete process.env[name];
});

test('an uploaded image gets AVIF and WebP copies at the card widths, stored beside it', async () => {
  const id = await uploadCover('ankommen', '#1f6f8b');
  const copies = Object.fromEntries(await copiesOf(id));
  expect(Object.keys(copies).sort()).toEqual([...COPIES].sort());
  expect([copies['avif-480'].width, copies['avif-480'].height, copies['avif-480'].mime]).toEqual([480, 270, 'image/avif']);
  expect(copies['webp-1080'].mime).toBe('image/webp');
  const avif = await sharp(publicFile(copies['avif-480'].url)).metadata();
  expect([avif.format, avif.width]).toEqual(['heif', 480]);
  const webp = fs.readFileSync(publicFile(copies['webp-320'].url));
  expect(webp.subarray(8, 12).toString('ascii')).toBe('WEBP');
});

test("a draft's copies are private; published, public and in v1's sizes; taken down, private again", async () => {
  const cover = await uploadCover('werkstatt', '#8c5a2b');
  const documentId = await createStory(app.strapi, { title: 'Die Werkstatt am Kanal', region: 'goettingen', themes: ['sprache'], publish: false, data: { cover } });
  const where = async () => (await copiesOf(cover)).map(([, entry]) => entry.url);
  let urls = await where();
  expect(urls).toHaveLength(COPIES.length);
  for (const url of urls) {
    expect(url).toMatch(/^\/media\/private\//);
    expect(fs.existsSync(publicFile(url))).toBe(false);
    expect(fs.existsSync(localPathOf(app.strapi, url)!)).toBe(true);
  }

  await app.strapi.documents(STORY).publish({ documentId });
  urls = await where();
  for (const url of urls) expect(url).toMatch(/^\/uploads\//);
  const story = (await request(app.server).get('/api/v1/stories/die-werkstatt-am-kanal')).body.data;
  const listed = story.cover.sizes.map((s: { name: string; mime: string; width: number }) => [s.name, s.mime, s.width]);
  expect(listed).toEqual(
    expect.arrayContaining([
      ['avif-320', 'image/avif', 320],
      ['webp-320', 'image/webp', 320],
      ['avif-1080', 'image/avif', 1080],
      ['original', 'image/jpeg', 1600],
    ])
  );
  const avifUrl = story.cover.sizes.find((s: { name: string }) => s.name === 'avif-480').url as string;
  expect(avifUrl).toMatch(/^http:\/\/localhost:1337\/uploads\/avif-480_.*\.avif$/);
  const served = await request(app.server).get(new URL(avifUrl).pathname);
  expect([served.status, served.headers['content-type']]).toEqual([200, 'image/avif']);

  await app.strapi.documents(STORY).unpublish({ documentId });
  urls = await where();
  for (const url of urls) {
    expect(url).toMatch(/^\/media\/private\//);
    expect(fs.existsSync(publicFile(url))).toBe(false);
  }
  expect((await request(app.server).get(new URL(avifUrl).pathname)).status).toBe(404);
});

test('the story pages offer the copies in <picture>, AVIF first, the JPEG sizes as the fallback', async () => {
  const cover = await uploadCover('chor', '#003a70');
  await createStory(app.strapi, { title: 'Der Chor am Markt', region: 'goettingen', themes: ['sprache'], data: { cover } });
  for (const page of ['/geschichten', '/geschichten/der-chor-am-markt']) {
    const html = (await request(app.server).get(page)).text;
    const picture = html.match(/<picture>.*?<\/picture>/s)?.[0] ?? '';
    expect(picture).toMatch(/^<picture><source type="image\/avif" srcset="[^"]*\/uploads\/avif-320_[^ ]+ 320w, [^"]*avif-480_[^ ]+ 480w/);
    expect(picture.indexOf('type="image/avif"')).toBeLessThan(picture.indexOf('type="image/webp"'));
    expect(picture).toMatch(/<img src="[^"]+\.jpg" srcset="[^"]*\.jpg \d+w/);
    expect(picture).not.toMatch(/<img [^>]*\.(avif|webp)/);
  }
});

test('at start-up, covers without copies get them once; a second pass finds nothing to do', async () => {
  const cover = await uploadCover('verein', '#d4213d');
  await createStory(app.strapi, { title: 'Im Verein angekommen', region: 'goettingen', themes: ['sprache'], data: { cover } });
  const before = await formatsOf(cover);
  for (const key of COPIES) fs.rmSync(localPathOf(app.strapi, before[key].url)!, { force: true });
  const stripped = Object.fromEntries(Object.entries(before).filter(([key]) => !COPIES.includes(key)));
  await app.strapi.db.query(FILE).update({ where: { id: cover }, data: { formats: stripped } });

  expect(await makeMissingCoverVariants(app.strapi)).toBe(1);
  const made = Object.fromEntries(await copiesOf(cover));
  expect(Object.keys(made).sort()).toEqual([...COPIES].sort());
  for (const entry of Object.values(made)) expect(fs.existsSync(publicFile(entry.url))).toBe(true);
  expect(await makeMissingCoverVariants(app.strapi)).toBe(0);
});
