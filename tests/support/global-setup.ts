import { appSourceHash, compileIfChanged } from '../../scripts/app-build';
import { currentBackend, POSTGRES_URL, withClient } from './database';
import { ensureMemoryTablespace } from './memory-tablespace';
import { ensureTemplate } from './template';
import { testEnvironment } from './test-env';

/**
 * Once per jest run: compile the app unless dist/ is current (scripts/test.js compiles before its passes start),
 * then make sure the template database of this backend exists; each test file loads the compiled app on a copy (on
 * PostgreSQL in a tablespace in memory where the server allows it).
 */
export default async function globalSetup() {
  Object.assign(process.env, testEnvironment());
  await compileIfChanged();
  const sourceHash = appSourceHash();
  await ensureTemplate(currentBackend(), sourceHash);
  process.env.TEST_TEMPLATE = sourceHash;
  if (currentBackend() === 'postgres') {
    const tablespace = await withClient((client) => ensureMemoryTablespace(client, POSTGRES_URL));
    if (tablespace) process.env.TEST_PG_TABLESPACE = tablespace;
  }
}
