import path from 'path';
import { z } from 'zod';
import { VIDEO_FORMAT_NAMES, type VideoFormat } from './plugins/submissions/server/src/intake/formats';
import { parseAddressRanges, parseTrustedProxies, type TrustedProxies } from './plugins/operations/server/src/client-address';

/**
 * Every setting the app reads from the environment, validated once at start-up so that a missing or malformed
 * secret stops the boot with a message naming the variable instead of failing later inside a request.
 */

// Whole-value match: a random base64 secret may well begin with "xxx" or "Secret", and must not be refused for it.
const PLACEHOLDER = /^(tobemodified|changeme|change-me|replace-me|secret|x{3,})[\d,]*$/i;

const secret = (name: string) =>
  z
    .string({ required_error: `${name} is missing` })
    .min(16, `${name} is too short: use at least 16 random characters (e.g. \`openssl rand -base64 24\`)`)
    .refine((v) => !PLACEHOLDER.test(v), `${name} still holds a placeholder: replace it with a random value`);

const secretList = (name: string) =>
  z
    .string({ required_error: `${name} is missing` })
    .transform((v) => v.split(',').map((k) => k.trim()).filter(Boolean))
    .refine((keys) => keys.length >= 2, `${name} needs at least two keys separated by commas`)
    .refine(
      (keys) => keys.every((k) => k.length >= 16 && !PLACEHOLDER.test(k)),
      `${name} holds a key that is shorter than 16 characters or a placeholder`
    );

const port = (name: string, fallback: number) =>
  z.coerce
    .number({ invalid_type_error: `${name} must be a port number` })
    .int(`${name} must be a whole number`)
    .min(1, `${name} must be between 1 and 65535`)
    .max(65535, `${name} must be between 1 and 65535`)
    .default(fallback);

const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
    .default(fallback ? 'true' : 'false')
    .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

const url = (name: string) => z.string().url(`${name} must be an absolute URL such as https://example.org`);

const whole = (name: string, min: number, max: number, fallback: number, unit: string) =>
  z.coerce
    .number({ invalid_type_error: `${name} must be a whole number of ${unit}` })
    .int(`${name} must be a whole number of ${unit}`)
    .min(min, `${name} must be at least ${min} ${unit}`)
    .max(max, `${name} must be at most ${max} ${unit}`)
    .default(fallback);

/** "someone@example.org" or "Name <someone@example.org>", as mail headers accept them. */
const mailbox = (name: string) =>
  z
    .string()
    .refine(
      (v) => z.string().email().safeParse(v.match(/<([^<>]+)>\s*$/)?.[1] ?? v).success,
      `${name} must be an e-mail address, optionally with a name: "ZUSAMMEN. MEHR. <mitmachen@example.org>"`
    );

/** An S3 bucket name as every S3-compatible store accepts it (lower case, digits, dots, hyphens). */
const bucketName = (name: string) =>
  z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, `${name} must be a bucket name: 3–63 lower-case letters, digits, dots or hyphens`);

/** Which proxies may tell us the client's address in X-Forwarded-For (utils/client-address.ts). */
const trustedProxies = z
  .string()
  .default('none')
  .transform((value, ctx): TrustedProxies => {
    const parsed = parseTrustedProxies(value);
    if (!('error' in parsed)) return parsed;
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: `TRUSTED_PROXIES: ${parsed.error}; write the number of proxies in front of the app (e.g. 1) or their addresses and ranges (e.g. 10.0.0.0/8,fd00::/8), or leave it empty when clients connect directly`,
    });
    return z.NEVER;
  });

/** Addresses and CIDR ranges that may read /metrics without the token (see README, "Betrieb"). */
const metricsAllow = z
  .string()
  .default('127.0.0.1,::1')
  .transform((value, ctx): string[] => {
    const parsed = parseAddressRanges(value);
    if (!('error' in parsed)) return parsed;
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: `METRICS_ALLOW: ${parsed.error}; write addresses and CIDR ranges separated by commas (e.g. 10.0.0.0/8,::1), or "none"`,
    });
    return z.NEVER;
  });

