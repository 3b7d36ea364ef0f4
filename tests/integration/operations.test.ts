import fs from 'fs';
import os from 'os';
import path from 'path';
import request from 'supertest';
import { Writable } from 'stream';
import { createTestDatabase, currentBackend } from '../support/database';
import { documentedVariables, imageEnvironment, serviceEnvironment } from '../support/compose';
import { sharedModule } from '../support/shared-modules';
import { startStrapiWithEnvironment, type TestApp } from '../support/strapi';
import { testEnvironment } from '../support/test-env';

/**
 * One app instance as compose.yaml runs it — the image's ENV plus the app-a service's environment, interpolated
 * from what an operator's .env would hold — with the service host names pointed at the local PostgreSQL and Redis
 * and the container's /app paths at a temporary folder. Health, readiness, metrics and the JSON request log are
 * checked on it. The compose file runs PostgreSQL, so this file runs in the PostgreSQL pass.
 */

/** The app's winston: a transport of another copy would not be recognised as one. */
const { winston } = sharedModule<typeof import('@strapi/logger')>('@strapi/logger');

const SYNC_JOB = 'plugin::youtube-sync.sync-job';
const METRICS_TOKEN = 'metrics-token-for-the-test-0123456789';
const onPostgres = currentBackend() === 'postgres';
const describeOnPostgres = onPostgres ? describe : describe.skip;
if (!onPostgres) console.log('operations.test.ts runs in the PostgreSQL pass (TEST_DATABASE=postgres): the compose file runs PostgreSQL.');

let app: TestApp;
let dataDir: string;
let composeEnv: Record<string, string>;
const logLines: Record<string, unknown>[] = [];

const SECRETS = ['APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY'];

/** What the operator's .env holds; STORAGE_DRIVER=local because no S3 server runs here. */
const dotEnv = () => ({
  ...Object.fromEntries(Object.entries(testEnvironment()).filter(([key]) => SECRETS.includes(key))),
  PUBLIC_URL: 'https://geschichten.example.org',
  POSTGRES_PASSWORD: 'replaced-by-the-test-database',
  S3_SECRET_ACCESS_KEY: 'not-used-with-local-storage',
  STORAGE_DRIVER: 'local',
  METRICS_TOKEN,
  METRICS_ALLOW: '10.89.0.0/16',
});

/** Service host names → the local services; the container's /app/… folders → a temporary folder. */
function localised(env: Record<string, string>, database: URL): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    out[key] = (key.endsWith('_HOST') ? value.replace(/^(postgres|redis|minio)$/, '127.0.0.1') : value)
      .replace(/\/\/(postgres|redis|minio)(?=[:/]|$)/, '//127.0.0.1')
      .replace(/^\/app\/\.data\//, `${dataDir}/`);
  }
  return {
    ...out,
    DATABASE_HOST: database.hostname,
    DATABASE_PORT: database.port || '5432',
    DATABASE_NAME: database.pathname.slice(1),
    DATABASE_USERNAME: decodeURIComponent(database.username),
    DATABASE_PASSWORD: decodeURIComponent(database.password),
  };
}

beforeAll(async () => {
  if (!onPostgres) return;
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zm-compose-'));
  const database = await createTestDatabase('postgres');
  composeEnv = serviceEnvironment('app-a', dotEnv());
  const environment = { ...imageEnvironment(), ...localised(composeEnv, new URL(database.env.DATABASE_URL)) };
  const cleared = [...documentedVariables(), 'DATABASE_URL', 'PUBLIC_DIR', 'TEST_DATABASE_URL'];
  app = await startStrapiWithEnvironment(environment, cleared, database);
  const console = app.strapi.log.transports.find((t) => t instanceof winston.transports.Console);
  if (console) console.silent = true;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  });
  app.strapi.log.add(new winston.transports.Stream({ stream: sink }));
});

