/**
 * Column values as the two databases hand them back: SQLite gives datetimes as epoch milliseconds and booleans as
 * 0/1, PostgreSQL gives Date objects and booleans; both give JSON and dates as text (Strapi sets the pg parsers).
 */

export function toDate(value: unknown): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const date =
    value instanceof Date ? value : new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : (value as string | number));
  return Number.isNaN(date.getTime()) ? null : date;
}

export const toIso = (value: unknown): string | null => toDate(value)?.toISOString() ?? null;

/** A `date` column (no time): kept as the YYYY-MM-DD it was entered as. */
export function toDay(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const text = String(value);
  return /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : (toIso(value)?.slice(0, 10) ?? null);
}

export const toBool = (value: unknown) => value === true || value === 1 || value === '1' || value === 't';

export function toJson(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? null;
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
}

export const toInt = (value: unknown): number | null => {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) && value !== null && value !== '' ? Math.trunc(n) : null;
};
