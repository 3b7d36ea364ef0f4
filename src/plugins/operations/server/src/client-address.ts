import net from 'net';
import type { IncomingMessage } from 'http';
import type { Core } from '@strapi/strapi';

/**
 * The one place that says who a request comes from, for rate limits, upload budgets and the request log.
 *
 * X-Forwarded-For is a list every proxy appends to; whatever stands left of the entry our own nearest proxy wrote
 * was written by the client and may be anything. So the list is read from the right, and only as far as the hops
 * we trust (TRUSTED_PROXIES): a number of proxies in front of the app, or the addresses and ranges they have.
 * With no trusted proxy the header is ignored and the socket's peer is the client.
 */

export type TrustedProxies = { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'addresses'; ranges: string[] };

export const MAX_PROXY_HOPS = 10;

/** `::ffff:10.0.0.1` (an IPv4 peer on a dual-stack socket) is 10.0.0.1; IPv6 in lower case. */
export function normaliseAddress(address: string): string {
  const lower = address.trim().toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(lower);
  return mapped ? mapped[1] : lower;
}

/** An X-Forwarded-For entry as some proxies write it, with a port: "1.2.3.4:5678", "[2001:db8::1]:443". */
function withoutPort(entry: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry);
  if (bracketed) return bracketed[1];
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(entry);
  return v4WithPort ? v4WithPort[1] : entry;
}

function parseRange(text: string): { address: string; prefix: number | null } | string {
  const [rawAddress, rawPrefix, ...rest] = text.split('/');
  const address = normaliseAddress(rawAddress);
  const family = net.isIP(address);
  if (!family || rest.length) return `"${text}" is not an IP address or CIDR range`;
  if (rawPrefix === undefined) return { address, prefix: null };
  const prefix = Number(rawPrefix);
  const max = family === 4 ? 32 : 128;
  if (!/^\d+$/.test(rawPrefix) || prefix > max) return `"${text}" has a prefix length outside 0–${max}`;
  return { address, prefix };
}

/** Addresses and CIDR ranges separated by commas; empty or "none" is the empty list. */
export function parseAddressRanges(value: string): string[] | { error: string } {
  const text = value.trim().toLowerCase();
  if (text === '' || text === 'none') return [];
  const ranges = text
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  for (const range of ranges) {
    const parsed = parseRange(range);
    if (typeof parsed === 'string') return { error: parsed };
  }
  return ranges;
}

/** TRUSTED_PROXIES as written: empty, "none" or "0"; a hop count; or addresses and CIDR ranges separated by commas. */
export function parseTrustedProxies(value: string): TrustedProxies | { error: string } {
  const text = value.trim().toLowerCase();
  if (text === '' || text === 'none' || text === '0') return { kind: 'none' };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > MAX_PROXY_HOPS) return { error: `a hop count must be between 1 and ${MAX_PROXY_HOPS}, not ${hops}` };
    return { kind: 'hops', hops };
  }
  const ranges = parseAddressRanges(text);
  return 'error' in ranges ? ranges : { kind: 'addresses', ranges };
}

export interface ProxyTrust {
  /** Whether the hop at this position (0 = the socket's peer) with this address may tell us who is behind it. */
  vouchesFor(address: string, hop: number): boolean;
}

export function proxyTrust(setting: TrustedProxies): ProxyTrust {
  if (setting.kind === 'none') return { vouchesFor: () => false };
  if (setting.kind === 'hops') return { vouchesFor: (_address, hop) => hop < setting.hops };
  const inList = addressMatcher(setting.ranges);
  return { vouchesFor: (address) => inList(address) };
}

/** Whether an address lies in one of the ranges (already validated by parseAddressRanges). */
export function addressMatcher(ranges: string[]): (address: string) => boolean {
  const list = new net.BlockList();
  for (const range of ranges) {
    const parsed = parseRange(range);
    if (typeof parsed === 'string') throw new Error(`Address range: ${parsed}`);
    const family = net.isIP(parsed.address) === 4 ? 'ipv4' : 'ipv6';
    if (parsed.prefix === null) list.addAddress(parsed.address, family);
    else list.addSubnet(parsed.address, parsed.prefix, family);
  }
  return (address) => {
    const family = net.isIP(address);
    return family !== 0 && list.check(address, family === 4 ? 'ipv4' : 'ipv6');
  };
}

function forwardedChain(header: string | string[] | undefined): string[] {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/**
 * The client's address: the socket's peer, or — while the hop we are looking at is a trusted proxy — the entry it
 * added to X-Forwarded-For, walking from the right. A malformed entry ends the walk at the last address vouched for.
 */
export function clientAddress(req: IncomingMessage, trust: ProxyTrust): string {
  let address = normaliseAddress(req.socket.remoteAddress ?? '') || 'unknown';
  const chain = forwardedChain(req.headers['x-forwarded-for']);
  for (let hop = 0; hop < chain.length && trust.vouchesFor(address, hop); hop += 1) {
    const entry = normaliseAddress(withoutPort(chain[chain.length - 1 - hop]));
    if (!net.isIP(entry)) break;
    address = entry;
  }
  return address;
}

const trustByApp = new WeakMap<Core.Strapi, ProxyTrust>();

/** The trust config/server.ts derived from TRUSTED_PROXIES, built once per app. */
export function proxyTrustOf(strapi: Core.Strapi): ProxyTrust {
  let trust = trustByApp.get(strapi);
  if (!trust) {
    trust = proxyTrust((strapi.config.get('server.trustedProxies') as TrustedProxies | undefined) ?? { kind: 'none' });
    trustByApp.set(strapi, trust);
  }
  return trust;
}

/** The client address of a request in Strapi: the one function every limit and the request log use. */
export const requestClientAddress = (strapi: Core.Strapi, req: IncomingMessage) => clientAddress(req, proxyTrustOf(strapi));
