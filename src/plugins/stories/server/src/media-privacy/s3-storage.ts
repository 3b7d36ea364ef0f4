import path from 'path';
import { Readable } from 'stream';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  type S3Client,
  type ObjectCannedACL,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { createS3Client } from './s3-client';
import type { S3Settings } from './settings';
import { isMediaFileName, mediaNameOf, PRIVATE_URL_PREFIX, privateUrlOf, type MediaLocation, type MediaStorage, type StoredFile } from './storage';

/**
 * Media in two buckets of an S3-compatible store: S3_BUCKET for public files (read by anyone, directly or through
 * the CDN of S3_PUBLIC_URL) and S3_PRIVATE_BUCKET for everything else (read only through this app's private
 * route). Two buckets rather than a prefix in one: a public-read bucket policy or CDN origin then cannot reach a
 * private file by a mistake in a path pattern, and the private bucket needs no policy at all.
 *
 * Objects are named like the provider names them, `<hash><ext>` at the bucket's root. A copy is S3's CopyObject —
 * the target appears complete or not at all — and streams through this process beyond CopyObject's 5 GB.
 */

const COPY_OBJECT_LIMIT = 5 * 1024 ** 3;

/** Content types of the files this app stores, for browsers reading the public bucket; the rest is generic. */
const CONTENT_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.mp4': 'video/mp4',
  '.mov': 'video/quicktime',
  '.webm': 'video/webm',
  '.vtt': 'text/vtt',
  '.srt': 'application/x-subrip',
};

const contentTypeOf = (name: string) => CONTENT_TYPES[path.extname(name).toLowerCase()] ?? 'application/octet-stream';

const isNotFound = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404;
};

export class S3Storage implements MediaStorage {
  private readonly client: S3Client;

  constructor(private readonly s3: S3Settings) {
    this.client = createS3Client(s3);
  }

  private bucketOf(location: MediaLocation) {
    return location === 'public' ? this.s3.bucket : this.s3.privateBucket;
  }

  private key(name: string) {
    if (!isMediaFileName(name)) throw new Error(`not a media file name: ${JSON.stringify(name)}`);
    return name;
  }

  private aclOf(location: MediaLocation): { ACL?: ObjectCannedACL } {
    return location === 'public' && this.s3.publicAcl ? { ACL: 'public-read' } : {};
  }

  locationOf(url: string): MediaLocation | null {
    const bare = url.split('?')[0];
    if (bare.startsWith(PRIVATE_URL_PREFIX)) return 'private';
    if (bare.startsWith(`${this.s3.publicUrl}/`)) return 'public';
    return null;
  }

  nameOf(url: string): string {
    return mediaNameOf(url);
  }

  urlOf(name: string, location: MediaLocation): string {
    return location === 'private' ? privateUrlOf(name) : `${this.s3.publicUrl}/${name}`;
  }

  private async size(name: string, location: MediaLocation): Promise<number | null> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucketOf(location), Key: this.key(name) }));
      return head.ContentLength ?? 0;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async exists(name: string, location: MediaLocation) {
    return (await this.size(name, location)) !== null;
  }

  async write(name: string, location: MediaLocation, source: NodeJS.ReadableStream | Buffer) {
    const body = Buffer.isBuffer(source) ? source : Readable.from(source);
    const params = { Bucket: this.bucketOf(location), Key: this.key(name), Body: body, ContentType: contentTypeOf(name), ...this.aclOf(location) };
    await new Upload({ client: this.client, params }).done();
  }

  async copy(name: string, from: MediaLocation, to: MediaLocation) {
    const size = await this.size(name, from);
    if (size === null) throw new Error(`${name} is not in the ${from} bucket ${this.bucketOf(from)}`);
    if (size > COPY_OBJECT_LIMIT) {
      const file = await this.read(name, from);
      if (!file) throw new Error(`${name} vanished from the ${from} bucket while it was copied`);
      return this.write(name, to, file.body);
    }
    await this.client.send(
      new CopyObjectCommand({
        Bucket: this.bucketOf(to),
        Key: this.key(name),
        CopySource: `${this.bucketOf(from)}/${encodeURIComponent(this.key(name))}`,
        ...this.aclOf(to),
      })
    );
  }

  async remove(name: string, location: MediaLocation) {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucketOf(location), Key: this.key(name) }));
  }

  async read(name: string, location: MediaLocation): Promise<StoredFile | null> {
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucketOf(location), Key: this.key(name) }));
      if (!object.Body) return null;
      return { body: object.Body as Readable, size: object.ContentLength ?? 0 };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async prepare() {
    for (const [variable, bucket] of [
      ['S3_BUCKET', this.s3.bucket],
      ['S3_PRIVATE_BUCKET', this.s3.privateBucket],
    ]) {
      try {
        await this.client.send(new HeadBucketCommand({ Bucket: bucket }));
      } catch (error) {
        const where = this.s3.endpoint ?? `AWS region ${this.s3.region}`;
        throw new Error(
          `${variable}: the bucket "${bucket}" at ${where} cannot be reached (${(error as Error).name}: ${(error as Error).message}); ` +
            'create it, or check S3_ENDPOINT, S3_REGION, S3_FORCE_PATH_STYLE and the access keys'
        );
      }
    }
  }
}
