import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { derivedKey } from '../intake/withdrawal-token';
import type { LinkSubject } from './link-access';

/**
 * The short-lived proof that the holder of a personal link also entered the one-time code from the mail: for
 * 15 minutes it lets the page and the JSON API show and download the stored data again without a new code. It is
 * signed (any instance can check it, nothing stored) and bound to the link — the story, the link's version and a
 * hash of the link's token — so it is worthless with another link and dies with the link it was made for.
 */

export const PROOF_VALID_MS = 15 * 60 * 1000;

interface Payload {
  d: string;
  n: number;
  t: string;
  /** Expiry, milliseconds since the epoch. */
  e: number;
}

const key = (strapi: Core.Strapi) => derivedKey(strapi, 'access-proof v1');
const sign = (strapi: Core.Strapi, encoded: string) => crypto.createHmac('sha256', key(strapi)).update(encoded).digest('base64url');
const tokenHash = (token: string) => crypto.createHash('sha256').update(token.trim()).digest('base64url');

export function accessProof(strapi: Core.Strapi, token: string, subject: LinkSubject, now = new Date()): { proof: string; expiresAt: Date } {
  const expiresAt = new Date(now.getTime() + PROOF_VALID_MS);
  const payload: Payload = { d: subject.documentId, n: subject.version, t: tokenHash(token), e: expiresAt.getTime() };
  const encoded = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return { proof: `${encoded}.${sign(strapi, encoded)}`, expiresAt };
}

/** Whether `proof` was made for this very link and has not expired. */
export function isValidAccessProof(strapi: Core.Strapi, proof: unknown, token: string, subject: LinkSubject, now = new Date()): boolean {
  if (typeof proof !== 'string') return false;
  const [encoded, signature, ...rest] = proof.trim().split('.');
  if (!encoded || !signature || rest.length) return false;
  const expected = Buffer.from(sign(strapi, encoded));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return false;
  let payload: Partial<Payload>;
  try {
    payload = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as Partial<Payload>;
  } catch {
    return false;
  }
  return (
    payload.d === subject.documentId &&
    payload.n === subject.version &&
    payload.t === tokenHash(token) &&
    typeof payload.e === 'number' &&
    payload.e > now.getTime()
  );
}
