import type { Core } from '@strapi/strapi';
import { pluginConfig } from '../utils/plugin-config';

/**
 * Where files of stories that are not public are kept and how long a signed link to one stays valid, validated at
 * start-up from the environment (src/environment.ts) and handed to the plugin by config/plugins.ts as `mediaPrivacy`.
 */
export interface MediaPrivacySettings {
  /** PRIVATE_MEDIA_DIR, absolute: outside public/, shared storage when several instances run. */
  privateDir: string;
  /** PRIVATE_MEDIA_LINK_MINUTES: validity of a signed link to a private file. */
  linkTtlMs: number;
  /** PUBLIC_ORIGINAL_VIDEO: the uploaded video of a published story is public too (YouTube plays it otherwise). */
  publicOriginalVideo: boolean;
}

export function mediaPrivacySettings(strapi: Core.Strapi): MediaPrivacySettings {
  const settings = (pluginConfig(strapi) as unknown as { mediaPrivacy?: MediaPrivacySettings }).mediaPrivacy;
  if (!settings) throw new Error('The youtube-sync plugin has no "mediaPrivacy" settings: config/plugins.ts must pass them.');
  return settings;
}
