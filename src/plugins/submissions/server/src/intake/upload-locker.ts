import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { ERRORS, type Lock, type Locker, type RequestRelease } from '@tus/server';

/**
 * The tus lock of an upload, held in the database so that it holds across instances: with uploads in a bucket,
 * a client whose connection dropped may resume on any instance while the old request still writes on another.
 * tus' own MemoryLocker knows only its process. The database is there on every instance, Redis is optional.
 *
 * A lock is a row per upload (unique upload id) with the holder's token and a lease the holder renews. Someone
 * who wants the lock marks the row `releaseRequested`; the holder sees it at its next renewal and lets go (tus
 * ends its request), as MemoryLocker's `requestRelease` does within one process. A holder that died leaves a
 * lease that runs out; then the next request takes the row over. Whoever lost the lease stops writing.
 */

const UPLOAD_LOCK = 'plugin::submissions.upload-lock';

export interface LockTimings {
  /** How long a holder that stopped renewing keeps the lock (a killed instance blocks its uploads this long). */
  leaseMs: number;
  /** How long a request waits for the lock before tus answers it with a lock timeout. */
  acquireTimeoutMs: number;
  /** How often a waiting request asks again. */
  retryMs: number;
}

const DEFAULT_TIMINGS: LockTimings = { leaseMs: 10_000, acquireTimeoutMs: 30_000, retryMs: 100 };
/** Rows of holders that died and whose upload nobody resumed are forgotten after a day. */
const STALE_MS = 24 * 3600 * 1000;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

class DatabaseLock implements Lock {
  private readonly token = crypto.randomUUID();
  private renewal: NodeJS.Timeout | undefined;
  private held = false;

  constructor(
    private readonly strapi: Core.Strapi,
    private readonly uploadId: string,
    private readonly timings: LockTimings
  ) {}

  private get rows() {
    return this.strapi.db.query(UPLOAD_LOCK);
  }

  private leaseEnd(now = Date.now()) {
    return new Date(now + this.timings.leaseMs).toISOString();
  }

  /** Takes a free or lapsed lock: one conditional UPDATE, or the INSERT the unique index lets only one win. */
  private async tryAcquire(): Promise<boolean> {
    const now = new Date().toISOString();
    const data = { lockToken: this.token, leaseExpiresAt: this.leaseEnd(), releaseRequested: false };
    const { count } = await this.rows.updateMany({ where: { uploadId: this.uploadId, leaseExpiresAt: { $lt: now } }, data });
    if (count === 1) return true;
    try {
      await this.rows.create({ data: { uploadId: this.uploadId, ...data } });
      return true;
    } catch (error) {
      // The unique index refused a second row: someone holds the lock. Anything else is a real failure.
      if (await this.rows.findOne({ where: { uploadId: this.uploadId }, select: ['id'] })) return false;
      throw new Error(`the lock of upload ${this.uploadId} could not be recorded: ${(error as Error).message}`);
    }
  }

  async lock(signal: AbortSignal, requestRelease: RequestRelease): Promise<void> {
    const until = Date.now() + this.timings.acquireTimeoutMs;
    while (!(await this.tryAcquire())) {
      if (signal.aborted || Date.now() > until) throw ERRORS.ERR_LOCK_TIMEOUT;
      await this.rows.updateMany({ where: { uploadId: this.uploadId, lockToken: { $ne: this.token } }, data: { releaseRequested: true } });
      await wait(this.timings.retryMs);
    }
    this.held = true;
    this.scheduleRenewal(requestRelease);
  }

  /** Renews the lease; asked to let go, or having lost the lease, it tells tus to end the request. */
  private scheduleRenewal(requestRelease: RequestRelease) {
    this.renewal = setTimeout(() => {
      void this.renew()
        .then(async (keep) => {
          if (!this.held) return;
          if (keep) return this.scheduleRenewal(requestRelease);
          await requestRelease();
        })
        .catch((error: Error) => {
          this.strapi.log.warn(`Uploads: the lock of upload ${this.uploadId} could not be renewed: ${error.message}`);
          if (this.held) this.scheduleRenewal(requestRelease);
        });
    }, this.timings.leaseMs / 4);
  }

  private async renew(): Promise<boolean> {
    const { count } = await this.rows.updateMany({
      where: { uploadId: this.uploadId, lockToken: this.token, releaseRequested: false },
      data: { leaseExpiresAt: this.leaseEnd() },
    });
    return count === 1;
  }

  async unlock(): Promise<void> {
    this.held = false;
    clearTimeout(this.renewal);
    await this.rows.deleteMany({ where: { uploadId: this.uploadId, lockToken: this.token } });
  }
}

export class DatabaseLocker implements Locker {
  private readonly timings: LockTimings;

  constructor(
    private readonly strapi: Core.Strapi,
    timings: Partial<LockTimings> = {}
  ) {
    this.timings = { ...DEFAULT_TIMINGS, ...timings };
  }

  newLock(id: string): Lock {
    return new DatabaseLock(this.strapi, id, this.timings);
  }
}

/** Part of the hourly upload sweep: rows that holders which died left behind. */
export async function forgetStaleLocks(strapi: Core.Strapi, now = new Date()) {
  await strapi.db.query(UPLOAD_LOCK).deleteMany({ where: { leaseExpiresAt: { $lt: new Date(now.getTime() - STALE_MS).toISOString() } } });
}
