import path from 'path';
import { spawnSync } from 'child_process';
import { createStrapi, type Core } from '@strapi/strapi';
import { appDir } from './source-hash';

export { appDir };
const distDir = path.join(appDir, 'dist');

/**
 * Compiles the app (TypeScript → dist/, incremental, as `strapi build` does) in a child process — so the type
 * checker's memory is given back before Strapi starts — then loads Strapi on the configured database, without serving.
 */
export async function loadStrapi(): Promise<Core.Strapi> {
  process.chdir(appDir);
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: appDir, stdio: 'inherit' });
  if (tsc.status !== 0) throw new Error('compiling the app failed (TypeScript errors above); nothing was started');
  return createStrapi({ appDir, distDir }).load();
}
