import { z } from 'zod';

/**
 * The stories' settings: the site's address, the office's address the public pages name, the public API's cache,
 * rate limits and CORS, and the AVIF encoder's effort — read from the environment (documented in .env.example) and
 * checked when Strapi loads the plugin, so a wrong value stops the boot with the variable's name. config/plugins.ts
 * adds `mediaPrivacy`.
 */
const flag = (fallback: boolean) =>
  z.preprocess(
    (v) => (v === undefined || v === '' ? fallback : ['true', '1', 'yes', 'on'].includes(String(v).toLowerCase())),
    z.boolean()
  );

const AVIF_EFFORT_RANGE = 'COVER_AVIF_EFFORT must be a whole number from 0 to 9';

export const storiesConfigSchema = z.object({
  publicUrl: z.string().url('PUBLIC_URL must be an absolute URL'),
  officeEmail: z.string().nullable(),
  publicApi: z.object({
    cache: z.boolean(),
    compression: z.boolean(),
    modernImages: z.boolean(),
    cacheTtlMs: z.number().int().min(1000, 'PUBLIC_API_CACHE_TTL_MS must be at least 1000'),
    rateLimitPerMinute: z.number().int().min(0, 'PUBLIC_API_RATE_LIMIT_PER_MINUTE must be 0 (no limit) or more'),
    cachedRateLimitPerMinute: z
      .number({ invalid_type_error: 'PUBLIC_API_CACHED_RATE_LIMIT_PER_MINUTE must be a whole number' })
      .int('PUBLIC_API_CACHED_RATE_LIMIT_PER_MINUTE must be a whole number')
      .min(0, 'PUBLIC_API_CACHED_RATE_LIMIT_PER_MINUTE must be 0 (no limit) or more'),
    keyRateLimitPerMinute: z.number().int().min(1, 'PUBLIC_API_KEY_RATE_LIMIT_PER_MINUTE must be at least 1'),
    redisUrl: z.string().regex(/^rediss?:\/\//, 'RATE_LIMIT_REDIS_URL must start with redis:// or rediss://, or be "none"').nullable(),
    corsOrigins: z.union([z.literal('*'), z.array(z.string().url('PUBLIC_API_CORS_ORIGINS must be "*" or a comma-separated list of origins'))]),
  }),
  coverVariants: z.object({
    avifEffort: z
      .number({ invalid_type_error: AVIF_EFFORT_RANGE })
      .int(AVIF_EFFORT_RANGE)
      .min(0, AVIF_EFFORT_RANGE)
      .max(9, AVIF_EFFORT_RANGE),
  }),
});

export type StoriesConfig = z.infer<typeof storiesConfigSchema>;

const int = (value: string | undefined, fallback: number) => (value === undefined || value === '' ? fallback : Number(value));

/** An unset RATE_LIMIT_REDIS_URL means the local Redis; "none" (or empty) means counting in memory, per instance. */
const redisUrl = (value: string | undefined) => {
  if (value === undefined) return 'redis://127.0.0.1:6379';
  return value === '' || value.toLowerCase() === 'none' ? null : value;
};

const origins = (value: string | undefined) =>
  !value || value.trim() === '*' ? '*' : value.split(',').map((o) => o.trim().replace(/\/$/, '')).filter(Boolean);

export function storiesConfigFromEnv(env: NodeJS.ProcessEnv): Record<string, unknown> {
  return {
    publicUrl: env.PUBLIC_URL || 'http://localhost:1337',
    officeEmail: env.OFFICE_EMAIL || null,
    publicApi: {
      cache: flag(true).parse(env.PUBLIC_API_CACHE),
      // Both on in production; off only to measure what they save (npm run bench:widget).
      compression: flag(true).parse(env.PUBLIC_COMPRESSION),
      modernImages: flag(true).parse(env.PUBLIC_MODERN_IMAGES),
      cacheTtlMs: int(env.PUBLIC_API_CACHE_TTL_MS, 5 * 60 * 1000),
      rateLimitPerMinute: int(env.PUBLIC_API_RATE_LIMIT_PER_MINUTE, 120),
      // Answers from the cache cost next to nothing: many visitors behind one address (a school, a carrier's NAT) get ten times as many.
      cachedRateLimitPerMinute: int(env.PUBLIC_API_CACHED_RATE_LIMIT_PER_MINUTE, 10 * int(env.PUBLIC_API_RATE_LIMIT_PER_MINUTE, 120)),
      keyRateLimitPerMinute: int(env.PUBLIC_API_KEY_RATE_LIMIT_PER_MINUTE, 1200),
      redisUrl: redisUrl(env.RATE_LIMIT_REDIS_URL),
      corsOrigins: origins(env.PUBLIC_API_CORS_ORIGINS),
    },
    coverVariants: {
      // Effort 3 of 9: within a few per cent of the smallest file at a fraction of the time an upload would wait.
      avifEffort: int(env.COVER_AVIF_EFFORT, 3),
    },
  };
}

export default {
  default: () => storiesConfigFromEnv(process.env),
  validator(config: unknown) {
    const result = storiesConfigSchema.safeParse(config);
    if (!result.success) {
      throw new Error(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    }
  },
};
