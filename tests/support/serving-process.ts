/*
 * The app as `strapi start` runs it, in a process of its own, for the shutdown test: loads the compiled app (the jest
 * globalSetup compiled it) on the database given by the environment, listens on a free loopback port, prints
 * {"port": …} and serves until a signal stops it — through the app's own signal handling, which is what is tested.
 */
import path from 'path';
import type { AddressInfo } from 'net';
import { createStrapi } from '@strapi/strapi';

async function main() {
  const appDir = path.resolve(__dirname, '..', '..');
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  await strapi.server.mount();
  const server = strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
