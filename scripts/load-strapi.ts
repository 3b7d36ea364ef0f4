import path from 'path';
import { compileStrapi, createStrapi, type Core } from '@strapi/strapi';

export const appDir = path.resolve(__dirname, '..');

/** Compiles the app (TypeScript → dist/, incremental) and loads Strapi on the configured database, without serving. */
export async function loadStrapi(): Promise<Core.Strapi> {
  process.chdir(appDir);
  const { distDir } = await compileStrapi({ appDir });
  return createStrapi({ appDir, distDir }).load();
}
