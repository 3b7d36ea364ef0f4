import fs from 'fs';
import path from 'path';
import { spawnSync } from 'child_process';
import { appDir, isCurrent, sourceHash } from './source-hash';

const PLUGINS_DIR = 'src/plugins';

/**
 * What the admin bundle is built from: the app's own admin, every local plugin's admin folder and package.json (whose
 * `./strapi-admin` export puts it in the bundle), src/shared (the admin's shared components and the types it shares
 * with the servers) and the installed packages. Plugins are listed from the folder, so a new one is covered unnamed.
 */
function adminSources(): string[] {
  const plugins = fs.readdirSync(path.join(appDir, PLUGINS_DIR)).sort();
  return [
    'src/admin',
    ...plugins.flatMap((plugin) => [`${PLUGINS_DIR}/${plugin}/admin`, `${PLUGINS_DIR}/${plugin}/package.json`]),
    'src/shared',
    'package-lock.json',
  ];
}

const stampFile = path.join(appDir, 'dist', 'build', '.source-hash');

/** A fingerprint of everything the admin bundle is built from. */
const adminSourceHash = () => sourceHash(adminSources());

/**
 * Builds the admin bundle (scripts/admin-bundle.ts) when it is missing or was built from other sources; true when it
 * built. It is built from the compiled app, so dist/ must be compiled first.
 */
export function buildAdminIfStale(): boolean {
  const wanted = adminSourceHash();
  if (isCurrent(stampFile, wanted)) return false;
  console.log('Building the admin panel (about half a minute) …');
  const result = spawnSync(process.execPath, [require.resolve('tsx/cli'), path.join(appDir, 'scripts', 'admin-bundle.ts')], { cwd: appDir, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('building the admin bundle failed; see the output above');
  fs.writeFileSync(stampFile, wanted);
  return true;
}
