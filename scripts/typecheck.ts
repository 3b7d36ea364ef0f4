import fs from 'fs';
import path from 'path';
import { spawnSync } from 'child_process';
import { keep, machineCacheDir, restoreKept } from './machine-cache';
import { appDir, sourceHash } from './source-hash';

/**
 * `npm test`'s type check of one TypeScript project: `node --import tsx scripts/typecheck.ts <label> <tsconfig>`.
 *
 * A verdict is a function of what the compiler reads — the project's sources, its tsconfig files and the installed
 * packages (package-lock.json and what npm actually installed) — so sources that passed on this machine before pass again: the check is then skipped
 * and says so. Otherwise `tsc` checks incrementally, from the build information of the last check in this checkout
 * or, in a new checkout, from the one kept on this machine (TypeScript compares every file's content with it, so
 * stale information only costs time). A fresh clone's check took 42–56 s of a core with neither, 10–13 s with the
 * build information, 1 s with a verdict.
 */
// node_modules/.package-lock.json: what npm actually installed, which may differ from what package-lock.json asks for.
const INPUTS = ['config', 'src', 'types', 'tests', 'scripts', 'package.json', 'package-lock.json', 'node_modules/.package-lock.json'];
const BUILD_INFO = 'typecheck-buildinfo';

const [label, project] = process.argv.slice(2);
if (!label || !project) throw new Error('usage: scripts/typecheck.ts <label> <tsconfig file>');
const VERDICTS = `${label}-verdicts`;

const tsconfigs = fs.readdirSync(appDir).filter((name) => /^tsconfig.*\.json$/.test(name));
const inputsHash = () => `${path.basename(project, '.json').replace(/[^a-z0-9]+/gi, '-')}-${sourceHash([...INPUTS, ...tsconfigs]).slice(0, 32)}`;
const fingerprint = inputsHash();
const verdictFile = path.join(appDir, '.tmp', `${label}.verdict`);
const buildInfo = path.join('.tmp', `${label}.tsbuildinfo`);

if (restoreKept(VERDICTS, fingerprint, verdictFile)) {
  const { checkedAt } = JSON.parse(fs.readFileSync(verdictFile, 'utf8')) as { checkedAt: string };
  console.log(`${project}: no errors — these very sources passed the type check on this machine at ${checkedAt} (${machineCacheDir(VERDICTS)}).`);
  process.exit(0);
}
if (!fs.existsSync(path.join(appDir, buildInfo))) restoreKept(BUILD_INFO, label, path.join(appDir, buildInfo));
const result = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '--noEmit', '--incremental', '--tsBuildInfoFile', buildInfo, '-p', project], {
  cwd: appDir,
  stdio: 'inherit',
});
if (result.status !== 0) process.exit(result.status ?? 1);
console.log(`${project}: no errors.`);
keep(BUILD_INFO, label, path.join(appDir, buildInfo));
// A file edited while tsc ran may not be what it read: that verdict is not kept.
if (inputsHash() === fingerprint) {
  fs.writeFileSync(verdictFile, JSON.stringify({ project, checkedAt: new Date().toISOString() }));
  keep(VERDICTS, fingerprint, verdictFile);
}
