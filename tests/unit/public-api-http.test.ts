import { ResponseCache, cacheKey } from '../../src/plugins/stories/server/src/public-api/cache';
import { corsHeaders, isNotModified } from '../../src/plugins/stories/server/src/public-api/headers';
import { renderJson } from '../../src/plugins/stories/server/src/public-api/response';

const at = new Date('2026-05-01T10:00:00Z');

describe('cache keys', () => {
  test('parameter order and the partner key do not matter', () => {
    expect(cacheKey('/api/v1/stories?theme=sport&region=emden&apiKey=zm_secret', 'apiKey')).toBe('/api/v1/stories?region=emden&theme=sport');
    expect(cacheKey('/api/v1/regions?apiKey=zm_secret', 'apiKey')).toBe('/api/v1/regions');
    expect(cacheKey('/api/v1/regions', 'apiKey')).toBe('/api/v1/regions');
  });
});

describe('the response cache', () => {
  test('keeps answers of the current generation until they expire', () => {
    let now = 0;
    const cache = new ResponseCache(1000, 1_000_000, () => now);
    const answer = renderJson({ data: [] }, at);
    cache.set('a', answer, 7, 7);
    expect(cache.get('a')).toBe(answer);
    now = 1000;
    expect(cache.get('a')).toBeUndefined();
  });

  test('refuses an answer built under a generation that has moved on meanwhile', () => {
    const cache = new ResponseCache(1000, 1_000_000);
    cache.set('a', renderJson({ data: [] }, at), 7, 8);
    expect(cache.get('a')).toBeUndefined();
  });

  test('drops the least recently used answers beyond its byte budget', () => {
    // Room for four answers: each counts twice its body (identity plus a compressed variant) and its overhead.
    const cache = new ResponseCache(60_000, 4 * 1600);
    const big = (n: number) => renderJson({ data: 'x'.repeat(500 + n) }, at);
    cache.set('a', big(1), 1, 1);
    cache.set('b', big(2), 1, 1);
    cache.get('a');
    cache.set('c', big(3), 1, 1);
    cache.set('d', big(4), 1, 1);
    cache.set('e', big(5), 1, 1);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('d')).toBeDefined();
  });
});

describe('validators and CORS', () => {
  const answer = renderJson({ data: [1, 2, 3] }, at);

  test('the same bytes give the same strong ETag', () => {
    expect(answer.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(renderJson({ data: [1, 2, 3] }, at).etag).toBe(answer.etag);
    expect(renderJson({ data: [1, 2] }, at).etag).not.toBe(answer.etag);
  });

  test('If-None-Match decides before If-Modified-Since', () => {
    expect(isNotModified({ ifNoneMatch: answer.etag }, answer)).toBe(true);
    expect(isNotModified({ ifNoneMatch: `"other", W/${answer.etag}` }, answer)).toBe(true);
    expect(isNotModified({ ifNoneMatch: '*' }, answer)).toBe(true);
    expect(isNotModified({ ifNoneMatch: '"other"', ifModifiedSince: at.toUTCString() }, answer)).toBe(false);
    expect(isNotModified({ ifModifiedSince: at.toUTCString() }, answer)).toBe(true);
    expect(isNotModified({ ifModifiedSince: new Date(at.getTime() - 1000).toUTCString() }, answer)).toBe(false);
    expect(isNotModified({}, answer)).toBe(false);
  });

  test('any origin by default, only listed origins otherwise', () => {
    expect(corsHeaders('https://a.example', '*')['Access-Control-Allow-Origin']).toBe('*');
    expect(corsHeaders('https://a.example', ['https://a.example'])['Access-Control-Allow-Origin']).toBe('https://a.example');
    expect(corsHeaders('https://b.example', ['https://a.example'])['Access-Control-Allow-Origin']).toBeUndefined();
    expect(corsHeaders(undefined, ['https://a.example']).Vary).toBe('Origin');
  });
});
