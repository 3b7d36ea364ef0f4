import fs from 'fs';
import net from 'net';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildAdminIfStale } from '../../scripts/admin-build';
import { createTestDatabase, type TestDatabase } from './database';
import { eventually } from './eventually';
import { countUnreapedCpu, ownChildren, reapedCpuMs, treeCpuMs } from './process-cpu';
import { strapiModule } from './shared-modules';
import { testEnvironment } from './test-env';

const appDir = path.resolve(__dirname, '..', '..');
const distDir = path.join(appDir, 'dist');
export const screenshotDir = path.join(appDir, 'tests', 'browser', '__screenshots__');

/** How long a browser test waits for the admin bundle that `npm test` builds beside its passes. */
const ADMIN_BUNDLE_WAIT_MS = 5 * 60 * 1000;

/**
 * The admin bundle (scripts/admin-build.ts), built only when the admin sources changed since the last build. `npm test`
 * builds it beside its passes and names, in TEST_ADMIN_BUNDLE, the file where that build writes how it ended: the
 * admin's browser tests wait for it there. A browser test run on its own (`npm run test:file`) builds it here.
 */
export async function ensureAdminBuild() {
  const status = process.env.TEST_ADMIN_BUNDLE;
  if (!status) {
    // The bundle's build loads the app's configuration, which refuses to start without its secrets.
    Object.assign(process.env, testEnvironment());
    buildAdminIfStale();
    return;
  }
  await eventually(() => {
    if (!fs.existsSync(status)) throw new Error(`the admin bundle was not built within ${ADMIN_BUNDLE_WAIT_MS / 60000} minutes (see [prepare-admin])`);
  }, ADMIN_BUNDLE_WAIT_MS, 500);
  const outcome = fs.readFileSync(status, 'utf8');
  if (outcome !== 'ok') throw new Error(`the admin bundle could not be built (see [prepare-admin]): ${outcome}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface BrowserApp {
  strapi: Core.Strapi;
  url: string;
  admin: { email: string; password: string };
  stop(): Promise<void>;
}

/**
 * The built app listening on a free port of 127.0.0.1 (PUBLIC_URL points there, so Google's redirect comes back
 * to it), on a fresh database, with an administrator created from ADMIN_EMAIL / ADMIN_PASSWORD.
 */
export async function startBrowserApp(extraEnv: Record<string, string>): Promise<BrowserApp> {
  const database: TestDatabase = await createTestDatabase();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const admin = { email: 'redaktion@zusammen-mehr.example', password: 'Browser-Test-1' };
  Object.assign(process.env, testEnvironment(), database.env, {
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: url,
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    ...extraEnv,
  });
  const strapi = await strapiModule().createStrapi({ appDir, distDir }).load();
  await strapi.server.mount();
  await new Promise<void>((resolve) => strapi.server.httpServer.listen(port, '127.0.0.1', resolve));
  return {
    strapi,
    url,
    admin,
    async stop() {
      await strapi.destroy();
      await database.drop();
    },
  };
}

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/**
 * Chromium's CPU for the test file's line in the timing table (tests/support/process-cpu.ts): read from its process
 * tree when it closes, less what this process gains by reaping it.
 */
function countBrowserCpu(browser: Browser, pids: number[]) {
  const close = browser.close.bind(browser);
  browser.close = async (...args: Parameters<Browser['close']>) => {
    const used = pids.reduce((sum, pid) => sum + treeCpuMs(pid), 0);
    const reaped = reapedCpuMs();
    await close(...args);
    countUnreapedCpu(used - (reapedCpuMs() - reaped));
  };
}

/** Debian's Chromium, as a German editor in Lower Saxony would have it. */
export async function launchBrowser(): Promise<{ browser: Browser; context: BrowserContext; page: Page }> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's Chromium with \`apt-get update && apt-get install -y chromium\``);
  const before = new Set(ownChildren('chromium'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  countBrowserCpu(browser, ownChildren('chromium').filter((pid) => !before.has(pid)));
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin', viewport: { width: 1440, height: 1000 } });
  const page = await context.newPage();
  return { browser, context, page };
}

/** Screenshots are for people looking at a run (`TEST_SCREENSHOTS=1 npm test`), not for every run. */
const screenshotsWanted = () => process.env.TEST_SCREENSHOTS === '1';

/** A full-page screenshot of a public page, kept as a test artefact when asked for. */
export async function pagePicture(page: Page, name: string) {
  if (!screenshotsWanted()) return;
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true, animations: 'disabled' });
}

/**
 * A screenshot of an admin page kept as a test artefact (tests/browser/__screenshots__/, not in git) when asked for.
 * The admin scrolls inside its main area, not the document, so the window is made as tall as that content.
 */
export async function screenshot(page: Page, name: string) {
  if (!screenshotsWanted()) return;
  fs.mkdirSync(screenshotDir, { recursive: true });
  const viewport = page.viewportSize() ?? { width: 1440, height: 1000 };
  // A string, because this runs in the page and the tests are type-checked without the DOM library.
  const height = Number(await page.evaluate(`Math.max(window.innerHeight, ...Array.from(document.querySelectorAll('main, main *'), (e) => e.scrollHeight))`));
  await page.setViewportSize({ width: viewport.width, height: Math.min(height + 120, 6000) });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), animations: 'disabled' });
  await page.setViewportSize(viewport);
}

export async function logIn(page: Page, app: BrowserApp) {
  await page.goto(`${app.url}/admin/auth/login`);
  await page.getByLabel('E-Mail').fill(app.admin.email);
  await page.getByLabel('Passwort').fill(app.admin.password);
  await page.getByRole('button', { name: 'Login' }).click();
  await page.waitForURL(/\/admin(\/)?$/);
}

/**
 * Opens a page of the admin as its own links do: once the admin is loaded, through its router, without loading the
 * whole bundle again (about 2 s of Chromium's CPU a load). From elsewhere — the login, a public page — or to the
 * page it is on, it loads it.
 * What the admin reads only when it starts (the user's language, say) needs `page.goto` instead.
 */
export async function openAdmin(page: Page, app: BrowserApp, route: string) {
  const adminRoot = `${app.url}/admin`;
  const target = `/admin${route}`;
  const current = new URL(page.url());
  const loaded = page.url().startsWith(adminRoot) && !current.pathname.startsWith('/admin/auth');
  // The router keeps the page of the route it is on (and its data): that one is loaded again.
  if (!loaded || `${current.pathname}${current.search}` === target) {
    await page.goto(`${app.url}${target}`);
    return;
  }
  // A string, because this runs in the page and the tests are type-checked without the DOM library.
  await page.evaluate(`window.history.pushState(null, '', ${JSON.stringify(target)}); window.dispatchEvent(new PopStateEvent('popstate'));`);
  await page.waitForURL((url) => `${url.pathname}${url.search}` === target);
}

/** The console errors the page reports from now on, collected into the returned list as they come. */
export function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}
