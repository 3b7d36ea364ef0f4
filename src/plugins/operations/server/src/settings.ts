import type { Core } from '@strapi/strapi';

/**
 * How an instance shuts down and who may read its metrics, validated at start-up from the environment
 * (src/environment.ts) and handed to the plugin by config/plugins.ts as `operations`.
 */
export interface OperationsSettings {
  /** SHUTDOWN_TIMEOUT_SECONDS: how long a stopping instance waits for running requests and jobs. */
  shutdownTimeoutMs: number;
  /** METRICS_TOKEN: a scraper that sends it as a Bearer token may read /metrics from anywhere. */
  metricsToken: string | null;
  /** METRICS_ALLOW: addresses and CIDR ranges that may read /metrics without the token. */
  metricsAllow: string[];
}

export function operationsSettings(strapi: Core.Strapi): OperationsSettings {
  const settings = (strapi.config.get('plugin::operations') as { operations?: OperationsSettings }).operations;
  if (!settings) throw new Error('The operations plugin has no settings: config/plugins.ts must pass them (operations: { config: { operations } }).');
  return settings;
}
