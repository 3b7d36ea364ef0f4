'use strict';

/*
 * Strapi loads a local plugin from its source folder, but the server is TypeScript compiled with the app
 * (tsconfig.json includes src/**), so the entry point is the compiled copy under the app's dist folder.
 */
const path = require('path');

module.exports = require(path.resolve(__dirname, '../../../dist/src/plugins/operations/server/src/index.js')).default;
