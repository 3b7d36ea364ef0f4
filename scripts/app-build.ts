import fs from 'fs';
import path from 'path';
import { compileStrapi } from '@strapi/strapi';
import { appDir, isCurrent, sourceHash } from './source-hash';

/**
 * The app's TypeScript is compiled to dist/ once per change, not once per jest run: a fingerprint of what
 * `compileStrapi` reads is kept beside the output, and a run whose sources match it loads what is there.
 */

const SOURCES = ['src', 'config', 'database/migrations', 'types', 'tsconfig.json', 'package-lock.json'];
const stampFile = path.join(appDir, 'dist', '.source-hash');

/** A fingerprint of everything the compiled app is built from; it also names the test template databases. */
export const appSourceHash = () => sourceHash(SOURCES).slice(0, 16);

/** Records that dist/ holds the app compiled from the current sources (`strapi build` compiles it too). */
export function markCompiled() {
  fs.mkdirSync(path.dirname(stampFile), { recursive: true });
  fs.writeFileSync(stampFile, appSourceHash());
}

/** Compiles unless dist/ was compiled from these very sources; true when it compiled. */
export async function compileIfChanged(): Promise<boolean> {
  if (isCurrent(stampFile, appSourceHash())) return false;
  await compileStrapi({ appDir });
  markCompiled();
  return true;
}
