/*
 * A whole app instance in a process of its own, for the tests that run two instances side by side and kill one:
 * loads the compiled app (the jest globalSetup compiled it) with the environment it was given, listens on PORT and
 * prints "ready" once it serves requests.
 */
import path from 'path';
import { createStrapi } from '@strapi/strapi';

async function main() {
  const appDir = path.resolve(__dirname, '..', '..');
  await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).start();
  process.stdout.write('ready\n');
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
