import type { Core } from '@strapi/strapi';
import type { CorsAccess, WriteAccessRule } from '../../../../../shared/public-api';

/**
 * The preflights of the APIs at /api/v1 that accept writes (the submissions', tus uploads): the front layer answers
 * every preflight under /api/v1 before Koa, so the plugin that owns such an API tells it, at register time, what a
 * browser may send there. Everything else is the read-only public API.
 */

// In a global slot, as the runtimes (runtime.ts): scripts and tests load the sources while the app runs the compiled copy.
const REGISTRY = Symbol.for('zusammen-mehr.public-api.write-access');
const slots = globalThis as { [REGISTRY]?: WeakMap<Core.Strapi, WriteAccessRule[]> };
const rules = (slots[REGISTRY] ??= new WeakMap<Core.Strapi, WriteAccessRule[]>());

export function allowWrites(strapi: Core.Strapi, rule: WriteAccessRule) {
  rules.set(strapi, [...(rules.get(strapi) ?? []), rule]);
}

/** The first registered access for this canonical target; undefined: read-only. */
export function writeAccessOf(strapi: Core.Strapi, target: string): CorsAccess | undefined {
  for (const rule of rules.get(strapi) ?? []) {
    const access = rule(target);
    if (access) return access;
  }
  return undefined;
}
