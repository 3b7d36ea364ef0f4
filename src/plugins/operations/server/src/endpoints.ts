import type { IncomingMessage, ServerResponse } from 'http';
import type { Core } from '@strapi/strapi';
import { SECURITY_HEADERS } from '../../../../shared/security-headers';
import type { EndpointsService } from '../../../../shared/operations';
import { isPath } from './request-path';
import { proxyTrustOf } from './client-address';
import { metricsOf } from './metrics';
import { metricsAccessRule } from './metrics-access';
import { checkReadiness } from './readiness';
import { routeResolver, setRouteLabel } from './route-label';
import type { OperationsSettings } from './settings';

/** Answers a request (true) or only counts it (false). */
export type EarlyHandler = EndpointsService['handle'];

/**
 * The operations endpoints, answered in the front layer before rate limits, caches and Koa:
 * - GET /_health: the process is alive and its event loop turns (cheap, touches nothing; replaces Strapi's 204);
 * - GET /_ready: it can serve — 200, or 503 with the failing component named — and 503 from the moment it shuts down;
 * - GET /metrics: Prometheus text format, for METRICS_TOKEN or METRICS_ALLOW only.
 * Every other request is only counted, by route pattern and status, when its answer is finished.
 */

export interface EndpointState {
  shuttingDown(): boolean;
}

const NO_STORE = { ...SECURITY_HEADERS, 'Cache-Control': 'no-store' };

function send(req: IncomingMessage, res: ServerResponse, status: number, contentType: string, body: string, extra: Record<string, string> = {}) {
  const bytes = Buffer.from(body);
  res.writeHead(status, { ...NO_STORE, ...extra, 'Content-Type': contentType, 'Content-Length': String(bytes.length) });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}

const json = (req: IncomingMessage, res: ServerResponse, status: number, body: unknown, extra?: Record<string, string>) =>
  send(req, res, status, 'application/json; charset=utf-8', JSON.stringify(body), extra);

async function answerReady(strapi: Core.Strapi, state: EndpointState, req: IncomingMessage, res: ServerResponse) {
  const readiness = await checkReadiness(strapi, state.shuttingDown());
  json(req, res, readiness.ready ? 200 : 503, { status: readiness.ready ? 'ready' : 'not ready', components: readiness.components });
}

async function answerMetrics(strapi: Core.Strapi, req: IncomingMessage, res: ServerResponse, access: ReturnType<typeof metricsAccessRule>) {
  const decision = access(req);
  if (decision === 'unauthorized') {
    json(req, res, 401, { error: 'Send the metrics token as "Authorization: Bearer <METRICS_TOKEN>".' }, { 'WWW-Authenticate': 'Bearer realm="metrics"' });
    return;
  }
  if (decision === 'forbidden') {
    json(req, res, 403, { error: 'This address may not read the metrics: add it to METRICS_ALLOW or set METRICS_TOKEN.' });
    return;
  }
  const metrics = metricsOf(strapi);
  send(req, res, 200, metrics.contentType, await metrics.scrape());
}

export function operationsHandler(strapi: Core.Strapi, settings: OperationsSettings, state: EndpointState): EarlyHandler {
  const access = metricsAccessRule(settings, proxyTrustOf(strapi));
  const routeOf = routeResolver(strapi);
  const metrics = metricsOf(strapi);
  const failed = (req: IncomingMessage, res: ServerResponse) => (error: Error) => {
    strapi.log.error(`${req.url} failed: ${error.stack ?? error.message}`);
    if (!res.headersSent) json(req, res, 500, { error: `${req.url} failed: ${error.message}` });
  };
  return (req, res) => {
    const target = req.url ?? '/';
    res.once('finish', () => metrics.countRequest(req.method, routeOf(req), res.statusCode));
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    if (isPath(target, '/_health')) {
      setRouteLabel(req, '/_health');
      json(req, res, 200, { status: 'ok' });
      return true;
    }
    if (isPath(target, '/_ready')) {
      setRouteLabel(req, '/_ready');
      answerReady(strapi, state, req, res).catch(failed(req, res));
      return true;
    }
    if (isPath(target, '/metrics')) {
      setRouteLabel(req, '/metrics');
      answerMetrics(strapi, req, res, access).catch(failed(req, res));
      return true;
    }
    return false;
  };
}
