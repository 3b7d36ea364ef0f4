import fs from 'fs';
import os from 'os';
import path from 'path';
import { Client } from 'pg';
import request from 'supertest';
import type { Emulator } from '../../src/youtube-emulator';
import { spawnApp, type AppInstance } from '../support/app-instances';
import { createTestDatabase, currentBackend, type TestDatabase } from '../support/database';
import { eventually } from '../support/eventually';
import { PRIVATE_BUCKET, s3ServerMissing, startS3Server, type S3Server } from '../support/s3-server';
import { adult, videoBytes, writtenStory } from '../support/submission';
import { testEnvironment } from '../support/test-env';
import { startYouTube, youtubeEnv } from '../support/youtube';

/**
 * Two app processes on one PostgreSQL, Redis and S3 store, as the compose file runs them: they start together on an
 * empty database, one is killed in the middle of an upload, the other carries on, and nothing is lost or done
 * twice. PostgreSQL pass only: SQLite is the single-instance database.
 */

const why = currentBackend() !== 'postgres' ? 'SQLite is the single-instance database: the two-instance test runs in the PostgreSQL pass' : s3ServerMissing();
if (why) console.log(why);

const ADMIN = { email: 'redaktion@example.org', password: 'Zusammen-Mehr-2026' };
const tus = { 'Tus-Resumable': '1.0.0' };
const b64 = (text: string) => Buffer.from(text).toString('base64');
const VIDEO = videoBytes(512 * 1024);
const FIRST_PART = 200 * 1024;

let s3: S3Server;
let youtube: Emulator;
let database: TestDatabase;
let env: Record<string, string>;
let a: AppInstance;
let b: AppInstance;
const folders = { a: fs.mkdtempSync(path.join(os.tmpdir(), 'zm-a-')), b: fs.mkdtempSync(path.join(os.tmpdir(), 'zm-b-')) };

async function sql<T>(query: string, values: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: database.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(query, values)).rows as T[];
  } finally {
    await client.end();
  }
}

const startA = () => spawnApp({ ...env, UPLOAD_TMP_DIR: folders.a });
const slugsOn = async (instance: AppInstance) =>
  ((await request(instance.url).get('/api/v1/stories?pageSize=100')).body.data as { slug: string }[]).map((s) => s.slug);

