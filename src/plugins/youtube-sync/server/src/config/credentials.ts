import type { Core } from '@strapi/strapi';
import type { PluginConfig } from './index';
import { readConnection, type StoredConnection } from './connection-store';
import { createSecretBox } from './secret-box';
import type { CredentialSource } from '../../../../../shared/admin-views';

export interface OAuthClientCredentials {
  clientId: string;
  clientSecret: string;
}

export interface EffectiveCredentials {
  clientId?: string;
  clientSecret?: string;
  refreshToken?: string;
  /** Where the refresh token comes from: connected in the admin, set in the environment, or nowhere. */
  source: CredentialSource;
  /** Why stored credentials cannot be used (e.g. YOUTUBE_TOKEN_KEY changed); the worker then parks its jobs. */
  problem?: string;
}

const envClient = (config: PluginConfig): OAuthClientCredentials | null =>
  config.clientId && config.clientSecret ? { clientId: config.clientId, clientSecret: config.clientSecret } : null;

function storedClient(stored: StoredConnection, config: PluginConfig): OAuthClientCredentials | null {
  if (!stored.clientId || !stored.sealedClientSecret) return null;
  return { clientId: stored.clientId, clientSecret: createSecretBox(config.tokenKey).open(stored.sealedClientSecret) };
}

/**
 * The credentials the sync uses, read again on every drain so that connecting or disconnecting in the admin takes
 * effect on every instance without a restart. A connection made in the admin wins over the environment; a
 * refresh token is always paired with the client that obtained it.
 */
export async function effectiveCredentials(strapi: Core.Strapi, config: PluginConfig): Promise<EffectiveCredentials> {
  const stored = await readConnection(strapi);
  try {
    const client = storedClient(stored, config);
    if (client && stored.sealedRefreshToken) {
      return { ...client, refreshToken: createSecretBox(config.tokenKey).open(stored.sealedRefreshToken), source: 'stored' };
    }
  } catch (error) {
    return { source: 'stored', problem: (error as Error).message };
  }
  const env = envClient(config);
  if (env && config.refreshToken) return { ...env, refreshToken: config.refreshToken, source: 'env' };
  return { source: 'none' };
}

/** The OAuth client a new connection is made with: the one saved in the admin, else the environment's. */
export async function connectingClient(strapi: Core.Strapi, config: PluginConfig): Promise<(OAuthClientCredentials & { source: CredentialSource }) | null> {
  const stored = storedClient(await readConnection(strapi), config);
  if (stored) return { ...stored, source: 'stored' };
  const env = envClient(config);
  return env && { ...env, source: 'env' };
}
