import type { Core } from '@strapi/strapi';
import { site } from '../dependencies';
import type { VideoFormat } from './formats';
import type { UploadBudgetLimits } from './upload-budget';

/**
 * What the submission API needs to know, validated at start-up from the environment (src/environment.ts) and
 * handed to the plugin by config/plugins.ts as `submissions`.
 */
export interface SubmissionSettings {
  maxVideoBytes: number;
  maxImageBytes: number;
  videoFormats: VideoFormat[];
  /** Per IP address and hour, for submissions and for starting uploads; 0 = no limit. */
  rateLimitPerHour: number;
  /** Partners that send it in X-Submission-Secret submit as "partner" and are not held to the per-IP limit. */
  partnerSecret: string | null;
  /** Where resumable (tus) uploads are kept until the submission takes them; shared storage for several instances. */
  uploadDir: string;
  /** Bytes of resumable uploads: pending on all instances together, and started per address and day. */
  uploadBudget: UploadBudgetLimits;
  consentTextVersion: string;
  consentLinkValidDays: number;
  officeEmail: string | null;
  /** How long the outbox retries a mail that cannot be delivered before it is marked failed for the office. */
  mailRetryHours: number;
  /** "log" when no SMTP server is configured: every mail is written to the log instead. */
  mailDelivery: 'smtp' | 'log';
}

export function submissionSettings(strapi: Core.Strapi): SubmissionSettings {
  const settings = (strapi.config.get('plugin::submissions') as { submissions?: SubmissionSettings }).submissions;
  if (!settings) throw new Error('The submissions plugin has no "submissions" settings: config/plugins.ts must pass them.');
  return settings;
}

export const publicUrlOf = (strapi: Core.Strapi) => site(strapi).publicUrl().replace(/\/$/, '');
