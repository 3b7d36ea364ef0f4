import type { PublicResponse } from './response';

/**
 * Rendered answers of this instance, keyed by the normalised request. Only a speed-up: every entry carries the
 * cache generation it was built under and the whole cache is dropped when the generation moves (generation.ts);
 * entries also expire after a time limit, which bounds staleness for changes no hook sees (e.g. a replaced image
 * file). Least recently used entries go first once the byte budget is spent.
 */

interface Entry {
  response: PublicResponse;
  generation: number;
  expiresAt: number;
  bytes: number;
}

/** How often the front layer answered from the cache and how often it passed a cacheable request on, per instance. */
export class LookupCounts {
  hits = 0;
  misses = 0;
}

export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxBytes: number,
    private readonly clock: () => number = Date.now
  ) {}

  get(key: string): PublicResponse | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.clock()) {
      this.remove(key, entry);
      return undefined;
    }
    // Re-inserting keeps the Map in least-recently-used order.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.response;
  }

  /** Stores an answer built under `generation`, unless the generation has moved on meanwhile. */
  set(key: string, response: PublicResponse, generation: number, currentGeneration: number | undefined) {
    if (generation !== currentGeneration) return;
    // Twice the body: its compressed variants (encoding.ts), made on first use, are each smaller than the body.
    const bytes = 2 * response.body.length + key.length + 512;
    if (bytes > this.maxBytes / 4) return;
    const previous = this.entries.get(key);
    if (previous) this.remove(key, previous);
    this.entries.set(key, { response, generation, expiresAt: this.clock() + this.ttlMs, bytes });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldest, entry);
    }
  }

  clear() {
    this.entries.clear();
    this.bytes = 0;
  }

  get size() {
    return this.entries.size;
  }

  private remove(key: string, entry: Entry) {
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}

/**
 * The cache key of a request: its path and its parameters in a fixed order, without the partner key (the answer
 * is the same for every client; pages have none). Computed from the raw URL in the front layer and behind Koa alike.
 */
export function cacheKey(rawUrl: string, apiKeyParam?: string): string {
  const question = rawUrl.indexOf('?');
  const path = question === -1 ? rawUrl : rawUrl.slice(0, question);
  if (question === -1) return path;
  const params = new URLSearchParams(rawUrl.slice(question + 1));
  if (apiKeyParam) params.delete(apiKeyParam);
  params.sort();
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}
