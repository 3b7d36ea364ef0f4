import crypto from 'crypto';
import type { IncomingMessage } from 'http';
import { addressMatcher, clientAddress, type ProxyTrust } from './client-address';
import type { OperationsSettings } from './settings';

/**
 * Who may read /metrics: a scraper that presents METRICS_TOKEN as a Bearer token, or a client whose address (as
 * the trusted proxies report it, utils/client-address.ts) lies in METRICS_ALLOW. A wrong token is refused even
 * from an allowed address, so a misconfigured scraper is noticed.
 */

export type MetricsAccess = 'allowed' | 'unauthorized' | 'forbidden';

const sameSecret = (given: string, expected: string) => {
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
};

export function metricsAccessRule(settings: OperationsSettings, proxy: ProxyTrust) {
  const allowed = addressMatcher(settings.metricsAllow);
  return (req: IncomingMessage): MetricsAccess => {
    const header = req.headers.authorization;
    const bearer = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] : undefined;
    if (bearer !== undefined) return settings.metricsToken && sameSecret(bearer, settings.metricsToken) ? 'allowed' : 'unauthorized';
    if (allowed(clientAddress(req, proxy))) return 'allowed';
    return settings.metricsToken ? 'unauthorized' : 'forbidden';
  };
}
