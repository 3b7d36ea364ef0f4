import type { IncomingMessage } from 'http';
import { clientAddress, parseTrustedProxies, proxyTrust, type TrustedProxies } from '../../src/plugins/operations/server/src/client-address';
import { parseEnvironment } from '../../src/environment';
import { testEnvironment } from '../support/test-env';
import serverConfig from '../../config/server';

const request = (peer: string, forwardedFor?: string) =>
  ({ socket: { remoteAddress: peer }, headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } }) as unknown as IncomingMessage;

const setting = (value: string): TrustedProxies => {
  const parsed = parseTrustedProxies(value);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed;
};

const addressWith = (value: string, peer: string, forwardedFor?: string) => clientAddress(request(peer, forwardedFor), proxyTrust(setting(value)));

describe('who a request comes from', () => {
  test('with no trusted proxy the header is ignored, whatever it says', () => {
    expect(addressWith('', '203.0.113.9', '198.51.100.1')).toBe('203.0.113.9');
    expect(addressWith('none', '203.0.113.9', '198.51.100.1, 10.0.0.1')).toBe('203.0.113.9');
  });

  test('an IPv4 peer on a dual-stack socket is named as IPv4, an IPv6 one in lower case', () => {
    expect(addressWith('', '::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(addressWith('', '2001:DB8::1')).toBe('2001:db8::1');
  });

  test('one trusted hop: the entry the proxy appended, never what the client wrote to the left of it', () => {
    expect(addressWith('1', '10.0.0.2', '198.51.100.7')).toBe('198.51.100.7');
    expect(addressWith('1', '10.0.0.2', '6.6.6.6, 198.51.100.7')).toBe('198.51.100.7');
    expect(addressWith('1', '10.0.0.2', '6.6.6.6,7.7.7.7 ,  198.51.100.7')).toBe('198.51.100.7');
  });

  test('two trusted hops: the second entry from the right; a shorter list ends at its left end', () => {
    expect(addressWith('2', '10.0.0.2', '6.6.6.6, 198.51.100.7, 10.0.0.3')).toBe('198.51.100.7');
    expect(addressWith('2', '10.0.0.2', '198.51.100.7')).toBe('198.51.100.7');
  });

  test('a hop count without a header leaves the peer', () => {
    expect(addressWith('1', '10.0.0.2')).toBe('10.0.0.2');
  });

  test('a list of proxy addresses: only a listed peer is believed, and the walk stops at the first stranger', () => {
    expect(addressWith('10.0.0.2', '10.0.0.2', '6.6.6.6, 198.51.100.7')).toBe('198.51.100.7');
    expect(addressWith('10.0.0.2', '203.0.113.9', '198.51.100.7')).toBe('203.0.113.9');
    expect(addressWith('10.0.0.2,10.0.0.3', '10.0.0.2', '6.6.6.6, 198.51.100.7, 10.0.0.3')).toBe('198.51.100.7');
  });

  test('CIDR ranges for IPv4 and IPv6, and an IPv4-mapped peer matched against an IPv4 range', () => {
    expect(addressWith('10.0.0.0/8', '10.1.2.3', '198.51.100.7')).toBe('198.51.100.7');
    expect(addressWith('10.0.0.0/8', '11.1.2.3', '198.51.100.7')).toBe('11.1.2.3');
    expect(addressWith('127.0.0.1', '::ffff:127.0.0.1', '198.51.100.7')).toBe('198.51.100.7');
    expect(addressWith('fd00::/8', 'fd12::5', '2001:db8::42, fd12::6')).toBe('2001:db8::42');
    expect(addressWith('fd00::/8', 'fe80::1', '2001:db8::42')).toBe('fe80::1');
  });

  test('entries with ports and IPv4-mapped entries are read as the address they name', () => {
    expect(addressWith('1', '10.0.0.2', '198.51.100.7:51234')).toBe('198.51.100.7');
    expect(addressWith('1', '10.0.0.2', '[2001:db8::42]:443')).toBe('2001:db8::42');
    expect(addressWith('1', '10.0.0.2', '::ffff:198.51.100.7')).toBe('198.51.100.7');
  });

  test('a malformed entry ends the walk at the last address a trusted hop vouched for', () => {
    expect(addressWith('1', '10.0.0.2', 'unknown')).toBe('10.0.0.2');
    expect(addressWith('10.0.0.0/8', '10.0.0.2', '198.51.100.7, garbage, 10.0.0.3')).toBe('10.0.0.3');
  });
});

describe('TRUSTED_PROXIES at start-up', () => {
  const parse = (value: string) => parseEnvironment({ ...testEnvironment(), TRUSTED_PROXIES: value }).TRUSTED_PROXIES;

  test('a hop count, an address list, or nothing', () => {
    expect(parseEnvironment(testEnvironment()).TRUSTED_PROXIES).toEqual({ kind: 'none' });
    expect(parse('1')).toEqual({ kind: 'hops', hops: 1 });
    expect(parse('10.0.0.0/8, ::1')).toEqual({ kind: 'addresses', ranges: ['10.0.0.0/8', '::1'] });
  });

  test('a wrong value stops the start naming the variable and what to write', () => {
    expect(() => parse('proxy.example')).toThrow(/TRUSTED_PROXIES: "proxy.example" is not an IP address.*e\.g\. 1/);
    expect(() => parse('10.0.0.0/33')).toThrow(/TRUSTED_PROXIES: "10.0.0.0\/33" has a prefix length outside 0–32/);
    expect(() => parse('99')).toThrow(/TRUSTED_PROXIES: a hop count must be between 1 and 10/);
  });
});

describe("Koa's own proxy mode", () => {
  const configWith = (value: string | undefined) => {
    const saved = { ...process.env };
    Object.assign(process.env, testEnvironment());
    if (value === undefined) delete process.env.TRUSTED_PROXIES;
    else process.env.TRUSTED_PROXIES = value;
    try {
      return serverConfig();
    } finally {
      process.env = saved;
    }
  };

  test('is on with a hop count, counting as many entries as hops, and off otherwise', () => {
    expect(configWith('2')).toMatchObject({ proxy: { koa: true, maxIpsCount: 2 }, trustedProxies: { kind: 'hops', hops: 2 } });
    expect(configWith('10.0.0.0/8')).not.toHaveProperty('proxy');
    expect(configWith(undefined)).not.toHaveProperty('proxy');
  });
});
