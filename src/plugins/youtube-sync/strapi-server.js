'use strict';

/*
 * Strapi loads a local plugin from its source folder, but this plugin's server is TypeScript: it is compiled
 * together with the app (tsconfig.json includes src/plugins/<name>/server) by `strapi build`, `strapi develop`
 * and the test harness, so the entry point is the compiled copy under the app's dist folder.
 */
const path = require('path');

const compiled = path.resolve(__dirname, '../../../dist/src/plugins/youtube-sync/server/src/index.js');
module.exports = require(compiled).default;
