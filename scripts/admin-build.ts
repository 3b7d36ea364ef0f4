import fs from 'fs';
import path from 'path';
import { spawnSync } from 'child_process';
import { keep, machineCacheDir, restoreKept } from './machine-cache';
import { appDir, isCurrent, sourceHash } from './source-hash';

const PLUGINS_DIR = 'src/plugins';

/**
 * What the admin bundle is built from: the app's own admin, every local plugin's admin folder and package.json (whose
 * `./strapi-admin` export puts it in the bundle), src/shared (the admin's shared components and the types it shares
 * with the servers), the configuration (which plugins are on, the admin's path), the installed packages and the build
 * script. Plugins are listed from the folder, so a new one is covered unnamed.
 */
function adminSources(): string[] {
  const plugins = fs.readdirSync(path.join(appDir, PLUGINS_DIR)).sort();
  return [
    'src/admin',
    ...plugins.flatMap((plugin) => [`${PLUGINS_DIR}/${plugin}/admin`, `${PLUGINS_DIR}/${plugin}/package.json`]),
    'src/shared',
    'config',
    'package-lock.json',
    // How it is built.
    'scripts/admin-bundle.ts',
  ];
}

const buildDir = path.join(appDir, 'dist', 'build');
const stampFile = path.join(buildDir, '.source-hash');
/** Bundles built on this machine before (scripts/machine-cache.ts). */
const KEPT_KIND = 'admin-bundle';

/**
 * A fingerprint of everything the admin bundle is built from, and of the path it is served under: the bundle's URLs
 * start with PUBLIC_URL's path (`/admin` below `https://example.org/`, `/zm/admin` below `https://example.org/zm/`).
 */
const adminSourceHash = () => sourceHash(adminSources()).slice(0, 32) + new URL(process.env.PUBLIC_URL || 'http://localhost:1337').pathname.replace(/[^a-z0-9]+/gi, '-');

/**
 * Builds the admin bundle (scripts/admin-bundle.ts), or takes the one kept for these sources, when it is missing or
 * was built from other sources; true when it did. It is built from the compiled app, so dist/ must be compiled first.
 */
export function buildAdminIfStale(): boolean {
  const wanted = adminSourceHash();
  if (isCurrent(stampFile, wanted)) return false;
  if (restoreKept(KEPT_KIND, wanted, buildDir) && isCurrent(stampFile, wanted)) {
    console.log(`Took the admin panel built from these sources on this machine before (${machineCacheDir(KEPT_KIND)}).`);
    return true;
  }
  console.log('Building the admin panel (about half a minute) …');
  const result = spawnSync(process.execPath, [require.resolve('tsx/cli'), path.join(appDir, 'scripts', 'admin-bundle.ts')], { cwd: appDir, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('building the admin bundle failed; see the output above');
  fs.writeFileSync(stampFile, wanted);
  keep(KEPT_KIND, wanted, buildDir);
  return true;
}
