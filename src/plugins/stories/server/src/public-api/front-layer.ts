import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'http';
import type { Core } from '@strapi/strapi';
import { cacheKey, type LookupCounts, type ResponseCache } from './cache';
import { variantOf, type Variant } from './encoding';
import { corsHeaders, isNotModified, preflightHeaders, publicHeaders, SECURITY_HEADERS, type CorsAccess, type CorsOrigins } from './headers';
import { API_KEY_PARAM } from './params';
import type { PartnerKeyResolver } from './partner-keys';
import type { RateLimits } from './rate-limit';
import type { PublicResponse } from './response';
import type { UsageCounter } from './usage';
import { isAssetTarget, isPageTarget, servePage, StaticAssets } from './front-pages';
import { canonicalTarget, isUnder } from './request-target';
import type { RequestsService } from '../../../../../shared/operations';
import { endpoints, requests as requestsService } from '../dependencies';
import type { WidgetAssets } from '../embed/widget-assets';

/**
 * A `request` listener in front of Koa's. It first rewrites every request's URL to its canonical form
 * (request-target.ts), so that nothing after it — this layer, Koa's router, Strapi's middlewares — reads the path
 * differently. For /api/v1/* it then answers preflights, applies the rate limits (a generous one per address for
 * cached answers, the strict one for everything built), counts partner usage, and serves cached answers in the
 * coding the client accepts with the headers Strapi's chain would have set; the story pages, the iframe page and the
 * widget's other files are served from the same cache (front-pages.ts), the widget's scripts from memory
 * (embed/widget-assets.ts); everything else goes on to Koa untouched.
 * Strapi's per-request cost caps anything routed through its middleware chain near 3,000 requests/s on this
 * hardware; a cache hit here costs about what a bare server does.
 */

export const PUBLIC_PREFIX = '/api/v1';

interface FrontLayerRuntime {
  readonly cache: ResponseCache;
  readonly widget: WidgetAssets;
  readonly cacheEnabled: boolean;
  readonly cacheLookups: LookupCounts;
  readonly usage: UsageCounter;
  readonly keys: PartnerKeyResolver;
  readonly limits: RateLimits;
  readonly settings: { rateLimitPerMinute: number; cachedRateLimitPerMinute: number; corsOrigins: CorsOrigins; compression: boolean };
  writeAccess(target: string): CorsAccess | undefined;
}

function presentedKey(req: IncomingMessage): string | undefined {
  const header = req.headers['x-api-key'];
  if (typeof header === 'string' && header) return header;
  const url = req.url ?? '';
  if (!url.includes(`${API_KEY_PARAM}=`)) return undefined;
  return new URLSearchParams(url.slice(url.indexOf('?') + 1)).get(API_KEY_PARAM) ?? undefined;
}

