/**
 * The office counts in German calendar days and months: a story published at 00:30 on 1 February in Hanover
 * belongs to February although it is still January in UTC. Every boundary is therefore computed in
 * Europe/Berlin and handed to the database as an instant.
 */
export const TIME_ZONE = 'Europe/Berlin';

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export interface Period {
  /** Inclusive first and last calendar day, as chosen. */
  from: string;
  to: string;
  /** [start, end): Berlin midnight of `from` up to Berlin midnight after `to`. */
  start: Date;
  end: Date;
}

export interface MonthBucket {
  /** `2026-03` */
  key: string;
  year: number;
  month: number;
  start: Date;
  end: Date;
}

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

export interface WallClock extends CalendarDate {
  hour: number;
  minute: number;
  second: number;
}

function wallClockByIntl(instant: Date): WallClock {
  const found: Record<string, number> = {};
  for (const p of parts.formatToParts(instant)) if (p.type !== 'literal') found[p.type] = Number(p.value);
  return { year: found.year, month: found.month, day: found.day, hour: found.hour, minute: found.minute, second: found.second };
}

const HOUR = 3600_000;
/** Berlin's offset from UTC per UTC hour: it only changes on a full hour, and a long export formats many times. */
const offsets = new Map<number, number>();

const offsetMs = (instant: Date) => {
  const hour = Math.floor(instant.getTime() / HOUR);
  let offset = offsets.get(hour);
  if (offset === undefined) {
    const w = wallClockByIntl(new Date(hour * HOUR));
    offset = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - hour * HOUR;
    if (offsets.size > 100_000) offsets.clear();
    offsets.set(hour, offset);
  }
  return offset;
};

/** The Berlin wall-clock time of an instant. */
export function berlinWallClock(instant: Date): WallClock {
  const local = new Date(instant.getTime() + offsetMs(instant));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

/** The instant at which the given Berlin calendar day begins (DST-safe: the offset is checked at the result). */
export function berlinMidnight(date: CalendarDate): Date {
  const guess = Date.UTC(date.year, date.month - 1, date.day);
  const first = guess - offsetMs(new Date(guess));
  return new Date(guess - offsetMs(new Date(first)));
}

/** A date that shows the Berlin wall-clock time when read as UTC: what spreadsheet cells (which have no zone) need. */
export const asBerlinLocal = (instant: Date): Date => new Date(instant.getTime() + offsetMs(instant));

export function parseCalendarDate(text: string): CalendarDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return { year, month, day };
}

const nextDay = (d: CalendarDate): CalendarDate => {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + 1));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
};

export function periodOf(from: CalendarDate, to: CalendarDate): Period {
  return { from: isoDate(from), to: isoDate(to), start: berlinMidnight(from), end: berlinMidnight(nextDay(to)) };
}

export const isoDate = (d: CalendarDate) =>
  `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

/** The calendar months the period touches; the first and last are cut to the period. */
export function monthsOf(period: Period): MonthBucket[] {
  const first = parseCalendarDate(period.from) as CalendarDate;
  const last = parseCalendarDate(period.to) as CalendarDate;
  const buckets: MonthBucket[] = [];
  let year = first.year;
  let month = first.month;
  while (year < last.year || (year === last.year && month <= last.month)) {
    const following = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
    const start = berlinMidnight({ year, month, day: 1 });
    const end = berlinMidnight({ ...following, day: 1 });
    buckets.push({
      key: `${year}-${String(month).padStart(2, '0')}`,
      year,
      month,
      start: start < period.start ? period.start : start,
      end: end > period.end ? period.end : end,
    });
    ({ year, month } = following);
  }
  return buckets;
}

export function monthsBetween(from: CalendarDate, to: CalendarDate) {
  return (to.year - from.year) * 12 + (to.month - from.month) + 1;
}