/** Video containers a submission may use, by file extension (the bytes are checked, not the name). */
const videoFormats = z
  .string()
  .default(VIDEO_FORMAT_NAMES.join(','))
  .transform((v) => [...new Set(v.split(',').map((f) => f.trim().toLowerCase().replace(/^\./, '')).filter(Boolean))])
  .refine((formats) => formats.length > 0, 'SUBMISSION_VIDEO_TYPES needs at least one format, e.g. mp4,mov')
  .superRefine((formats, ctx) => {
    const unknown = formats.filter((f) => !(VIDEO_FORMAT_NAMES as string[]).includes(f));
    if (unknown.length)
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: `SUBMISSION_VIDEO_TYPES: unknown format ${unknown.join(', ')}; choose from ${VIDEO_FORMAT_NAMES.join(', ')}`,
      });
  })
  .transform((formats) => formats as VideoFormat[]);

const schema = z
  .object({
    NODE_ENV: z.string().default('development'),
    HOST: z.string().min(1).default('0.0.0.0'),
    PORT: port('PORT', 1337),
    PUBLIC_URL: url('PUBLIC_URL').default('http://localhost:1337'),
    PUBLIC_DIR: z.string().min(1, 'PUBLIC_DIR must name a folder (default: public)').default('public'),
    TRUSTED_PROXIES: trustedProxies,

    APP_KEYS: secretList('APP_KEYS'),
    API_TOKEN_SALT: secret('API_TOKEN_SALT'),
    ADMIN_JWT_SECRET: secret('ADMIN_JWT_SECRET'),
    TRANSFER_TOKEN_SALT: secret('TRANSFER_TOKEN_SALT'),
    JWT_SECRET: secret('JWT_SECRET'),
    ENCRYPTION_KEY: secret('ENCRYPTION_KEY'),

    DATABASE_CLIENT: z
      .enum(['sqlite', 'postgres'], {
        errorMap: () => ({ message: 'DATABASE_CLIENT must be "sqlite" (default) or "postgres"' }),
      })
      .default('sqlite'),
    DATABASE_FILENAME: z.string().min(1).default('.tmp/data.db'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// (e.g. postgres://user:pass@host:5432/db)')
      .optional(),
    DATABASE_HOST: z.string().default('127.0.0.1'),
    DATABASE_PORT: port('DATABASE_PORT', 5432),
    DATABASE_NAME: z.string().default('strapi'),
    DATABASE_USERNAME: z.string().default('postgres'),
    DATABASE_PASSWORD: z.string().default(''),
    DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]*$/i, 'DATABASE_SCHEMA must be a plain SQL identifier').default('public'),
    DATABASE_SSL: flag(false),
    DATABASE_POOL_MIN: z.coerce.number().int().min(0).default(0),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).default(10),

    LOG_LEVEL: z
      .enum(['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly'], {
        errorMap: () => ({ message: 'LOG_LEVEL must be one of error, warn, info, http, verbose, debug' }),
      })
      .default('http'),
    LOG_FORMAT: z
      .enum(['text', 'json'], { errorMap: () => ({ message: 'LOG_FORMAT must be "text" (default) or "json" (one JSON object per line)' }) })
      .default('text'),
    SEED_REFERENCE_DATA: flag(true),

    ADMIN_EMAIL: z.string().email('ADMIN_EMAIL must be an e-mail address').optional(),
    ADMIN_PASSWORD: z
      .string()
      .min(8, 'ADMIN_PASSWORD must have at least 8 characters')
      .regex(/[a-z]/, 'ADMIN_PASSWORD needs a lower-case letter')
      .regex(/[A-Z]/, 'ADMIN_PASSWORD needs an upper-case letter')
      .regex(/[0-9]/, 'ADMIN_PASSWORD needs a digit')
      .optional(),

    // Story submissions (/mitmachen and partner integrations) and their e-mails.
    SMTP_HOST: z.string().optional(),
    SMTP_PORT: port('SMTP_PORT', 587),
    SMTP_SECURE: flag(false),
    SMTP_USER: z.string().optional(),
    SMTP_PASSWORD: z.string().optional(),
    EMAIL_FROM: mailbox('EMAIL_FROM').optional(),
    EMAIL_REPLY_TO: mailbox('EMAIL_REPLY_TO').optional(),
    OFFICE_EMAIL: z.string().email('OFFICE_EMAIL must be the e-mail address of the office (it receives a notice of each submission)').optional(),
    SUBMISSION_MAX_VIDEO_MB: whole('SUBMISSION_MAX_VIDEO_MB', 1, 20480, 2048, 'megabytes'),
    SUBMISSION_MAX_IMAGE_MB: whole('SUBMISSION_MAX_IMAGE_MB', 1, 100, 15, 'megabytes'),
    SUBMISSION_VIDEO_TYPES: videoFormats,
    SUBMISSION_RATE_LIMIT_PER_HOUR: whole('SUBMISSION_RATE_LIMIT_PER_HOUR', 0, 100000, 20, 'submissions (0 = no limit)'),
    SUBMISSION_PARTNER_SECRET: secret('SUBMISSION_PARTNER_SECRET').optional(),
    UPLOAD_TMP_DIR: z.string().min(1).default('.tmp/uploads'),
    UPLOAD_PENDING_BUDGET_MB: whole('UPLOAD_PENDING_BUDGET_MB', 1, 10_000_000, 20480, 'megabytes'),
    UPLOAD_DAILY_MB_PER_ADDRESS: whole('UPLOAD_DAILY_MB_PER_ADDRESS', 1, 10_000_000, 4096, 'megabytes'),
    UPLOAD_PARTNER_BUDGET_FACTOR: whole('UPLOAD_PARTNER_BUDGET_FACTOR', 1, 1000, 5, 'times the daily budget per address'),
    CONSENT_TEXT_VERSION: z
      .string()
      .max(40, 'CONSENT_TEXT_VERSION must be at most 40 characters (it is stored with every consent)')
      .default('2026-01'),
    CONSENT_LINK_VALID_DAYS: whole('CONSENT_LINK_VALID_DAYS', 1, 3650, 1095, 'days'),
    MAIL_RETRY_HOURS: whole('MAIL_RETRY_HOURS', 1, 720, 72, 'hours'),

    // Files of stories that are not public (see README, "Private Medien").
    PRIVATE_MEDIA_DIR: z
      .string()
      .min(1)
      .refine(
        (v) => !`${path.resolve(v)}${path.sep}`.startsWith(`${path.resolve('public')}${path.sep}`),
        'PRIVATE_MEDIA_DIR must lie outside public/: everything there is served to anyone'
      )
      .default('.tmp/private-media'),
    PRIVATE_MEDIA_LINK_MINUTES: whole('PRIVATE_MEDIA_LINK_MINUTES', 1, 1440, 60, 'minutes'),
    PUBLIC_ORIGINAL_VIDEO: flag(false),

    // Where media and resumable uploads are stored (see README, "Objektspeicher / object storage").
    STORAGE_DRIVER: z
      .enum(['local', 's3'], { errorMap: () => ({ message: 'STORAGE_DRIVER must be "local" (default: the local disk) or "s3"' }) })
      .default('local'),
    S3_ENDPOINT: url('S3_ENDPOINT').optional(),
    S3_REGION: z.string().min(1).default('us-east-1'),
    S3_BUCKET: bucketName('S3_BUCKET').optional(),
    S3_PRIVATE_BUCKET: bucketName('S3_PRIVATE_BUCKET').optional(),
    S3_ACCESS_KEY_ID: z.string().optional(),
    S3_SECRET_ACCESS_KEY: z.string().optional(),
    S3_FORCE_PATH_STYLE: flag(false),
    S3_PUBLIC_URL: url('S3_PUBLIC_URL').optional(),

    // Operations: shutdown and metrics (see README, "Betrieb").
    SHUTDOWN_TIMEOUT_SECONDS: whole('SHUTDOWN_TIMEOUT_SECONDS', 1, 3600, 25, 'seconds'),
    METRICS_TOKEN: secret('METRICS_TOKEN').optional(),
    METRICS_ALLOW: metricsAllow,
  })
  .superRefine((env, ctx) => {
    const need = (name: keyof typeof env, message: string) => {
      if (env[name] === undefined) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [name], message });
    };
    if (env.SMTP_HOST) {
      need('EMAIL_FROM', 'EMAIL_FROM is missing: with SMTP_HOST set, mails need a sender such as "ZUSAMMEN. MEHR. <mitmachen@example.org>"');
      need('OFFICE_EMAIL', 'OFFICE_EMAIL is missing: with SMTP_HOST set, the office is told of each submission at this address');
    }
    // A budget below the largest allowed video would refuse every video of that size without saying why.
    for (const budget of ['UPLOAD_PENDING_BUDGET_MB', 'UPLOAD_DAILY_MB_PER_ADDRESS'] as const) {
      if (env[budget] < env.SUBMISSION_MAX_VIDEO_MB)
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: [budget],
          message: `${budget} (${env[budget]}) is smaller than SUBMISSION_MAX_VIDEO_MB (${env.SUBMISSION_MAX_VIDEO_MB}): raise it to at least one largest video`,
        });
    }
    if (env.STORAGE_DRIVER === 's3') {
      need('S3_BUCKET', 'S3_BUCKET is missing: with STORAGE_DRIVER=s3, public media go to this bucket');
      need('S3_PRIVATE_BUCKET', 'S3_PRIVATE_BUCKET is missing: with STORAGE_DRIVER=s3, media that are not public and resumable uploads go to this bucket');
      if (env.S3_BUCKET && env.S3_BUCKET === env.S3_PRIVATE_BUCKET)
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['S3_PRIVATE_BUCKET'],
          message: 'S3_PRIVATE_BUCKET must differ from S3_BUCKET: whatever may read the public bucket must not reach private files',
        });
      if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY))
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: [env.S3_ACCESS_KEY_ID ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID'],
          message: 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both, or neither to use the AWS credential chain (instance role, ~/.aws)',
        });
    }
    if (env.SMTP_USER) need('SMTP_PASSWORD', 'SMTP_PASSWORD is missing: SMTP_USER is set, so the mail server expects a password');
  });

export type Environment = z.infer<typeof schema>;

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(
      [
        'ZUSAMMEN. MEHR. cannot start: the configuration is incomplete or malformed.',
        ...problems.map((p) => `  - ${p}`),
        'Set these variables in the environment or in .env (every variable is listed in .env.example;',
        '`npm run demo` writes a .env with fresh random secrets on its first run).',
      ].join('\n')
    );
    this.name = 'ConfigurationError';
  }
}

export function parseEnvironment(source: NodeJS.ProcessEnv): Environment {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigurationError(
      result.error.issues.map((issue) => {
        const variable = String(issue.path[0] ?? '');
        return issue.message.includes(variable) ? issue.message : `${variable}: ${issue.message}`;
      })
    );
  }
  return result.data;
}

let cached: { source: string; env: Environment } | undefined;

/** The validated environment; re-parsed when process.env changed (tests boot several apps in one process). */
export function environment(): Environment {
  const fingerprint = JSON.stringify(process.env);
  if (!cached || cached.source !== fingerprint) {
    cached = { source: fingerprint, env: parseEnvironment(process.env) };
  }
  return cached.env;
}
