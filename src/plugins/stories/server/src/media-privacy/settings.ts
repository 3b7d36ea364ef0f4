import type { Core } from '@strapi/strapi';

/**
 * Where files of stories that are not public are kept and how long a signed link to one stays valid, validated at
 * start-up from the environment (src/environment.ts) and handed to the plugin by config/plugins.ts as `mediaPrivacy`.
 */
export interface MediaPrivacySettings {
  /** PRIVATE_MEDIA_DIR, absolute: outside public/, shared storage when several instances run (local disk only). */
  privateDir: string;
  /** PRIVATE_MEDIA_LINK_MINUTES: validity of a signed link to a private file. */
  linkTtlMs: number;
  /** PUBLIC_ORIGINAL_VIDEO: the uploaded video of a published story is public too (YouTube plays it otherwise). */
  publicOriginalVideo: boolean;
  /** STORAGE_DRIVER and, for `s3`, the buckets (README, "Objektspeicher / object storage"). */
  storage: StorageSettings;
}

export type StorageSettings = { driver: 'local' } | { driver: 's3'; s3: S3Settings };

export interface S3Settings {
  /** S3_ENDPOINT; absent for AWS itself, where the region decides. */
  endpoint?: string;
  region: string;
  /** S3_BUCKET: public media (covers and their formats, captions of visible stories). */
  bucket: string;
  /** S3_PRIVATE_BUCKET: everything else, and the resumable uploads while they arrive. */
  privateBucket: string;
  /** Absent: the AWS credential chain (instance role, environment, ~/.aws). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  forcePathStyle: boolean;
  /** S3_PUBLIC_URL or the bucket's own address: public file URLs are `<publicUrl>/<name>`. */
  publicUrl: string;
  /** Objects in the public bucket get the `public-read` ACL — unless a CDN (S3_PUBLIC_URL) reads them by policy. */
  publicAcl: boolean;
}

export function mediaPrivacySettings(strapi: Core.Strapi): MediaPrivacySettings {
  const settings = (strapi.config.get('plugin::stories') as { mediaPrivacy?: MediaPrivacySettings }).mediaPrivacy;
  if (!settings) throw new Error('The stories plugin has no "mediaPrivacy" settings: config/plugins.ts must pass them.');
  return settings;
}
