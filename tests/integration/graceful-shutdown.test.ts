import http from 'http';
import type { Emulator } from '../../src/youtube-emulator';
import { startStrapi, type TestApp } from '../support/strapi';
import { createStory } from '../support/fixtures';
import { addVideoFile } from '../support/media';
import { eventually } from '../support/eventually';
import { spawnSupportProcess, startYouTube, youtubeEnv, type WorkerProcess } from '../support/youtube';

/**
 * SIGTERM to a serving instance (tests/support/serving-process.ts) while a request is in flight and a sync job hangs
 * in its upload: the instance reports itself not ready at once, finishes the request, claims nothing new, hands the
 * hung job back to the queue when SHUTDOWN_TIMEOUT_SECONDS are up, and exits with 0.
 */

const SYNC_JOB = 'plugin::youtube-sync.sync-job';
let app: TestApp;
let youtube: Emulator;
let serving: WorkerProcess | undefined;

beforeAll(async () => {
  youtube = await startYouTube();
  app = await startStrapi(youtubeEnv(youtube));
});
afterAll(async () => {
  if (serving && serving.child.exitCode === null) serving.child.kill('SIGKILL');
  await app?.stop();
  await youtube?.close();
});

function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, agent: false }, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

/** A POST whose body arrives in two parts: in flight on the server from its headers until `finish` sends the rest. */
function slowPost(port: number, path: string, body: string) {
  const bytes = Buffer.from(body);
  const half = Math.floor(bytes.length / 2);
  const req = http.request({ host: '127.0.0.1', port, path, method: 'POST', agent: false, headers: { 'Content-Type': 'application/json', 'Content-Length': String(bytes.length) } });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
  });
  req.write(bytes.subarray(0, half));
  return { answer, finish: () => req.end(bytes.subarray(half)) };
}

/** The port the serving process prints once it listens; its output when it exits before. */
function listeningPort(serving: WorkerProcess): Promise<number> {
  let stdout = '';
  return new Promise((resolve, reject) => {
    serving.child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /\{"port":(\d+)\}/.exec(stdout);
      if (match) resolve(Number(match[1]));
    });
    void serving.done.then((exit) => reject(new Error(`the serving process exited with ${exit.code} before it listened:\n${exit.stdout}\n${exit.stderr}`)));
  });
}

describe('an instance that gets SIGTERM', () => {
  test('drains: not ready at once, the request in flight completes, the hung job goes back to the queue, exit 0', async () => {
    const jobs = app.strapi.db.query(SYNC_JOB);
    for (const title of ['Erste Geschichte beim Herunterfahren', 'Zweite Geschichte beim Herunterfahren']) {
      const video = await addVideoFile(app.strapi, title.replace(/\W+/g, '-'));
      await createStory(app.strapi, { title, region: 'stade', themes: ['arbeit'], data: { video: video.id } });
    }
    expect(await jobs.count({ where: { status: 'pending' } })).toBe(2);
    youtube.setFaults({ latencyMs: 120_000, errorEndpoints: ['videos.insert.upload'] });

    serving = spawnSupportProcess('serving-process.ts', { YOUTUBE_SYNC_WORKER: 'true', YOUTUBE_SYNC_INTERVAL_MS: '100', SHUTDOWN_TIMEOUT_SECONDS: '8', LOG_LEVEL: 'info' });
    const child = serving;
    const port = await listeningPort(child);
    process.stderr.write(`DEBUG port ${port}\n`);
    await eventually(async () => expect(await jobs.count({ where: { status: 'running' } })).toBe(1), 60_000, 100);
    process.stderr.write(`DEBUG running\n`);
    const running = await jobs.findOne({ where: { status: 'running' } });
    expect((await get(port, '/_ready')).status).toBe(200);

    const inFlight = slowPost(port, '/api/v1/submissions', JSON.stringify({ story: { title: 'Unvollständig' } }));
    await eventually(async () => expect((await get(port, '/_health')).status).toBe(200), 5000, 50);
    child.child.kill('SIGTERM');
    await eventually(async () => {
      const ready = await get(port, '/_ready');
      expect(ready.status).toBe(503);
      expect(JSON.parse(ready.body).components.shutdown).toBe('shutting down');
    }, 5000, 50);
    process.stderr.write(`DEBUG 503 seen\n`);
    inFlight.finish();
    const answer = await inFlight.answer;
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(JSON.parse(answer.body).error.status).toBe(answer.status);

    process.stderr.write(`DEBUG answered ${answer.status}\n`);
    const exit = await child.done;
    process.stderr.write(`DEBUG exit ${exit.code} ${exit.stdout.slice(-3000)} ${exit.stderr.slice(-3000)}\n`);
    expect({ code: exit.code, signal: exit.signal }).toEqual({ code: 0, signal: null });
    expect(exit.stdout + exit.stderr).toContain('went back to the queue');
    const released = await jobs.findOne({ where: { id: running.id } });
    expect(released).toMatchObject({ status: 'pending', lockToken: null, leaseExpiresAt: null, attempts: 0 });
    const other = await jobs.findOne({ where: { id: { $ne: running.id }, storyDocumentId: { $ne: running.storyDocumentId } } });
    expect(other).toMatchObject({ status: 'pending', attempts: 0, startedAt: null, lockToken: null });
  }, 300_000);
});
