// YouTube's daily quota resets at midnight Pacific time, which is UTC-8 or UTC-7 depending on
// DST. Intl knows the rules, so we ask it instead of hard-coding offsets.

const TZ = 'America/Los_Angeles';

const formatter = new Intl.DateTimeFormat('en-US', {
  timeZone: TZ,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function localParts(at: Date): LocalParts {
  const parts: Record<string, number> = {};
  for (const p of formatter.formatToParts(at)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** Offset of Pacific local time from UTC at instant `at`, in ms (e.g. -8h in winter). */
function offsetMs(at: Date): number {
  const p = localParts(at);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The Pacific calendar day of `at`, as YYYY-MM-DD. */
export function pacificDay(at: Date): string {
  const p = localParts(at);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** The instant of the next Pacific midnight after `at`. */
export function nextPacificMidnight(at: Date): Date {
  const p = localParts(at);
  const localMidnightAsUtc = Date.UTC(p.year, p.month - 1, p.day + 1, 0, 0, 0);
  // First guess with the offset in force now, then correct with the offset in force at the
  // guess: DST switches at 02:00 local, so midnight itself is never ambiguous.
  let guess = localMidnightAsUtc - offsetMs(at);
  guess = localMidnightAsUtc - offsetMs(new Date(guess));
  return new Date(guess);
}
