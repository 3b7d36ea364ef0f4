import { compileStrapi } from '@strapi/strapi';
import { testEnvironment } from './test-env';

/** Compile the app (TypeScript → dist/) once for the whole run; each test file then only loads it. */
export default async function globalSetup() {
  Object.assign(process.env, testEnvironment());
  await compileStrapi({ appDir: process.cwd() });
}
