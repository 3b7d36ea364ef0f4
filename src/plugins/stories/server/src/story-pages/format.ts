/** German wording of what the API gives as codes and numbers, the same on every instance (fixed time zone). */

const DAY = new Intl.DateTimeFormat('de-DE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Berlin' });

/** "3. März 2026" from an ISO date-time, or from a plain day (YYYY-MM-DD) as it was entered. */
export function germanDate(value: string): string {
  return DAY.format(new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value));
}

/** The story languages of the content model (public-api/params.ts LANGUAGES), as a visitor reads them. */
export const LANGUAGE_NAMES: Record<string, string> = {
  de: 'Deutsch',
  en: 'Englisch',
  ar: 'Arabisch',
  fa: 'Persisch (Farsi)',
  ps: 'Paschtu',
  ku: 'Kurdisch',
  ti: 'Tigrinya',
  so: 'Somali',
  uk: 'Ukrainisch',
  ru: 'Russisch',
  tr: 'Türkisch',
  fr: 'Französisch',
  other: 'eine andere Sprache',
};

export const KIND_NAMES: Record<string, string> = { personal: 'Persönliche Geschichte', project: 'Projekt' };

/** "1 Geschichte", "1.234 Geschichten". */
export function countOf(count: number, one: string, many: string): string {
  return `${count.toLocaleString('de-DE')} ${count === 1 ? one : many}`;
}

/** At most `max` characters, cut at a word and marked with an ellipsis (meta descriptions). */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}
