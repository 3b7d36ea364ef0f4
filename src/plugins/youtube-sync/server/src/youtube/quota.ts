import type { Core } from '@strapi/strapi';

/** YouTube Data API v3 quota costs per call (published cost table); uploads are counted apart. */
export const QUOTA_COSTS: Record<string, number> = {
  'channels.list': 1,
  'videos.list': 1,
  'videos.insert': 1600,
  'videos.update': 50,
  'videos.delete': 50,
  'playlists.list': 1,
  'playlists.insert': 50,
  'playlists.update': 50,
  'playlists.delete': 50,
  'playlistItems.list': 1,
  'playlistItems.insert': 50,
  'playlistItems.delete': 50,
  'thumbnails.set': 50,
  'captions.list': 50,
  'captions.insert': 400,
  'captions.update': 450,
  'captions.delete': 50,
};

export type QuotaModel = 'current' | 'legacy';

/** In the current model an upload draws on its own daily allowance of uploads instead of 1,600 units. */
export function unitsFor(endpoint: string, model: QuotaModel): number {
  if (endpoint === 'videos.insert' && model === 'current') return 0;
  return QUOTA_COSTS[endpoint] ?? 1;
}

export const WRITE_CALLS = new Set(Object.keys(QUOTA_COSTS).filter((k) => !k.endsWith('.list')));

const PACIFIC = 'America/Los_Angeles';

/** The quota day as YouTube counts it: the calendar date in Pacific time. */
export function pacificDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: PACIFIC, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** The next midnight in Pacific time (DST-aware): when a parked quota job may run again. */
export function nextPacificMidnight(at: Date): Date {
  const today = pacificDay(at);
  let low = at.getTime();
  let high = at.getTime() + 26 * 3600 * 1000;
  while (high - low > 1000) {
    const mid = Math.floor((low + high) / 2);
    if (pacificDay(new Date(mid)) === today) low = mid;
    else high = mid;
  }
  return new Date(Math.ceil(high / 1000) * 1000);
}

const QUOTA_DAY = 'plugin::youtube-sync.quota-day';

/**
 * Units spent per Pacific day, kept in the database so every instance adds to the same count. The increment is
 * one UPDATE ... SET units = units + n, so concurrent instances cannot lose each other's units.
 */
export function createQuotaLedger(strapi: Core.Strapi, now: () => Date, model: QuotaModel) {
  const meta = () => strapi.db.metadata.get(QUOTA_DAY);
  const column = (attribute: string) => (meta().attributes[attribute] as { columnName?: string }).columnName ?? attribute;

  async function add(endpoint: string) {
    const units = unitsFor(endpoint, model);
    const uploads = endpoint === 'videos.insert' ? 1 : 0;
    const day = pacificDay(now());
    const knex = strapi.db.connection;
    const table = meta().tableName;
    const bump = () =>
      knex(table)
        .where(column('day'), day)
        .update({ [column('units')]: knex.raw('?? + ?', [column('units'), units]), [column('uploads')]: knex.raw('?? + ?', [column('uploads'), uploads]) });
    if ((await bump()) > 0) return;
    try {
      await strapi.db.query(QUOTA_DAY).create({ data: { day, units, uploads } });
    } catch {
      await bump();
    }
  }

  async function today() {
    const row = await strapi.db.query(QUOTA_DAY).findOne({ where: { day: pacificDay(now()) } });
    return { day: pacificDay(now()), units: row?.units ?? 0, uploads: row?.uploads ?? 0, resetsAt: nextPacificMidnight(now()) };
  }

  return { add, today };
}

export type QuotaLedger = ReturnType<typeof createQuotaLedger>;
