import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { PluginConfig } from '../config';
import { authorisationRequest, exchangeAuthorisationCode } from '../youtube/client';
import { classify } from '../youtube/errors';
import { connectWithRefreshToken, OtherChannelError, redirectUri } from './connection';
import { connectingClient } from '../config/credentials';
import { newState, rememberAuthorisation, takeAuthorisation } from './oauth-states';
import { createSecretBox } from '../config/secret-box';

/** How a connection attempt ended; the settings page explains each one to the editor. */
export type ConnectResult =
  | 'connected'
  | 'access_denied'
  | 'state_invalid'
  | 'client_changed'
  | 'exchange_failed'
  | 'no_refresh_token'
  | 'no_channel'
  | 'other_channel'
  | 'channel_failed';

export interface AdminUser {
  id: number;
  firstname?: string | null;
  lastname?: string | null;
  email?: string | null;
}

export const displayName = (user: AdminUser | null | undefined) =>
  user ? [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email || `#${user.id}` : null;

async function clientFor(strapi: Core.Strapi, config: PluginConfig) {
  try {
    return await connectingClient(strapi, config);
  } catch (error) {
    throw new errors.ApplicationError(`Das gespeicherte Client-Secret lässt sich nicht entschlüsseln – bitte Client-ID und Client-Secret neu eintragen. (${(error as Error).message})`);
  }
}

/** Starts a connection: Google's consent URL for the browser, with a state and PKCE verifier kept in the database. */
export async function startConnecting(strapi: Core.Strapi, config: PluginConfig, user: AdminUser, now: Date): Promise<{ url: string }> {
  const client = await clientFor(strapi, config);
  if (!client) throw new errors.ValidationError('Bitte zuerst Client-ID und Client-Secret des Google-Projekts eintragen.');
  const state = newState();
  const options = { ...config, ...client, redirectUri: redirectUri(strapi) };
  const { url, codeVerifier } = await authorisationRequest(options, state);
  await rememberAuthorisation(strapi, createSecretBox(config.tokenKey), state, { codeVerifier, clientId: client.clientId, redirectUri: options.redirectUri, adminUserId: user.id }, now);
  return { url };
}

export interface CallbackQuery {
  code?: string;
  state?: string;
  error?: string;
}

/**
 * Finishes a connection when Google sends the browser back. The request carries no admin token, so the state is
 * what proves that an admin with the settings permission started it.
 */
export async function finishConnecting(strapi: Core.Strapi, config: PluginConfig, query: CallbackQuery, now: () => Date): Promise<ConnectResult> {
  const box = createSecretBox(config.tokenKey);
  const pending = query.state ? await takeAuthorisation(strapi, box, query.state, now()) : null;
  if (!pending) return 'state_invalid';
  if (query.error || !query.code) return 'access_denied';
  const client = await connectingClient(strapi, config).catch(() => null);
  if (!client || client.clientId !== pending.clientId) return 'client_changed';
  let refreshToken: string | null;
  try {
    ({ refreshToken } = await exchangeAuthorisationCode({ ...config, ...client, redirectUri: pending.redirectUri }, query.code, pending.codeVerifier));
  } catch (error) {
    strapi.log.warn(`YouTube connect: Google refused the authorisation code: ${(error as Error).message}`);
    return 'exchange_failed';
  }
  if (!refreshToken) return 'no_refresh_token';
  const user = (await strapi.db.query('admin::user').findOne({ where: { id: pending.adminUserId } })) as AdminUser | null;
  try {
    await connectWithRefreshToken(strapi, config, { ...client, refreshToken }, displayName(user), now);
  } catch (raw) {
    if (raw instanceof OtherChannelError) {
      strapi.log.warn(`YouTube connect refused: ${raw.message}`);
      return 'other_channel';
    }
    const error = classify(raw);
    strapi.log.warn(`YouTube connect: could not read the channel: ${error.message}`);
    return error.reason === 'no_channel' ? 'no_channel' : 'channel_failed';
  }
  return 'connected';
}

/** The settings page the browser returns to, with the outcome for the editor. */
export const settingsPageUrl = (strapi: Core.Strapi, result: ConnectResult) =>
  `${String(strapi.config.get('admin.absoluteUrl')).replace(/\/$/, '')}/settings/youtube-sync/connection?result=${result}`;
