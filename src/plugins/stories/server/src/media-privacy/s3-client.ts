import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import type { S3Settings } from './settings';

/** The S3 client options every user of the buckets shares: the upload provider, private media and tus. */
export function s3ClientConfig(s3: S3Settings): S3ClientConfig {
  return {
    region: s3.region,
    forcePathStyle: s3.forcePathStyle,
    ...(s3.endpoint && { endpoint: s3.endpoint }),
    ...(s3.credentials && { credentials: s3.credentials }),
  };
}

export const createS3Client = (s3: S3Settings) => new S3Client(s3ClientConfig(s3));

/** Where the public bucket's objects are read without a CDN: path-style or virtual-hosted, as the store wants. */
export function bucketUrl(s3: Pick<S3Settings, 'endpoint' | 'region' | 'bucket' | 'forcePathStyle'>): string {
  if (!s3.endpoint) return `https://${s3.bucket}.s3.${s3.region}.amazonaws.com`;
  const endpoint = new URL(s3.endpoint);
  const base = endpoint.pathname.replace(/\/+$/, '');
  if (s3.forcePathStyle) return `${endpoint.origin}${base}/${s3.bucket}`;
  return `${endpoint.protocol}//${s3.bucket}.${endpoint.host}${base}`;
}
