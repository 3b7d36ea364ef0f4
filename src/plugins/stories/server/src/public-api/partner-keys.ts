import crypto from 'crypto';
import type { Core, Modules } from '@strapi/strapi';
import type { Knex } from 'knex';
import { PARTNER_KEY_UID, type PublicTables } from './tables';
import { toBool, toInt } from './values';

/**
 * Partner API keys. Only the SHA-256 of a key is kept for good. The plain key is made when an editor creates a
 * partner-key entry and is written to its "newKey" field so the Content Manager can show it right after saving;
 * the next save of that entry empties the field, and a sweep empties any left after an hour. Lost keys are not
 * recovered: deactivate the entry and create a new one.
 */

const KEY_PREFIX = 'zm_';
const SHOWN_KEY_HOURS = 1;
const RESOLVE_TTL_MS = 10_000;
const MAX_REMEMBERED = 10_000;

export const generatePartnerKey = () => `${KEY_PREFIX}${crypto.randomBytes(24).toString('base64url')}`;

export const hashPartnerKey = (key: string) => crypto.createHash('sha256').update(key, 'utf8').digest('hex');

/** Fills in the key fields on create and keeps editors from writing them later. */
export function registerPartnerKeyMiddleware(strapi: Core.Strapi, onChange: () => void) {
  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    if (context.uid !== PARTNER_KEY_UID) return next();
    const data = (context.params as { data?: Record<string, unknown> }).data;
    if (context.action === 'create' && data) {
      const key = generatePartnerKey();
      data.keyHash = hashPartnerKey(key);
      data.keyPrefix = key.slice(0, KEY_PREFIX.length + 6);
      data.newKey = key;
    } else if (context.action === 'update' && data) {
      delete data.keyHash;
      delete data.keyPrefix;
      data.newKey = null;
    }
    const result = await next();
    onChange();
    return result;
  };
  strapi.documents.use(middleware);
}

/** Empties plain keys that were never cleared by a second save. */
export async function clearShownKeys(knex: Knex, t: PublicTables, now: Date) {
  const c = t.partnerKeys.col;
  await knex(t.partnerKeys.table)
    .whereNotNull(c.newKey)
    .where(c.createdAt, '<', new Date(now.getTime() - SHOWN_KEY_HOURS * 3600_000))
    .update({ [c.newKey]: null });
}

export interface Partner {
  documentId: string;
  perMinute: number;
}

/** Looks keys up by hash, remembering answers for a few seconds so a busy partner costs no query per request. */
export class PartnerKeyResolver {
  private readonly remembered = new Map<string, { partner: Partner | null; until: number }>();

  constructor(
    private readonly knex: Knex,
    private readonly t: PublicTables,
    private readonly defaultPerMinute: number
  ) {}

  async resolve(key: string): Promise<Partner | null> {
    const hash = hashPartnerKey(key);
    const known = this.remembered.get(hash);
    if (known && known.until > Date.now()) return known.partner;
    const c = this.t.partnerKeys.col;
    const row = await this.knex(this.t.partnerKeys.table)
      .select({ documentId: c.documentId, perMinute: c.rateLimitPerMinute, active: c.active })
      .where(c.keyHash, hash)
      .first();
    const partner =
      row && toBool(row.active) ? { documentId: String(row.documentId), perMinute: toInt(row.perMinute) ?? this.defaultPerMinute } : null;
    if (this.remembered.size >= MAX_REMEMBERED) this.remembered.clear();
    this.remembered.set(hash, { partner, until: Date.now() + RESOLVE_TTL_MS });
    return partner;
  }

  forget() {
    this.remembered.clear();
  }
}
