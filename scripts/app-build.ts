import fs from 'fs';
import path from 'path';
import type ts from 'typescript';
import { appDir, isCurrent, sourceHash } from './source-hash';

/**
 * The tests' compiled app: dist/ translated from the app's TypeScript once per change, not once per jest run. A
 * fingerprint of the sources is kept beside the output, and a run whose sources match it loads what is there.
 *
 * File by file, without the type checker — `npm test` type-checks the same sources beside it (scripts/test.js), so
 * checking them here too only spent the CPU twice (15 s of a fresh run's). TypeScript's own emitter writes what
 * `tsc -p tsconfig.json` (and `strapi build`) would; the app compiles under `isolatedModules`, which is what makes a
 * file-by-file translation the same. `npm run build` and the demo compile with the type checker, as before.
 */

const SOURCES = ['src', 'config', 'database/migrations', 'types', 'tsconfig.json', 'package-lock.json'];
const stampFile = path.join(appDir, 'dist', '.source-hash');

/** A fingerprint of everything the compiled app is built from; it also names the test template databases. */
export const appSourceHash = () => sourceHash(SOURCES).slice(0, 16);

/** Records that dist/ holds the app compiled from the current sources. */
function markCompiled() {
  fs.mkdirSync(path.dirname(stampFile), { recursive: true });
  fs.writeFileSync(stampFile, appSourceHash());
}

function readTsconfig(ts: typeof import('typescript')): ts.ParsedCommandLine {
  const file = path.join(appDir, 'tsconfig.json');
  const { config, error } = ts.readConfigFile(file, ts.sys.readFile);
  if (error) throw new Error(`tsconfig.json: ${ts.flattenDiagnosticMessageText(error.messageText, '\n')}`);
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, appDir, undefined, file);
  if (parsed.errors.length) throw new Error(`tsconfig.json: ${parsed.errors.map((e) => ts.flattenDiagnosticMessageText(e.messageText, '\n')).join('; ')}`);
  return parsed;
}

/** Translates every file of tsconfig.json into its outDir, as `tsc` lays them out (JSON files copied). */
function transpileApp() {
  // Loaded only to compile (every jest process checks whether dist/ is current, and most find it so); required, not
  // imported: under tsx an import() is ES module resolution.
  const ts = require('typescript') as typeof import('typescript');
  const { fileNames, options } = readTsconfig(ts);
  const outDir = options.outDir ?? path.join(appDir, 'dist');
  const rootDir = options.rootDir ?? appDir;
  for (const file of fileNames) {
    if (file.endsWith('.d.ts')) continue;
    const target = path.join(outDir, path.relative(rootDir, file));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (file.endsWith('.json')) {
      fs.copyFileSync(file, target);
      continue;
    }
    const { outputText, diagnostics } = ts.transpileModule(fs.readFileSync(file, 'utf8'), { compilerOptions: options, fileName: file, reportDiagnostics: true });
    if (diagnostics?.length) throw new Error(`${path.relative(appDir, file)}: ${diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('; ')}`);
    fs.writeFileSync(target.replace(/\.ts$/, '.js'), outputText);
  }
}

/** Compiles unless dist/ was compiled from these very sources; true when it compiled. */
export async function compileIfChanged(): Promise<boolean> {
  if (isCurrent(stampFile, appSourceHash())) return false;
  transpileApp();
  markCompiled();
  return true;
}
