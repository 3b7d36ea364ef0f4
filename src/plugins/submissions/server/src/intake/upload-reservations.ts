import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { submissionSettings } from './settings';
import { DAY_MS, decideUpload, type BudgetDecision, type StartedUpload } from './upload-budget';
import { UPLOAD_EXPIRY_MS } from './upload-store';

/**
 * The upload budget's ledger in the database, so that every instance counts the same bytes: one row per started
 * upload with its declared size, released when the upload is taken by a submission, cancelled, refused after its
 * last byte, or expired. Deciding and recording happen in one transaction under a lock (PostgreSQL advisory lock;
 * SQLite writes one transaction at a time anyway), so two instances cannot both fill the last free bytes.
 *
 * The address is kept only as a keyed hash: the ledger needs to recognise it for a day, not to know it.
 */

const RESERVATION = 'plugin::submissions.upload-reservation';
/** Any fixed number, the same on every instance: the advisory lock that serialises reservations. */
const LOCK_KEY = 74_201_106;
/** Rows are needed for the daily window and until their upload has surely expired. */
const KEEP_MS = Math.max(DAY_MS, UPLOAD_EXPIRY_MS);

const isPostgres = (knex: Knex) => ['pg', 'postgres', 'postgresql'].includes(String(knex.client.config.client));

function columns(strapi: Core.Strapi) {
  const meta = strapi.db.metadata.get(RESERVATION);
  const column = (attribute: string) => (meta.attributes[attribute] as { columnName?: string }).columnName ?? attribute;
  return { table: meta.tableName, client: column('client'), bytes: column('bytes'), reservedAt: column('reservedAt'), releasedAt: column('releasedAt') };
}

function clientKey(strapi: Core.Strapi, address: string): string {
  const [key] = strapi.config.get('server.app.keys') as string[];
  return crypto.createHmac('sha256', key).update(address).digest('hex').slice(0, 32);
}

async function pendingBytesIn(knex: Knex, c: ReturnType<typeof columns>, now: Date): Promise<number> {
  const pending = await knex(c.table)
    .whereNull(c.releasedAt)
    .where(c.reservedAt, '>', new Date(now.getTime() - UPLOAD_EXPIRY_MS))
    .sum({ total: c.bytes })
    .first();
  return Number(pending?.total ?? 0);
}

/** Bytes of resumable uploads started and neither taken, cancelled nor expired, on all instances together. */
export const pendingUploadBytes = (strapi: Core.Strapi, now = new Date()) => pendingBytesIn(strapi.db.connection, columns(strapi), now);

export interface Reservation {
  uploadId: string;
  address: string;
  bytes: number;
  partner: boolean;
}

/** Records the upload's declared size when it fits both budgets; says which one it does not fit otherwise. */
export async function reserveUpload(strapi: Core.Strapi, reservation: Reservation, now = new Date()): Promise<BudgetDecision> {
  const limits = submissionSettings(strapi).uploadBudget;
  const c = columns(strapi);
  const client = clientKey(strapi, reservation.address);
  return strapi.db.transaction(async ({ trx }) => {
    if (isPostgres(trx)) await trx.raw('SELECT pg_advisory_xact_lock(?)', [LOCK_KEY]);
    const pending = await pendingBytesIn(trx, c, now);
    const started = (await trx(c.table)
      .where(c.client, client)
      .where(c.reservedAt, '>', new Date(now.getTime() - DAY_MS))
      .select({ bytes: c.bytes, reservedAt: c.reservedAt })) as { bytes: string | number; reservedAt: Date | string | number }[];
    const startedByAddress: StartedUpload[] = started.map((s) => ({ bytes: Number(s.bytes), reservedAt: new Date(s.reservedAt) }));
    const decision = decideUpload(reservation.bytes, reservation.partner, { pendingBytes: pending, startedByAddress }, limits, now);
    if (decision.allowed) {
      await strapi.db.query(RESERVATION).create({ data: { uploadId: reservation.uploadId, client, bytes: reservation.bytes, reservedAt: now } });
    }
    return decision;
  });
}

/** Gives the uploads' bytes back to the pending budget; the address keeps them counted for its day. */
export async function releaseUploads(strapi: Core.Strapi, uploadIds: string[], now = new Date()) {
  if (!uploadIds.length) return;
  await strapi.db.query(RESERVATION).updateMany({ where: { uploadId: { $in: uploadIds }, releasedAt: null }, data: { releasedAt: now } });
}

/** Forgets reservations that count for nothing any more: out of the daily window, their upload long expired. */
export async function forgetOldReservations(strapi: Core.Strapi, now = new Date()) {
  await strapi.db.query(RESERVATION).deleteMany({ where: { reservedAt: { $lt: new Date(now.getTime() - KEEP_MS) } } });
}
