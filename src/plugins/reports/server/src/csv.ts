import { once } from 'events';
import type { Writable } from 'stream';
import { finished } from 'stream/promises';
import { stringify } from 'csv-stringify';
import type { CsvStyle } from './filters';
import { formatDateTime, isoBerlin, MONTH_NAMES } from './labels';
import { isDay, type CellKind, type CellValue, type Column, type TableRow } from './report-tables';

/**
 * One table as CSV. `excel` is what a German Excel opens by double-click: UTF-8 with BOM, `;` between fields,
 * decimal comma and German dates; text that Excel would run as a formula is defused with a leading apostrophe.
 * `rfc4180` is the plain interchange form: `,`, CRLF, no BOM, ISO dates and a decimal point.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

function dayText(style: CsvStyle, kind: CellKind, iso: string) {
  const [year, month, day] = iso.split('-');
  if (kind === 'month') return style === 'excel' ? `${MONTH_NAMES[Number(month) - 1]} ${year}` : `${year}-${month}`;
  return style === 'excel' ? `${day}.${month}.${year}` : iso;
}

export function csvText(style: CsvStyle, kind: CellKind, value: CellValue): string {
  if (value === null) return '';
  if (isDay(value)) return dayText(style, kind, value.day);
  if (value instanceof Date) return style === 'excel' ? formatDateTime(value) : isoBerlin(value);
  if (typeof value === 'number') {
    const text = Number.isInteger(value) ? String(value) : value.toFixed(1);
    return style === 'excel' ? text.replace('.', ',') : text;
  }
  return style === 'excel' && FORMULA_START.test(value) ? `'${value}` : value;
}

export async function writeCsv(
  output: Writable,
  style: CsvStyle,
  columns: Column[],
  rows: TableRow[] | AsyncIterable<TableRow[]>,
  onRows?: (written: number) => Promise<void>
) {
  const stringifier = stringify({
    delimiter: style === 'excel' ? ';' : ',',
    bom: style === 'excel',
    record_delimiter: 'windows',
  });
  stringifier.pipe(output);
  const done = finished(output);
  const write = async (record: string[]) => {
    if (!stringifier.write(record)) await once(stringifier, 'drain');
  };
  await write(columns.map((c) => c.header));
  const pages = Array.isArray(rows) ? [rows] : rows;
  let written = 0;
  for await (const page of pages) {
    for (const row of page) await write(columns.map((c) => csvText(style, c.kind, row[c.key] ?? null)));
    written += page.length;
    await onRows?.(written);
  }
  stringifier.end();
  await done;
}
