import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import type { ClaimOptions, LeasedRow, LeaseQueue, Where } from '../../../../../shared/operations';

/**
 * Rows that workers on several instances take one at a time under a lease: sync jobs, report exports, outbox mails
 * and scheduled runs. Each keeps its own table and statuses; this module owns how a row is claimed (compare-and-swap
 * on its lock token), held (the lease expiry, renewed as a heartbeat) and let go (writes conditional on the token).
 * A worker that stops (shutdown, lost lease) simply calls `release` with the data that puts its row back.
 */

export type { Where, LeasedRow, LeaseQueue, ClaimOptions };

/** Held by a worker whose lease ran out: that worker died or hangs, so the row may be taken over. */
const leaseExpired = (queue: LeaseQueue, at: string): Where => ({
  ...(queue.heldStatus ? { status: queue.heldStatus } : { lockToken: { $notNull: true } }),
  leaseExpiresAt: { $lt: at },
});

/** The condition under which a write is this holder's: same row, same lock token, still held. */
export const heldBy = (queue: LeaseQueue, row: LeasedRow): Where => ({
  id: row.id,
  lockToken: row.lockToken,
  ...(queue.heldStatus && { status: queue.heldStatus }),
});

/**
 * On PostgreSQL a candidate that another instance is taking right now is skipped (`FOR UPDATE SKIP LOCKED`) instead
 * of waited for; the compare-and-swap below decides either way, this only keeps instances from queueing on a row.
 */
async function lockedElsewhere(strapi: Core.Strapi, queue: LeaseQueue, id: number, trx: Core.Strapi['db']['connection']): Promise<boolean> {
  if (strapi.db.dialect.client !== 'postgres') return false;
  const { tableName } = strapi.db.metadata.get(queue.uid as never) as unknown as { tableName: string };
  const rows = await trx(tableName).select('id').where('id', id).forUpdate().skipLocked();
  return rows.length === 0;
}

/**
 * Writes `data` to the candidate only if it is still as it was read: the same lock token and still claimable
 * (waiting, or held under an expired lease — a lease renewed since the read is respected). Of several instances that
 * read the same row, exactly one sees count 1.
 */
async function takeOver<Row extends LeasedRow>(strapi: Core.Strapi, queue: LeaseQueue, candidate: Row, at: string, data: Where, options: ClaimOptions<Row>) {
  return strapi.db.transaction(async ({ trx }) => {
    if (await lockedElsewhere(strapi, queue, candidate.id, trx)) return false;
    const { count } = await strapi.db.query(queue.uid as never).updateMany({
      where: { ...options.scope, id: candidate.id, lockToken: candidate.lockToken, $or: [queue.waiting(at), leaseExpired(queue, at)] },
      data,
    });
    if (count !== 1) return false;
    await options.onTakeOver?.(candidate, data);
    return true;
  });
}

/** Claims the next due row (waiting, or held under an expired lease) with a fresh lock token; null when none is due. */
export async function claimNext<Row extends LeasedRow>(strapi: Core.Strapi, queue: LeaseQueue, options: ClaimOptions<Row>): Promise<Row | null> {
  const at = options.now.toISOString();
  const candidates = (await strapi.db.query(queue.uid as never).findMany({
    where: { ...options.scope, $or: [queue.waiting(at), leaseExpired(queue, at)] },
    orderBy: queue.orderBy,
    limit: 10,
  })) as Row[];
  for (const candidate of candidates) {
    const instead = options.giveUp?.(candidate);
    if (instead) {
      await takeOver(strapi, queue, candidate, at, { ...instead, lockToken: null, leaseExpiresAt: null }, options);
      continue;
    }
    const claimed = {
      ...options.claimData?.(candidate),
      ...(queue.heldStatus && { status: queue.heldStatus }),
      lockToken: crypto.randomUUID(),
      leaseExpiresAt: new Date(options.now.getTime() + options.leaseMs).toISOString(),
    };
    if (await takeOver(strapi, queue, candidate, at, claimed, options)) return { ...candidate, ...claimed };
  }
  return null;
}

/** The heartbeat: moves the lease on (with `data`, e.g. progress); false once this holder lost the row. */
export async function renewLease(strapi: Core.Strapi, queue: LeaseQueue, row: LeasedRow, now: Date, leaseMs: number, data: Where = {}): Promise<boolean> {
  const { count } = await strapi.db.query(queue.uid as never).updateMany({
    where: heldBy(queue, row),
    data: { ...data, leaseExpiresAt: new Date(now.getTime() + leaseMs).toISOString() },
  });
  return count === 1;
}

/**
 * Ends this holder's lease: writes `data` and clears token and expiry, only while this holder still holds the row
 * (and `also` matches). Completing, failing and giving a row back when a worker stops are all a release with other
 * data; false when the row was no longer this holder's, so nothing was written.
 */
export async function release(strapi: Core.Strapi, queue: LeaseQueue, row: LeasedRow, data: Where, also: Where = {}): Promise<boolean> {
  const { count } = await strapi.db.query(queue.uid as never).updateMany({
    where: { ...also, ...heldBy(queue, row) },
    data: { ...data, lockToken: null, leaseExpiresAt: null },
  });
  return count === 1;
}
