import type { Knex } from 'knex';
import type { PublicTables } from './tables';

/**
 * Requests per partner key and day (UTC) for the reports. Counted in memory and added to the partner-usage rows
 * every few seconds (and when the instance stops) with one upsert adding n, so instances never overwrite each
 * other's counts; a crashed instance loses at most its last few seconds of counting.
 */
export class UsageCounter {
  private pending = new Map<string, number>();

  record(partnerDocumentId: string, at: Date) {
    const key = `${partnerDocumentId}|${at.toISOString().slice(0, 10)}`;
    this.pending.set(key, (this.pending.get(key) ?? 0) + 1);
  }

  async flush(knex: Knex, t: PublicTables, now: Date): Promise<void> {
    if (!this.pending.size) return;
    const batch = this.pending;
    this.pending = new Map();
    const c = t.partnerUsage.col;
    const used = new Set<string>();
    try {
      for (const [key, count] of batch) {
        const [partnerKey, day] = key.split('|');
        used.add(partnerKey);
        await knex(t.partnerUsage.table)
          .insert({ [c.partnerKey]: partnerKey, [c.day]: day, [c.requests]: count, [c.createdAt]: now, [c.updatedAt]: now })
          .onConflict([c.partnerKey, c.day])
          .merge({ [c.requests]: knex.raw('?? + ?', [`${t.partnerUsage.table}.${c.requests}`, count]), [c.updatedAt]: now });
        batch.delete(key);
      }
      const k = t.partnerKeys.col;
      await knex(t.partnerKeys.table)
        .whereIn(k.documentId, [...used])
        .update({ [k.lastUsedAt]: now });
    } catch (error) {
      for (const [key, count] of batch) this.pending.set(key, (this.pending.get(key) ?? 0) + count);
      throw error;
    }
  }
}
