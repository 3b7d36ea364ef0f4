import crypto from 'crypto';
import fs from 'fs';
import http from 'http';
import type { AddressInfo } from 'net';
import path from 'path';
import { appDir } from '../load-strapi';

/** A throw-away environment for a benchmark: fresh SQLite file, random secrets, quiet logs, no background worker. */
export function benchEnvironment(name: string, extra: Record<string, string> = {}) {
  const file = path.join(appDir, '.tmp', `bench-${name}.db`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // The database file with its write-ahead log and index (config/database.ts) or an older rollback journal.
  const removeDatabase = () => {
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
  };
  removeDatabase();
  const secret = () => crypto.randomBytes(24).toString('base64');
  Object.assign(process.env, {
    NODE_ENV: 'production',
    APP_KEYS: `${secret()},${secret()}`,
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: file,
    LOG_LEVEL: 'error',
    STRAPI_TELEMETRY_DISABLED: 'true',
    YOUTUBE_SYNC_WORKER: 'false',
    ...extra,
  });
  return { cleanup: removeDatabase };
}

/** A terminal progress bar, redrawn only when it grows (so logs of the run stay short). */
export function progress(label: string, done: number, total: number) {
  const width = 30;
  const filled = Math.round((done / total) * width);
  if (done !== total && filled === Math.round(((done - 1) / total) * width)) return;
  process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
  if (done === total) process.stderr.write('\n');
}

/** Starts `server` on a free port of 127.0.0.1; its base URL. */
export function listen(server: http.Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}
