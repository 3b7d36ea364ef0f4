import type { IncomingMessage } from 'http';
import type { Core } from '@strapi/strapi';
import { front, requests } from '../dependencies';
import { reviewSettings } from './settings';

/**
 * Content notices per client address (utils/client-address.ts) and minute, counted with the public API's shared
 * limiter (Redis, so every instance counts the same minute). Returns the seconds to wait when the address is over
 * its limit, else null.
 */
export async function noticeRateLimited(strapi: Core.Strapi, req: IncomingMessage): Promise<number | null> {
  const perMinute = reviewSettings().noticesPerMinute;
  if (perMinute === 0) return null;
  const decision = await front(strapi).consume(`content-report:${requests(strapi).clientAddress(req)}`, perMinute);
  return decision.allowed ? null : decision.retryAfterSeconds;
}
