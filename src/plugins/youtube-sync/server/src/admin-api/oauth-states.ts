import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import type { SecretBox } from '../config/secret-box';

const OAUTH_STATE = 'plugin::youtube-sync.oauth-state';
const LIFETIME_MS = 15 * 60 * 1000;

export interface PendingAuthorisation {
  codeVerifier: string;
  clientId: string;
  redirectUri: string;
  adminUserId: number;
}

const hash = (state: string) => crypto.createHash('sha256').update(state).digest('hex');

/**
 * Remembers a started connection in the database, not in memory: Google may send the browser back to another
 * instance. Only the hash of the state is stored, and the PKCE verifier sealed, so a database reader cannot
 * finish someone else's connection.
 */
export const newState = () => crypto.randomBytes(32).toString('base64url');

export async function rememberAuthorisation(strapi: Core.Strapi, box: SecretBox, state: string, pending: PendingAuthorisation, now: Date) {
  const query = strapi.db.query(OAUTH_STATE);
  await query.deleteMany({ where: { expiresAt: { $lt: now.toISOString() } } });
  await query.create({
    data: {
      stateHash: hash(state),
      codeVerifier: box.seal(pending.codeVerifier),
      clientId: pending.clientId,
      redirectUri: pending.redirectUri,
      adminUserId: pending.adminUserId,
      expiresAt: new Date(now.getTime() + LIFETIME_MS).toISOString(),
    },
  });
}

/**
 * Takes the started connection for a returning state, once: the delete decides which of two concurrent callbacks
 * (a reload, a second instance) may use it. Null when unknown, used or expired.
 */
export async function takeAuthorisation(strapi: Core.Strapi, box: SecretBox, state: string, now: Date): Promise<PendingAuthorisation | null> {
  const query = strapi.db.query(OAUTH_STATE);
  const row = await query.findOne({ where: { stateHash: hash(state) } });
  if (!row) return null;
  const { count } = await query.deleteMany({ where: { id: row.id } });
  if (count !== 1 || new Date(row.expiresAt) < now) return null;
  return { codeVerifier: box.open(row.codeVerifier), clientId: row.clientId, redirectUri: row.redirectUri, adminUserId: row.adminUserId };
}
