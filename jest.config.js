/** Strapi boots once per test file, so files of one pass run one after another (--runInBand, set by scripts/test.js). */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest'] },
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  // On PostgreSQL, two queries side by side on one connection fail the test file (tests/support/pg-concurrency.ts).
  setupFilesAfterEnv: process.env.TEST_DATABASE === 'postgres' ? ['<rootDir>/tests/support/pg-concurrency.ts'] : [],
  testTimeout: 120000,
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.tmp/', '<rootDir>/build/'],
};
