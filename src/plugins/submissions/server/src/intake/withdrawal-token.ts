import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { publicUrlOf, submissionSettings } from './settings';

/**
 * The personal link in the confirmation mail that lets a submitter see what is stored about their story and withdraw
 * consent, without an account: `${PUBLIC_URL}/widerruf?token=…`. The token is a base64url JSON payload (story,
 * reference number, link version, expiry) and an HMAC-SHA256 over it with a key derived from ENCRYPTION_KEY. The
 * signature proves the link is ours; whether its version is still the story's current one (a new link replaces
 * the older ones) is checked against the database by review/link-access.ts. Changing ENCRYPTION_KEY invalidates
 * every link sent so far.
 */

export class WithdrawalTokenError extends Error {
  constructor(
    readonly reason: 'invalid' | 'expired',
    message: string
  ) {
    super(message);
    this.name = 'WithdrawalTokenError';
  }
}

export interface WithdrawalSubject {
  documentId: string;
  referenceNumber: string;
  /** The story's link version when the link was issued (review/link-version.ts); links from before versions are 0. */
  version?: number;
}

interface Payload {
  v: 1;
  d: string;
  r: string;
  /** Expiry, seconds since the epoch. */
  e: number;
  /** Link version; absent in links sent before links could be replaced. */
  n?: number;
}

const DAY_MS = 24 * 3600 * 1000;

/** A key of its own for each use (`info`), derived from ENCRYPTION_KEY. */
export function derivedKey(strapi: Core.Strapi, info: string): Buffer {
  const secret = strapi.config.get('admin.secrets.encryptionKey') as string | undefined;
  if (!secret) throw new Error(`ENCRYPTION_KEY is not configured: the key for "${info}" cannot be derived.`);
  return Buffer.from(crypto.hkdfSync('sha256', secret, 'zusammen-mehr', info, 32));
}

const signingKey = (strapi: Core.Strapi) => derivedKey(strapi, 'withdrawal-link v1');

const sign = (key: Buffer, payload: string) => crypto.createHmac('sha256', key).update(payload).digest('base64url');

export function withdrawalToken(strapi: Core.Strapi, subject: WithdrawalSubject, now = new Date()): string {
  const validMs = submissionSettings(strapi).consentLinkValidDays * DAY_MS;
  const payload: Payload = { v: 1, d: subject.documentId, r: subject.referenceNumber, e: Math.floor((now.getTime() + validMs) / 1000), n: subject.version ?? 0 };
  const encoded = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${encoded}.${sign(signingKey(strapi), encoded)}`;
}

export function withdrawalLink(strapi: Core.Strapi, subject: WithdrawalSubject, now = new Date()): string {
  return `${publicUrlOf(strapi)}/widerruf?token=${withdrawalToken(strapi, subject, now)}`;
}

const invalid = () => new WithdrawalTokenError('invalid', 'The link is incomplete or was changed.');

function parsePayload(encoded: string): Payload {
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const p = payload as Partial<Payload> | null;
  if (!p || p.v !== 1 || typeof p.d !== 'string' || !p.d || typeof p.r !== 'string' || !p.r || typeof p.e !== 'number') throw invalid();
  if (p.n !== undefined && !(Number.isInteger(p.n) && p.n >= 0)) throw invalid();
  return p as Payload;
}

/** The story a withdrawal link is for; throws WithdrawalTokenError ('invalid' or 'expired'). */
export function verifyWithdrawalToken(strapi: Core.Strapi, token: string, now = new Date()): WithdrawalSubject {
  const [encoded, signature, ...rest] = String(token ?? '')
    .trim()
    .split('.');
  if (!encoded || !signature || rest.length) throw invalid();
  const expected = Buffer.from(sign(signingKey(strapi), encoded));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) throw invalid();
  const payload = parsePayload(encoded);
  if (payload.e * 1000 <= now.getTime()) throw new WithdrawalTokenError('expired', 'The link has expired.');
  return { documentId: payload.d, referenceNumber: payload.r, version: payload.n ?? 0 };
}