function writeError(req: IncomingMessage, res: ServerResponse, cors: CorsOrigins, status: number, name: string, message: string) {
  const body = Buffer.from(JSON.stringify({ data: null, error: { status, name, message, details: {} } }));
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    ...corsHeaders(req.headers.origin, cors),
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': String(body.length),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** With CORS open to all, a cached answer's headers never vary by request: build them once per answer and coding. */
const sharedHeaders = new WeakMap<Variant, Record<string, string>>();

function headersFor(response: PublicResponse, variant: Variant, origin: string | undefined, cors: CorsOrigins): Record<string, string> {
  if (cors !== '*') return { ...publicHeaders(response, variant, origin, cors), 'Content-Length': String(variant.body.length) };
  let headers = sharedHeaders.get(variant);
  if (!headers) {
    headers = { ...publicHeaders(response, variant, origin, cors), 'Content-Length': String(variant.body.length) };
    sharedHeaders.set(variant, headers);
  }
  return headers;
}

export function writeCached(req: IncomingMessage, res: ServerResponse, response: PublicResponse, cors: CorsOrigins) {
  const variant = variantOf(response, req.headers['accept-encoding']);
  const validators = { etag: variant.etag, lastModified: response.lastModified };
  if (isNotModified({ ifNoneMatch: req.headers['if-none-match'], ifModifiedSince: req.headers['if-modified-since'] }, validators)) {
    const { 'Content-Type': _type, 'Content-Length': _length, ...headers } = headersFor(response, variant, req.headers.origin, cors);
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, headersFor(response, variant, req.headers.origin, cors));
  res.end(req.method === 'HEAD' ? undefined : variant.body);
}

const cachedAnswer = (runtime: FrontLayerRuntime, req: IncomingMessage) =>
  runtime.cacheEnabled ? runtime.cache.get(cacheKey(req.url ?? '', API_KEY_PARAM)) : undefined;

function serveCached(runtime: FrontLayerRuntime, req: IncomingMessage, res: ServerResponse, next: () => void, cached = cachedAnswer(runtime, req)) {
  if (cached) {
    runtime.cacheLookups.hits += 1;
    writeCached(req, res, cached, runtime.settings.corsOrigins);
  } else {
    runtime.cacheLookups.misses += 1;
    next();
  }
}

/**
 * Identifies the client (partner key or address), counts it against its limit, then serves or passes on. An
 * address has two counters: a generous one for answers from the cache, which cost next to nothing and may come from
 * many visitors behind one address, and the strict one for everything that has to be built.
 */
async function limitThenServe(runtime: FrontLayerRuntime, requests: RequestsService, req: IncomingMessage, res: ServerResponse, next: () => void) {
  const cors = runtime.settings.corsOrigins;
  const key = presentedKey(req);
  const cached = cachedAnswer(runtime, req);
  const address = requests.clientAddress(req);
  let client = cached ? `cached:ip:${address}` : `ip:${address}`;
  let perMinute = cached ? runtime.settings.cachedRateLimitPerMinute : runtime.settings.rateLimitPerMinute;
  if (key) {
    const partner = await runtime.keys.resolve(key);
    if (!partner) {
      writeError(
        req,
        res,
        cors,
        401,
        'UnauthorizedError',
        'The partner key (X-Api-Key or apiKey) is unknown or deactivated; leave it out to use the API anonymously.'
      );
      return;
    }
    client = `key:${partner.documentId}`;
    perMinute = partner.perMinute;
    runtime.usage.record(partner.documentId, new Date());
  }
  if (perMinute > 0) {
    const decision = await runtime.limits.consume(client, perMinute);
    res.setHeader('X-RateLimit-Limit', String(decision.limit));
    res.setHeader('X-RateLimit-Remaining', String(decision.remaining));
    if (!decision.allowed) {
      res.setHeader('Retry-After', String(decision.retryAfterSeconds));
      const who = key ? 'for this partner key' : cached ? 'per IP address for answers from the cache' : 'per IP address without a partner key';
      writeError(
        req,
        res,
        cors,
        429,
        'RateLimitError',
        `Too many requests: at most ${decision.limit} per minute ${who}; retry in ${decision.retryAfterSeconds} s.`
      );
      return;
    }
  }
  serveCached(runtime, req, res, next, cached);
}

/** Synchronous when nothing needs to be looked up (no key, no anonymous limit): the cheapest path for a hit. */
function handle(runtime: FrontLayerRuntime, requests: RequestsService, req: IncomingMessage, res: ServerResponse, next: () => void): Promise<void> | void {
  if (req.method === 'OPTIONS') {
    const access = runtime.writeAccess(req.url ?? '');
    res.writeHead(204, { ...preflightHeaders(req.headers.origin, runtime.settings.corsOrigins, access), 'Content-Length': '0' });
    res.end();
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return next();
  const { rateLimitPerMinute, cachedRateLimitPerMinute } = runtime.settings;
  if (rateLimitPerMinute > 0 || cachedRateLimitPerMinute > 0 || presentedKey(req)) return limitThenServe(runtime, requests, req, res, next);
  serveCached(runtime, req, res, next);
}

/** Puts the front layer before Koa's listener; returns how to take it out again. */
export function installFrontLayer(server: Server, runtime: FrontLayerRuntime, strapi: Core.Strapi): () => void {
  const downstream = server.listeners('request') as RequestListener[];
  const requests = requestsService(strapi);
  // Health, readiness and metrics must answer even when everything behind them is slow or limited; every other
  // request is only counted there.
  const operations = endpoints(strapi);
  const assets = new StaticAssets(strapi.dirs.static.public);
  const pass = (req: IncomingMessage, res: ServerResponse) => {
    for (const listener of downstream) listener.call(server, req, res);
  };
  const failed = (req: IncomingMessage, res: ServerResponse) => (error: Error) => {
    strapi.log.error(`Public API front layer failed for ${req.method} ${req.url}: ${error.stack ?? error.message}`);
    if (!res.headersSent) pass(req, res);
  };
  const front: RequestListener = (req, res) => {
    if (req.url) req.url = canonicalTarget(req.url);
    if (operations.handle(req, res)) return;
    // Switched off only to measure what compression saves: every answer after this layer is then sent as it is.
    if (!runtime.settings.compression) delete req.headers['accept-encoding'];
    if (req.url && runtime.widget.serve(req, (script) => writeCached(req, res, script, runtime.settings.corsOrigins))) return;
    if (req.url && isPageTarget(req.url)) return servePage(runtime.cache, runtime.cacheLookups, runtime.cacheEnabled, req, res, () => pass(req, res));
    if (req.url && isAssetTarget(req.url)) return assets.serve(req, res, () => pass(req, res));
    if (!req.url || !isUnder(req.url, PUBLIC_PREFIX)) return pass(req, res);
    try {
      handle(runtime, requests, req, res, () => pass(req, res))?.catch(failed(req, res));
    } catch (error) {
      failed(req, res)(error as Error);
    }
  };
  server.removeAllListeners('request');
  server.on('request', front);
  return () => {
    server.removeListener('request', front);
    for (const listener of downstream) server.on('request', listener);
  };
}
