/**
 * Modules loaded once per jest worker process rather than once per test file: Strapi — with the compiled app it
 * requires from dist/ — and what a test hands to it (tests/support/worker-environment.ts says why). A test that
 * gives the app an object of such a module (a winston transport, a patched pg client) must take it from here, or
 * it would be another copy of the module than the app's.
 */
export const SHARED_REQUIRE = '__requireSharedModule';

type SharedRequire = (id: string) => unknown;

/** The worker's copy of module `id`; outside the worker environment (e.g. a script), an ordinary require. */
export function sharedModule<T>(id: string): T {
  const shared = (globalThis as Record<string, unknown>)[SHARED_REQUIRE] as SharedRequire | undefined;
  return (shared ?? require)(id) as T;
}

/** Strapi as the worker loaded it. */
export const strapiModule = () => sharedModule<typeof import('@strapi/strapi')>('@strapi/strapi');
