import path from 'path';
import { spawnSync } from 'child_process';
import { createStrapi, type Core } from '@strapi/strapi';
import { appDir } from './source-hash';

export { appDir };
const distDir = path.join(appDir, 'dist');

/**
 * Compiles the app (TypeScript → dist/, incremental, as `strapi build` does, type errors stop it) in a child process,
 * so that the type checker's memory is given back before Strapi starts.
 */
export function compileApp() {
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: appDir, stdio: 'inherit' });
  if (tsc.status !== 0) throw new Error('compiling the app failed (TypeScript errors above); nothing was started');
}

/** Loads Strapi from dist/ on the configured database, without serving; compiles first unless the caller just did. */
export async function loadStrapi({ compiled = false } = {}): Promise<Core.Strapi> {
  process.chdir(appDir);
  if (!compiled) compileApp();
  return createStrapi({ appDir, distDir }).load();
}
