import type { Core } from '@strapi/strapi';
import { metrics as metricsService, readiness as readinessService } from './dependencies';
import { runtimeOf } from './public-api/runtime';
import { mediaPrivacySettings } from './media-privacy/settings';

/** What the stories add to the instance's readiness answer and metrics (the operations plugin serves both). */
export function registerWithOperations(strapi: Core.Strapi) {
  const readiness = readinessService(strapi);
  readiness.registerCheck({
    component: 'redis',
    what: 'Redis',
    check: () => (runtimeOf(strapi).limits.backend === 'redis' ? runtimeOf(strapi).limits.ping() : null),
  });
  readiness.registerWritableDirectory(() => mediaPrivacySettings(strapi).privateDir);

  const metrics = metricsService(strapi);
  const lookups = () => runtimeOf(strapi).cacheLookups;
  metrics.counter(
    'zm_front_cache_hits_total',
    'Cacheable requests (public API, story pages) answered from the front cache by this instance',
    () => lookups().hits
  );
  metrics.counter('zm_front_cache_misses_total', 'Cacheable requests (public API, story pages) that this instance had to build', () => lookups().misses);
}
