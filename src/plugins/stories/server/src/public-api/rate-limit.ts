import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

/**
 * Requests per window (a minute unless told otherwise) per client (IP address, partner key, or a submitter's
 * address for the per-hour submission limit). The counters live in Redis so that every instance
 * behind the proxy counts the same minute; each limiter keeps an in-memory twin that takes over while Redis is
 * unreachable (a per-instance limit beats no limit). Without a configured Redis the in-memory counters are all
 * there is, and the start-up log says so.
 */

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  retryAfterSeconds: number;
}

export interface RateLimitLog {
  info(message: string): void;
  warn(message: string): void;
}

const MINUTE = 60;
const ERROR_LOG_INTERVAL_MS = 60_000;

export class RateLimits {
  private readonly limiters = new Map<string, RateLimiterAbstract>();
  private readonly redis: Redis | null;
  private lastErrorLog = 0;

  constructor(
    redisUrl: string | null,
    private readonly keyPrefix: string,
    log: RateLimitLog
  ) {
    if (!redisUrl) {
      this.redis = null;
      log.warn('Public API: RATE_LIMIT_REDIS_URL is "none": rate limits are counted in memory, separately by each instance.');
      return;
    }
    // No offline queue: while Redis is away a request must not wait for it, the in-memory twin answers instead.
    this.redis = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, enableAutoPipelining: true });
    this.redis.on('error', (error: Error) => {
      if (Date.now() - this.lastErrorLog < ERROR_LOG_INTERVAL_MS) return;
      this.lastErrorLog = Date.now();
      log.warn(
        `Public API: Redis for rate limits (${redisUrl.replace(/\/\/[^@]*@/, '//…@')}) is unreachable, counting in memory meanwhile: ${error.message}`
      );
    });
    log.info(`Public API: rate limits are counted in Redis (${redisUrl.replace(/\/\/[^@]*@/, '//…@')}).`);
  }

  /** Waits (briefly) for the first connection, so the first minute is not counted apart in memory. */
  async ready(timeoutMs: number): Promise<boolean> {
    const redis = this.redis;
    if (!redis) return false;
    if (redis.status === 'ready') return true;
    return new Promise((resolve) => {
      const done = (ok: boolean) => {
        clearTimeout(timer);
        redis.off('ready', onReady);
        resolve(ok);
      };
      const onReady = () => done(true);
      const timer = setTimeout(() => done(false), timeoutMs);
      redis.once('ready', onReady);
    });
  }

  get backend(): 'redis' | 'memory' {
    return this.redis ? 'redis' : 'memory';
  }

  /** Asks Redis for a PONG (for the readiness check); resolves when it answers, rejects otherwise. */
  async ping(): Promise<void> {
    if (!this.redis) return;
    await this.redis.ping();
  }

  private limiter(points: number, windowSeconds: number): RateLimiterAbstract {
    const key = `${points}/${windowSeconds}`;
    let limiter = this.limiters.get(key);
    if (limiter) return limiter;
    const keyPrefix = windowSeconds === MINUTE ? `${this.keyPrefix}:${points}` : `${this.keyPrefix}:${points}per${windowSeconds}s`;
    const options = { points, duration: windowSeconds, keyPrefix };
    const memory = new RateLimiterMemory(options);
    limiter = this.redis
      ? new RateLimiterRedis({
          ...options,
          storeClient: this.redis,
          rejectIfRedisNotReady: true,
          insuranceLimiter: memory,
          // A client over its limit is turned away from memory until its window is over, sparing Redis the flood.
          inMemoryBlockOnConsumed: points + 1,
          inMemoryBlockDuration: windowSeconds,
        })
      : memory;
    this.limiters.set(key, limiter);
    return limiter;
  }

  async consume(client: string, points: number, windowSeconds = MINUTE): Promise<RateDecision> {
    try {
      const result = await this.limiter(points, windowSeconds).consume(client, 1);
      return { allowed: true, limit: points, remaining: result.remainingPoints, retryAfterSeconds: 0 };
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        return { allowed: false, limit: points, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
      }
      throw rejection;
    }
  }

  async close() {
    if (!this.redis) return;
    try {
      await this.redis.quit();
    } catch {
      this.redis.disconnect();
    }
  }
}
