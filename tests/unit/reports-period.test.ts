import { asBerlinLocal, berlinMidnight, monthsOf, parseCalendarDate, periodOf } from '../../src/plugins/reports/server/src/period';
import { formatDateTime, isoBerlin } from '../../src/plugins/reports/server/src/labels';

const day = (iso: string) => parseCalendarDate(iso) ?? (() => { throw new Error(`bad date ${iso}`); })();

describe('report periods in German time', () => {
  it('starts a day at Berlin midnight in winter and in summer', () => {
    expect(berlinMidnight(day('2026-01-01')).toISOString()).toBe('2025-12-31T23:00:00.000Z');
    expect(berlinMidnight(day('2026-07-01')).toISOString()).toBe('2026-06-30T22:00:00.000Z');
    // The days on which the clocks change: midnight lies before the switch at 02:00/03:00.
    expect(berlinMidnight(day('2026-03-29')).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(berlinMidnight(day('2026-10-25')).toISOString()).toBe('2026-10-24T22:00:00.000Z');
  });

  it('includes the whole last day of the period', () => {
    const period = periodOf(day('2026-01-01'), day('2026-06-30'));
    expect([period.start.toISOString(), period.end.toISOString()]).toEqual(['2025-12-31T23:00:00.000Z', '2026-06-30T22:00:00.000Z']);
  });

  it('cuts the first and last month to the period and names months by year and number', () => {
    const months = monthsOf(periodOf(day('2026-01-15'), day('2026-03-10')));
    expect(months.map((m) => m.key)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(months[0].start.toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(months[1].start.toISOString()).toBe('2026-01-31T23:00:00.000Z');
    expect(months[2].end.toISOString()).toBe('2026-03-10T23:00:00.000Z');
  });

  it('rejects dates that do not exist', () => {
    expect(parseCalendarDate('2026-02-29')).toBeNull();
    expect(parseCalendarDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(parseCalendarDate('26-1-1')).toBeNull();
  });

  it('shows instants as Berlin wall-clock time on both sides of a clock change', () => {
    expect(asBerlinLocal(new Date('2026-03-29T00:30:00Z')).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(asBerlinLocal(new Date('2026-03-29T01:30:00Z')).toISOString()).toBe('2026-03-29T03:30:00.000Z');
    expect(formatDateTime(new Date('2026-01-31T23:30:00Z'))).toBe('01.02.2026 00:30');
    expect(isoBerlin(new Date('2026-07-01T10:00:00Z'))).toBe('2026-07-01T12:00:00+02:00');
    expect(isoBerlin(new Date('2026-01-01T10:00:00Z'))).toBe('2026-01-01T11:00:00+01:00');
  });
});
