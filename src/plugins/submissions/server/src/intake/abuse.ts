import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { front } from '../dependencies';
import { MESSAGES as M } from './messages';
import { submissionSettings } from './settings';

/**
 * Who may submit how often. A partner integration that sends the shared secret (X-Submission-Secret) submits as
 * "partner" and is not held to the per-IP limit; everyone else gets SUBMISSION_RATE_LIMIT_PER_HOUR submissions and
 * as many started uploads per address and hour, counted in Redis for all instances (public-api/rate-limit.ts).
 */

export const PARTNER_SECRET_HEADER = 'x-submission-secret';
/** A field people never see (hidden by the page's CSS and from screen readers) that form-filling robots fill in. */
export const HONEYPOT_FIELD = 'website';

const HOUR = 3600;

export type SubmissionSource = 'form' | 'partner';

/**
 * A wrong X-Submission-Secret. Not Strapi's UnauthorizedError: the route's authorisation layer turns that into a
 * bare "Unauthorized", and the partner's developer should read which header is wrong.
 */
export class WrongPartnerSecret extends Error {
  constructor() {
    super(M.partnerSecret);
    this.name = 'WrongPartnerSecret';
  }
}

function secretMatches(expected: string, given: string) {
  const a = crypto.createHash('sha256').update(expected).digest();
  const b = crypto.createHash('sha256').update(given).digest();
  return crypto.timingSafeEqual(a, b);
}

export interface Caller {
  ip: string;
  secret?: string;
  setHeader(name: string, value: string): void;
}

/** Admits the caller, or throws WrongPartnerSecret (→ 401) or a RateLimitError (429, with Retry-After). */
export async function admit(strapi: Core.Strapi, caller: Caller, counter: 'submission' | 'upload'): Promise<SubmissionSource> {
  const settings = submissionSettings(strapi);
  if (caller.secret !== undefined) {
    if (!settings.partnerSecret || !secretMatches(settings.partnerSecret, caller.secret)) throw new WrongPartnerSecret();
    return 'partner';
  }
  if (settings.rateLimitPerHour > 0) {
    const decision = await front(strapi).consume(`${counter}:${caller.ip}`, settings.rateLimitPerHour, HOUR);
    caller.setHeader('X-RateLimit-Limit', String(decision.limit));
    caller.setHeader('X-RateLimit-Remaining', String(decision.remaining));
    if (!decision.allowed) {
      caller.setHeader('Retry-After', String(decision.retryAfterSeconds));
      throw new errors.RateLimitError(M.rateLimited(Math.ceil(decision.retryAfterSeconds / 60)), { retryAfterSeconds: decision.retryAfterSeconds });
    }
  }
  return 'form';
}

export function honeypotFilled(fields: Record<string, unknown>): boolean {
  const value = fields[HONEYPOT_FIELD];
  return (Array.isArray(value) ? value : [value]).some((v) => typeof v === 'string' && v.trim() !== '');
}
