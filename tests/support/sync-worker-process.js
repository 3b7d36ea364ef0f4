'use strict';
/*
 * A separate worker process for the crash and multi-instance tests: loads the already compiled app (the jest
 * globalSetup compiled it) on the database given by the environment, drains the sync queue once and exits, printing
 * its summary; with SYNC_WORKER_WAIT_FOR_GO=1 it prints "ready" once loaded and drains when a line comes on stdin.
 * Plain JavaScript run by node itself: under a TypeScript loader, each of Strapi's thousands of modules would be
 * loaded through its hooks (a second of CPU).
 */
const path = require('path');
const { createStrapi } = require('@strapi/strapi');

async function main() {
  const appDir = path.resolve(__dirname, '..', '..');
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  if (process.env.SYNC_WORKER_WAIT_FOR_GO === '1') {
    // Loaded: the multi-instance test starts the drains of all its workers at once, so they claim side by side.
    process.stdout.write('ready\n');
    await new Promise((resolve) => process.stdin.once('data', resolve));
  }
  const summary = await strapi.plugin('youtube-sync').service('sync').drain();
  process.stdout.write(`${JSON.stringify({ pid: process.pid, ...summary })}\n`);
  await strapi.destroy();
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error.stack}\n`);
    process.exit(1);
  }
);
