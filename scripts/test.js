#!/usr/bin/env node
'use strict';
/*
 * `npm test`: the compiled app and the template databases (each only when the sources changed), then two passes side
 * by side: every test on SQLite, and the integration tests again on PostgreSQL (postgres://postgres@127.0.0.1:5432/test
 * unless TEST_POSTGRES_URL says otherwise; skipped only when no server answers, and the output says so). The type checks
 * run beside it all, and so does the admin bundle's build, for which the admin's browser tests wait. Each pass has its
 * own temp, upload and public folders, so no two see each other's files. The run ends with the time of each phase and
 * the five slowest test files.
 *
 * `npm test -- <test files>`: the same for the given files. `npm run test:file -- <file>`: one file, SQLite only (or
 * TEST_DATABASE=postgres), no type check — seconds once the app is compiled and the template database exists.
 */
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const readline = require('readline');
const { Client } = require('pg');

const root = path.resolve(__dirname, '..');
const postgresUrl = process.env.TEST_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/test';

const ADMIN_TSCONFIG = 'tsconfig.admin.json';

/*
 * jest workers per pass (TEST_WORKERS overrides; each worker has its own folders and loads Strapi once). Two per pass
 * keep both cores busy while files wait on child processes and timers: a whole run took 758 s with two against
 * 1,214 s with one the same evening (the second run also had Strapi loaded once per worker).
 */
const WORKERS = process.env.TEST_WORKERS || '2';

/*
 * A larger young generation for the Node processes of the run (the type checks, the builds, the jest workers, the Node
 * LTS smoke, and the app instances and sync workers a test starts):
 * Strapi's boots and requests make many short-lived objects, and with 16 MB of semi-space V8 spends much of its time
 * scavenging. The SQLite pass alone on this machine: 265 and 268 s of CPU with the default, 245 and 245 s with
 * 64 MB (32 MB: 267 s; 128 MB: 242 s, twice the memory for little more).
 */
process.env.NODE_OPTIONS = [process.env.NODE_OPTIONS, '--max-semi-space-size=64'].filter(Boolean).join(' ');

const seconds = (ms) => Math.round(ms / 1000);

/*
 * pg's warning for a query sent while its connection is busy (pg 9 refuses such a query). tests/support/pg-concurrency.ts
 * fails the test file whose query it was; a warning printed by any process of a run — a child app, a sync worker —
 * fails the run here. pg prints it once per process, so each one counts.
 */
const PG_OVERLAP_WARNING = 'Calling client.query() when the client is already executing a query';
const pgOverlapWarnings = new Map();

function reportPgOverlapWarnings() {
  for (const [label, count] of pgOverlapWarnings) {
    console.log(`\nFAILED: pg warned ${count}× in [${label}]: "${PG_OVERLAP_WARNING}" — a query went to a busy connection (see above).`);
  }
}

/** A child process whose output lines are printed with a label (two passes print at once); resolves to its exit code. */
function runLabelled(label, command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [child.stdout, child.stderr]) {
      readline.createInterface({ input: stream }).on('line', (line) => {
        if (line.includes(PG_OVERLAP_WARNING)) pgOverlapWarnings.set(label, (pgOverlapWarnings.get(label) ?? 0) + 1);
        process.stdout.write(`[${label}] ${line}\n`);
      });
    }
    child.on('close', (code) => resolve(code ?? 1));
  });
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

/**
 * The folder of one pass: each jest worker makes its own temp, upload, report, private media and public folders below
 * it (tests/support/worker-environment.ts), so no two files running at once share one.
 */
function passFolder(name) {
  const base = path.join(root, '.tmp', 'passes', name);
  fs.rmSync(base, { recursive: true, force: true });
  fs.mkdirSync(base, { recursive: true });
  return { TEST_PASS_DIR: base };
}

