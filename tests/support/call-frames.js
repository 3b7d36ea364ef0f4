'use strict';
/*
 * The frames of the current call as V8 names them, innermost first (async callers included as far as V8 keeps
 * them). Loaded in the jest worker's own realm (sharedModule in tests/support/shared-modules.ts): a stack taken
 * inside a test file's sandbox is formatted by jest's source-map-support, which maps every frame — most of the cost
 * of the check in pg-concurrency.ts, which takes a stack for each query Strapi's own `Promise.all` queues (3 of 39 s
 * of CPU in multi-instance.test.ts). The app's frames are its compiled JavaScript in dist/ either way.
 */
function callFrames(below) {
  const { stackTraceLimit, prepareStackTrace } = Error;
  Error.stackTraceLimit = 80;
  Error.prepareStackTrace = (_error, sites) => sites.map((site) => `at ${site}`);
  const holder = {};
  Error.captureStackTrace(holder, below);
  const frames = holder.stack;
  Error.stackTraceLimit = stackTraceLimit;
  Error.prepareStackTrace = prepareStackTrace;
  return frames;
}

module.exports = { callFrames };
