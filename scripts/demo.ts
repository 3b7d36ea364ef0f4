/*
 * `npm run demo`: the whole system on this machine, without Google. Writes a .env with fresh secrets on the
 * first run, builds the admin panel when it is missing, starts the YouTube emulator beside Strapi and connects
 * the plugin to it, seeds demo content into an empty database, and serves on port 1337.
 */
import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import { DEFAULT_CLIENT, DEFAULT_REFRESH_TOKEN, startEmulator } from '../src/youtube-emulator';
import type { Core } from '@strapi/strapi';
import { appDir, compileApp, loadStrapi } from './load-strapi';
import { buildAdminIfStale } from './admin-build';
import { seedDemoContent } from '../src/seed/demo-content';

const envFile = path.join(appDir, '.env');
const EMULATOR_PORT = Number(process.env.YOUTUBE_EMULATOR_PORT ?? 8095);

const secret = () => crypto.randomBytes(24).toString('base64');

function ensureEnvFile() {
  if (fs.existsSync(envFile)) return;
  const password = `Demo-${crypto.randomBytes(6).toString('hex')}A1`;
  const emulator = `http://127.0.0.1:${EMULATOR_PORT}`;
  const lines = [
    '# Written by `npm run demo` on its first run. See .env.example for every variable.',
    `APP_KEYS=${secret()},${secret()}`,
    `API_TOKEN_SALT=${secret()}`,
    `ADMIN_JWT_SECRET=${secret()}`,
    `TRANSFER_TOKEN_SALT=${secret()}`,
    `JWT_SECRET=${secret()}`,
    `ENCRYPTION_KEY=${secret()}`,
    'DATABASE_CLIENT=sqlite',
    'DATABASE_FILENAME=.tmp/demo.db',
    'ADMIN_EMAIL=redaktion@zusammen-mehr.example',
    `ADMIN_PASSWORD=${password}`,
    '# The local YouTube emulator stands in for Google (README: "Switching to the real channel").',
    `YOUTUBE_API_ROOT=${emulator}/`,
    `YOUTUBE_TOKEN_URL=${emulator}/token`,
    `YOUTUBE_AUTH_URL=${emulator}/o/oauth2/v2/auth`,
    `YOUTUBE_REVOKE_URL=${emulator}/revoke`,
    `YOUTUBE_CLIENT_ID=${DEFAULT_CLIENT.clientId}`,
    `YOUTUBE_CLIENT_SECRET=${DEFAULT_CLIENT.clientSecret}`,
    'YOUTUBE_SYNC_INTERVAL_MS=3000',
    'YOUTUBE_EMULATOR_STATE_FILE=.tmp/youtube-emulator.json',
  ];
  fs.writeFileSync(envFile, `${lines.join('\n')}\n`, { mode: 0o600 });
  console.log('Wrote .env with fresh random secrets and a demo administrator.');
}

function loadEnvFile() {
  for (const line of fs.readFileSync(envFile, 'utf8').split('\n')) {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (match && process.env[match[1]] === undefined) process.env[match[1]] = match[2];
  }
}

/**
 * Connects the channel the way an editor's "Mit YouTube verbinden" would, so the settings page shows a stored
 * connection that can be disconnected and connected again. A connection kept from an earlier run stays.
 */
async function connectEmulatorChannel(strapi: Core.Strapi) {
  const adminApi = strapi.plugin('youtube-sync').service('admin-api');
  if ((await adminApi.connection()).connected) return;
  try {
    const channel = await adminApi.connectWithRefreshToken({ ...DEFAULT_CLIENT, refreshToken: DEFAULT_REFRESH_TOKEN }, 'npm run demo');
    console.log(`YouTube-Kanal „${channel.title}“ (Emulator) verbunden.`);
  } catch (error) {
    console.warn(`The YouTube emulator channel could not be connected (${error instanceof Error ? error.message : error}); connect it on the plugin's settings page.`);
  }
}

function progressBar(done: number, total: number) {
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stdout.write(`\r  Demo-Geschichten [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
  if (done === total) process.stdout.write('\n');
}

async function main() {
  ensureEnvFile();
  loadEnvFile();
  // The admin bundle is built from the compiled app.
  compileApp();
  buildAdminIfStale();
  fs.mkdirSync(path.join(appDir, '.tmp'), { recursive: true });
  const emulator = await startEmulator({
    port: EMULATOR_PORT,
    stateFile: process.env.YOUTUBE_EMULATOR_STATE_FILE ? path.resolve(appDir, process.env.YOUTUBE_EMULATOR_STATE_FILE) : undefined,
  });
  const strapi = await loadStrapi({ compiled: true });
  await connectEmulatorChannel(strapi);
  const stories = await strapi.db.query('api::story.story').count();
  if (stories === 0 || process.env.DEMO_RESEED === 'true') {
    console.log('Seeding demo content …');
    const seeded = await seedDemoContent(strapi, progressBar);
    console.log(`  ${seeded.projects} projects, ${seeded.stories} published stories, ${seeded.submissions} submissions in the review queue.`);
  } else {
    console.log(`The database already holds ${stories} stories: demo content not added (set DEMO_RESEED=true to add it anyway).`);
  }
  await strapi.start();
  const url = process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 1337}`;
  console.log(
    [
      '',
      'ZUSAMMEN. MEHR. läuft.',
      `  Admin:            ${url}/admin`,
      `  Anmeldung:        ${process.env.ADMIN_EMAIL} / ${process.env.ADMIN_PASSWORD}  (aus .env)`,
      `  Geschichten:      ${url}/geschichten`,
      `  Mitmachen:        ${url}/mitmachen`,
      `  Widget (iframe):  ${url}/embed/stories?region=goettingen`,
      `  Für Partner:      ${url}/partner  (Widget, Banner, Newsletter, Druckdateien)`,
      `  Öffentliche API:  ${url}/api/v1/stories  (Beschreibung: ${url}/api/v1/openapi.json)`,
      `  YouTube-Emulator: ${emulator.url}/  (was der Kanal zeigen würde)`,
      'Beenden mit Strg+C.',
      '',
    ].join('\n')
  );
  // Strapi stops on the signal by itself (the operations plugin lets requests and jobs under way finish, then ends
  // the process); destroying it here as well failed that shutdown ("Destroy … has already been called"). The emulator
  // beside it writes its state file as it closes.
  const stop = () => void emulator.close();
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
