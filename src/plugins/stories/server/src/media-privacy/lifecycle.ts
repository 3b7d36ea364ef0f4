import type { Core } from '@strapi/strapi';
import { mediaStorage } from './media-storage';
import { migrateMedia } from './migration';

/**
 * Called from the plugin's bootstrap: creates the private folder (or checks that both buckets answer) and puts
 * existing files where they belong before the instance serves requests (a failed move is logged; the next start-up
 * tries again).
 */
export async function startMediaPrivacy(strapi: Core.Strapi) {
  await mediaStorage(strapi).prepare();
  await migrateMedia(strapi).catch((error: Error) => strapi.log.error(`Private media: the start-up move of files failed: ${error.stack ?? error.message}`));
}
