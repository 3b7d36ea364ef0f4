import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import jsQR from 'jsqr';
import sharp from 'sharp';
import request from 'supertest';
import { createStory } from '../support/fixtures';
import { startStrapi, type TestApp } from '../support/strapi';

/**
 * The partner kit over HTTP, as a partner's volunteer and their newsletter tool meet it: /partner, the newsletter
 * block, the print files (their text read with pdftotext, the QR code read back from a rendered page) and the
 * banners. Stories reach all of them only through the visibility rule: a draft never shows.
 */

const SITE = 'http://localhost:1337';
const VISIBLE = 'Amal lernt Pflege in Göttingen';
const HIDDEN = 'Noch nicht freigegebene Geschichte';
const ELSEWHERE = 'Sprachcafé in Emden';
const JOIN = `${SITE}/mitmachen?quelle=awo-goettingen`;

let app: TestApp;
let work: string;

beforeAll(async () => {
  app = await startStrapi({ YOUTUBE_SYNC_WORKER: 'false', PUBLIC_API_RATE_LIMIT_PER_MINUTE: '0' });
  await createStory(app.strapi, { title: VISIBLE, region: 'goettingen', themes: ['sprache'] });
  await createStory(app.strapi, { title: HIDDEN, region: 'goettingen', publish: false, data: { editorialStatus: 'submitted' } });
  await createStory(app.strapi, { title: ELSEWHERE, region: 'emden', themes: ['sprache'] });
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'partner-kit-'));
});

afterAll(async () => {
  await app?.stop();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

const get = (url: string) => request(app.server).get(url).buffer(true);
const binary = (url: string) =>
  request(app.server)
    .get(url)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });

describe('/partner', () => {
  test('offers the snippets for the chosen district, visible without JavaScript, and is linked from every footer', async () => {
    const res = await get('/partner?region=goettingen&layout=banner&quelle=awo-goettingen');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.text).toContain(`&lt;script src=&quot;${SITE}/embed/stories.js&quot; data-region=&quot;goettingen&quot; data-limit=&quot;6&quot; data-layout=&quot;banner&quot; async&gt;&lt;/script&gt;`);
    expect(res.text).toContain(`&lt;iframe src=&quot;${SITE}/embed/stories?region=goettingen&quot;`);
    expect(res.text).toContain(`&lt;a href=&quot;${JOIN}&quot;&gt;&lt;img src=&quot;${SITE}/partner/banner/300x250.png&quot;`);
    expect(res.text).toContain(`${SITE}/api/v1/stories.rss?region=goettingen`);
    expect(res.text).toContain('/partner/druck/flyer-a5.pdf?region=goettingen&amp;quelle=awo-goettingen');
    expect(res.text).toContain('<script src="/embed/stories.js" data-region="goettingen" data-limit="6" data-layout="banner" data-target="#partner-preview"');
    for (const where of ['WordPress', 'TYPO3', 'Joomla', 'Individuelles HTML', 'Reines HTML', 'Eigenes Modul']) expect(res.text).toContain(where);
    const form = await get('/mitmachen');
    expect(form.text).toContain('<a href="/partner">Für Partner</a>');
  });

  test.each([
    ['region=atlantis', 'region'],
    ['layout=carousel', 'layout'],
    ['quelle=AWO%20G%C3%B6ttingen!', 'quelle'],
    ['regoin=goettingen', 'regoin'],
  ])('a wrong choice (%s) is a 400 page naming the parameter', async (query, parameter) => {
    const res = await get(`/partner?${query}`);
    expect(res.status).toBe(400);
    expect(res.text).toContain(`Die Angabe <code>${parameter}</code> ist nicht gültig`);
  });
});

