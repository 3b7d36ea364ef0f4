import { z } from 'zod';

/**
 * Settings of the editorial review, from the environment (listed in .env.example). Read when the plugin starts
 * (bootstrap starts the retention schedule with them), so a malformed value stops the boot naming the variable.
 */
export interface ReviewSettings {
  /** Personal data of rejected and withdrawn stories is erased this long after their last status change. */
  retentionMs: number;
  retentionDays: number;
  /** How often the erasure runs (once per period across all instances). */
  retentionCheckMs: number;
  /** Content notices per minute and IP address (0: no limit); the variable keeps its documented name. */
  noticesPerMinute: number;
}

const wholeNumber = (name: string, min: number) =>
  z.coerce.number({ invalid_type_error: `${name} must be a whole number` }).int(`${name} must be a whole number`).min(min, `${name} must be at least ${min}`);

const schema = z.object({
  RETENTION_DAYS: wholeNumber('RETENTION_DAYS', 1).default(180),
  RETENTION_CHECK_HOURS: wholeNumber('RETENTION_CHECK_HOURS', 1).default(24),
  CONTENT_REPORTS_PER_MINUTE: wholeNumber('CONTENT_REPORTS_PER_MINUTE', 0).default(5),
});

const DAY_MS = 24 * 3600 * 1000;

export function reviewSettings(env: NodeJS.ProcessEnv = process.env): ReviewSettings {
  const cleaned = Object.fromEntries(Object.keys(schema.shape).filter((key) => env[key] !== undefined && env[key] !== '').map((key) => [key, env[key]]));
  const result = schema.safeParse(cleaned);
  if (!result.success) throw new Error(`Review settings: ${result.error.issues.map((i) => i.message).join('; ')}`);
  const value = result.data;
  return {
    retentionMs: value.RETENTION_DAYS * DAY_MS,
    retentionDays: value.RETENTION_DAYS,
    retentionCheckMs: value.RETENTION_CHECK_HOURS * 3600 * 1000,
    noticesPerMinute: value.CONTENT_REPORTS_PER_MINUTE,
  };
}
