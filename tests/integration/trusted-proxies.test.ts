import fs from 'fs';
import os from 'os';
import path from 'path';
import request from 'supertest';
import { startStrapi, type TestApp } from '../support/strapi';

/**
 * Rate limits count per client. Without a trusted proxy a client cannot pick its bucket by sending X-Forwarded-For;
 * behind one trusted proxy (TRUSTED_PROXIES=1) each real client has its own bucket, and what a client writes to the
 * left of the proxy's entry does not move it.
 */

const ENV = {
  YOUTUBE_SYNC_WORKER: 'false',
  PUBLIC_API_RATE_LIMIT_PER_MINUTE: '3',
  // Answers from the cache have a generous limit of their own; the strict one is the one under test here.
  PUBLIC_API_CACHE: 'false',
  SUBMISSION_RATE_LIMIT_PER_HOUR: '2',
  UPLOAD_TMP_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'zm-proxies-')),
};

let app: TestApp;
let spoof = 0;
/** A different made-up client address on every call, as an abuser rotating X-Forwarded-For would send. */
const rotating = () => `198.18.${Math.floor(spoof / 250)}.${(spoof++ % 250) + 1}`;

const themes = (forwardedFor: string) => request(app.server).get('/api/v1/themes').set('X-Forwarded-For', forwardedFor);
const startUpload = (forwardedFor: string) =>
  request(app.server)
    .post('/api/v1/uploads')
    .set({
      'Tus-Resumable': '1.0.0',
      'Upload-Length': '1000',
      'Upload-Metadata': `filename ${Buffer.from('a.mp4').toString('base64')},filetype ${Buffer.from('video/mp4').toString('base64')}`,
      'X-Forwarded-For': forwardedFor,
    });

const statusesOf = async (count: number, send: () => Promise<request.Response>) => {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) statuses.push((await send()).status);
  return statuses;
};

beforeAll(async () => {
  app = await startStrapi(ENV);
});

afterAll(async () => {
  await app?.stop();
  for (const name of [...Object.keys(ENV), 'TRUSTED_PROXIES']) delete process.env[name];
  fs.rmSync(ENV.UPLOAD_TMP_DIR, { recursive: true, force: true });
});

describe('clients connecting directly (no trusted proxy)', () => {
  test('a rotating X-Forwarded-For does not open a new bucket in the public API', async () => {
    expect(await statusesOf(4, () => themes(rotating()))).toEqual([200, 200, 200, 429]);
  });

  test('nor for starting uploads', async () => {
    expect(await statusesOf(3, () => startUpload(rotating()))).toEqual([201, 201, 429]);
  });

  test('the request log names the connecting peer, not the header', async () => {
    const log = jest.spyOn(app.strapi.log, 'http');
    await request(app.server).get('/mitmachen').set('X-Forwarded-For', '198.51.100.99');
    const line = log.mock.calls.map(([message]) => String(message)).find((m) => m.startsWith('GET /mitmachen'));
    log.mockRestore();
    expect(line).toMatch(/ from 127\.0\.0\.1$/);
  });
});

describe('behind one trusted proxy (TRUSTED_PROXIES=1)', () => {
  beforeAll(async () => {
    app = await app.restart({ ...ENV, TRUSTED_PROXIES: '1' });
  });

  test('two clients behind the proxy have separate buckets; the left-most value cannot choose one', async () => {
    expect(await statusesOf(4, () => themes(`${rotating()}, 203.0.113.10`))).toEqual([200, 200, 200, 429]);
    expect(await statusesOf(3, () => themes('203.0.113.11'))).toEqual([200, 200, 200]);
    expect((await themes(`203.0.113.11, 203.0.113.10`)).status).toBe(429);
  });

  test('the same for starting uploads', async () => {
    expect(await statusesOf(3, () => startUpload(`${rotating()}, 203.0.113.20`))).toEqual([201, 201, 429]);
    expect((await startUpload('203.0.113.21')).status).toBe(201);
  });

  test('the request log names the client the proxy saw', async () => {
    const log = jest.spyOn(app.strapi.log, 'http');
    await request(app.server).get('/mitmachen').set('X-Forwarded-For', '6.6.6.6, 198.51.100.99');
    const line = log.mock.calls.map(([message]) => String(message)).find((m) => m.startsWith('GET /mitmachen'));
    log.mockRestore();
    expect(line).toMatch(/ from 198\.51\.100\.99$/);
  });
});
