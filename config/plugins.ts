import path from 'path';
import { environment, type Environment } from '../src/environment';
import { logTransport } from '../src/email/log-transport';
import type { SubmissionSettings } from '../src/plugins/youtube-sync/server/src/submissions/settings';
import type { MediaPrivacySettings } from '../src/plugins/youtube-sync/server/src/media-privacy/settings';
import type { OperationsSettings } from '../src/plugins/youtube-sync/server/src/operations/settings';

const MB = 1024 * 1024;
/** Strapi's own default for the media library (1 GB); raised only as far as submitted videos need. */
const DEFAULT_UPLOAD_LIMIT = 1_000_000_000;

/** SMTP when SMTP_HOST is set; otherwise every mail is written to the log in full (src/email/log-transport.ts). */
function email(env: Environment) {
  const transport = env.SMTP_HOST
    ? {
        host: env.SMTP_HOST,
        port: env.SMTP_PORT,
        secure: env.SMTP_SECURE,
        // Bounded, so one mail never outlasts the outbox's lease (server/src/outbox/delivery.ts) and gets sent twice.
        connectionTimeout: 30_000,
        greetingTimeout: 30_000,
        socketTimeout: 60_000,
        ...(env.SMTP_USER && { auth: { user: env.SMTP_USER, pass: env.SMTP_PASSWORD } }),
      }
    : logTransport();
  return {
    provider: 'nodemailer',
    providerOptions: transport,
    settings: {
      defaultFrom: env.EMAIL_FROM ?? 'ZUSAMMEN. MEHR. <mitmachen@localhost>',
      defaultReplyTo: env.EMAIL_REPLY_TO ?? env.OFFICE_EMAIL,
    },
  };
}

function submissions(env: Environment): SubmissionSettings {
  return {
    maxVideoBytes: env.SUBMISSION_MAX_VIDEO_MB * MB,
    maxImageBytes: env.SUBMISSION_MAX_IMAGE_MB * MB,
    videoFormats: env.SUBMISSION_VIDEO_TYPES,
    rateLimitPerHour: env.SUBMISSION_RATE_LIMIT_PER_HOUR,
    partnerSecret: env.SUBMISSION_PARTNER_SECRET ?? null,
    uploadDir: path.resolve(process.cwd(), env.UPLOAD_TMP_DIR),
    uploadBudget: {
      pendingBytes: env.UPLOAD_PENDING_BUDGET_MB * MB,
      dailyBytesPerAddress: env.UPLOAD_DAILY_MB_PER_ADDRESS * MB,
      partnerFactor: env.UPLOAD_PARTNER_BUDGET_FACTOR,
    },
    consentTextVersion: env.CONSENT_TEXT_VERSION,
    consentLinkValidDays: env.CONSENT_LINK_VALID_DAYS,
    officeEmail: env.OFFICE_EMAIL ?? null,
    mailRetryHours: env.MAIL_RETRY_HOURS,
    mailDelivery: env.SMTP_HOST ? 'smtp' : 'log',
  };
}

function mediaPrivacy(env: Environment): MediaPrivacySettings {
  return {
    privateDir: path.resolve(process.cwd(), env.PRIVATE_MEDIA_DIR),
    linkTtlMs: env.PRIVATE_MEDIA_LINK_MINUTES * 60 * 1000,
    publicOriginalVideo: env.PUBLIC_ORIGINAL_VIDEO,
  };
}

function operations(env: Environment): OperationsSettings {
  return {
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_SECONDS * 1000,
    metricsToken: env.METRICS_TOKEN ?? null,
    metricsAllow: env.METRICS_ALLOW,
  };
}

export default () => {
  const env = environment();
  return {
    'users-permissions': {
      config: { jwtSecret: env.JWT_SECRET },
    },
    email: { config: email(env) },
    upload: {
      config: { sizeLimit: Math.max(DEFAULT_UPLOAD_LIMIT, env.SUBMISSION_MAX_VIDEO_MB * MB, env.SUBMISSION_MAX_IMAGE_MB * MB) },
    },
    'youtube-sync': {
      enabled: true,
      resolve: './src/plugins/youtube-sync',
      config: { submissions: submissions(env), mediaPrivacy: mediaPrivacy(env), operations: operations(env) },
    },
  };
};
