import { appSourceHash, compileIfChanged } from '../../scripts/app-build';
import { currentBackend } from './database';
import { ensureTemplate } from './template';
import { testEnvironment } from './test-env';

/**
 * Once per jest run: compile the app unless dist/ is current (scripts/test.js compiles before its passes start),
 * then make sure the template database of this backend exists; each test file loads the compiled app on a copy.
 */
export default async function globalSetup() {
  Object.assign(process.env, testEnvironment());
  await compileIfChanged();
  const sourceHash = appSourceHash();
  await ensureTemplate(currentBackend(), sourceHash);
  process.env.TEST_TEMPLATE = sourceHash;
}
