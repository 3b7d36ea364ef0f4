import type { IncomingMessage } from 'http';
import { metricsAccessRule } from '../../src/plugins/operations/server/src/metrics-access';
import { proxyTrust } from '../../src/plugins/operations/server/src/client-address';

const TOKEN = 'metrics-token-0123456789abcdef';
const requestFrom = (address: string, headers: Record<string, string> = {}) => ({ socket: { remoteAddress: address }, headers }) as unknown as IncomingMessage;

describe('who may read /metrics', () => {
  const withToken = metricsAccessRule({ shutdownTimeoutMs: 1000, metricsToken: TOKEN, metricsAllow: ['10.89.0.0/16'] }, proxyTrust({ kind: 'hops', hops: 1 }));
  const addressOnly = metricsAccessRule({ shutdownTimeoutMs: 1000, metricsToken: null, metricsAllow: ['10.89.0.0/16'] }, proxyTrust({ kind: 'none' }));

  test('a scraper with the token, from anywhere', () => {
    expect(withToken(requestFrom('203.0.113.9', { authorization: `Bearer ${TOKEN}` }))).toBe('allowed');
  });

  test('a wrong token is refused even from an allowed address', () => {
    expect(withToken(requestFrom('10.89.0.4', { authorization: 'Bearer guessed' }))).toBe('unauthorized');
  });

  test('an allowed address as the trusted proxy reports it, not as a client claims it', () => {
    expect(withToken(requestFrom('192.0.2.1', { 'x-forwarded-for': '10.89.0.7' }))).toBe('allowed');
    expect(withToken(requestFrom('192.0.2.1', { 'x-forwarded-for': '10.89.0.7, 203.0.113.9' }))).toBe('unauthorized');
  });

  test('without a token configured, other addresses are forbidden outright', () => {
    expect(addressOnly(requestFrom('10.89.3.3'))).toBe('allowed');
    expect(addressOnly(requestFrom('203.0.113.9'))).toBe('forbidden');
    expect(addressOnly(requestFrom('203.0.113.9', { authorization: 'Bearer anything' }))).toBe('unauthorized');
  });
});
