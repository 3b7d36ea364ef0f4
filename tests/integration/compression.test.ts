import http from 'http';
import zlib from 'zlib';
import { originOf } from '../support/raw-request';
import { startStrapi, type TestApp } from '../support/strapi';
import { createStory } from '../support/fixtures';

/**
 * What a visitor's phone receives: answers in brotli or gzip as its Accept-Encoding prefers, each coding under its
 * own ETag and revalidated on its own, the same bytes once decoded; and the story pages and the iframe page answered
 * from the cache with the very headers of their first answer, fresh after every change.
 */

const STORY = 'api::story.story';
const ENV = { YOUTUBE_SYNC_WORKER: 'false', PUBLIC_API_RATE_LIMIT_PER_MINUTE: '0', PUBLIC_API_CACHED_RATE_LIMIT_PER_MINUTE: '0', PUBLIC_URL: 'http://localhost:1337' };

let app: TestApp;
let storyId: string;

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The bytes as sent, still encoded. */
  raw: Buffer;
}

/** A GET whose body is kept as sent (supertest would decode it and ask for gzip by itself). */
async function get(target: string, headers: http.OutgoingHttpHeaders = {}, method = 'GET'): Promise<Answer> {
  const { port } = new URL(await originOf(app.server));
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: target, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, raw: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

function decoded(answer: Answer): string {
  const coding = answer.headers['content-encoding'];
  if (coding === 'br') return zlib.brotliDecompressSync(answer.raw).toString('utf8');
  if (coding === 'gzip') return zlib.gunzipSync(answer.raw).toString('utf8');
  expect(coding).toBeUndefined();
  return answer.raw.toString('utf8');
}

/** Headers that differ between any two answers (the clock, the connection). */
const comparable = (headers: http.IncomingHttpHeaders) => {
  const { date: _date, connection: _connection, 'keep-alive': _keepAlive, ...rest } = headers;
  return rest;
};

beforeAll(async () => {
  app = await startStrapi(ENV);
  for (let i = 1; i <= 8; i++) {
    const id = await createStory(app.strapi, {
      title: `Geschichte ${i} vom Sprachcafe`,
      region: 'goettingen',
      themes: ['sprache'],
      data: { teaser: `Wie Menschen in Göttingen zusammenfinden: Sprachcafé, Ausbildung und Verein, Teil ${i}.` },
    });
    if (i === 1) storyId = id;
  }
});

afterAll(async () => {
  await app?.stop();
  for (const name of Object.keys(ENV)) delete process.env[name];
});

const ENDPOINTS = ['/api/v1/stories', '/api/v1/stories.atom', '/geschichten', '/geschichten/geschichte-1-vom-sprachcafe', '/embed/stories?region=goettingen'];

describe.each(ENDPOINTS)('%s', (url) => {
  test('is sent in the coding the client prefers, each under its own ETag, the same bytes once decoded', async () => {
    const identity = await get(url);
    const br = await get(url, { 'Accept-Encoding': 'gzip, deflate, br' });
    const gzip = await get(url, { 'Accept-Encoding': 'gzip;q=1, br;q=0.5' });
    const refused = await get(url, { 'Accept-Encoding': 'br;q=0, gzip;q=0, identity' });
    expect([identity, br, gzip, refused].map((a) => [a.status, a.headers['content-encoding']])).toEqual([
      [200, undefined],
      [200, 'br'],
      [200, 'gzip'],
      [200, undefined],
    ]);
    for (const answer of [identity, br, gzip]) {
      expect(answer.headers.vary).toMatch(/(^|, )Accept-Encoding$/);
      expect(Number(answer.headers['content-length'])).toBe(answer.raw.length);
      expect(decoded(answer)).toBe(identity.raw.toString('utf8'));
    }
    expect(br.raw.length).toBeLessThan(identity.raw.length / 2);
    expect(gzip.raw.length).toBeLessThan(identity.raw.length / 2);
    const tag = identity.headers.etag!;
    expect(tag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect([br.headers.etag, gzip.headers.etag, refused.headers.etag]).toEqual([tag.replace(/"$/, '-br"'), tag.replace(/"$/, '-gz"'), tag]);
  });

  test('revalidates each coding against its own ETag', async () => {
    const br = await get(url, { 'Accept-Encoding': 'br' });
    const gzip = await get(url, { 'Accept-Encoding': 'gzip' });
    const sameBr = await get(url, { 'Accept-Encoding': 'br', 'If-None-Match': br.headers.etag! });
    expect([sameBr.status, sameBr.headers.etag, sameBr.raw.length]).toEqual([304, br.headers.etag, 0]);
    expect((await get(url, { 'Accept-Encoding': 'gzip', 'If-None-Match': gzip.headers.etag! })).status).toBe(304);
    // The brotli copy is no copy of the gzip variant: the client gets the body.
    const crossed = await get(url, { 'Accept-Encoding': 'gzip', 'If-None-Match': br.headers.etag! });
    expect([crossed.status, crossed.headers['content-encoding']]).toEqual([200, 'gzip']);
    const plain = await get(url, { 'If-None-Match': gzip.headers.etag! });
    expect([plain.status, plain.headers['content-encoding']]).toEqual([200, undefined]);
  });
});

test('small answers are sent as they are, without Vary: Accept-Encoding', async () => {
  const answer = await get('/api/v1/stories?pageSize=1&region=emden', { 'Accept-Encoding': 'br, gzip' });
  expect(answer.status).toBe(200);
  expect(answer.raw.length).toBeLessThan(1024);
  expect(answer.headers['content-encoding']).toBeUndefined();
  expect(answer.headers.vary).toBe('Origin');
});

describe('pages from the cache', () => {
  const PAGES = ['/geschichten', '/geschichten?region=goettingen', '/geschichten/geschichte-2-vom-sprachcafe', '/embed/stories?region=goettingen&lang=en'];

  test.each(PAGES)('%s: a hit carries exactly the headers of the first answer', async (url) => {
    for (const coding of [undefined, 'br', 'gzip']) {
      const headers = coding ? { 'Accept-Encoding': coding } : {};
      const first = await get(url, headers);
      const second = await get(url, headers);
      const third = await get(url, headers);
      expect(first.status).toBe(200);
      expect(comparable(second.headers)).toEqual(comparable(first.headers));
      expect(comparable(third.headers)).toEqual(comparable(first.headers));
      expect(third.raw.equals(first.raw)).toBe(true);
      const revalidated = await get(url, { ...headers, 'If-None-Match': first.headers.etag! });
      expect([revalidated.status, revalidated.headers.etag]).toEqual([304, first.headers.etag]);
    }
  });

  test('an unchanged page answers with the same ETag; a change through the Document Service shows on the next request', async () => {
    const url = '/geschichten/geschichte-1-vom-sprachcafe';
    const before = await get(url);
    expect((await get(url)).headers.etag).toBe(before.headers.etag);
    const list = await get('/geschichten');
    await app.strapi.documents(STORY).update({ documentId: storyId, data: { teaser: 'Ein neuer Vorspann für das Sprachcafé.' } as never });
    await app.strapi.documents(STORY).publish({ documentId: storyId });
    const after = await get(url, { 'If-None-Match': before.headers.etag! });
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(decoded(after)).toContain('Ein neuer Vorspann für das Sprachcafé.');
    const listAfter = await get('/geschichten');
    expect(listAfter.headers.etag).not.toBe(list.headers.etag);
    expect(decoded(listAfter)).toContain('Ein neuer Vorspann für das Sprachcafé.');
  });

  test('problem pages are never kept: a story published after a 404 is found at once', async () => {
    const url = '/geschichten/neu-online';
    expect((await get(url)).status).toBe(404);
    expect((await get(url)).status).toBe(404);
    await createStory(app.strapi, { title: 'Neu online', region: 'goettingen', themes: ['sprache'] });
    const found = await get(url);
    expect(found.status).toBe(200);
    expect(decoded(found)).toContain('Neu online');
  });
});

describe('the widget scripts', () => {
  test('the stable /embed/stories.js is a small loader, cached a minute, that names the widget by its content', async () => {
    const loader = await get('/embed/stories.js', { 'Accept-Encoding': 'br' });
    expect([loader.status, loader.headers['content-type'], loader.headers['cache-control']]).toEqual([
      200,
      'application/javascript; charset=utf-8',
      'public, max-age=60',
    ]);
    const [widgetPath] = decoded(loader).match(/\/embed\/stories\.[0-9a-f]{16}\.js/) ?? [];
    expect(widgetPath).toBeDefined();
    expect(decoded(await get('/embed/stories?region=goettingen'))).toContain(`<script src="${widgetPath}" data-target="#stories"`);
  });

  test('the widget is at most 12 KB in brotli, cached for a year as immutable, the same bytes in every coding', async () => {
    const loader = decoded(await get('/embed/stories.js'));
    const widgetPath = loader.match(/\/embed\/stories\.[0-9a-f]{16}\.js/)![0];
    const identity = await get(widgetPath);
    const br = await get(widgetPath, { 'Accept-Encoding': 'br, gzip' });
    const gzip = await get(widgetPath, { 'Accept-Encoding': 'gzip' });
    expect([identity, br, gzip].map((a) => [a.status, a.headers['content-encoding'], a.headers['cache-control']])).toEqual([
      [200, undefined, 'public, max-age=31536000, immutable'],
      [200, 'br', 'public, max-age=31536000, immutable'],
      [200, 'gzip', 'public, max-age=31536000, immutable'],
    ]);
    expect(br.raw.length).toBeLessThanOrEqual(12 * 1024);
    for (const answer of [br, gzip]) expect(decoded(answer)).toBe(identity.raw.toString('utf8'));
    expect(identity.raw.toString('utf8')).toContain('Erfolgsgeschichten gelungener Integration');
    expect((await get(widgetPath, { 'Accept-Encoding': 'br', 'If-None-Match': br.headers.etag! })).status).toBe(304);
    expect((await get('/embed/stories.0123456789abcdef.js')).status).toBe(404);
  });
});

describe('one page under every spelling of its path', () => {
  const SPELLINGS = (path: string) => [
    path.replace('/geschichten', '/Geschichten'),
    path.replace('/geschichten', '//geschichten/'),
    path.replace('/geschichten', '/%67eschichten'),
    `http://localhost:1337${path}`,
  ];

  test.each(['/geschichten', '/geschichten/geschichte-3-vom-sprachcafe'])('%s: the same answer, whether from the cache or past it', async (path) => {
    const canonical = await get(path, { 'Accept-Encoding': 'br' });
    expect(canonical.status).toBe(200);
    for (const spelling of SPELLINGS(path)) {
      for (let hit = 0; hit < 2; hit++) {
        const answer = await get(spelling, { 'Accept-Encoding': 'br' });
        expect([spelling, answer.status, answer.headers.etag]).toEqual([spelling, 200, canonical.headers.etag]);
        expect(decoded(answer)).toBe(decoded(canonical));
      }
    }
  });

  test('a draft stays unknown under every spelling', async () => {
    await createStory(app.strapi, { title: 'Noch nicht veroeffentlicht', region: 'goettingen', themes: ['sprache'], publish: false });
    for (const spelling of ['/geschichten/noch-nicht-veroeffentlicht', ...SPELLINGS('/geschichten/noch-nicht-veroeffentlicht')]) {
      const answer = await get(spelling);
      expect([spelling, answer.status]).toEqual([spelling, 404]);
      expect(decoded(answer)).not.toContain('Noch nicht veroeffentlicht');
    }
    expect(decoded(await get('/Geschichten'))).not.toContain('Noch nicht veroeffentlicht');
  });
});
