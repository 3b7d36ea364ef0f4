/**
 * What other plugins hand to the stories' public API (`strapi.plugin('stories').service('public-api')`): types only.
 */

/** What a browser on another site may send to a path, as the answer to its preflight says. */
export interface CorsAccess {
  methods: string;
  requestHeaders: string;
}

/**
 * The write access of an API that lives under /api/v1 besides the read-only public API (the submissions'): given a
 * canonical request target, its access, or undefined when the path is not that API's.
 */
export type WriteAccessRule = (target: string) => CorsAccess | undefined;

export interface PublicApiRegistrations {
  /** Registers a rule for the preflights the front layer answers; paths no rule claims are read-only. */
  allowWrites(rule: WriteAccessRule): void;
}
