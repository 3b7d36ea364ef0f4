import type { Core } from '@strapi/strapi';
import { YouTubeError } from './errors';

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

export interface QuotaBudget {
  quotaModel: QuotaModel;
  /** Units per Pacific day for everything but uploads (the project's quota; 10,000 by default). */
  dailyUnits: number;
  /** videos.insert calls per Pacific day in the current model (100 by default). */
  dailyUploads: number;
}

interface Cost {
  units: number;
  uploads: number;
}

/** The full cost of a call: units, and in the current model one slot of the separate upload allowance. */
export function costOf(endpoint: string, model: QuotaModel): Cost {
  return { units: unitsFor(endpoint, model), uploads: endpoint === 'videos.insert' && model === 'current' ? 1 : 0 };
}

/** How a call ended, as far as the quota is concerned: answered 2xx, or the status and reason of its failure. */
export type CallEnd = 'success' | { status?: number; reason?: string };

const REFUSED_BEFORE_THE_METHOD = new Set(['quotaExceeded', 'dailyLimitExceeded', 'uploadLimitExceeded', 'invalid_grant', 'invalid_client', 'unauthorized_client', 'authError']);

/**
 * What YouTube keeps of a call's cost. Google's cost table (developers.google.com/youtube/v3/determine_quota_cost)
 * says: "All API requests, including invalid requests, incur a quota cost of at least one point." So:
 * - answered 2xx: the method's full cost;
 * - refused by the API for what it asked (4xx: invalid, forbidden, not found, conflict): the documented minimum,
 *   one unit — not the method's cost, which is what a full count would wrongly charge;
 * - refused before the method ran (401, the OAuth token endpoint, an empty bucket) and Google's own failures (5xx):
 *   nothing, as the page prices requests to API methods only;
 * - no answer at all: the full cost, because the call may have been carried out (an upload whose answer was lost).
 * The emulator (src/youtube-emulator/quota.ts) charges by the same reading.
 */
export function chargeFor(cost: Cost, end: CallEnd): Cost {
  if (end === 'success' || end.status === undefined) return cost;
  if (end.status === 401 || end.status >= 500 || (end.reason && REFUSED_BEFORE_THE_METHOD.has(end.reason))) return { units: 0, uploads: 0 };
  return { units: Math.min(1, cost.units + cost.uploads), uploads: 0 };
}

export interface Reservation {
  day: string;
  endpoint: string;
  cost: Cost;
}

/** Raised instead of a call that would cross today's budget: the job waits for the reset like after quotaExceeded. */
export const budgetReached = (endpoint: string, resetsAt: Date) =>
  new YouTubeError(
    `Das Tagesbudget an YouTube-Einheiten ist erreicht; ${endpoint} wurde nicht aufgerufen und folgt nach dem Zurücksetzen (${resetsAt.toISOString()}).`,
    'quota',
    undefined,
    'dailyBudgetReached'
  );

/**
 * Units (and uploads) spent per Pacific day, kept in the database so that every instance counts against the same
 * budget. A call first reserves its full cost with one conditional UPDATE (… SET units = units + n WHERE units + n
 * <= budget): of several instances racing for the last units exactly as many get through as the budget holds, and a
 * call that would cross it is never made. After the call, settle() gives back what YouTube does not charge.
 */
export function createQuotaLedger(strapi: Core.Strapi, now: () => Date, budget: QuotaBudget) {
  const meta = () => strapi.db.metadata.get(QUOTA_DAY);
  const column = (attribute: string) => (meta().attributes[attribute] as { columnName?: string }).columnName ?? attribute;
  const table = () => strapi.db.connection(meta().tableName);
  const knex = () => strapi.db.connection;

  async function ensureDay(day: string) {
    if (await strapi.db.query(QUOTA_DAY).findOne({ where: { day }, select: ['id'] })) return;
    try {
      await strapi.db.query(QUOTA_DAY).create({ data: { day, units: 0, uploads: 0 } });
    } catch {
      // another instance created the day's row first (the day is unique)
    }
  }

  async function take(day: string, cost: Cost): Promise<boolean> {
    const units = column('units');
    const uploads = column('uploads');
    const count = await table()
      .where(column('day'), day)
      .andWhereRaw('?? + ? <= ?', [units, cost.units, budget.dailyUnits])
      .andWhereRaw('?? + ? <= ?', [uploads, cost.uploads, budget.dailyUploads])
      .update({ [units]: knex().raw('?? + ?', [units, cost.units]), [uploads]: knex().raw('?? + ?', [uploads, cost.uploads]) });
    return count > 0;
  }

  /** Reserves a call's full cost, or throws a quota error without touching YouTube when the budget would be crossed. */
  async function reserve(endpoint: string): Promise<Reservation> {
    const at = now();
    const day = pacificDay(at);
    const cost = costOf(endpoint, budget.quotaModel);
    if (cost.units === 0 && cost.uploads === 0) return { day, endpoint, cost };
    if (await take(day, cost)) return { day, endpoint, cost };
    await ensureDay(day);
    if (await take(day, cost)) return { day, endpoint, cost };
    throw budgetReached(endpoint, nextPacificMidnight(at));
  }

  /** Keeps what YouTube charges for how the call ended and gives the rest back; returns the units kept. */
  async function settle(reservation: Reservation, end: CallEnd): Promise<number> {
    const charged = chargeFor(reservation.cost, end);
    const units = reservation.cost.units - charged.units;
    const uploads = reservation.cost.uploads - charged.uploads;
    if (units > 0 || uploads > 0) {
      await table()
        .where(column('day'), reservation.day)
        .update({ [column('units')]: knex().raw('?? - ?', [column('units'), units]), [column('uploads')]: knex().raw('?? - ?', [column('uploads'), uploads]) });
    }
    return charged.units;
  }

  async function today() {
    const at = now();
    const day = pacificDay(at);
    const row = await strapi.db.query(QUOTA_DAY).findOne({ where: { day } });
    const units = row?.units ?? 0;
    const uploads = row?.uploads ?? 0;
    return {
      day,
      units,
      uploads,
      budget: budget.dailyUnits,
      left: Math.max(0, budget.dailyUnits - units),
      uploadBudget: budget.dailyUploads,
      uploadsLeft: Math.max(0, budget.dailyUploads - uploads),
      resetsAt: nextPacificMidnight(at),
    };
  }

  return { reserve, settle, today };
}

export type QuotaLedger = ReturnType<typeof createQuotaLedger>;
