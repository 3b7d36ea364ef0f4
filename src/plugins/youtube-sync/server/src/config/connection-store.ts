import type { Core } from '@strapi/strapi';
import type { ChannelInfo } from '../../../../../shared/admin-views';

export type { ChannelInfo } from '../../../../../shared/admin-views';

/**
 * What an editor connected, in Strapi's plugin store (a database row, so every instance reads the same). The
 * client secret and the refresh token are kept sealed (secret-box.ts); nothing here is sent to the browser as is.
 */
export interface StoredConnection {
  clientId: string | null;
  sealedClientSecret: string | null;
  sealedRefreshToken: string | null;
  channel: ChannelInfo | null;
  connectedAt: string | null;
  connectedBy: string | null;
}

const EMPTY: StoredConnection = {
  clientId: null,
  sealedClientSecret: null,
  sealedRefreshToken: null,
  channel: null,
  connectedAt: null,
  connectedBy: null,
};

const KEY = 'connection';
const pluginStore = (strapi: Core.Strapi) => strapi.store({ type: 'plugin', name: 'youtube-sync' });

export async function readConnection(strapi: Core.Strapi): Promise<StoredConnection> {
  const stored = (await pluginStore(strapi).get({ key: KEY })) as Partial<StoredConnection> | null;
  return { ...EMPTY, ...stored };
}

export async function writeConnection(strapi: Core.Strapi, changes: Partial<StoredConnection>): Promise<StoredConnection> {
  const next = { ...(await readConnection(strapi)), ...changes };
  await pluginStore(strapi).set({ key: KEY, value: next });
  return next;
}
