import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import type { PluginConfig } from '../config';
import { releaseReconnectJobs } from '../sync-jobs/fail';
import { jobs } from '../sync-jobs/jobs';
import { channelImage, createYouTubeClient, revokeGrant } from '../youtube/client';
import { classify, YouTubeError } from '../youtube/errors';
import { createQuotaLedger } from '../youtube/quota';
import { readConnection, writeConnection, type ChannelInfo } from '../config/connection-store';
import { connectingClient, effectiveCredentials, type OAuthClientCredentials } from '../config/credentials';
import { createSecretBox } from '../config/secret-box';
import { requests } from '../dependencies';
import { channelUrl } from './video-links';
import type { ChannelView, ConnectionSummary, ConnectionTest } from '../../../../../shared/admin-views';

/** Where Google sends the browser back to: the plugin's admin router is mounted at /youtube-sync (not /admin). */
export const redirectUri = (strapi: Core.Strapi) => `${String(strapi.config.get('server.absoluteUrl')).replace(/\/$/, '')}/youtube-sync/oauth/callback`;

const withUrl = (config: PluginConfig, channel: ChannelInfo): ChannelView => ({ ...channel, url: channelUrl(config, channel.id) });

/** What the admin may know about the connection: never a secret or a token. */
export async function connectionSummary(strapi: Core.Strapi, config: PluginConfig): Promise<ConnectionSummary> {
  const [stored, credentials, waitingForReconnect] = await Promise.all([
    readConnection(strapi),
    effectiveCredentials(strapi, config),
    jobs(strapi).count({ where: { status: 'needs_reconnect' } }),
  ]);
  let client: ConnectionSummary['client'] = { clientId: null, source: 'none' };
  try {
    const connecting = await connectingClient(strapi, config);
    if (connecting) client = { clientId: connecting.clientId, source: connecting.source };
  } catch {
    client = { clientId: stored.clientId, source: 'stored' };
  }
  return {
    connected: Boolean(credentials.refreshToken),
    source: credentials.source,
    channel: credentials.source === 'stored' && stored.channel ? withUrl(config, stored.channel) : null,
    connectedAt: credentials.source === 'stored' ? stored.connectedAt : null,
    connectedBy: credentials.source === 'stored' ? stored.connectedBy : null,
    client,
    redirectUri: redirectUri(strapi),
    problem: credentials.problem ?? null,
    waitingForReconnect,
  };
}

const clientSchema = z.object({
  clientId: z.string().trim().min(10, 'Die Client-ID ist zu kurz.').max(300),
  clientSecret: z.string().trim().min(6, 'Das Client-Secret ist zu kurz.').max(300),
});

/**
 * Saves the OAuth client an editor entered. Refused while a channel is connected through the admin: its refresh
 * token belongs to the old client, so the editor disconnects first.
 */
export async function saveClient(strapi: Core.Strapi, config: PluginConfig, input: unknown) {
  const client = requests(strapi).parseInput(clientSchema, input, 'OAuth-Client');
  const credentials = await effectiveCredentials(strapi, config);
  if (credentials.source === 'stored' && !credentials.problem) {
    throw new errors.ValidationError('Der Kanal ist mit dem bisherigen Client verbunden. Bitte zuerst die Verbindung trennen.');
  }
  const box = createSecretBox(config.tokenKey);
  await writeConnection(strapi, {
    clientId: client.clientId,
    sealedClientSecret: box.seal(client.clientSecret),
    // A refresh token that can no longer be decrypted is useless; it goes with the old client.
    ...(credentials.problem && { sealedRefreshToken: null, channel: null, connectedAt: null, connectedBy: null }),
  });
}

async function channelOf(strapi: Core.Strapi, config: PluginConfig, client: OAuthClientCredentials, refreshToken: string, now: () => Date): Promise<ChannelInfo> {
  const youtube = createYouTubeClient({ ...config, ...client, refreshToken, ledger: createQuotaLedger(strapi, now, config) });
  const channel = await youtube.channel();
  if (!channel?.id) throw new YouTubeError('Das Google-Konto hat keinen YouTube-Kanal.', 'permanent', undefined, 'no_channel');
  const thumbnails = channel.snippet?.thumbnails;
  return {
    id: channel.id,
    title: channel.snippet?.title ?? channel.id,
    customUrl: channel.snippet?.customUrl ?? null,
    thumbnail: await channelImage(thumbnails?.medium?.url ?? thumbnails?.default?.url),
  };
}

