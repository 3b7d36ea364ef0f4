import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { mediaPrivacySettings } from './settings';
import { PRIVATE_URL_PREFIX } from './storage';

/**
 * Short-lived links to private files: `/media/private/<name>?expires=<seconds since the epoch>&signature=<HMAC>`.
 * The HMAC-SHA256 covers name and expiry with a key derived from ENCRYPTION_KEY (as the withdrawal links do), so
 * any instance can check a link and nothing is stored per link; changing ENCRYPTION_KEY invalidates all of them.
 */

function signingKey(strapi: Core.Strapi): Buffer {
  const secret = strapi.config.get('admin.secrets.encryptionKey') as string | undefined;
  if (!secret) throw new Error('ENCRYPTION_KEY is not configured: links to private media cannot be signed or checked.');
  return Buffer.from(crypto.hkdfSync('sha256', secret, 'zusammen-mehr', 'private-media-link v1', 32));
}

const signature = (key: Buffer, name: string, expires: number) => crypto.createHmac('sha256', key).update(`${name}\n${expires}`).digest('base64url');

/** The signed link for a private file URL; any other URL (public, external, already signed) comes back unchanged. */
export function signedMediaUrl(strapi: Core.Strapi, url: string, now = new Date()): string {
  if (!url.startsWith(PRIVATE_URL_PREFIX) || url.includes('?')) return url;
  const name = decodeURIComponent(url.slice(PRIVATE_URL_PREFIX.length));
  const expires = Math.floor((now.getTime() + mediaPrivacySettings(strapi).linkTtlMs) / 1000);
  return `${url}?expires=${expires}&signature=${signature(signingKey(strapi), name, expires)}`;
}

export type LinkCheck = 'valid' | 'missing' | 'invalid' | 'expired';

export function checkMediaLink(strapi: Core.Strapi, name: string, query: { expires?: unknown; signature?: unknown }, now = new Date()): LinkCheck {
  if (query.expires === undefined && query.signature === undefined) return 'missing';
  const expires = Number(query.expires);
  if (typeof query.signature !== 'string' || !Number.isInteger(expires)) return 'invalid';
  const expected = Buffer.from(signature(signingKey(strapi), name, expires));
  const given = Buffer.from(query.signature);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return 'invalid';
  return expires * 1000 > now.getTime() ? 'valid' : 'expired';
}