(why ? describe.skip : describe)('two app instances on PostgreSQL, Redis and S3 (PostgreSQL pass only)', () => {
  beforeAll(async () => {
    [s3, youtube] = await Promise.all([startS3Server(), startYouTube()]);
    database = await createTestDatabase('postgres', { empty: true });
    env = {
      ...testEnvironment(),
      ...database.env,
      ...s3.env,
      ...youtubeEnv(youtube, { YOUTUBE_SYNC_WORKER: 'true', YOUTUBE_SYNC_INTERVAL_MS: '200' }),
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      PUBLIC_API_RATE_LIMIT_PER_MINUTE: '0',
      SUBMISSION_RATE_LIMIT_PER_HOUR: '0',
    };
    [a, b] = await Promise.all([startA(), spawnApp({ ...env, UPLOAD_TMP_DIR: folders.b })]);
  }, 600_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await youtube?.close();
    await s3?.stop();
    await database?.drop();
    for (const dir of Object.values(folders)) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('started at the same moment on an empty database, they seed reference data, legal pages and the administrator once', async () => {
    const count = async (table: string, where = '') => Number((await sql<{ n: string }>(`SELECT count(*) AS n FROM ${table} ${where}`))[0].n);
    expect(await count('regions')).toBe(45);
    expect(await count('themes')).toBe(JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'database', 'seed', 'themes.json'), 'utf8')).length);
    for (const table of ['imprints', 'privacy_policies', 'participation_terms', 'accessibility_statements']) expect(await count(table)).toBe(1);
    expect(await count('admin_users', `WHERE email = '${ADMIN.email}'`)).toBe(1);
  });

  test('an upload begun on A resumes on B after A crashed; B approves, A restarted publishes; one video, no lost file, both caches drop the withdrawn story', async () => {
    const created = await request(a.url)
      .post('/api/v1/uploads')
      .set({ ...tus, 'Upload-Length': String(VIDEO.length), 'Upload-Metadata': `filename ${b64('Interview.mp4')},filetype ${b64('video/mp4')}` });
    expect(created.status).toBe(201);
    const id = path.posix.basename(created.headers.location as string);
    const first = await request(a.url)
      .patch(`/api/v1/uploads/${id}`)
      .set({ ...tus, 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' })
      .send(VIDEO.subarray(0, FIRST_PART));
    expect(first.status).toBe(204);
    await a.kill();

    const offset = await request(b.url).head(`/api/v1/uploads/${id}`).set(tus);
    expect(offset.headers['upload-offset']).toBe(String(FIRST_PART));
    const rest = await request(b.url)
      .patch(`/api/v1/uploads/${id}`)
      .set({ ...tus, 'Upload-Offset': String(FIRST_PART), 'Content-Type': 'application/offset+octet-stream' })
      .send(VIDEO.subarray(FIRST_PART));
    expect(rest.status).toBe(204);
    const submitted = await request(b.url)
      .post('/api/v1/submissions')
      .send(writtenStory({ title: 'Zwei Instanzen, eine Geschichte', people: [adult('Amal Haddad')], videoUpload: id }));
    expect(submitted.status).toBe(201);
    const [story] = await sql<{ document_id: string; slug: string }>('SELECT document_id, slug FROM stories WHERE reference_number = $1 LIMIT 1', [
      submitted.body.referenceNumber,
    ]);

    const login = await request(b.url).post('/admin/login').send(ADMIN);
    expect(login.status).toBe(200);
    const auth = { Authorization: `Bearer ${login.body.data.token as string}` };
    for (const to of ['in_review', 'approved']) {
      expect((await request(b.url).post(`/submissions/review/submissions/${story.document_id}/status`).set(auth).send({ to })).status).toBe(200);
    }

    a = await startA();
    const published = await request(a.url).post(`/content-manager/collection-types/api::story.story/${story.document_id}/actions/publish`).set(auth).send({});
    expect(published.status).toBe(200);
    await eventually(async () => expect(youtube.videos()).toHaveLength(1), 120_000, 250);
    await eventually(async () => {
      for (const instance of [a, b]) expect(await slugsOn(instance)).toContain(story.slug);
    }, 30_000, 100);

    const withdrawn = await request(b.url).post(`/submissions/review/submissions/${story.document_id}/withdraw`).set(auth).send({ scope: 'all' });
    expect(withdrawn.status).toBe(200);
    await eventually(async () => {
      for (const instance of [a, b]) expect(await slugsOn(instance)).not.toContain(story.slug);
    }, 30_000, 100);
    await eventually(async () => {
      const [job] = await sql<{ status: string }>('SELECT status FROM youtube_sync_jobs WHERE story_document_id = $1', [story.document_id]);
      expect(job.status).toBe('done');
    }, 120_000, 250);

    expect(youtube.videos()).toHaveLength(1);
    const [video] = await sql<{ url: string }>(
      `SELECT f.url FROM files f JOIN files_related_mph m ON m.file_id = f.id JOIN stories s ON s.id = m.related_id
       WHERE m.related_type = 'api::story.story' AND m.field = 'video' AND s.document_id = $1 LIMIT 1`,
      [story.document_id]
    );
    expect(Buffer.compare(await s3.bytes(PRIVATE_BUCKET, path.posix.basename(video.url)), VIDEO)).toBe(0);
    expect((await s3.keys(PRIVATE_BUCKET)).filter((key) => key.startsWith(id))).toEqual([]);
  }, 600_000);
});
