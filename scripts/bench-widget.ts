/*
 * `npm run bench:widget`: what a visitor on a phone downloads for the partner widget. The demo content (36 stories
 * with covers, uploaded through the media library) is seeded once; then the app is started twice on that database,
 * each time as its own process:
 *   modern    as deployed (compression and AVIF/WebP covers on),
 *   baseline  with PUBLIC_COMPRESSION=false and PUBLIC_MODERN_IMAGES=false.
 * For each, Debian's Chromium (412 × 915 CSS pixels, device pixel ratio 1, browser cache disabled, fresh profile)
 * opens a partner page on another origin (a second local port) that embeds the six-story widget as the README shows,
 * and counts every request and the bytes on the wire (headers included) until the network is idle; firstCardMs is
 * the time from navigation until the first card is in the widget. Last line: one JSON object
 * {"bytes":N,"requests":N,"firstCardMs":N,"baselineBytes":N}; targets bytes ≤ 60,000 and bytes/baselineBytes ≤ 0.55.
 */
import http from 'http';
import readline from 'readline';
import { spawn, type ChildProcess } from 'child_process';
import { chromium, type Browser } from 'playwright-core';
import { seedDemoContent } from '../src/seed/demo-content';
import { loadStrapi } from './load-strapi';
import { benchEnvironment, listen, progress } from './bench/environment';

const CHROMIUM = '/usr/bin/chromium';
const VIEWPORT = { width: 412, height: 915 };
const SERVE_FLAG = '--serve';
/** How the app process tells the parent where it listens; its other output is passed on to stderr. */
const READY = 'bench-widget app ready: ';
const SWITCHED_OFF = { PUBLIC_COMPRESSION: 'false', PUBLIC_MODERN_IMAGES: 'false' };

interface View {
  bytes: number;
  requests: number;
  firstCardMs: number;
}

// --------------------------------------------------------------------------------------------- the app process

/** Child mode: boots the app on the database the parent prepared, seeds it when asked, prints its URL, serves. */
async function serveApp() {
  const probe = http.createServer();
  const url = await listen(probe);
  await new Promise((resolve) => probe.close(resolve));
  process.env.PORT = new URL(url).port;
  process.env.PUBLIC_URL = url;
  const strapi = await loadStrapi();
  if (process.env.BENCH_WIDGET_SEED === 'true') await seedDemoContent(strapi, (done, total) => progress('seeding the demo', done, total));
  await strapi.server.mount();
  await new Promise<void>((resolve) => strapi.server.httpServer.listen(Number(process.env.PORT), '127.0.0.1', resolve));
  process.stdout.write(`${READY}${JSON.stringify({ url })}\n`);
  // The parent closes stdin when it has measured.
  process.stdin.resume();
  await new Promise((resolve) => process.stdin.once('end', resolve));
  await strapi.destroy();
}

interface RunningApp {
  url: string;
  stop(): Promise<void>;
}

function startApp(env: Record<string, string>): Promise<RunningApp> {
  const child: ChildProcess = spawn(process.execPath, [...process.execArgv, __filename, SERVE_FLAG], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    exited.then((code) => reject(new Error(`the app exited with ${code} before it served (its log is above)`)));
    const lines = readline.createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (!line.startsWith(READY)) return void process.stderr.write(`${line}\n`);
      const { url } = JSON.parse(line.slice(READY.length)) as { url: string };
      resolve({
        url,
        async stop() {
          child.stdin!.end();
          await exited;
        },
      });
    });
  });
}

// --------------------------------------------------------------------------------------------- the partner page

/** A partner's page as the README shows the embed: six stories, the tag where the widget goes. */
const partnerPage = (appUrl: string) => `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Integration – Landkreis Göttingen</title></head>
<body><main><h1>Integration im Landkreis</h1>
<p>Menschen, die hier angekommen sind, erzählen.</p>
<script src="${appUrl}/embed/stories.js" data-limit="6" async></script>
</main></body></html>`;