describe('the newsletter block', () => {
  test('is e-mail-safe HTML of the visible stories only: no script, no stylesheet, only absolute addresses', async () => {
    const res = await get('/partner/newsletter.html?region=goettingen&quelle=awo-goettingen');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = res.text;
    expect(html).toContain(VISIBLE);
    expect(html).not.toContain(HIDDEN);
    expect(html).not.toContain(ELSEWHERE);
    expect(html).not.toMatch(/<script|<link|<style|@import|javascript:/i);
    const addresses = [...html.matchAll(/\b(?:href|src)="([^"]*)"/g)].map((match) => match[1]);
    expect(addresses.length).toBeGreaterThan(2);
    for (const address of addresses) expect(address).toMatch(/^https?:\/\//);
    expect(addresses).toContain(JOIN.replace(/&/g, '&amp;'));
    for (const img of html.match(/<img [^>]*>/g) ?? []) expect(img).toMatch(/ alt="[^"]+"/);
  });

  test('comes as plain text too, and a wrong filter is a 400 naming the parameter', async () => {
    const text = await get('/partner/newsletter.txt?region=goettingen&quelle=awo-goettingen');
    expect(text.status).toBe(200);
    expect(text.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(text.text).toContain(VISIBLE);
    expect(text.text).toContain(`Jetzt mitmachen: ${JOIN}`);
    expect(text.text).not.toContain(HIDDEN);
    const wrong = await get('/partner/newsletter.html?theme=Kochen!');
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('Query parameter "theme"');
  });
});

describe('the print files', () => {
  const FORMATS = ['flyer-a5', 'plakat-a4', 'plakat-a3', 'anzeige-halbe-seite', 'anzeige-viertel-seite'];

  async function pdf(name: string, query: string) {
    const res = await binary(`/partner/druck/${name}.pdf?${query}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const file = path.join(work, `${name}.pdf`);
    fs.writeFileSync(file, res.body as Buffer);
    return file;
  }

  test.each(FORMATS)('%s holds the call and the address, and its QR code is that address with the source', async (name) => {
    const file = await pdf(name, 'quelle=awo-goettingen&region=goettingen');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(text.replace(/\s+/g, ' ')).toContain('ZUSAMMEN. MEHR. Erzählen Sie Ihre Geschichte');
    // The address may wrap after a slash or a dash; the QR code below carries it whole.
    expect(text.replace(/\s+/g, '')).toContain('localhost:1337/mitmachen?quelle=awo-goettingen');
    expect(execFileSync('pdffonts', [file], { encoding: 'utf8' })).toMatch(/DejaVuSansCondensed.*yes\s+yes/);
    const prefix = path.join(work, name);
    // 800 pixels on the long side read every format's code (450 no longer the A4 poster's); jsQR's time grows with the pixels.
    execFileSync('pdftoppm', ['-scale-to', '800', '-f', '1', '-l', '1', '-png', '-singlefile', file, prefix]);
    const { data, info } = await sharp(`${prefix}.png`).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    // Dark on light, as printed: reading it inverted as well (jsQR's default) doubles a second of CPU per page.
    expect(jsQR(new Uint8ClampedArray(data), info.width, info.height, { inversionAttempts: 'dontInvert' })?.data).toBe(JOIN);
  });

  test('the flyer has two sides, and its back shows the visible stories of the region only', async () => {
    const file = await pdf('flyer-a5', 'region=goettingen');
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+2/);
    const back = execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', '2', '-l', '2', file, '-'], { encoding: 'utf8' });
    expect(back).toContain(VISIBLE);
    expect(back).not.toContain(HIDDEN);
    expect(back).not.toContain(ELSEWHERE);
    expect(back.replace(/\s+/g, '')).toContain('localhost:1337/mitmachen');
    expect(back).not.toContain('quelle');
  });

  test('a wrong source name is a 400 naming it', async () => {
    const res = await get('/partner/druck/plakat-a4.pdf?quelle=../../etc');
    expect(res.status).toBe(400);
    expect(res.text).toContain('Query parameter "quelle"');
  });
});

describe('the banners', () => {
  const SIZES = [
    [300, 250],
    [728, 90],
    [160, 600],
    [1200, 628],
    [1080, 1080],
    [1080, 1920],
  ];

  test.each(SIZES)('%i × %i answers as PNG of exactly that size and as SVG, cached for a month', async (width, height) => {
    const png = await binary(`/partner/banner/${width}x${height}.png`);
    expect(png.status).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.headers['cache-control']).toBe('public, max-age=2592000');
    const meta = await sharp(png.body as Buffer).metadata();
    expect([meta.width, meta.height]).toEqual([width, height]);
    const svg = await get(`/partner/banner/${width}x${height}.svg`);
    expect(svg.status).toBe(200);
    expect(svg.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    const source = svg.text || (svg.body as Buffer).toString('utf8');
    expect(source).toContain(`width="${width}" height="${height}"`);
    expect(source).toContain('<title>ZUSAMMEN. MEHR. – Erzählen Sie Ihre Geschichte.');
    const again = await binary(`/partner/banner/${width}x${height}.png`).set('If-None-Match', png.headers.etag);
    expect(again.status).toBe(304);
  });
});
