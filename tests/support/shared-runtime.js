'use strict';
/*
 * jest's module loader, with a few heavy, stateless packages required once per worker process instead of once per
 * test file. Every test file gets its own module registry, so each file that imports, directly or through the app's
 * sources, Amazon's S3 client, date-fns, Google's client, sharp and the like compiled and ran their thousands of
 * modules again: about 10 s of CPU per pass. The packages listed here keep no state a test could leave behind and
 * are not mocked by any test; their objects come from the worker's realm, as the app's own objects already do
 * (tests/support/worker-environment.ts). Plain JavaScript: jest requires its runtime without a transform.
 */
const path = require('path');
const Runtime = require('jest-runtime').default;

const nodeModules = path.join(path.resolve(__dirname, '..', '..'), 'node_modules') + path.sep;

const SHARED = new Set([
  '@aws-sdk',
  '@smithy',
  '@strapi/utils',
  'date-fns',
  'exceljs',
  'fontkit',
  'gaxios',
  'google-auth-library',
  'googleapis',
  'googleapis-common',
  'lodash',
  'pdfkit',
  'semver',
  'sharp',
  'zod',
]);

/** The package a file of the app's node_modules belongs to (a scope counts as one), or null outside it. */
function packageOf(file) {
  if (!file.startsWith(nodeModules)) return null;
  const [first, second] = file.slice(nodeModules.length).split(path.sep);
  if (first.startsWith('@')) return SHARED.has(first) ? first : `${first}/${second}`;
  return first;
}

class SharedModulesRuntime extends Runtime {
  requireModule(from, moduleName, options, isRequireActual) {
    if (moduleName && !options?.isInternalModule && !this._resolver.isCoreModule(moduleName)) {
      const file = this._resolveCjsModule(from, moduleName);
      if (SHARED.has(packageOf(file))) return require(file);
    }
    return super.requireModule(from, moduleName, options, isRequireActual);
  }
}

module.exports = SharedModulesRuntime;
