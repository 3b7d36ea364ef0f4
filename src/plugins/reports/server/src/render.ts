import type { Writable } from 'stream';
import type { Core } from '@strapi/strapi';
import { CHARTS, renderChart, type ChartName } from './charts';
import { writeCsv } from './csv';
import { computeFigures, countInScope, type ReportFigures } from './figures';
import type { ReportFormat, ReportRequest } from './filters';
import { writePdf } from './pdf';
import { aggregateRows, SHEET_ORDER, STORIES_TABLE, storyTableRow, TABLES, type TableRow } from './report-tables';
import { storyPages } from './story-rows';
import { writeXlsx } from './xlsx';
import { districts, pdfFonts, site } from './dependencies';

/** Turns a validated request into a file of the chosen format, streamed into `output`. */

export interface Progress {
  /** Rows of the story list written so far (the only part whose length depends on the data). */
  rowsDone: number;
  rowsTotal: number;
}

export type ProgressListener = (progress: Progress) => Promise<void>;

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
};

/** `zusammen-mehr-bericht_2026-01-01_2026-12-31.xlsx`, with the CSV table named when it is not the story list. */
export function reportFileName(format: ReportFormat, request: ReportRequest) {
  const table = format === 'csv' && request.csvTable !== 'stories' ? `_${request.csvTable}` : '';
  return `zusammen-mehr-bericht_${request.period.from}_${request.period.to}${table}.${format}`;
}

async function* tableRowPages(strapi: Core.Strapi, request: ReportRequest): AsyncGenerator<TableRow[]> {
  for await (const page of storyPages(strapi, request)) yield page.map(storyTableRow);
}

/** Whether the format writes the long story list (and so how much work the progress counts). */
export const writesStoryList = (format: ReportFormat, request: ReportRequest) => format === 'xlsx' || (format === 'csv' && request.csvTable === 'stories');

export async function renderCharts(strapi: Core.Strapi, figures: ReportFigures, width = 480): Promise<Record<ChartName, string>> {
  const outlines = districts(strapi).outlines();
  const entries: [ChartName, string][] = [];
  for (const name of CHARTS) entries.push([name, await renderChart(name, outlines, figures, { width })]);
  return Object.fromEntries(entries) as Record<ChartName, string>;
}

export interface RenderOptions {
  onProgress?: ProgressListener;
  now?: Date;
}

/** Writes the report into `output`; resolves with the number of published stories it covers. */
export async function renderReport(strapi: Core.Strapi, format: ReportFormat, request: ReportRequest, output: Writable, options: RenderOptions = {}): Promise<number> {
  const progressOf = (rowsTotal: number) => (rowsDone: number) => options.onProgress?.({ rowsDone, rowsTotal }) ?? Promise.resolve();
  const csvTable = format === 'csv' ? request.csvTable : null;
  if (csvTable === 'stories') {
    // The story list alone needs no aggregates, only the count for the progress.
    const stories = await countInScope(strapi, request);
    const report = progressOf(stories);
    await report(0);
    await writeCsv(output, request.csvStyle, STORIES_TABLE.columns, tableRowPages(strapi, request), report);
    await report(stories);
    return stories;
  }
  const figures = await computeFigures(strapi, request, options.now);
  const report = progressOf(format === 'xlsx' ? figures.published : 0);
  await report(0);
  const tables = aggregateRows(figures, site(strapi).publicUrl());
  if (format === 'xlsx') {
    await writeXlsx(
      output,
      [...SHEET_ORDER.map((key) => ({ spec: TABLES[key], rows: tables[key] })), { spec: STORIES_TABLE, rows: tableRowPages(strapi, request) }],
      { generatedAt: figures.generatedAt },
      report
    );
    await report(figures.published);
  } else if (csvTable) {
    await writeCsv(output, request.csvStyle, TABLES[csvTable].columns, tables[csvTable]);
  } else {
    await writePdf(output, figures, await renderCharts(strapi, figures), pdfFonts(strapi));
  }
  return figures.published;
}
