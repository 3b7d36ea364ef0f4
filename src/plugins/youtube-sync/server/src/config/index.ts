import { z } from 'zod';

/**
 * The plugin's settings, read from the environment (documented in .env.example) and checked when Strapi loads the
 * plugin: a wrong value stops the boot with the variable's name instead of failing on the first sync.
 */
const flag = (fallback: boolean) =>
  z.preprocess(
    (v) => (v === undefined || v === '' ? fallback : ['true', '1', 'yes', 'on'].includes(String(v).toLowerCase())),
    z.boolean()
  );

const GOOGLE = {
  apiRoot: 'https://youtube.googleapis.com/',
  tokenUrl: 'https://oauth2.googleapis.com/token',
  authUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
  revokeUrl: 'https://oauth2.googleapis.com/revoke',
};

export const configSchema = z.object({
  apiRoot: z.string().url('YOUTUBE_API_ROOT must be an absolute URL (default https://youtube.googleapis.com/)'),
  tokenUrl: z.string().url('YOUTUBE_TOKEN_URL must be an absolute URL'),
  authUrl: z.string().url('YOUTUBE_AUTH_URL must be an absolute URL'),
  revokeUrl: z.string().url('YOUTUBE_REVOKE_URL must be an absolute URL'),
  clientId: z.string().optional(),
  clientSecret: z.string().optional(),
  refreshToken: z.string().optional(),
  worker: z.boolean(),
  intervalMs: z.number().int().min(200, 'YOUTUBE_SYNC_INTERVAL_MS must be at least 200'),
  leaseMs: z.number().int().min(5000, 'YOUTUBE_SYNC_LEASE_MS must be at least 5000'),
  retryHorizonMs: z
    .number({ invalid_type_error: 'YOUTUBE_SYNC_RETRY_HOURS must be a whole number of hours' })
    .int('YOUTUBE_SYNC_RETRY_HOURS must be a whole number of hours')
    .min(24 * 3600 * 1000, 'YOUTUBE_SYNC_RETRY_HOURS must be at least 24: a Google outage of some hours must not fail every job')
    .max(14 * 24 * 3600 * 1000, 'YOUTUBE_SYNC_RETRY_HOURS must be at most 336 (two weeks)'),
  maxLostLeases: z
    .number({ invalid_type_error: 'YOUTUBE_SYNC_MAX_LOST_LEASES must be a whole number' })
    .int('YOUTUBE_SYNC_MAX_LOST_LEASES must be a whole number')
    .min(1, 'YOUTUBE_SYNC_MAX_LOST_LEASES must be at least 1')
    .max(100, 'YOUTUBE_SYNC_MAX_LOST_LEASES must be at most 100'),
  reconcileIntervalMs: z.number().int().min(60000, 'YOUTUBE_RECONCILE_INTERVAL_MS must be at least 60000 (one minute)'),
  retryMaxDelayMs: z
    .number({ invalid_type_error: 'YOUTUBE_RETRY_MAX_DELAY_MS must be a whole number of milliseconds' })
    .int('YOUTUBE_RETRY_MAX_DELAY_MS must be a whole number of milliseconds')
    .min(0, 'YOUTUBE_RETRY_MAX_DELAY_MS must be 0 or more'),
  defaultPrivacy: z.enum(['public', 'unlisted', 'private'], {
    errorMap: () => ({ message: 'YOUTUBE_DEFAULT_PRIVACY must be public, unlisted or private' }),
  }),
  takedown: z.enum(['delete', 'private'], {
    errorMap: () => ({ message: 'YOUTUBE_TAKEDOWN must be "delete" or "private"' }),
  }),
  categoryId: z.string().regex(/^[0-9]+$/, 'YOUTUBE_CATEGORY_ID must be a numeric YouTube category id'),
  dailyUnits: z.number().int().min(1, 'YOUTUBE_DAILY_UNITS must be at least 1 (the project\'s daily quota, 10000 by default)'),
  dailyUploads: z.number().int().min(1, 'YOUTUBE_DAILY_UPLOADS must be at least 1 (the project\'s daily videos.insert allowance, 100 by default)'),
  notifySubscribers: z.enum(['first_publish', 'never'], {
    errorMap: () => ({ message: 'YOUTUBE_NOTIFY_SUBSCRIBERS must be "first_publish" (notify when a story first goes up) or "never"' }),
  }),
  playlistOrder: z.enum(['newest_first', 'oldest_first'], {
    errorMap: () => ({ message: 'YOUTUBE_PLAYLIST_ORDER must be "newest_first" or "oldest_first"' }),
  }),
  quotaModel: z.enum(['current', 'legacy'], {
    errorMap: () => ({ message: 'YOUTUBE_QUOTA_MODEL must be "current" (uploads counted apart) or "legacy" (1,600 units per upload)' }),
  }),
  uploadChunkBytes: z
    .number()
    .int()
    .refine((n) => n > 0 && n % (256 * 1024) === 0, 'YOUTUBE_UPLOAD_CHUNK_BYTES must be a multiple of 262144 (256 KiB)'),
  descriptionTemplate: z.string().max(4000),
  playlistTitles: z.object({
    channel: z.string(),
    region: z.string(),
    theme: z.string(),
    project: z.string(),
  }),
  playlistKinds: z.object({ channel: z.boolean(), region: z.boolean(), theme: z.boolean(), project: z.boolean() }),
  tokenKey: z
    .string({ required_error: 'YOUTUBE_TOKEN_KEY (or ENCRYPTION_KEY) is missing: it encrypts the stored YouTube credentials' })
    .min(16, 'YOUTUBE_TOKEN_KEY (or ENCRYPTION_KEY) must have at least 16 characters: it encrypts the stored YouTube credentials'),
});

