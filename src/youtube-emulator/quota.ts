// Quota accounting as published in "YouTube Data API (v3) - Quota Calculator"
// (developers.google.com/youtube/v3/determine_quota_cost):
//   - every list call 1 unit, except captions.list 50;
//   - writes (update/delete, playlists.*, playlistItems.*, thumbnails.set) 50;
//   - captions.insert 400, captions.update 450, captions.delete 50, captions.download 200;
//   - videos.insert: 1,600 units in the older table ("legacy" model); the current page says
//     videos.insert has its own bucket of 100 calls a day costing 1 per call, apart from the
//     10,000 units for everything else ("current" model).
//   - "All API requests, including invalid requests, incur a quota cost of at least one point."
//     We model that as: a request answered 2xx pays its full cost; a request the API rejects
//     with a 4xx after the quota check pays 1 unit; requests refused for auth, quota, an
//     injected 5xx, or dropped mid-body pay nothing.
// The day is the Pacific calendar day; usage resets at Pacific midnight.
import { ApiError, errors } from './errors';
import { nextPacificMidnight, pacificDay } from './pacific';
import type { QuotaModel, QuotaSnapshot } from './types';

const UNIT_COSTS: Record<string, number> = {
  'channels.list': 1,
  'videos.list': 1,
  'videos.update': 50,
  'videos.delete': 50,
  'playlists.list': 1,
  'playlists.insert': 50,
  'playlists.update': 50,
  'playlists.delete': 50,
  'playlistItems.list': 1,
  'playlistItems.insert': 50,
  'playlistItems.update': 50,
  'playlistItems.delete': 50,
  'thumbnails.set': 50,
  'captions.list': 50,
  'captions.insert': 400,
  'captions.update': 450,
  'captions.delete': 50,
  'captions.download': 200,
};

export const LEGACY_VIDEO_INSERT_COST = 1600;

export interface Cost {
  units: number;
  uploads: number;
}

export function costOf(endpoint: string, model: QuotaModel): Cost {
  if (endpoint === 'videos.insert') {
    return model === 'legacy' ? { units: LEGACY_VIDEO_INSERT_COST, uploads: 0 } : { units: 0, uploads: 1 };
  }
  return { units: UNIT_COSTS[endpoint] ?? 0, uploads: 0 };
}

export interface QuotaUsage {
  day: string;
  unitsUsed: number;
  uploadsUsed: number;
}

export interface Reservation {
  units: number;
  uploads: number;
  day: string;
  settled: boolean;
}

export interface QuotaFaults {
  quotaExhausted?: boolean;
  uploadLimitExhausted?: boolean;
}

export class QuotaLedger {
  model: QuotaModel;
  readonly dailyUnits: number;
  readonly dailyUploads: number;
  private usage: QuotaUsage;
  private readonly now: () => Date;

  constructor(model: QuotaModel, dailyUnits: number, dailyUploads: number, now: () => Date, usage?: QuotaUsage) {
    this.model = model;
    this.dailyUnits = dailyUnits;
    this.dailyUploads = dailyUploads;
    this.now = now;
    this.usage = usage ?? { day: pacificDay(now()), unitsUsed: 0, uploadsUsed: 0 };
  }

  private roll(): void {
    const today = pacificDay(this.now());
    if (today !== this.usage.day) this.usage = { day: today, unitsUsed: 0, uploadsUsed: 0 };
  }

  /**
   * Reserve the full cost up front so concurrent requests cannot overshoot the bucket;
   * settle() later keeps, reduces or refunds it.
   */
  reserve(endpoint: string, faults: QuotaFaults): Reservation | ApiError {
    this.roll();
    const cost = costOf(endpoint, this.model);
    if (cost.uploads > 0 && (faults.uploadLimitExhausted || this.usage.uploadsUsed + cost.uploads > this.dailyUploads)) {
      return errors.uploadLimitExceeded();
    }
    if (endpoint === 'videos.insert' && faults.uploadLimitExhausted) return errors.uploadLimitExceeded();
    if (cost.units > 0 && (faults.quotaExhausted || this.usage.unitsUsed + cost.units > this.dailyUnits)) {
      return errors.quotaExceeded();
    }
    this.usage.unitsUsed += cost.units;
    this.usage.uploadsUsed += cost.uploads;
    return { units: cost.units, uploads: cost.uploads, day: this.usage.day, settled: false };
  }

  /** success: keep all; invalid: charge one unit only; void: refund everything. Returns what was charged. */
  settle(r: Reservation, outcome: 'success' | 'invalid' | 'void'): Cost {
    if (r.settled) return { units: 0, uploads: 0 };
    r.settled = true;
    let keepUnits = r.units;
    let keepUploads = r.uploads;
    if (outcome === 'void') {
      keepUnits = 0;
      keepUploads = 0;
    } else if (outcome === 'invalid') {
      keepUnits = Math.min(1, r.units + r.uploads);
      keepUploads = 0;
    }
    // A reservation from a previous Pacific day must not eat into today's bucket.
    if (r.day === this.usage.day) {
      this.usage.unitsUsed += keepUnits - r.units;
      this.usage.uploadsUsed += keepUploads - r.uploads;
    }
    return { units: keepUnits, uploads: keepUploads };
  }

  snapshot(): QuotaSnapshot {
    this.roll();
    return {
      day: this.usage.day,
      unitsUsed: this.usage.unitsUsed,
      uploadsUsed: this.usage.uploadsUsed,
      dailyUnits: this.dailyUnits,
      dailyUploads: this.dailyUploads,
      model: this.model,
      resetsAt: nextPacificMidnight(this.now()).toISOString(),
    };
  }

  usageState(): QuotaUsage {
    return { ...this.usage };
  }

  resetUsage(): void {
    this.usage = { day: pacificDay(this.now()), unitsUsed: 0, uploadsUsed: 0 };
  }
}
