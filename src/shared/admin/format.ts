import * as React from 'react';
import { useIntl } from 'react-intl';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86400000],
  ['hour', 3600000],
  ['minute', 60000],
];

/** Dates, times and numbers the way an editor reads them: "29.11.2026, 09:00", "in 3 Minuten", "10.000". */
export function useTimeFormat() {
  const intl = useIntl();
  return React.useMemo(
    () => ({
      dateTime: (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' }),
      relative: (iso: string, now = Date.now()) => {
        const diff = new Date(iso).getTime() - now;
        for (const [unit, ms] of UNITS) {
          if (Math.abs(diff) >= ms) return intl.formatRelativeTime(Math.round(diff / ms), unit, { numeric: 'auto' });
        }
        return intl.formatRelativeTime(0, 'minute', { numeric: 'auto' });
      },
      number: (n: number) => intl.formatNumber(n),
    }),
    [intl]
  );
}
