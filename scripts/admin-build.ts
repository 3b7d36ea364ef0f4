import fs from 'fs';
import os from 'os';
import path from 'path';
import { spawnSync } from 'child_process';
import { appDir, isCurrent, sourceHash } from './source-hash';

const PLUGINS_DIR = 'src/plugins';

/**
 * What the admin bundle is built from: the app's own admin, every local plugin's admin folder and package.json (whose
 * `./strapi-admin` export puts it in the bundle), src/shared (the admin's shared components and the types it shares
 * with the servers), the configuration (which plugins are on, the admin's path), the installed packages and the build script. Plugins
 * are listed from the folder, so a new one is covered unnamed.
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

/**
 * A fingerprint of everything the admin bundle is built from, and of the path it is served under: the bundle's URLs
 * start with PUBLIC_URL's path (`/admin` below `https://example.org/`, `/zm/admin` below `https://example.org/zm/`).
 */
const adminSourceHash = () => sourceHash(adminSources()).slice(0, 32) + new URL(process.env.PUBLIC_URL || 'http://localhost:1337').pathname.replace(/[^a-z0-9]+/gi, '-');

/**
 * Bundles built on this machine, by fingerprint, for another checkout of the same sources (a fresh clone, CI, a second
 * worktree): copied in a second instead of built in a minute. The three built last are kept.
 */
const keptDir = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'zusammen-mehr', 'admin-bundle');
const KEPT = 3;

function restoreKept(fingerprint: string): boolean {
  const kept = path.join(keptDir, fingerprint);
  if (!isCurrent(path.join(kept, '.source-hash'), fingerprint)) return false;
  fs.rmSync(buildDir, { recursive: true, force: true });
  fs.cpSync(kept, buildDir, { recursive: true });
  return true;
}

/** Best effort: a machine without a writable cache folder builds again next time. */
function keep(fingerprint: string) {
  try {
    fs.mkdirSync(keptDir, { recursive: true });
    const partial = path.join(keptDir, `${fingerprint}.${process.pid}.partial`);
    fs.cpSync(buildDir, partial, { recursive: true });
    fs.rmSync(path.join(keptDir, fingerprint), { recursive: true, force: true });
    fs.renameSync(partial, path.join(keptDir, fingerprint));
    const older = fs
      .readdirSync(keptDir)
      .filter((name) => !name.includes('.'))
      .map((name) => ({ name, at: fs.statSync(path.join(keptDir, name)).mtimeMs }))
      .sort((a, b) => b.at - a.at)
      .slice(KEPT);
    for (const { name } of older) fs.rmSync(path.join(keptDir, name), { recursive: true, force: true });
  } catch (error) {
    console.warn(`The admin bundle was not kept in ${keptDir} for later checkouts: ${(error as Error).message}`);
  }
}

/**
 * Builds the admin bundle (scripts/admin-bundle.ts), or takes the one kept for these sources, when it is missing or
 * was built from other sources; true when it did. It is built from the compiled app, so dist/ must be compiled first.
 */
export function buildAdminIfStale(): boolean {
  const wanted = adminSourceHash();
  if (isCurrent(stampFile, wanted)) return false;
  if (restoreKept(wanted)) {
    console.log(`Took the admin panel built from these sources on this machine before (${keptDir}).`);
    return true;
  }
  console.log('Building the admin panel (about half a minute) …');
  const result = spawnSync(process.execPath, [require.resolve('tsx/cli'), path.join(appDir, 'scripts', 'admin-bundle.ts')], { cwd: appDir, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('building the admin bundle failed; see the output above');
  fs.writeFileSync(stampFile, wanted);
  keep(wanted);
  return true;
}
