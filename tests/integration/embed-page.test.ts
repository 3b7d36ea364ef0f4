import request from 'supertest';
import { startStrapi, type TestApp } from '../support/strapi';
import { createStory } from '../support/fixtures';
import { cspDirectives } from '../support/headers';

/**
 * The partner widget as a partner's web developer meets it over HTTP: the iframe page /embed/stories (framable by
 * any site, strict policy, a 400 page naming a wrong parameter) and the script /embed/stories.js it loads.
 */

let app: TestApp;

beforeAll(async () => {
  app = await startStrapi({ YOUTUBE_SYNC_WORKER: 'false', PUBLIC_API_RATE_LIMIT_PER_MINUTE: '0' });
  await createStory(app.strapi, { title: 'Deutsch lernen in Göttingen', region: 'goettingen', themes: ['sprache'] });
});

afterAll(async () => {
  await app?.stop();
});

const get = (url: string, headers: Record<string, string> = {}) => request(app.server).get(url).set(headers);

function expectFramable(res: request.Response) {
  expect(res.headers['x-frame-options']).toBeUndefined();
  const csp = cspDirectives(res);
  expect(csp['frame-ancestors']).toBe('*');
  expect(csp['frame-src']).toBe('https://www.youtube-nocookie.com');
  expect(csp['script-src']).toBe("'self'");
  expect(csp['connect-src']).toBe("'self'");
  expect(csp['default-src']).toBe("'none'");
}

describe('the iframe page /embed/stories', () => {
  test('loads the widget script with the chosen region, limit and language, framable by any site', async () => {
    const res = await get('/embed/stories?region=goettingen&theme=sprache&limit=3&lang=en');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expectFramable(res);
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    // Our own page loads the widget from its content-named address, without the partners' loader in between.
    expect(res.text).toMatch(
      /<script src="\/embed\/stories\.[0-9a-f]{16}\.js" data-target="#stories" data-region="goettingen" data-theme="sprache" data-limit="3" data-lang="en" defer><\/script>/
    );
    expect(res.text).toContain('<div id="stories" class="embed-stories"></div>');
    expect(res.text).toContain('<script src="/embed/frame.js" defer></script>');
    expect(res.text).toContain('<base target="_blank">');
    // Nothing from YouTube is in the page itself: only the widget's second click loads the player.
    expect(res.text).not.toMatch(/youtube|ytimg|google/i);
  });

  test('without parameters it shows six stories from all regions in German', async () => {
    const res = await get('/embed/stories');
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/<script src="\/embed\/stories\.[0-9a-f]{16}\.js" data-target="#stories" data-limit="6" data-lang="de" defer><\/script>/);
  });

  test.each([
    ['limit=30', 'Query parameter "limit" must be at most 24.'],
    ['limit=drei', 'Query parameter "limit" must be a whole number.'],
    ['lang=fr', 'Query parameter "lang" must be one of de, en (got "fr").'],
    ['regoin=goettingen', 'Unknown query parameter "regoin".'],
    ['theme=Sprache!', 'Query parameter "theme" must be a slug'],
    ['region=atlantis', 'Query parameter "region" matches no district slug or key and no statistical region: "atlantis"'],
    ['theme=kochen', 'Query parameter "theme" matches no theme: "kochen"'],
  ])('a wrong parameter (%s) is a 400 page that names it, still shown inside the partner frame', async (query, message) => {
    const res = await get(`/embed/stories?${query}`);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expectFramable(res);
    expect(res.text).toContain('Diese Einbettung ist falsch eingestellt');
    expect(res.text).toContain(message.replace(/"/g, '&quot;'));
  });

  test('a value meant to break out of the page is shown as text', async () => {
    const res = await get(`/embed/stories?region=${encodeURIComponent('"><script>alert(1)</script>')}`);
    expect(res.status).toBe(400);
    expect(res.text).not.toContain('<script>alert(1)</script>');
    expect(res.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  test('the rest of the site still refuses to be framed', async () => {
    const api = await get('/api/v1/openapi.json');
    expect(api.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(cspDirectives(api)['frame-ancestors']).toBe("'none'");
    const script = await get('/embed/stories.js');
    expect(script.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(cspDirectives(script)['frame-ancestors']).toBe("'none'");
  });
});

describe('the widget script /embed/stories.js', () => {
  test('is served as JavaScript that any site may load, cached for a minute', async () => {
    const res = await get('/embed/stories.js', { Origin: 'https://partner.example' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/javascript; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    // A script tag needs no CORS, but a same-origin resource policy would block it on other sites.
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(res.text).toMatch(/\/embed\/stories\.[0-9a-f]{16}\.js/);
  });

  test('the API calls it makes from a partner site pass CORS', async () => {
    const stories = await get('/api/v1/stories?region=goettingen&pageSize=6', { Origin: 'https://partner.example' });
    expect(stories.status).toBe(200);
    expect(stories.headers['access-control-allow-origin']).toBe('*');
    expect(stories.headers['access-control-expose-headers']).toContain('Last-Modified');
    const removed = await get(`/api/v1/stories/removed?since=${encodeURIComponent(new Date().toISOString())}&pageSize=1000&page=1`, {
      Origin: 'https://partner.example',
    });
    expect(removed.status).toBe(200);
    expect(removed.headers['access-control-allow-origin']).toBe('*');
    expect(removed.headers['last-modified']).toBeDefined();
  });
});
