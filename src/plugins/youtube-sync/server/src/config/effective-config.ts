import type { Core } from '@strapi/strapi';
import type { PluginConfig } from './index';
import { effectiveCredentials } from './credentials';
import { effectiveSettings } from './settings';

/**
 * The configuration one sync run should use: the environment's, with the office's settings and the channel
 * connected in the admin applied. Two reads from the plugin store; the worker calls it once per drain.
 */
export async function effectiveConfig(strapi: Core.Strapi, config: PluginConfig): Promise<PluginConfig> {
  const [settings, credentials] = await Promise.all([effectiveSettings(strapi, config), effectiveCredentials(strapi, config)]);
  return { ...settings, clientId: credentials.clientId, clientSecret: credentials.clientSecret, refreshToken: credentials.refreshToken };
}
