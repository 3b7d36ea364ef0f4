#!/usr/bin/env node
'use strict';
/*
 * `npm test`: type-check, run every test on SQLite, then the integration tests again on PostgreSQL
 * (postgres://postgres@127.0.0.1:5432/test unless TEST_POSTGRES_URL says otherwise). PostgreSQL is skipped only
 * when no server answers, and the output says so. Extra arguments go to jest (e.g. a test path).
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { Client } = require('pg');

const root = path.resolve(__dirname, '..');
const postgresUrl = process.env.TEST_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/test';
const args = process.argv.slice(2);

/*
 * Files that get a jest process of their own: the report charts load vega, which is ESM-only, through import().
 * Node keeps ES modules per process, bound to the jest environment that first imported them; a later test file in
 * the same process then fails with "Test environment has been torn down".
 */
const OWN_PROCESS = ['tests/integration/reports.test.ts'];

function run(command, commandArgs, env = {}) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

async function postgresAnswers() {
  const client = new Client({ connectionString: postgresUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch (error) {
    return error.message;
  } finally {
    await client.end().catch(() => {});
  }
}

function jest(label, jestArgs, env) {
  const report = path.join(root, '.tmp', `jest-${label}.json`);
  fs.mkdirSync(path.dirname(report), { recursive: true });
  fs.rmSync(report, { force: true });
  console.log(`\n=== ${label}: jest ${jestArgs.join(' ')} ===`);
  // Node's VM-module flag lets the report charts (vega, ESM-only) load through import() inside jest.
  const status = run(process.execPath, [
    '--experimental-vm-modules',
    require.resolve('jest/bin/jest'),
    '--runInBand',
    '--json',
    `--outputFile=${report}`,
    ...jestArgs,
  ], env);
  const summary = fs.existsSync(report)
    ? JSON.parse(fs.readFileSync(report, 'utf8'))
    : { numPassedTests: 0, numFailedTests: 1, numPendingTests: 0, numRuntimeErrorTestSuites: 1 };
  return {
    status,
    passed: summary.numPassedTests,
    failed: summary.numFailedTests + (summary.numRuntimeErrorTestSuites || 0),
    skipped: summary.numPendingTests,
  };
}

async function main() {
  const started = Date.now();
  console.log('=== type check (tsconfig.test.json) ===');
  const typecheck = run(process.execPath, [require.resolve('typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.test.json']);

  const ignoreOwn = OWN_PROCESS.flatMap((file) => ['--testPathIgnorePatterns', file]);
  const backend = (name, env, defaultArgs) =>
    args.length
      ? [jest(name, args, env)]
      : [jest(name, [...defaultArgs, ...ignoreOwn], env), ...OWN_PROCESS.map((file) => jest(`${name}-${path.basename(file, '.test.ts')}`, [file], env))];

  const runs = backend('sqlite', { TEST_DATABASE: 'sqlite' }, []);
  const pg = await postgresAnswers();
  if (pg === true) {
    runs.push(...backend('postgres', { TEST_DATABASE: 'postgres', TEST_POSTGRES_URL: postgresUrl }, ['tests/integration']));
  } else {
    console.log(`\nPostgreSQL did not answer at ${postgresUrl} (${pg}): SKIPPING the PostgreSQL run of the integration tests.`);
  }

  const total = runs.reduce(
    (sum, r) => ({ passed: sum.passed + r.passed, failed: sum.failed + r.failed, skipped: sum.skipped + r.skipped }),
    { passed: 0, failed: typecheck === 0 ? 0 : 1, skipped: 0 }
  );
  const ok = typecheck === 0 && runs.every((r) => r.status === 0);
  console.log(`\nType check: ${typecheck === 0 ? 'ok' : 'FAILED'}; jest runs: ${runs.length} (${pg === true ? 'SQLite + PostgreSQL' : 'SQLite only'}); ${Math.round((Date.now() - started) / 1000)} s`);
  console.log(`Total: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  process.exit(ok ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
