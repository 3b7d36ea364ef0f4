/*
 * One sync worker of `npm run bench:chaos`: Strapi loaded from the compiled dist/ on the benchmark's database, with
 * the in-server worker switched on (environment from the parent). It runs until the benchmark kills it.
 */
import path from 'path';
import { createStrapi } from '@strapi/strapi';

async function main() {
  const appDir = path.resolve(__dirname, '..', '..');
  await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  process.stdout.write('ready\n');
  // The worker's own timer does not hold the process open.
  setInterval(() => undefined, 60_000);
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
