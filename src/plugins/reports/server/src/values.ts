/**
 * What the two databases hand back differs: SQLite stores Strapi's datetimes as epoch milliseconds, PostgreSQL
 * returns Date objects; sums and big integers arrive as strings from PostgreSQL. Every reading goes through here.
 */
export function toDate(value: unknown): Date | null {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return value;
  const date = new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : (value as string | number));
  return Number.isNaN(date.getTime()) ? null : date;
}

export function toCount(value: unknown): number {
  if (value === null || value === undefined) return 0;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`reports: expected a number from the database, got ${JSON.stringify(value)}`);
  return n;
}

export const toNullableCount = (value: unknown): number | null => (value === null || value === undefined ? null : toCount(value));
