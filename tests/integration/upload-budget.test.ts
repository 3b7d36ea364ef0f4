import fs from 'fs';
import os from 'os';
import path from 'path';
import request from 'supertest';
import { startStrapi, type TestApp } from '../support/strapi';
import { adult, videoBytes, writtenStory } from '../support/submission';
import { sweepExpiredUploads } from '../../src/plugins/submissions/server/src/intake/lifecycle';
import { UploadStore } from '../../src/plugins/submissions/server/src/intake/upload-store';

/**
 * The upload budget with small numbers: 2 MB per address and day (a partner twice that), 3 MB pending for everyone.
 * Every upload here declares 700 KB. The app sits behind one trusted proxy, so X-Forwarded-For names the client.
 */

const SECRET = 'partner-secret-7f3c9a1e5b';
const ENV = {
  YOUTUBE_SYNC_WORKER: 'false',
  PUBLIC_API_RATE_LIMIT_PER_MINUTE: '0',
  SUBMISSION_RATE_LIMIT_PER_HOUR: '0',
  SUBMISSION_MAX_VIDEO_MB: '1',
  SUBMISSION_PARTNER_SECRET: SECRET,
  UPLOAD_DAILY_MB_PER_ADDRESS: '2',
  UPLOAD_PENDING_BUDGET_MB: '3',
  UPLOAD_PARTNER_BUDGET_FACTOR: '2',
  TRUSTED_PROXIES: '1',
  UPLOAD_TMP_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'zm-budget-')),
};
const SIZE = 700 * 1024;
const tus = { 'Tus-Resumable': '1.0.0' };
const uploadDir = ENV.UPLOAD_TMP_DIR;

let app: TestApp;

const b64 = (text: string) => Buffer.from(text).toString('base64');
const start = (client: string, headers: Record<string, string> = {}) =>
  request(app.server)
    .post('/api/v1/uploads')
    .set({ ...tus, 'Upload-Length': String(SIZE), 'Upload-Metadata': `filename ${b64('Interview.mp4')},filetype ${b64('video/mp4')}`, 'X-Forwarded-For': client, ...headers });
/**
 * Cancels an upload (tus DELETE → 204) and waits until its reservation is given back: tus announces the
 * cancellation after it has answered, so the release lands a moment after the 204.
 */
async function cancel(location: string) {
  expect((await request(app.server).delete(location).set(tus)).status).toBe(204);
  const uploadId = location.split('/').pop();
  for (let i = 0; i < 100; i++) {
    const reservation = await app.strapi.db.query('plugin::submissions.upload-reservation').findOne({ where: { uploadId } });
    if (reservation?.releasedAt) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the reservation of upload ${uploadId} was not released after its cancellation`);
}
const filesOnDisk = () => fs.readdirSync(uploadDir).sort();
const created = async (client: string, headers: Record<string, string> = {}) => {
  const res = await start(client, headers);
  expect(res.status).toBe(201);
  return res.headers.location as string;
};

let firstOfA: string;
let ofB: string;

beforeAll(async () => {
  app = await startStrapi(ENV);
});

afterAll(async () => {
  await app?.stop();
  for (const name of Object.keys(ENV)) delete process.env[name];
  fs.rmSync(uploadDir, { recursive: true, force: true });
});

test('beyond its daily budget an address is refused with 429, Retry-After and the limit in German and English', async () => {
  firstOfA = await created('203.0.113.1');
  await created('203.0.113.1');
  const before = filesOnDisk();
  const refused = await start('203.0.113.1');
  expect(refused.status).toBe(429);
  expect(Number(refused.headers['retry-after'])).toBeGreaterThan(23 * 3600);
  expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(24 * 3600);
  expect(refused.text).toContain('Tagesgrenze: 2 MB je Adresse');
  expect(refused.text).toContain('daily limit: 2 MB per address');
  expect(refused.text).toContain('Bitte versuchen Sie es in 24 Stunden noch einmal.');
  expect(filesOnDisk()).toEqual(before);
  ofB = await created('203.0.113.2');
});

test('beyond the budget of all pending uploads everyone is refused with 503 and Retry-After, partners too', async () => {
  await created('203.0.113.3');
  const before = filesOnDisk();
  for (const headers of [{}, { 'X-Submission-Secret': SECRET }] as Record<string, string>[]) {
    const refused = await start('203.0.113.4', headers);
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('900');
    expect(refused.text).toContain('der Speicherplatz für laufende Uploads (für alle zusammen) ist voll');
    expect(refused.text).toContain('the storage for uploads in progress (for everyone together) is full');
  }
  expect(filesOnDisk()).toEqual(before);
});

test('an upload taken by a submission gives its bytes back', async () => {
  const video = videoBytes(SIZE);
  const sent = await request(app.server)
    .patch(firstOfA)
    .set({ ...tus, 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' })
    .send(video);
  expect(sent.status).toBe(204);
  const submitted = await request(app.server)
    .post('/api/v1/submissions')
    .set('X-Forwarded-For', '203.0.113.1')
    .send(writtenStory({ people: [adult('Amal Haddad')], videoUpload: firstOfA }));
  expect(submitted.status).toBe(201);
  await created('203.0.113.4');
});

test('a cancelled upload (tus DELETE) gives its bytes back', async () => {
  expect((await start('203.0.113.5')).status).toBe(503);
  await cancel(ofB);
  expect(filesOnDisk()).not.toContain(ofB.split('/').pop());
  await created('203.0.113.5');
});

test('expired uploads give their bytes back when the sweep removes them', async () => {
  expect((await start('203.0.113.6')).status).toBe(503);
  const store = new UploadStore(uploadDir);
  expect(await sweepExpiredUploads(app.strapi, store, new Date(Date.now() + 49 * 3600 * 1000))).toBe(4);
  expect(filesOnDisk()).toEqual([]);
  await created('203.0.113.6');
});

test('the partner secret raises the daily budget of an address, but does not remove it', async () => {
  const partner = { 'X-Submission-Secret': SECRET };
  for (let i = 0; i < 5; i++) await cancel(await created('198.51.100.50', partner));
  const refused = await start('198.51.100.50', partner);
  expect(refused.status).toBe(429);
  expect(refused.text).toContain('Tagesgrenze: 4 MB je Adresse');
  const anonymous = await start('198.51.100.50');
  expect(anonymous.status).toBe(429);
  expect(anonymous.text).toContain('Tagesgrenze: 2 MB je Adresse');
});

test('uploads started at the same moment never share the last free bytes', async () => {
  // 0.7 MB pending (the upload after the sweep), so three more fit into 3 MB; six different clients try at once.
  const answers = await Promise.all([11, 12, 13, 14, 15, 16].map((n) => start(`203.0.113.${n}`)));
  expect(answers.map((a) => a.status).sort()).toEqual([201, 201, 201, 503, 503, 503]);
});
