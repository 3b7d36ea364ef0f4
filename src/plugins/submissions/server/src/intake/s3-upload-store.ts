import fsp from 'fs/promises';
import path from 'path';
import {
  AbortMultipartUploadCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3';
import { S3Store } from '@tus/s3-store';
import type { DataStore } from '@tus/server';
import type { PrivateBucket } from '../../../../../shared/story-services';
import { UPLOAD_ID } from './schema';
import { UPLOAD_EXPIRY_MS, type FinishedUpload, type ResumableUploadStore } from './upload-store';

/**
 * Resumable uploads in the private bucket through @tus/s3-store, so that any instance resumes any upload: each
 * PATCH becomes a part of an S3 multipart upload (`<id>`), its description lives in `<id>.info`, a tail shorter
 * than S3's minimum part in `<id>.part`. A finished upload is one object `<id>`; the submission reads it from a
 * copy on this machine (the media library's upload service takes files), kept in UPLOAD_TMP_DIR until the upload
 * is removed or expires.
 */

const INFO_SUFFIX = '.info';

const uploadKeys = (id: string) => [id, `${id}${INFO_SUFFIX}`, `${id}.part`].map((Key) => ({ Key }));

export class S3UploadStore implements ResumableUploadStore {
  private readonly client: S3Client;
  private readonly store: S3Store;
  private readonly bucket: string;

  constructor(
    private readonly privateBucket: PrivateBucket,
    private readonly copyDir: string,
    private readonly expiryMs = UPLOAD_EXPIRY_MS
  ) {
    this.bucket = privateBucket.name;
    this.client = new S3Client(privateBucket.clientConfig);
    // No expiry tags: not every S3-compatible store keeps object tags; the hourly sweep removes expired uploads.
    this.store = new S3Store({ s3ClientConfig: { bucket: this.bucket, ...privateBucket.clientConfig }, expirationPeriodInMilliseconds: expiryMs, useTags: false });
  }

  get description() {
    return `bucket ${this.bucket}`;
  }

  datastore(): DataStore {
    return this.store;
  }

  private copyPath(id: string) {
    if (!UPLOAD_ID.test(id)) throw new Error(`not an upload id: ${id}`);
    return path.join(this.copyDir, id);
  }

  async firstBytes(id: string, length: number): Promise<Buffer> {
    const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: id, Range: `bytes=0-${length - 1}` }));
    return Buffer.from((await object.Body?.transformToByteArray()) ?? []);
  }

  async finished(id: string, now = new Date()): Promise<FinishedUpload | 'unknown' | 'incomplete'> {
    if (!UPLOAD_ID.test(id)) return 'unknown';
    const upload = await this.store.getUpload(id).catch((error: { status_code?: number }) => {
      if (error.status_code === 404) return null;
      throw error;
    });
    const created = upload?.creation_date ? Date.parse(upload.creation_date) : NaN;
    if (!upload || Number.isNaN(created) || created + this.expiryMs <= now.getTime()) return 'unknown';
    if (upload.size === undefined || upload.offset !== upload.size) return 'incomplete';
    const copy = this.copyPath(id);
    const existing = await fsp.stat(copy).catch(() => null);
    if (existing?.size !== upload.size) await this.privateBucket.download(id, copy);
    return { path: copy, size: upload.size, name: upload.metadata?.filename ?? 'video' };
  }

  async remove(id: string) {
    const pending = await this.client.send(new ListMultipartUploadsCommand({ Bucket: this.bucket, Prefix: id }));
    for (const upload of pending.Uploads ?? []) {
      if (upload.Key === id) await this.client.send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: id, UploadId: upload.UploadId }));
    }
    await this.client.send(new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: uploadKeys(id), Quiet: true } }));
    await fsp.rm(this.copyPath(id), { force: true });
  }

  /**
   * Uploads whose description is older than the expiry. The private bucket also holds the media, so this lists it
   * whole, once an hour: a few requests per ten thousand files.
   */
  async removeExpired(now = new Date()): Promise<string[]> {
    const removed: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, ContinuationToken: token }));
      for (const object of page.Contents ?? []) {
        const id = object.Key?.endsWith(INFO_SUFFIX) ? object.Key.slice(0, -INFO_SUFFIX.length) : '';
        if (!UPLOAD_ID.test(id) || !object.LastModified || object.LastModified.getTime() + this.expiryMs > now.getTime()) continue;
        await this.remove(id);
        removed.push(id);
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    await this.removeOldCopies(now);
    return removed;
  }

  /** Copies of uploads another instance removed, or that a refused submission left. */
  private async removeOldCopies(now: Date) {
    for (const name of await fsp.readdir(this.copyDir).catch(() => [] as string[])) {
      const file = path.join(this.copyDir, name);
      const stat = await fsp.stat(file).catch(() => null);
      if (stat && stat.mtimeMs + this.expiryMs <= now.getTime()) await fsp.rm(file, { force: true });
    }
  }
}
