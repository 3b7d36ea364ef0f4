import path from 'path';
import { strapiModule } from './shared-modules';
import { testEnvironment } from './test-env';
import { createTemplateBuild, removeStaleTemplates, templateExists, type Backend } from './database';

const appDir = path.resolve(__dirname, '..', '..');

/**
 * Boots the compiled app once on an empty database of `backend` — migrations, districts, themes, legal pages,
 * permissions, admin labels — and keeps that database as the template every test file copies. Nothing of the
 * run's environment is left behind: the boot's variables are put back as they were.
 */
export async function ensureTemplate(backend: Backend, sourceHash: string): Promise<boolean> {
  if (await templateExists(backend, sourceHash)) return false;
  await removeStaleTemplates(backend, sourceHash);
  const build = await createTemplateBuild(backend, sourceHash);
  const saved = { ...process.env };
  try {
    Object.assign(process.env, testEnvironment(), build.env);
    // Strapi is loaded only to build a template: every jest process checks for one, and most find it.
    const app = await strapiModule().createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
    await app.destroy();
    await build.keep();
    return true;
  } catch (error) {
    await build.drop();
    throw error;
  } finally {
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
  }
}
