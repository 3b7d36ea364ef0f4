import path from 'path';
import type { Core } from '@strapi/strapi';
import { strapiModule } from './shared-modules';
import { testEnvironment } from './test-env';
import { createTestDatabase, type TestDatabase } from './database';

const appDir = path.resolve(__dirname, '..', '..');
const distDir = path.join(appDir, 'dist');

export interface TestApp {
  strapi: Core.Strapi;
  server: Core.Strapi['server']['httpServer'];
  /** Boots the same app again on the same database (a restart), after stopping this one. */
  restart(extraEnv?: Record<string, string>): Promise<TestApp>;
  stop(): Promise<void>;
}

async function boot(database: TestDatabase, extraEnv: Record<string, string>, baseEnv = testEnvironment()): Promise<Core.Strapi> {
  Object.assign(process.env, baseEnv, database.env, extraEnv);
  const app = await strapiModule().createStrapi({ appDir, distDir }).load();
  await app.server.mount();
  return app;
}

function wrap(app: Core.Strapi, database: TestDatabase, keepDatabase: boolean): TestApp {
  const shutdown = async () => {
    await app.destroy();
  };
  return {
    strapi: app,
    server: app.server.httpServer,
    async restart(extraEnv = {}) {
      await shutdown();
      return wrap(await boot(database, extraEnv), database, keepDatabase);
    },
    async stop() {
      await shutdown();
      if (!keepDatabase) await database.drop();
    },
  };
}

/**
 * Boots Strapi with exactly `environment` as far as the app's variables go (`cleared` are removed from the process
 * first), on a database the caller made and whose variables are part of `environment`.
 */
export async function startStrapiWithEnvironment(environment: Record<string, string>, cleared: string[], database: TestDatabase): Promise<TestApp> {
  for (const name of cleared) delete process.env[name];
  return wrap(await boot({ ...database, env: {} }, {}, environment), database, false);
}

/** Boots Strapi from the compiled dist/ (tests/support/global-setup.ts) against a fresh database. */
export async function startStrapi(extraEnv: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  return wrap(await boot(database, extraEnv), database, false);
}
