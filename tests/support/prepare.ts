import { buildAdminIfStale } from '../../scripts/admin-build';
import { appSourceHash, compileIfChanged, markCompiled } from '../../scripts/app-build';
import type { Backend } from './database';
import { ensureTemplate } from './template';
import { testEnvironment } from './test-env';

/**
 * Before the test passes start side by side (scripts/test.js): the admin bundle for the browser tests and the
 * compiled app, each only when its sources changed, then the template database of each backend in TEST_BACKENDS.
 * Nothing may rewrite dist/ once a pass loads from it, and the jest processes of a pass, which start at once, find
 * their template ready instead of each building it.
 */
async function prepare() {
  // `strapi build` loads the app's configuration, which refuses to start without its secrets.
  Object.assign(process.env, testEnvironment());
  const startedAt = Date.now();
  if (buildAdminIfStale()) {
    // `strapi build` compiled the app's TypeScript into dist/ as well.
    markCompiled();
    console.log(`Built the admin panel and the app in ${Math.round((Date.now() - startedAt) / 1000)} s.`);
  } else if (await compileIfChanged()) {
    console.log(`Compiled the app in ${Math.round((Date.now() - startedAt) / 1000)} s (the admin panel was current).`);
  } else {
    console.log('The compiled app and the admin panel are current.');
  }
  for (const backend of (process.env.TEST_BACKENDS ?? '').split(',').filter(Boolean) as Backend[]) {
    const templateStarted = Date.now();
    if (await ensureTemplate(backend, appSourceHash())) console.log(`Built the ${backend} template database in ${Math.round((Date.now() - templateStarted) / 1000)} s.`);
  }
}

prepare().catch((error: Error) => {
  console.error(`Preparing the test run failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
