import type { Writable } from 'stream';
import type * as ExcelJS from 'exceljs';
import { REPORT_TITLE } from './labels';
import { asBerlinLocal } from './period';
import { isDay, type CellKind, type CellValue, type Column, type TableRow, type TableSpec } from './report-tables';

/**
 * The spreadsheet, written with exceljs' streaming writer: each sheet is committed before the next one starts and
 * the story list, the only long one, is written page by page, so memory stays flat however many stories there are.
 * Numbers and dates are real cells; their formats (`#,##0`, `dd.mm.yyyy`) are shown with German separators and
 * month names by a German Excel or LibreOffice.
 */

export interface SheetSource {
  spec: TableSpec;
  /** A finished list of rows, or pages of rows read as they are written. */
  rows: TableRow[] | AsyncIterable<TableRow[]>;
}

/**
 * One style object per format, shared by every cell that has it: exceljs recognises a style it has seen by object
 * identity, so shared objects keep the stylesheet lookup out of the per-cell cost (a fresh object per cell made a
 * 100,000-row export several times slower).
 */
const STYLES = {
  plain: {},
  integer: { numFmt: '#,##0' },
  decimal: { numFmt: '#,##0.0' },
  date: { numFmt: 'dd.mm.yyyy' },
  datetime: { numFmt: 'dd.mm.yyyy hh:mm' },
  month: { numFmt: 'mmmm yyyy' },
} satisfies Record<string, Partial<ExcelJS.Style>>;

/** Above this many bytes waiting for the zip's compressor, writing pauses (exceljs itself ignores backpressure). */
const MAX_PENDING_BYTES = 1024 * 1024;

const dayDate = (iso: string) => {
  const [year, month, day] = iso.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
};

/** A formula keeps the link in the cell itself: exceljs holds real hyperlinks in memory until the sheet ends. */
const hyperlink = (url: string) => ({ formula: `HYPERLINK("${url.replace(/"/g, '""')}")`, result: url });

function cell(kind: CellKind, value: CellValue): { value: ExcelJS.CellValue; style: Partial<ExcelJS.Style> } {
  if (value === null || value === '') return { value: null, style: STYLES.plain };
  if (isDay(value)) return { value: dayDate(value.day), style: kind === 'month' ? STYLES.month : STYLES.date };
  if (value instanceof Date) return { value: asBerlinLocal(value), style: STYLES.datetime };
  if (typeof value === 'number') {
    const style = kind === 'decimal' || (kind === 'auto' && !Number.isInteger(value)) ? STYLES.decimal : STYLES.integer;
    return { value, style };
  }
  if (kind === 'url') return { value: hyperlink(value) as ExcelJS.CellFormulaValue, style: STYLES.plain };
  return { value, style: STYLES.plain };
}

function writeRow(sheet: ExcelJS.Worksheet, columns: Column[], row: TableRow) {
  const excelRow = sheet.addRow(columns.map(() => null));
  columns.forEach((column, i) => {
    const { value, style } = cell(column.kind, row[column.key] ?? null);
    const target = excelRow.getCell(i + 1);
    target.value = value;
    target.style = style;
  });
  excelRow.commit();
}

interface PipedStream {
  writableLength?: number;
  _writableState?: { length: number };
}

/** The parts of exceljs' worksheet writer that a long sheet needs to reach; none has a public equivalent. */
interface WorksheetWriterInternals {
  /** The sheet's XML stream, and the archiver streams it is piped into (without backpressure). */
  stream?: { pipes?: PipedStream[] };
  /** Every formula cell written so far, kept in case a later cell shares it; the links never do. */
  _formulae?: Record<string, unknown>;
}

/**
 * Called between pages of a long sheet: forgets the written link formulas and lets the compressor catch up, so
 * memory stays flat however long the sheet is. archiver's streams come from the readable-stream package, whose
 * older versions expose the buffered length only as _writableState.
 */
async function settle(sheet: ExcelJS.Worksheet) {
  const internals = sheet as unknown as WorksheetWriterInternals;
  if (internals._formulae) internals._formulae = {};
  const pipes = internals.stream?.pipes ?? [];
  const pending = () => pipes.reduce((sum, pipe) => sum + (pipe.writableLength ?? pipe._writableState?.length ?? 0), 0);
  while (pending() > MAX_PENDING_BYTES) await new Promise((resolve) => setImmediate(resolve));
}

const isPaged = (rows: SheetSource['rows']): rows is AsyncIterable<TableRow[]> => !Array.isArray(rows);

export async function writeXlsx(output: Writable, sheets: SheetSource[], meta: { generatedAt: Date }, onRows?: (written: number) => Promise<void>) {
  // Loaded here, not at boot: exceljs alone costs a quarter of a second of CPU in every process that starts the app.
  const { stream } = await import('exceljs');
  const workbook = new stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = 'ZUSAMMEN. MEHR.';
  workbook.title = REPORT_TITLE;
  workbook.created = meta.generatedAt;
  for (const { spec, rows } of sheets) {
    const sheet = workbook.addWorksheet(spec.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = spec.columns.map((c) => ({ key: c.key, width: c.width }));
    const header = sheet.addRow(spec.columns.map((c) => c.header));
    header.font = { bold: true };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
    header.commit();
    if (isPaged(rows)) {
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: spec.columns.length } };
      let written = 0;
      for await (const page of rows) {
        for (const row of page) writeRow(sheet, spec.columns, row);
        written += page.length;
        await settle(sheet);
        await onRows?.(written);
      }
    } else {
      for (const row of rows) writeRow(sheet, spec.columns, row);
    }
    sheet.commit();
  }
  await workbook.commit();
}
