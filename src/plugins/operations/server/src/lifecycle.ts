import type { IncomingMessage, ServerResponse } from 'http';
import type { Core } from '@strapi/strapi';
import { operationsHandler, type EarlyHandler } from './endpoints';
import { operationsSettings } from './settings';
import { InFlight, installShutdown, type BackgroundWork } from './shutdown';

/**
 * Health, readiness, metrics and graceful shutdown of one instance: the front layer (stories' public API) asks its
 * handler first for every request, through the `endpoints` service, and its signal handler replaces Strapi's.
 */

const running = new WeakMap<Core.Strapi, { handler: EarlyHandler; uninstall: () => void }>();

export function startOperations(strapi: Core.Strapi, background: () => BackgroundWork[]) {
  const settings = operationsSettings(strapi);
  let shuttingDown = false;
  const inFlight = new InFlight();
  const endpoints = operationsHandler(strapi, settings, { shuttingDown: () => shuttingDown });
  const handler: EarlyHandler = (req, res) => {
    inFlight.track(res);
    if (shuttingDown) res.setHeader('Connection', 'close');
    return endpoints(req, res);
  };
  const uninstall = installShutdown(strapi, {
    timeoutMs: settings.shutdownTimeoutMs,
    inFlight,
    background,
    beginDrain: () => {
      shuttingDown = true;
    },
  });
  running.set(strapi, { handler, uninstall });
}

/** Answers the operations endpoints, or only counts and tracks the request; nothing before operations has started. */
export const answerEarly = (strapi: Core.Strapi, req: IncomingMessage, res: ServerResponse): boolean =>
  running.get(strapi)?.handler(req, res) ?? false;

export function stopOperations(strapi: Core.Strapi) {
  running.get(strapi)?.uninstall();
  running.delete(strapi);
}
