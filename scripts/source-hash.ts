import crypto from 'crypto';
import fs from 'fs';
import path from 'path';

export const appDir = path.resolve(__dirname, '..');

function* files(entry: string): Generator<string> {
  const full = path.join(appDir, entry);
  if (!fs.existsSync(full)) return;
  if (fs.statSync(full).isFile()) {
    yield entry;
    return;
  }
  for (const name of fs.readdirSync(full).sort()) yield* files(path.join(entry, name));
}

/** A fingerprint of the files under `entries` (paths relative to the app), names and contents alike. */
export function sourceHash(entries: readonly string[]): string {
  const hash = crypto.createHash('sha256');
  for (const entry of entries) {
    for (const file of files(entry)) hash.update(file).update(fs.readFileSync(path.join(appDir, file)));
  }
  return hash.digest('hex');
}

/** Whether `stampFile` records `wanted`, i.e. the output beside it was built from these sources. */
export const isCurrent = (stampFile: string, wanted: string) => fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === wanted;