afterAll(async () => {
  await app?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

const scrape = (token?: string) => {
  const req = request(app.server).get('/metrics');
  return token ? req.set('Authorization', `Bearer ${token}`) : req;
};

/** The value of one sample in Prometheus text format, or undefined when the series is absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)(?:\{([^}]*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = (match[2] ?? '').split(',').filter(Boolean);
    if (wanted.length === have.length && wanted.every((l) => have.includes(l))) return Number(match[3]);
  }
  return undefined;
}

describeOnPostgres('an app instance with the environment compose.yaml gives it', () => {
  test('boots on PostgreSQL and Redis as a production instance with JSON logs', () => {
    expect(composeEnv).toMatchObject({ NODE_ENV: 'production', DATABASE_CLIENT: 'postgres', DATABASE_HOST: 'postgres', LOG_FORMAT: 'json', YOUTUBE_SYNC_WORKER: 'true' });
    expect(process.env.NODE_ENV).toBe('production');
    expect(process.env.RATE_LIMIT_REDIS_URL).toBe('redis://127.0.0.1:6379');
  });

  test('/_health answers that the process is alive, /_ready that database, Redis and storage answer', async () => {
    const health = await request(app.server).get('/_health').expect(200);
    expect(health.body).toEqual({ status: 'ok' });
    expect(health.headers['cache-control']).toBe('no-store');
    const ready = await request(app.server).get('/_ready').expect(200);
    expect(ready.body).toEqual({ status: 'ready', components: { database: 'ok', redis: 'ok', storage: 'ok', shutdown: 'ok' } });
  });

  test('/_ready answers 503 and names the storage when the upload folder is gone', async () => {
    const uploads = path.join(dataDir, 'uploads');
    fs.rmSync(uploads, { recursive: true, force: true });
    try {
      const answer = await request(app.server).get('/_ready').expect(503);
      expect(answer.body.status).toBe('not ready');
      expect(answer.body.components.database).toBe('ok');
      expect(answer.body.components.storage).toContain(uploads);
    } finally {
      fs.mkdirSync(uploads, { recursive: true });
    }
  });

  test('/metrics wants the token from an address outside METRICS_ALLOW, and refuses a wrong one', async () => {
    const without = await scrape().expect(401);
    expect(without.headers['www-authenticate']).toContain('Bearer');
    await scrape('wrong-token').expect(401);
    const scraped = await scrape(METRICS_TOKEN).expect(200);
    expect(scraped.headers['content-type']).toContain('text/plain');
    expect(scraped.text).toContain('# TYPE zm_http_requests_total counter');
  });

  test('requests count under their route pattern, cache hits and misses apart', async () => {
    const before = (await scrape(METRICS_TOKEN)).text;
    await request(app.server).get('/api/v1/stories?pageSize=3').expect(200);
    await request(app.server).get('/api/v1/stories?pageSize=3').expect(200);
    await request(app.server).get('/api/v1/stories/keine-solche-geschichte').expect(404);
    const after = (await scrape(METRICS_TOKEN)).text;
    const delta = (name: string, labels?: Record<string, string>) => (sample(after, name, labels) ?? 0) - (sample(before, name, labels) ?? 0);
    expect(delta('zm_http_requests_total', { method: 'GET', route: '/api/v1/stories', status: '200' })).toBe(2);
    expect(delta('zm_http_requests_total', { method: 'GET', route: '/api/v1/stories/:slug', status: '404' })).toBe(1);
    expect(after).not.toContain('keine-solche-geschichte');
    expect(delta('zm_front_cache_hits_total')).toBeGreaterThanOrEqual(1);
    expect(delta('zm_front_cache_misses_total')).toBeGreaterThanOrEqual(1);
  });

  test('the sync queue depth by status is read from the database when scraped', async () => {
    const jobs = app.strapi.db.query(SYNC_JOB);
    const now = new Date();
    for (const [storyDocumentId, status] of [['m1', 'pending'], ['m2', 'pending'], ['m3', 'failed'], ['m4', 'done']] as const) {
      await jobs.create({ data: { storyDocumentId, status, runAt: new Date(now.getTime() + 3600_000), requestedAt: now } });
    }
    const text = (await scrape(METRICS_TOKEN)).text;
    for (const status of ['pending', 'running', 'failed', 'done']) {
      expect(sample(text, 'zm_sync_jobs', { status })).toBe(await jobs.count({ where: { status } }));
    }
    expect(sample(text, 'zm_sync_jobs', { status: 'pending' })).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'zm_youtube_quota', { resource: 'units', kind: 'left' })).toBe(10000 - (sample(text, 'zm_youtube_quota', { resource: 'units', kind: 'used' }) ?? NaN));
    expect(sample(text, 'zm_upload_pending_bytes')).toBe(0);
    expect(sample(text, 'zm_report_exports', { status: 'queued' })).toBe(0);
    expect(sample(text, 'zm_outbox_mails', { status: 'pending' })).toBeDefined();
  });

  test('each request log line is one JSON object with a request id, echoed in X-Request-Id when well-formed', async () => {
    const given = await request(app.server).get('/api/v1/regions').set('X-Request-Id', 'proxy-7f3a.42').expect(200);
    expect(given.headers['x-request-id']).toBe('proxy-7f3a.42');
    const line = logLines.find((l) => l.requestId === 'proxy-7f3a.42');
    expect(line).toEqual({
      level: 'http',
      message: expect.stringContaining('GET /api/v1/regions'),
      requestId: 'proxy-7f3a.42',
      method: 'GET',
      url: '/api/v1/regions',
      status: 200,
      durationMs: expect.any(Number),
      client: '127.0.0.1',
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    const forged = await request(app.server).get('/api/v1/keine-solche-route').set('X-Request-Id', 'evil\tid "quoted"').expect(404);
    expect(forged.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
