import fs from 'fs';
import { buildAdminIfStale } from '../../scripts/admin-build';
import { appSourceHash, compileIfChanged } from '../../scripts/app-build';
import type { Backend } from './database';
import { ensureTemplate } from './template';
import { testEnvironment } from './test-env';

/**
 * Before the test passes start (scripts/test.js), `prepare.ts app`: the compiled app, only when its sources changed,
 * then the template database of each backend in TEST_BACKENDS. Nothing may rewrite dist/ once a pass loads from it,
 * and the jest processes of a pass, which start at once, find their template ready instead of each building it.
 *
 * `prepare.ts admin`, beside the passes: the admin bundle for the admin's browser tests, which wait for it, only when its
 * sources changed. It is built from the compiled app and writes dist/build only.
 */
async function prepareApp() {
  const startedAt = Date.now();
  if (await compileIfChanged()) console.log(`Compiled the app in ${Math.round((Date.now() - startedAt) / 1000)} s.`);
  else console.log('The compiled app is current.');
  for (const backend of (process.env.TEST_BACKENDS ?? '').split(',').filter(Boolean) as Backend[]) {
    const templateStarted = Date.now();
    if (await ensureTemplate(backend, appSourceHash())) console.log(`Built the ${backend} template database in ${Math.round((Date.now() - templateStarted) / 1000)} s.`);
  }
}

/** Writes how the build ended where TEST_ADMIN_BUNDLE says, for the browser tests waiting on it (tests/support/browser.ts). */
function prepareAdmin() {
  const startedAt = Date.now();
  const status = process.env.TEST_ADMIN_BUNDLE;
  try {
    if (buildAdminIfStale()) console.log(`The admin panel is in place after ${Math.round((Date.now() - startedAt) / 1000)} s.`);
    else console.log('The admin panel is current.');
    if (status) fs.writeFileSync(status, 'ok');
  } catch (error) {
    if (status) fs.writeFileSync(status, `failed: ${(error as Error).message}`);
    throw error;
  }
}

const steps: Record<string, () => unknown> = { app: prepareApp, admin: prepareAdmin };
const step = process.argv[2];
// The app's configuration, which Strapi loads for the template databases and the admin bundle, refuses to start without its secrets.
Object.assign(process.env, testEnvironment());
Promise.resolve()
  .then(() => {
    if (!steps[step]) throw new Error(`unknown step "${step}": use ${Object.keys(steps).join(' or ')}`);
    return steps[step]();
  })
  .catch((error: Error) => {
    console.error(`Preparing the test run (${step}) failed: ${error.stack ?? error.message}`);
    process.exit(1);
  });