async function measureView(browser: Browser, partnerUrl: string): Promise<View> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'de-DE' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  let requests = 0;
  let bytes = 0;
  cdp.on('Network.requestWillBeSent', () => (requests += 1));
  cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => (bytes += event.encodedDataLength));
  cdp.on('Network.loadingFailed', (event: { errorText: string }) => process.stderr.write(`a request failed: ${event.errorText}\n`));
  await page.goto(partnerUrl);
  const firstCard = await page.waitForFunction(
    `(() => { const host = document.querySelector('.zusammen-mehr-stories'); return host && host.shadowRoot.querySelector('.zm-card') ? performance.now() : false; })()`,
    undefined,
    { polling: 'raf', timeout: 30_000 }
  );
  const firstCardMs = Math.round(Number(await firstCard.jsonValue()));
  await page.waitForFunction(
    `Array.from(document.querySelector('.zusammen-mehr-stories').shadowRoot.querySelectorAll('.zm-card')).length === 6`
  );
  await page.waitForLoadState('networkidle');
  const shown = await page.evaluate<string[]>(
    `Array.from(document.querySelector('.zusammen-mehr-stories').shadowRoot.querySelectorAll('img.zm-cover')).filter((i) => i.complete && i.currentSrc).map((i) => i.currentSrc)`
  );
  process.stderr.write(`covers loaded: ${shown.map((src) => src.slice(src.lastIndexOf('/') + 1)).join(', ')}\n`);
  await context.close();
  return { bytes, requests, firstCardMs };
}

/**
 * The rendered width of a cover, in CSS pixels, in the widget on the partner page, on the story list and on a story
 * page, on a phone and on a desktop: what the copies' widths (cover-variants/names.ts) are chosen for.
 */
async function coverWidths(browser: Browser, appUrl: string, partnerUrl: string) {
  const story = (await (await fetch(`${appUrl}/api/v1/stories?pageSize=1`)).json()) as { data: { slug: string }[] };
  const places: [string, string, string][] = [
    ['widget', partnerUrl, `document.querySelector('.zusammen-mehr-stories')?.shadowRoot?.querySelector('.zm-media')`],
    ['list', `${appUrl}/geschichten`, `document.querySelector('.story-card__media')`],
    ['story page', `${appUrl}/geschichten/${story.data[0].slug}`, `document.querySelector('.story-media')`],
  ];
  const lines: string[] = [];
  for (const width of [VIEWPORT.width, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    const measured: string[] = [];
    for (const [name, url, element] of places) {
      await page.goto(url);
      const found = await page.waitForFunction(`(() => { const e = ${element}; return e ? Math.round(e.getBoundingClientRect().width) : false; })()`);
      measured.push(`${name} ${await found.jsonValue()}`);
    }
    lines.push(`at ${width} px: ${measured.join(', ')}`);
    await context.close();
  }
  process.stderr.write(`cover widths in CSS pixels ${lines.join('; ')}\n`);
}

// --------------------------------------------------------------------------------------------- the run

async function main() {
  const environment = benchEnvironment('widget', { PUBLIC_API_RATE_LIMIT_PER_MINUTE: '0', PUBLIC_API_CACHED_RATE_LIMIT_PER_MINUTE: '0' });
  let appUrl = '';
  const partner = http.createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(partnerPage(appUrl)));
  const partnerUrl = await listen(partner);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking'] });
  const views: View[] = [];
  try {
    for (const env of [{ BENCH_WIDGET_SEED: 'true' }, SWITCHED_OFF]) {
      const app = await startApp(env);
      appUrl = app.url;
      try {
        const view = await measureView(browser, partnerUrl);
        if (env !== SWITCHED_OFF) await coverWidths(browser, app.url, partnerUrl);
        process.stderr.write(`${env === SWITCHED_OFF ? 'baseline' : 'modern  '}  ${view.bytes} bytes in ${view.requests} requests, first card after ${view.firstCardMs} ms\n`);
        views.push(view);
      } finally {
        await app.stop();
      }
    }
  } finally {
    await browser.close();
    await new Promise((resolve) => partner.close(resolve));
    environment.cleanup();
  }
  const [modern, baseline] = views;
  process.stderr.write(`bytes ${modern.bytes} (target ≤ 60000), bytes/baselineBytes ${(modern.bytes / baseline.bytes).toFixed(2)} (target ≤ 0.55)\n`);
  process.stdout.write(`${JSON.stringify({ bytes: modern.bytes, requests: modern.requests, firstCardMs: modern.firstCardMs, baselineBytes: baseline.bytes })}\n`);
}

const run = process.argv.includes(SERVE_FLAG) ? serveApp : main;
run().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${(error as Error).stack}\n`);
    process.exit(1);
  }
);