export type PluginConfig = z.infer<typeof configSchema>;

const int = (value: string | undefined, fallback: number) => (value === undefined || value === '' ? fallback : Number(value));

export const DEFAULT_DESCRIPTION_TEMPLATE = [
  '{teaser}',
  '',
  'Region: {region}',
  '{project_line}',
  'Themen: {themes}',
  '',
  '{credits}',
  '',
  'Die ganze Geschichte: {link}',
  '',
  'ZUSAMMEN. MEHR. – Erfolgsgeschichten gelungener Integration aus Niedersachsen. Ein Beteiligungsaufruf des Bündnisses „Niedersachsen packt an“.',
].join('\n');

export function configFromEnv(env: NodeJS.ProcessEnv): Record<string, unknown> {
  return {
    apiRoot: env.YOUTUBE_API_ROOT || GOOGLE.apiRoot,
    tokenUrl: env.YOUTUBE_TOKEN_URL || GOOGLE.tokenUrl,
    authUrl: env.YOUTUBE_AUTH_URL || GOOGLE.authUrl,
    revokeUrl: env.YOUTUBE_REVOKE_URL || GOOGLE.revokeUrl,
    clientId: env.YOUTUBE_CLIENT_ID || undefined,
    clientSecret: env.YOUTUBE_CLIENT_SECRET || undefined,
    refreshToken: env.YOUTUBE_REFRESH_TOKEN || undefined,
    worker: flag(true).parse(env.YOUTUBE_SYNC_WORKER),
    intervalMs: int(env.YOUTUBE_SYNC_INTERVAL_MS, 5000),
    leaseMs: int(env.YOUTUBE_SYNC_LEASE_MS, 120000),
    retryHorizonMs: int(env.YOUTUBE_SYNC_RETRY_HOURS, 24) * 3600 * 1000,
    maxLostLeases: int(env.YOUTUBE_SYNC_MAX_LOST_LEASES, 5),
    reconcileIntervalMs: int(env.YOUTUBE_RECONCILE_INTERVAL_MS, 24 * 3600 * 1000),
    retryMaxDelayMs: int(env.YOUTUBE_RETRY_MAX_DELAY_MS, 1500),
    defaultPrivacy: env.YOUTUBE_DEFAULT_PRIVACY || 'public',
    takedown: env.YOUTUBE_TAKEDOWN || 'private',
    categoryId: env.YOUTUBE_CATEGORY_ID || '29',
    dailyUnits: int(env.YOUTUBE_DAILY_UNITS, 10000),
    dailyUploads: int(env.YOUTUBE_DAILY_UPLOADS, 100),
    notifySubscribers: env.YOUTUBE_NOTIFY_SUBSCRIBERS || 'first_publish',
    playlistOrder: env.YOUTUBE_PLAYLIST_ORDER || 'newest_first',
    quotaModel: env.YOUTUBE_QUOTA_MODEL || 'current',
    uploadChunkBytes: int(env.YOUTUBE_UPLOAD_CHUNK_BYTES, 8 * 1024 * 1024),
    descriptionTemplate: DEFAULT_DESCRIPTION_TEMPLATE,
    playlistTitles: {
      channel: 'ZUSAMMEN. MEHR. – Alle Geschichten',
      region: 'ZUSAMMEN. MEHR. – {name}',
      theme: 'ZUSAMMEN. MEHR. – Thema: {name}',
      project: 'ZUSAMMEN. MEHR. – Projekt: {name}',
    },
    playlistKinds: { channel: true, region: true, theme: true, project: true },
    tokenKey: env.YOUTUBE_TOKEN_KEY || env.ENCRYPTION_KEY,
  };
}

export default {
  default: () => configFromEnv(process.env),
  validator(config: unknown) {
    const result = configSchema.safeParse(config);
    if (!result.success) {
      throw new Error(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    }
  },
};
