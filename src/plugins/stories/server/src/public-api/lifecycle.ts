import type { Core } from '@strapi/strapi';
import { watchSyncedRows } from './hooks';
import { runtimeOf } from './runtime';

export { registerPublicApiHooks } from './hooks';

/** Called from the plugin's bootstrap(): schema and indexes, search index, generation, rate limits, front layer. */
export async function startPublicApi(strapi: Core.Strapi) {
  await runtimeOf(strapi).start();
  watchSyncedRows(strapi);
}

/** Called from the plugin's destroy(): saves usage counts, stops timers, closes Redis, takes the front layer out. */
export async function stopPublicApi(strapi: Core.Strapi) {
  await runtimeOf(strapi).stop();
}
