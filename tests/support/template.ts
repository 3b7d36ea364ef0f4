import path from 'path';
import { strapiModule } from './shared-modules';
import { testEnvironment } from './test-env';
import { createTemplateBuild, removeStaleTemplates, templateExists, templateName, type Backend } from './database';
import { keep, machineCacheDir, restoreKept } from '../../scripts/machine-cache';

const KEPT_KIND = 'sqlite-template';

const appDir = path.resolve(__dirname, '..', '..');

/**
 * Boots the compiled app once on an empty database of `backend` — migrations, districts, themes, legal pages,
 * permissions, admin labels — and keeps that database as the template every test file copies. Nothing of the
 * run's environment is left behind: the boot's variables are put back as they were. True when it built one.
 */
export async function ensureTemplate(backend: Backend, sourceHash: string): Promise<boolean> {
  if (await templateExists(backend, sourceHash)) return false;
  await removeStaleTemplates(backend, sourceHash);
  // A SQLite template is a file in the checkout: another checkout of the same sources on this machine may have one.
  // (A PostgreSQL template lives in the server and is found above.)
  if (backend === 'sqlite' && restoreKept(KEPT_KIND, sourceHash, templateName(backend, sourceHash))) {
    console.log(`Took the sqlite template database built from these sources on this machine before (${machineCacheDir(KEPT_KIND)}).`);
    return false;
  }
  const build = await createTemplateBuild(backend, sourceHash);
  const saved = { ...process.env };
  try {
    Object.assign(process.env, testEnvironment(), build.env);
    // Strapi is loaded only to build a template: every jest process checks for one, and most find it.
    const app = await strapiModule().createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
    await app.destroy();
    await build.keep();
    if (backend === 'sqlite') keep(KEPT_KIND, sourceHash, templateName(backend, sourceHash));
    return true;
  } catch (error) {
    await build.drop();
    throw error;
  } finally {
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
  }
}
