import type { Core } from '@strapi/strapi';
import { runtimeOf } from '../public-api/runtime';
import { reviewSettings } from './settings';

/**
 * Content reports per IP address and minute, counted with the public API's shared limiter (Redis, so every
 * instance counts the same minute). Returns the seconds to wait when the address is over its limit, else null.
 */
export async function reportRateLimited(strapi: Core.Strapi, ip: string): Promise<number | null> {
  const perMinute = reviewSettings().reportsPerMinute;
  if (perMinute === 0) return null;
  const decision = await runtimeOf(strapi).limits.consume(`content-report:${ip}`, perMinute);
  return decision.allowed ? null : decision.retryAfterSeconds;
}
