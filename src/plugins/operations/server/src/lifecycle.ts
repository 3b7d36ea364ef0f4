import type { Core } from '@strapi/strapi';
import { runtimeOf } from '../../../stories/server/src/public-api/runtime';
import { operationsHandler } from './endpoints';
import { operationsSettings } from './settings';
import { InFlight, installShutdown, type BackgroundWork } from './shutdown';

/**
 * Health, readiness, metrics and graceful shutdown of one instance: its handler goes first in the public API's
 * front layer (after the front layer has started), and its signal handler replaces Strapi's.
 */

const uninstallers = new WeakMap<Core.Strapi, () => void>();

export function startOperations(strapi: Core.Strapi, background: () => BackgroundWork[]) {
  const settings = operationsSettings(strapi);
  let shuttingDown = false;
  const inFlight = new InFlight();
  const endpoints = operationsHandler(strapi, settings, { shuttingDown: () => shuttingDown });
  runtimeOf(strapi).earlyHandlers.push((req, res) => {
    inFlight.track(res);
    if (shuttingDown) res.setHeader('Connection', 'close');
    return endpoints(req, res);
  });
  const uninstall = installShutdown(strapi, {
    timeoutMs: settings.shutdownTimeoutMs,
    inFlight,
    background,
    beginDrain: () => {
      shuttingDown = true;
    },
  });
  uninstallers.set(strapi, uninstall);
}

export function stopOperations(strapi: Core.Strapi) {
  uninstallers.get(strapi)?.();
  uninstallers.delete(strapi);
}
