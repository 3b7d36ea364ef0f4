import type { Core } from '@strapi/strapi';
import { ANSWERS, type Endpoint } from './answers';
import { cacheKey } from './cache';
import { API_KEY_PARAM } from './params';
import type { PublicResponse } from './response';
import { runtimeOf } from './runtime';
import { syncSearchIndex } from './search-index';
import { allowWrites } from './write-access';
import { useVideoSource } from './video-source';
import type { VideoSource, WriteAccessRule } from '../../../../../shared/public-api';

export interface PublicRequest {
  endpoint: Endpoint;
  query: Record<string, unknown>;
  slug?: string;
  /** The request's path and query string as received (the cache key is derived from it). */
  rawUrl: string;
}

/**
 * The plugin's "public-api" service: answers a /api/v1 request that the front layer could not serve from the
 * cache, and stores the answer for the next one. Also the handle for scripts (bulk imports, benchmarks).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async respond(request: PublicRequest): Promise<PublicResponse> {
    const runtime = runtimeOf(strapi);
    const generation = await runtime.freshGeneration();
    const key = cacheKey(request.rawUrl, API_KEY_PARAM);
    const cached = runtime.cacheEnabled ? runtime.cache.get(key) : undefined;
    if (cached) return cached;
    const response = await ANSWERS[request.endpoint](
      {
        queries: runtime.queries,
        reference: () => runtime.reference(generation.value),
        publicUrl: runtime.settings.publicUrl,
        modernImages: runtime.settings.modernImages,
        lastModified: generation.changedAt,
      },
      { query: request.query, slug: request.slug, normalisedUrl: key }
    );
    if (runtime.cacheEnabled) runtime.cache.set(key, response, generation.value, runtime.generation.current?.value);
    return response;
  },

  /**
   * A page built from public content (story pages, the iframe page), kept in the same cache as the API's answers and
   * dropped with them when the generation moves, so its HTML is built once per generation. `build` answers either
   * the page to keep or something not to keep (a 404 page), which is passed back as it is.
   */
  async page<Other>(rawUrl: string, build: () => Promise<PublicResponse | Other>, keep: (built: PublicResponse | Other) => built is PublicResponse) {
    const runtime = runtimeOf(strapi);
    const generation = await runtime.freshGeneration();
    const key = cacheKey(rawUrl);
    const cached = runtime.cacheEnabled ? runtime.cache.get(key) : undefined;
    if (cached) return cached;
    const built = await build();
    if (runtime.cacheEnabled && keep(built)) runtime.cache.set(key, built, generation.value, runtime.generation.current?.value);
    return built;
  },

  corsOrigins() {
    return runtimeOf(strapi).settings.corsOrigins;
  },

  /** An API at /api/v1 that accepts writes says what a browser may send there (write-access.ts). */
  allowWrites(rule: WriteAccessRule) {
    allowWrites(strapi, rule);
  },

  /** The plugin that keeps the stories' videos and playlists says where the public API reads them (video-source.ts). */
  useVideoSource(source: VideoSource) {
    useVideoSource(strapi, source);
  },

  /** After rows were written around the Document Service (bulk imports): index them and tell every instance. */
  async contentImported() {
    const runtime = runtimeOf(strapi);
    const result = await syncSearchIndex(runtime.knex, runtime.tables);
    await runtime.contentChanged();
    return result;
  },

  /** Switches this instance's response cache (the benchmark measures both); the default comes from PUBLIC_API_CACHE. */
  setResponseCache(enabled: boolean) {
    const runtime = runtimeOf(strapi);
    runtime.cacheEnabled = enabled;
    runtime.forgetAnswers();
  },

  /** Reads the cache generation now, as the poll does every quarter second: what another instance changed shows. */
  async pollGeneration() {
    return runtimeOf(strapi).generation.read();
  },

  /** Writes the partner usage counted so far (it is also written every few seconds and at shutdown). */
  async flushUsage() {
    await runtimeOf(strapi).housekeeping();
  },
});
