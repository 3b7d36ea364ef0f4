import fs from 'fs/promises';
import path from 'path';
import { FileStore } from '@tus/file-store';
import type { DataStore } from '@tus/server';
import { UPLOAD_ID } from './schema';

/** How long an upload may take from its start, and how long a finished one waits for its submission. */
export const UPLOAD_EXPIRY_MS = 48 * 3600 * 1000;

export type FinishedUpload = { path: string; size: number; name: string };

/** Where resumable uploads arrive: a folder (UploadStore, below) or the private bucket (s3-upload-store.ts). */
export interface ResumableUploadStore {
  /** Where the uploads are, for log messages. */
  readonly description: string;
  /** The tus data store that receives the bytes. */
  datastore(): DataStore;
  /** The first bytes of an upload, to tell its type from. */
  firstBytes(id: string, length: number): Promise<Buffer>;
  /** A complete, unexpired upload as a file on this machine; 'unknown' when there is none (never was, expired, taken). */
  finished(id: string, now?: Date): Promise<FinishedUpload | 'unknown' | 'incomplete'>;
  /** Idempotent: an upload already gone is fine, so several instances sweeping the same store do no harm. */
  remove(id: string): Promise<void>;
  /** Removes uploads past their expiry; returns their ids. */
  removeExpired(now?: Date): Promise<string[]>;
}

/**
 * The resumable uploads on disk, as @tus/file-store keeps them: the bytes in `<id>` and the upload's description
 * (size, metadata, creation date) in `<id>.json`, both in UPLOAD_TMP_DIR. A submission takes a finished upload
 * into the media library and then removes it; what nobody takes expires. Removal is idempotent (a file already
 * gone is fine), so several instances sweeping the same shared folder do no harm to each other.
 */

interface UploadInfo {
  size?: number;
  creation_date?: string;
  metadata?: Record<string, string | null>;
}

export class UploadStore implements ResumableUploadStore {
  constructor(
    readonly directory: string,
    private readonly expiryMs = UPLOAD_EXPIRY_MS
  ) {}

  get description() {
    return this.directory;
  }

  datastore(): DataStore {
    return new FileStore({ directory: this.directory, expirationPeriodInMilliseconds: this.expiryMs });
  }

  async firstBytes(id: string, length: number): Promise<Buffer> {
    const file = await fs.open(this.dataPath(id), 'r');
    try {
      const { buffer, bytesRead } = await file.read(Buffer.alloc(length), 0, length, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await file.close();
    }
  }

  private dataPath(id: string) {
    if (!UPLOAD_ID.test(id)) throw new Error(`not an upload id: ${id}`);
    return path.join(this.directory, id);
  }

  private async info(id: string): Promise<UploadInfo | undefined> {
    try {
      return JSON.parse(await fs.readFile(`${this.dataPath(id)}.json`, 'utf8')) as UploadInfo;
    } catch {
      return undefined;
    }
  }

  private expired(info: UploadInfo, now: Date) {
    const created = info.creation_date ? Date.parse(info.creation_date) : NaN;
    return Number.isNaN(created) || created + this.expiryMs <= now.getTime();
  }

  async finished(id: string, now = new Date()): Promise<FinishedUpload | 'unknown' | 'incomplete'> {
    if (!UPLOAD_ID.test(id)) return 'unknown';
    const info = await this.info(id);
    if (!info || this.expired(info, now)) return 'unknown';
    const stat = await fs.stat(this.dataPath(id)).catch(() => undefined);
    if (!stat) return 'unknown';
    if (info.size === undefined || stat.size !== info.size) return 'incomplete';
    return { path: this.dataPath(id), size: stat.size, name: info.metadata?.filename ?? 'video' };
  }

  async remove(id: string) {
    const data = this.dataPath(id);
    await Promise.all([fs.rm(data, { force: true }), fs.rm(`${data}.json`, { force: true })]);
  }

  /**
   * Removes uploads past their expiry, and stray files of uploads whose description is gone (a crash between
   * writing the two) once they are older than the expiry too. Returns the ids removed.
   */
  async removeExpired(now = new Date()): Promise<string[]> {
    const names = await fs.readdir(this.directory).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[];
      throw error;
    });
    const ids = new Set(names.map((n) => n.replace(/\.json$/, '')).filter((n) => UPLOAD_ID.test(n)));
    const removed: string[] = [];
    for (const id of ids) {
      const info = await this.info(id);
      const stale = info
        ? this.expired(info, now)
        : await fs
            .stat(this.dataPath(id))
            .then((s) => s.mtimeMs + this.expiryMs <= now.getTime())
            .catch(() => false);
      if (!stale) continue;
      await this.remove(id);
      removed.push(id);
    }
    return removed;
  }
}
