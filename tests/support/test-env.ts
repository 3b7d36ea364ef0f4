import crypto from 'crypto';
import path from 'path';

const random = () => crypto.randomBytes(24).toString('base64');

let secrets: Record<string, string> | undefined;

/**
 * Secrets and quiet defaults every test app boots with; a test overrides single variables. The secrets stay the
 * same within one process so that a restarted app can still read what the first one encrypted.
 */
export function testEnvironment(): Record<string, string> {
  secrets ??= {
    NODE_ENV: 'test',
    // Strapi reads a .env (dotenv) when it loads: the demo's would lend a test app — or a template database — its
    // administrator, SMTP server and YouTube settings. A file that does not exist keeps it out.
    ENV_PATH: path.resolve(__dirname, '..', '..', '.tmp', 'tests-read-no.env'),
    APP_KEYS: `${random()},${random()}`,
    API_TOKEN_SALT: random(),
    ADMIN_JWT_SECRET: random(),
    TRANSFER_TOKEN_SALT: random(),
    JWT_SECRET: random(),
    ENCRYPTION_KEY: random(),
    LOG_LEVEL: 'error',
    STRAPI_TELEMETRY_DISABLED: 'true',
    STRAPI_DISABLE_UPDATE_NOTIFICATION: 'true',
    PUBLIC_URL: 'http://localhost:1337',
    // The fastest AVIF encoding: the tests check which copies a cover gets, not their size (0.15 s of CPU a cover
    // instead of 0.85 s; the demo's seeding test makes 40 of them).
    COVER_AVIF_EFFORT: '0',
  };
  return { ...secrets };
}
