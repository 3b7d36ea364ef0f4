import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import { spawnSync } from 'child_process';
import { appDir } from './load-strapi';

const SOURCES = ['src/admin', 'src/plugins/youtube-sync/admin', 'src/plugins/youtube-sync/shared', 'src/plugins/youtube-sync/package.json', 'package-lock.json'];
const stampFile = path.join(appDir, 'dist', 'build', '.source-hash');

function* files(entry: string): Generator<string> {
  const full = path.join(appDir, entry);
  if (!fs.existsSync(full)) return;
  if (fs.statSync(full).isFile()) {
    yield full;
    return;
  }
  for (const name of fs.readdirSync(full).sort()) yield* files(path.join(entry, name));
}

/** A fingerprint of everything the admin bundle is built from. */
export function adminSourceHash(): string {
  const hash = crypto.createHash('sha256');
  for (const entry of SOURCES) {
    for (const file of files(entry)) hash.update(path.relative(appDir, file)).update(fs.readFileSync(file));
  }
  return hash.digest('hex');
}

/** Runs `strapi build` when the admin bundle is missing or was built from other sources; true when it built. */
export function buildAdminIfStale(): boolean {
  const wanted = adminSourceHash();
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === wanted) return false;
  console.log('Building the admin panel (about a minute) …');
  const result = spawnSync(path.join(appDir, 'node_modules', '.bin', 'strapi'), ['build'], { cwd: appDir, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('`strapi build` failed; see the output above');
  fs.writeFileSync(stampFile, wanted);
  return true;
}
