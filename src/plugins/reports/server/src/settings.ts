import path from 'path';
import { z } from 'zod';

/**
 * Settings of the report exports, from the environment (listed in .env.example). Checked when read, with a
 * message that names the variable; the export folder lies outside public/ so files leave only through the
 * token-checked download route.
 */
export interface ReportSettings {
  /** Where finished exports wait for download. Several instances need a shared folder here. */
  exportDir: string;
  linkTtlMs: number;
  leaseMs: number;
  pollMs: number;
  /** Up to this many stories `GET /reports/:format` streams the file itself; above, it starts a background export. */
  directLimit: number;
}

const positiveInt = (name: string, min: number) =>
  z.coerce.number({ invalid_type_error: `${name} must be a whole number` }).int(`${name} must be a whole number`).min(min, `${name} must be at least ${min}`);

const schema = z.object({
  REPORT_EXPORT_DIR: z.string().min(1).optional(),
  REPORT_LINK_TTL_MINUTES: positiveInt('REPORT_LINK_TTL_MINUTES', 1).default(60),
  REPORT_EXPORT_LEASE_MS: positiveInt('REPORT_EXPORT_LEASE_MS', 5000).default(60_000),
  REPORT_EXPORT_POLL_MS: positiveInt('REPORT_EXPORT_POLL_MS', 200).default(5000),
  REPORT_DIRECT_LIMIT: positiveInt('REPORT_DIRECT_LIMIT', 0).default(10_000),
});

export function reportSettings(appRoot: string, env: NodeJS.ProcessEnv = process.env): ReportSettings {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([key, value]) => key.startsWith('REPORT_') && value !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) throw new Error(`Report settings: ${result.error.issues.map((i) => i.message).join('; ')}`);
  const value = result.data;
  const exportDir = path.resolve(appRoot, value.REPORT_EXPORT_DIR ?? path.join('.tmp', 'reports'));
  if (exportDir.split(path.sep).includes('public')) throw new Error(`Report settings: REPORT_EXPORT_DIR (${exportDir}) must not lie under public/`);
  return {
    exportDir,
    linkTtlMs: value.REPORT_LINK_TTL_MINUTES * 60_000,
    leaseMs: value.REPORT_EXPORT_LEASE_MS,
    pollMs: value.REPORT_EXPORT_POLL_MS,
    directLimit: value.REPORT_DIRECT_LIMIT,
  };
}
