/**
 * Strapi boots once per test file; scripts/test.js runs several files of a pass at once in jest workers, each worker
 * with folders of its own (tests/support/worker-environment.ts).
 */
module.exports = {
  testEnvironment: '<rootDir>/tests/support/worker-environment.ts',
  // A few heavy, stateless packages are loaded once per worker, not once per test file.
  runtime: '<rootDir>/tests/support/shared-runtime.js',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest'] },
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  // On PostgreSQL, two queries side by side on one connection fail the test file (tests/support/pg-concurrency.ts).
  setupFilesAfterEnv: process.env.TEST_DATABASE === 'postgres' ? ['<rootDir>/tests/support/pg-concurrency.ts'] : [],
  // Several workers of two passes share the machine's cores, so a file's CPU-bound test takes longer than alone.
  testTimeout: 300000,
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.tmp/', '<rootDir>/build/'],
};