/** What each test file of a run cost, as tests/support/worker-environment.ts recorded it (wall, CPU, waiting). */
function fileUsage(passDir) {
  const log = path.join(passDir, 'usage.jsonl');
  if (!fs.existsSync(log)) return new Map();
  const lines = fs.readFileSync(log, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
  return new Map(lines.map((line) => [line.file, line]));
}

/** A jest --json report; a run that wrote none (it crashed) counts as one failure. */
function readReport(report) {
  return fs.existsSync(report)
    ? JSON.parse(fs.readFileSync(report, 'utf8'))
    : { numPassedTests: 0, numFailedTests: 1, numPendingTests: 0, numRuntimeErrorTestSuites: 1, testResults: [] };
}

/**
 * The smoke test on the current Node LTS (scripts/test-on-node-lts.sh: its binary comes from the npm registry), so
 * that `npm test` — and with it CI — checks the app boots, answers, takes a submission and syncs on it too.
 */
async function nodeLtsSmoke() {
  const report = path.join(root, '.tmp', 'jest-node-lts.json');
  fs.rmSync(report, { force: true });
  const startedAt = Date.now();
  const status = await runLabelled('node-lts', 'bash', ['scripts/test-on-node-lts.sh', '--json', `--outputFile=${report}`], passFolder('node-lts'));
  const summary = readReport(report);
  return {
    label: 'node-lts',
    status,
    ms: Date.now() - startedAt,
    passed: summary.numPassedTests,
    failed: summary.numFailedTests || (status === 0 ? 0 : 1),
    // The smoke test picks three tests out of three files (-t): the rest of those files is left out on purpose.
    skipped: 0,
    files: [],
  };
}

/** One jest process; its JSON report gives the counts and each file's duration. */
async function jest(label, jestArgs, env) {
  const report = path.join(root, '.tmp', `jest-${label}.json`);
  fs.mkdirSync(path.dirname(report), { recursive: true });
  fs.rmSync(report, { force: true });
  const startedAt = Date.now();
  /*
   * Node's VM-module flag lets the report charts (vega, ESM-only) load through import() inside jest. The jest workers
   * inherit this process's flags: with V8's garbage collector on the main thread only, a worker does not compete for
   * the two cores with helper threads while the other pass uses them too (the SQLite pass alone: 222 → 199 and 191 s
   * of CPU, 169 → 153 and 147 s).
   */
  const status = await runLabelled(
    label,
    process.execPath,
    ['--experimental-vm-modules', '--single-threaded-gc', require.resolve('jest/bin/jest'), `--maxWorkers=${WORKERS}`, '--json', `--outputFile=${report}`, ...jestArgs],
    env
  );
  const summary = readReport(report);
  const usage = fileUsage(env.TEST_PASS_DIR);
  return {
    label,
    status,
    ms: Date.now() - startedAt,
    passed: summary.numPassedTests,
    // A file can fail outside its tests (an afterAll check, a crash while loading): it counts as one failure.
    failed: summary.numFailedTests + summary.testResults.filter((r) => r.status === 'failed' && !r.numFailingTests).length,
    skipped: summary.numPendingTests,
    files: summary.testResults.map((r) => {
      const file = path.relative(root, r.name);
      return { label, file, startedAt: r.startTime, endedAt: r.endTime, ms: r.endTime - r.startTime, cpuMs: usage.get(file)?.cpuMs };
    }),
  };
}

/**
 * One pass: the given files (jest path patterns). The report charts' vega, ESM-only, is imported by the app that the
 * worker loads outside the test files' sandboxes, so the report tests share the workers too.
 */
function pass(name, env, files) {
  return jest(name, files, { ...env, ...passFolder(name) });
}

const BROWSER_TESTS = 'tests/browser';
const isBrowserTest = (file) => path.relative(root, path.resolve(root, file)).split(path.sep).join('/').startsWith(`${BROWSER_TESTS}/`);

/**
 * The browser tests' line of the timing table: they run in the SQLite pass beside its other files, so their phase is
 * from the first one's start to the last one's end.
 */
function browserPhase(runs) {
  const files = runs.flatMap((r) => r.files).filter((f) => isBrowserTest(f.file));
  if (!files.length) return null;
  return {
    name: `browser tests (${files.length} files, SQLite pass)`,
    from: Math.min(...files.map((f) => f.startedAt)),
    to: Math.max(...files.map((f) => f.endedAt)),
  };
}

/** A phase's line of the timing table: its start and end after the run's start, so overlapping phases read as such. */
function timed(name, started, promise) {
  return promise.then((result) => ({ name, from: started, to: Date.now(), result }));
}

async function main() {
  const args = process.argv.slice(2);
  const single = args[0] === '--file';
  const files = single ? args.slice(1) : args;
  const started = Date.now();

  if (single) {
    const database = process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';
    const r = await pass(database, { TEST_DATABASE: database, TEST_POSTGRES_URL: postgresUrl }, files);
    reportPgOverlapWarnings();
    console.log(`\n${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped (${database}, ${seconds(Date.now() - started)} s)`);
    process.exit(r.status === 0 && !pgOverlapWarnings.size ? 0 : 1);
  }

  const pg = await postgresAnswers();
  const tsx = require.resolve('tsx/cli');
  const prepare = (step, env = {}) => runLabelled(`prepare-${step}`, process.execPath, [tsx, 'tests/support/prepare.ts', step], env);
  // Skipped for sources that passed on this machine before, incremental otherwise (scripts/typecheck.ts).
  const tsc = (label, project) => runLabelled(label, process.execPath, ['--import', 'tsx', 'scripts/typecheck.ts', label, project], {});

  /*
   * The machine is busy for the whole run, so nothing waits that need not: the type checks run beside everything
   * (their verdict counts at the end); the passes start once the compiled app and the template databases exist; the
   * admin bundle is built beside the passes, and only the browser tests wait for it.
   */
  console.log('=== compiled app and template databases; type checks beside ===');
  const typecheck = timed('type check (beside)', Date.now(), Promise.all([tsc('typecheck', 'tsconfig.test.json'), tsc('typecheck-admin', ADMIN_TSCONFIG)]));
  const prepared = await timed(
    'compiled app, template databases',
    Date.now(),
    prepare('app', { TEST_BACKENDS: pg === true ? 'sqlite,postgres' : 'sqlite', TEST_POSTGRES_URL: postgresUrl })
  );
  if (prepared.result !== 0) {
    console.log('\nPreparation failed (see [prepare-app] above): no test ran.');
    console.log('Total: 0 passed, 1 failed, 0 skipped');
    process.exit(1);
  }

  const browserFiles = files.filter(isBrowserTest);
  const otherFiles = files.filter((file) => !isBrowserTest(file));
  const withBrowser = !files.length || browserFiles.length > 0;
  if (pg !== true) console.log(`\nPostgreSQL did not answer at ${postgresUrl} (${pg}): SKIPPING the PostgreSQL pass of the integration tests.`);
  console.log(`\n=== test passes: SQLite${pg === true ? ' and PostgreSQL side by side' : ''}${withBrowser ? '; the admin bundle built beside' : ''} ===`);
  const runs = [];
  const passesStarted = Date.now();
  /*
   * The admin's browser tests wait for the bundle (tests/support/browser.ts), the other tests of the SQLite pass go on
   * meanwhile. A separate pass for the browser tests would add jest workers, and more processes than the two cores can
   * run at once cost more CPU for the same work: with a third pass of two workers, each file took about a fifth more.
   */
  const adminStatus = path.join(root, '.tmp', 'admin-bundle.status');
  fs.rmSync(adminStatus, { force: true });
  const admin = withBrowser ? timed('admin bundle (beside)', Date.now(), prepare('admin', { TEST_ADMIN_BUNDLE: adminStatus })) : null;
  runs.push(pass('sqlite', { TEST_DATABASE: 'sqlite', ...(withBrowser && { TEST_ADMIN_BUNDLE: adminStatus }) }, files));
  if (pg === true && (!files.length || otherFiles.length)) {
    runs.push(pass('postgres', { TEST_DATABASE: 'postgres', TEST_POSTGRES_URL: postgresUrl }, files.length ? otherFiles : ['tests/integration']));
  }
  // On PostgreSQL only (better-sqlite3 is built for the Node that ran npm ci); part of the whole suite, not of a file list.
  if (pg === true && !files.length) runs.push(nodeLtsSmoke());
  const done = await Promise.all(runs);
  const passes = { name: 'test passes (wall)', from: passesStarted, to: Date.now() };
  const checked = await typecheck;
  const bundled = admin && (await admin);
  const browser = browserPhase(done);
  const phases = [prepared, checked, ...(bundled ? [bundled] : []), passes, ...(browser ? [browser] : [])];
  const typecheckOk = checked.result.every((code) => code === 0);
  const adminOk = !bundled || bundled.result === 0;

  const total = done.reduce(
    (sum, r) => ({ passed: sum.passed + r.passed, failed: sum.failed + r.failed, skipped: sum.skipped + r.skipped }),
    { passed: 0, failed: (typecheckOk ? 0 : 1) + (adminOk ? 0 : 1) + pgOverlapWarnings.size, skipped: 0 }
  );
  const ok = typecheckOk && adminOk && !pgOverlapWarnings.size && done.every((r) => r.status === 0);
  console.log('\n=== timing (s: from – to after the start, and how long) ===');
  for (const phase of phases) {
    console.log(`${phase.name.padEnd(38)} ${String(seconds(phase.from - started)).padStart(4)} – ${String(seconds(phase.to - started)).padEnd(4)} ${String(seconds(phase.to - phase.from)).padStart(5)} s`);
  }
  for (const r of done) console.log(`  jest ${r.label.padEnd(33)} ${String(seconds(r.ms)).padStart(15)} s  (${r.passed} passed, ${r.failed} failed)`);
  console.log('five slowest test files (wall, and CPU of the file with its child processes):');
  for (const f of done.flatMap((r) => r.files).sort((a, b) => b.ms - a.ms).slice(0, 5)) {
    const cpu = f.cpuMs === undefined ? '' : `${String(seconds(f.cpuMs)).padStart(4)} s CPU`;
    console.log(`  ${String(seconds(f.ms)).padStart(5)} s ${cpu.padEnd(10)} ${f.label.padEnd(9)} ${f.file}`);
  }
  reportPgOverlapWarnings();
  console.log(`\nType check: ${typecheckOk ? 'ok' : 'FAILED'}${adminOk ? '' : '; admin bundle: FAILED (see [prepare-admin])'}; jest runs: ${done.length} (${pg === true ? 'SQLite + PostgreSQL' : 'SQLite only'}); ${seconds(Date.now() - started)} s`);
  console.log(`Total: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  process.exit(ok ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
