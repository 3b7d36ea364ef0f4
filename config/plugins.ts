import path from 'path';
import { environment, type Environment } from '../src/environment';
import { logTransport } from '../src/email/log-transport';
import type { SubmissionSettings } from '../src/plugins/submissions/server/src/intake/settings';
import type { MediaPrivacySettings, StorageSettings } from '../src/plugins/stories/server/src/media-privacy/settings';
import { bucketUrl, s3ClientConfig } from '../src/plugins/stories/server/src/media-privacy/s3-client';
import type { OperationsSettings } from '../src/plugins/operations/server/src/settings';

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

/** The environment has checked that both buckets are set when the driver is s3. */
function storage(env: Environment): StorageSettings {
  if (env.STORAGE_DRIVER === 'local' || !env.S3_BUCKET || !env.S3_PRIVATE_BUCKET) return { driver: 'local' };
  const location = { endpoint: env.S3_ENDPOINT, region: env.S3_REGION, bucket: env.S3_BUCKET, forcePathStyle: env.S3_FORCE_PATH_STYLE };
  return {
    driver: 's3',
    s3: {
      ...location,
      privateBucket: env.S3_PRIVATE_BUCKET,
      ...(env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY && { credentials: { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY } }),
      publicUrl: (env.S3_PUBLIC_URL ?? bucketUrl(location)).replace(/\/+$/, ''),
      publicAcl: !env.S3_PUBLIC_URL,
    },
  };
}

function mediaPrivacy(env: Environment): MediaPrivacySettings {
  return {
    privateDir: path.resolve(process.cwd(), env.PRIVATE_MEDIA_DIR),
    linkTtlMs: env.PRIVATE_MEDIA_LINK_MINUTES * 60 * 1000,
    publicOriginalVideo: env.PUBLIC_ORIGINAL_VIDEO,
    storage: storage(env),
  };
}

/**
 * Strapi's own S3 provider writes the public files: named `<hash><ext>` at the bucket's root, addressed under
 * S3_PUBLIC_URL (or the bucket's address). Without a CDN the objects are `public-read`; behind one (S3_PUBLIC_URL)
 * no ACL is sent, since buckets with ACLs disabled refuse it and the CDN reads by bucket policy.
 */
function uploadProvider(settings: StorageSettings) {
  if (settings.driver === 'local') return {};
  const { s3 } = settings;
  return {
    provider: 'aws-s3',
    providerOptions: {
      baseUrl: s3.publicUrl,
      s3Options: { ...s3ClientConfig(s3), params: { Bucket: s3.bucket, ...(s3.publicAcl ? { ACL: 'public-read' } : { ACL: undefined }) } },
    },
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
  const privacy = mediaPrivacy(env);
  return {
    'users-permissions': {
      config: { jwtSecret: env.JWT_SECRET },
    },
    email: { config: email(env) },
    upload: {
      config: {
        sizeLimit: Math.max(DEFAULT_UPLOAD_LIMIT, env.SUBMISSION_MAX_VIDEO_MB * MB, env.SUBMISSION_MAX_IMAGE_MB * MB),
        ...uploadProvider(privacy.storage),
      },
    },
    // The order is the order of register and bootstrap: operations comes last, after the others have handed it
    // their background work and public routes (ARCHITECTURE.md).
    'youtube-sync': { enabled: true, resolve: './src/plugins/youtube-sync' },
    stories: { enabled: true, resolve: './src/plugins/stories', config: { mediaPrivacy: privacy } },
    submissions: { enabled: true, resolve: './src/plugins/submissions', config: { submissions: submissions(env) } },
    reports: { enabled: true, resolve: './src/plugins/reports' },
    operations: { enabled: true, resolve: './src/plugins/operations', config: { operations: operations(env) } },
  };
};
