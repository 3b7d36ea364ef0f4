import { asBerlinLocal, berlinWallClock } from './period';

/** The report's German wording and number/date formats, in one place for the spreadsheet, the CSV and the PDF. */

export const STATISTICAL_REGION_NAMES: Record<string, string> = {
  braunschweig: 'Braunschweig',
  hannover: 'Hannover',
  lueneburg: 'Lüneburg',
  weser_ems: 'Weser-Ems',
};

export const DISTRICT_KIND_NAMES: Record<string, string> = {
  landkreis: 'Landkreis',
  region: 'Region',
  kreisfreie_stadt: 'Kreisfreie Stadt',
};

export const EDITORIAL_STATUS_NAMES: Record<string, string> = {
  submitted: 'Eingereicht',
  in_review: 'In Prüfung',
  approved: 'Angenommen',
  rejected: 'Abgelehnt',
  withdrawn: 'Zurückgezogen',
};

export const SYNC_STATUS_NAMES: Record<string, string> = {
  pending: 'Ausstehend',
  synced: 'Auf YouTube aktuell',
  failed: 'Fehlgeschlagen',
  waiting_for_quota: 'Wartet auf Kontingent',
  needs_reconnect: 'Kanal neu verbinden',
  removed: 'Entfernt',
  no_video: 'Kein Video',
};

export const MONTH_NAMES = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];

export const WITHOUT = { district: 'ohne Landkreis', statisticalRegion: 'ohne Landkreis', theme: 'ohne Thema', project: 'ohne Projekt', referralSource: 'ohne Quelle' };

export const REPORT_TITLE = 'ZUSAMMEN. MEHR. – Bericht';

export { MAP_SOURCE_NOTE, MAP_SOURCE_URL } from '../../../../shared/districts';

const integer = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export const formatInteger = (n: number) => integer.format(n);
export const formatDecimal = (n: number) => decimal.format(n);

const pad = (n: number) => String(n).padStart(2, '0');

/** `31.01.2026` in Berlin time. */
export function formatDate(instant: Date) {
  const w = berlinWallClock(instant);
  return `${pad(w.day)}.${pad(w.month)}.${w.year}`;
}

/** `31.01.2026 14:05` in Berlin time. */
export function formatDateTime(instant: Date) {
  const w = berlinWallClock(instant);
  return `${pad(w.day)}.${pad(w.month)}.${w.year} ${pad(w.hour)}:${pad(w.minute)}`;
}

/** A calendar date string (`2026-01-31`) as `31.01.2026`. */
export const formatIsoDate = (iso: string) => iso.split('-').reverse().join('.');

/** ISO 8601 with the Berlin offset, e.g. `2026-01-31T14:05:00+01:00`, for machine-readable CSV. */
export function isoBerlin(instant: Date) {
  const local = asBerlinLocal(instant);
  const offsetMinutes = Math.round((local.getTime() - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  return `${local.toISOString().slice(0, 19)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export const monthLabel = (year: number, month: number) => `${MONTH_NAMES[month - 1]} ${year}`;

/** How each figure is counted, printed in every report so readers do not have to guess. */
export const DEFINITIONS = [
  'Zeitraum: Kalendertage in deutscher Zeit (Europe/Berlin), erster und letzter Tag eingeschlossen.',
  'Veröffentlichte Geschichten: Geschichten, deren aktuelle Veröffentlichung in den Zeitraum fällt und die heute veröffentlicht sind.',
  'Landkreise: alle 45 Landkreise, die Region Hannover und die kreisfreien Städte Niedersachsens, auch ohne Geschichten (0).',
  'Themen: eine Geschichte kann mehrere Themen haben und zählt dann bei jedem; die Summe kann über der Zahl der Geschichten liegen.',
  'Einreichungen: Geschichten, die im Zeitraum angelegt wurden und einen redaktionellen Status haben (eingereicht, in Prüfung, angenommen, abgelehnt, zurückgezogen); gezählt nach ihrem heutigen Status.',
  'Einreichungen nach Quelle: die Einreichungen des Zeitraums nach der Quelle des Partner-Links, über den die Person zum Formular kam (/mitmachen?quelle=…); „ohne Quelle“: ohne Partner-Link. Gezählt wird ohne Cookie und ohne gespeicherte Adresse.',
  'Tage bis zur Veröffentlichung: Median der Tage vom Eingang bis zur aktuellen Veröffentlichung, über die eingegangenen und inzwischen veröffentlichten Geschichten; nachträglich erfasste ältere Geschichten mit früherem Veröffentlichungsdatum zählen nicht mit.',
  'YouTube-Zahlen: Aufrufe, Likes und Kommentare, wie der regelmäßige Abgleich mit YouTube sie zuletzt abgerufen hat (Stand siehe Übersicht).',
  'Sync-Fehler: veröffentlichte Geschichten im Zeitraum, deren Übertragung zu YouTube zuletzt endgültig fehlgeschlagen ist.',
];
