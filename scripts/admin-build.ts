import fs from 'fs';
import path from 'path';
import { spawnSync } from 'child_process';
import { appDir, isCurrent, sourceHash } from './source-hash';

const SOURCES = ['src/admin', 'src/plugins/youtube-sync/admin', 'src/shared', 'src/plugins/youtube-sync/package.json', 'package-lock.json'];
const stampFile = path.join(appDir, 'dist', 'build', '.source-hash');

/** A fingerprint of everything the admin bundle is built from. */
const adminSourceHash = () => sourceHash(SOURCES);

/** Runs `strapi build` when the admin bundle is missing or was built from other sources; true when it built. */
export function buildAdminIfStale(): boolean {
  const wanted = adminSourceHash();
  if (isCurrent(stampFile, wanted)) return false;
  console.log('Building the admin panel (about a minute) …');
  const result = spawnSync(path.join(appDir, 'node_modules', '.bin', 'strapi'), ['build'], { cwd: appDir, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('`strapi build` failed; see the output above');
  fs.writeFileSync(stampFile, wanted);
  return true;
}
