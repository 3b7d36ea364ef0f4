'use strict';
/*
 * A whole app instance in a process of its own, for the tests that run two instances side by side and kill one:
 * loads the compiled app (the jest globalSetup compiled it) with the environment it was given, listens on PORT and
 * prints "ready" once it serves requests. Plain JavaScript run by node itself: under a TypeScript loader, each of
 * Strapi's thousands of modules would be loaded through its hooks (a second of CPU).
 */
const path = require('path');
const { createStrapi } = require('@strapi/strapi');

async function main() {
  const appDir = path.resolve(__dirname, '..', '..');
  await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).start();
  process.stdout.write('ready\n');
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