/** Signing in with an account of another channel while one is connected; see connectWithRefreshToken. */
export class OtherChannelError extends Error {
  constructor(readonly connected: ChannelInfo, readonly offered: ChannelInfo) {
    super(`the channel "${connected.title}" (${connected.id}) is connected; the account signed in owns "${offered.title}" (${offered.id})`);
    this.name = 'OtherChannelError';
  }
}

/**
 * Stores a working connection: asks YouTube for the channel first (so a wrong token is never saved), keeps client
 * and token sealed, and lets the jobs that waited for a new connection run again. While a channel is connected,
 * only the same channel may be connected again: the videos already synced live on it, and an editor signed in
 * with a personal account must not send the next uploads to a personal channel. Switching channels means
 * disconnecting first.
 */
export async function connectWithRefreshToken(
  strapi: Core.Strapi,
  config: PluginConfig,
  credentials: OAuthClientCredentials & { refreshToken: string },
  connectedBy: string | null,
  now: () => Date = () => new Date()
): Promise<ChannelInfo> {
  const channel = await channelOf(strapi, config, credentials, credentials.refreshToken, now);
  const stored = await readConnection(strapi);
  if (stored.sealedRefreshToken && stored.channel && stored.channel.id !== channel.id) {
    await revokeGrant(config.revokeUrl, credentials.refreshToken).catch(() => undefined);
    throw new OtherChannelError(stored.channel, channel);
  }
  const box = createSecretBox(config.tokenKey);
  await writeConnection(strapi, {
    clientId: credentials.clientId,
    sealedClientSecret: box.seal(credentials.clientSecret),
    sealedRefreshToken: box.seal(credentials.refreshToken),
    channel,
    connectedAt: now().toISOString(),
    connectedBy,
  });
  await releaseReconnectJobs(strapi, now());
  return channel;
}

/** Asks YouTube for the channel with the credentials the sync would use (one quota unit). */
export async function testConnection(strapi: Core.Strapi, config: PluginConfig, now: () => Date = () => new Date()): Promise<ConnectionTest> {
  const credentials = await effectiveCredentials(strapi, config);
  if (!credentials.clientId || !credentials.clientSecret || !credentials.refreshToken) {
    return { ok: false, kind: 'not_connected', detail: credentials.problem ?? 'Kein Refresh-Token vorhanden.' };
  }
  try {
    const client = { clientId: credentials.clientId, clientSecret: credentials.clientSecret };
    const channel = await channelOf(strapi, config, client, credentials.refreshToken, now);
    if (credentials.source === 'stored') await writeConnection(strapi, { channel });
    return { ok: true, channel: withUrl(config, channel) };
  } catch (raw) {
    const error = classify(raw);
    return { ok: false, kind: error.kind, detail: error.message };
  }
}

/**
 * Revokes the stored grant at Google and forgets it. The token is forgotten even when Google cannot be reached, so
 * "disconnect" always disconnects; the answer says whether Google confirmed the revocation.
 */
export async function disconnect(strapi: Core.Strapi, config: PluginConfig): Promise<{ revoked: boolean }> {
  const stored = await readConnection(strapi);
  if (!stored.sealedRefreshToken) {
    const credentials = await effectiveCredentials(strapi, config);
    if (credentials.source === 'env') {
      throw new errors.ValidationError('Die Verbindung kommt aus der Umgebung (YOUTUBE_REFRESH_TOKEN) und lässt sich nur dort entfernen.');
    }
    return { revoked: false };
  }
  let revoked = false;
  try {
    await revokeGrant(config.revokeUrl, createSecretBox(config.tokenKey).open(stored.sealedRefreshToken));
    revoked = true;
  } catch (error) {
    strapi.log.warn(`YouTube disconnect: the grant could not be revoked at Google (${(error as Error).message}); it is forgotten here anyway`);
  }
  await writeConnection(strapi, { sealedRefreshToken: null, channel: null, connectedAt: null, connectedBy: null });
  return { revoked };
}
