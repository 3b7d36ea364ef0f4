// Resumable upload sessions. Bytes are hashed as they arrive; only the size and SHA-256 are
// kept, so tests can assert that the whole file arrived exactly once without holding it.
import { createHash, type Hash } from 'node:crypto';
import { randomId } from './store';
import type { VideoSnippetInput, VideoStatusInput } from './validation';
import type { UploadSessionSnapshot } from './types';

/** Google holds resumable data in 256 KiB units; a cut connection loses the partial unit. */
export const CHUNK_GRANULARITY = 256 * 1024;
/** Google keeps an unfinished session for about a week. */
export const SESSION_TTL_MS = 7 * 24 * 3600 * 1000;

export interface SessionMetadata {
  snippet: VideoSnippetInput;
  status: VideoStatusInput;
  parts: string[];
  notifySubscribers: boolean;
}

export class UploadSession {
  readonly id: string;
  readonly createdAt: number;
  readonly metadata: SessionMetadata;
  readonly mimeType: string;
  total: number | null;
  videoId: string | null = null;
  busy = false;
  private committed = 0;
  private pending: Buffer[] = [];
  private pendingSize = 0;
  private readonly hash: Hash = createHash('sha256');
  private digest: string | null = null;

  constructor(metadata: SessionMetadata, mimeType: string, total: number | null, now: number) {
    this.id = randomId(40);
    this.createdAt = now;
    this.metadata = metadata;
    this.mimeType = mimeType;
    this.total = total;
  }

  /** Bytes the server holds and will report in `Range`. */
  get held(): number {
    return this.committed + this.pendingSize;
  }

  /** What a status query may promise: while a chunk is still arriving, only whole 256 KiB units are safe. */
  get reportable(): number {
    return this.busy ? this.committed : this.held;
  }

  /** Add bytes that continue the upload at offset `held`. */
  append(data: Buffer): void {
    if (data.length === 0) return;
    this.pending.push(Buffer.from(data));
    this.pendingSize += data.length;
    // Commit whole 256 KiB units eagerly; only the unaligned tail stays revocable.
    const alignedEnd = Math.floor(this.held / CHUNK_GRANULARITY) * CHUNK_GRANULARITY;
    if (alignedEnd > this.committed) this.commitUpTo(alignedEnd);
  }

  /** The request ended normally: everything received is held. */
  commitAll(): void {
    this.commitUpTo(this.held);
  }

  /** The connection was cut: drop the partial 256 KiB unit, like Google. */
  dropPending(): void {
    this.pending = [];
    this.pendingSize = 0;
  }

  private commitUpTo(end: number): void {
    let toCommit = end - this.committed;
    while (toCommit > 0 && this.pending.length > 0) {
      const head = this.pending[0] as Buffer;
      if (head.length <= toCommit) {
        this.hash.update(head);
        this.pending.shift();
        toCommit -= head.length;
        this.committed += head.length;
        this.pendingSize -= head.length;
      } else {
        this.hash.update(head.subarray(0, toCommit));
        this.pending[0] = head.subarray(toCommit);
        this.committed += toCommit;
        this.pendingSize -= toCommit;
        toCommit = 0;
      }
    }
  }

  /** Finish hashing; only valid once all bytes are held. */
  finish(): { size: number; sha256: string } {
    this.commitAll();
    if (this.digest === null) this.digest = this.hash.digest('hex');
    return { size: this.committed, sha256: this.digest };
  }

  snapshot(): UploadSessionSnapshot {
    return {
      id: this.id,
      received: this.held,
      total: this.total,
      videoId: this.videoId,
      createdAt: new Date(this.createdAt).toISOString(),
    };
  }
}

export class UploadSessions {
  private readonly sessions = new Map<string, UploadSession>();

  create(metadata: SessionMetadata, mimeType: string, total: number | null, now: number): UploadSession {
    const s = new UploadSession(metadata, mimeType, total, now);
    this.sessions.set(s.id, s);
    return s;
  }

  get(id: string, now: number): UploadSession | null {
    const s = this.sessions.get(id);
    if (!s) return null;
    if (now - s.createdAt > SESSION_TTL_MS) {
      this.sessions.delete(id);
      return null;
    }
    return s;
  }

  list(): UploadSession[] {
    return [...this.sessions.values()];
  }

  clear(): void {
    this.sessions.clear();
  }
}
