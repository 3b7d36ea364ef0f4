import type { Writable } from 'stream';
import type { Core } from '@strapi/strapi';
import { renderChart, type ChartName } from './charts';
import { districts } from './dependencies';
import { loadDimensions } from './dimensions';
import { computeFigures, countInScope, type ReportFigures } from './figures';
import { parseReportRequest, type ReportFormat, type ReportRequest, type ReportRequestInput } from './filters';
import { STATISTICAL_REGION_NAMES } from './labels';
import { renderReport, type RenderOptions } from './render';
import { reportSettings } from './settings';
import { findDownload } from './exports/download';
import { enqueueExport, type Requester } from './exports/enqueue';
import { exportsTable, type ReportExport } from './exports/jobs';
import { wakeExports } from './exports/loop';
import { reportTables } from './tables';

/** What the admin page and API clients see of an export; the download link appears once the file is ready. */
export interface ExportView {
  id: string;
  status: ReportExport['status'];
  format: ReportFormat;
  options: ReportRequestInput;
  progress: number;
  rowsDone: number;
  rowsTotal: number | null;
  fileName: string | null;
  fileBytes: number | null;
  requestedBy: string | null;
  createdAt: string;
  finishedAt: string | null;
  expiresAt: string | null;
  error: string | null;
  downloadUrl: string | null;
}

export const exportPath = (documentId: string) => `/reports/exports/${documentId}`;

export function exportView(job: ReportExport, now = new Date()): ExportView {
  const downloadable = job.status === 'done' && job.token && job.expiresAt && new Date(job.expiresAt) > now;
  return {
    id: job.documentId,
    status: job.status,
    format: job.format,
    options: job.options,
    progress: job.progress ?? 0,
    rowsDone: job.rowsDone ?? 0,
    rowsTotal: job.rowsTotal,
    fileName: job.fileName,
    fileBytes: job.fileBytes === null ? null : Number(job.fileBytes),
    requestedBy: job.requestedByName,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
    expiresAt: job.expiresAt,
    error: job.lastError,
    downloadUrl: downloadable ? `${exportPath(job.documentId)}/download?token=${encodeURIComponent(job.token as string)}` : null,
  };
}

/** The reports of the office: figures, charts, files, and exports that run in the background. */
const reportsService = ({ strapi }: { strapi: Core.Strapi }) => ({
  parse: (input: ReportRequestInput) => parseReportRequest(input),

  /** The choices of the page's filters. */
  async options() {
    const dimensions = await loadDimensions(strapi.db.connection, reportTables(strapi));
    return {
      statisticalRegions: Object.entries(STATISTICAL_REGION_NAMES).map(([key, name]) => ({ key, name })),
      districts: dimensions.districts.map((d) => ({ key: d.key, name: d.name, statisticalRegion: d.statisticalRegion })),
      themes: dimensions.themes,
      projects: dimensions.projects.map((p) => ({ slug: p.slug, name: p.name })),
    };
  },

  figures: (request: ReportRequest, now?: Date): Promise<ReportFigures> => computeFigures(strapi, request, now),

  async chart(name: ChartName, request: ReportRequest, width = 640) {
    return renderChart(name, districts(strapi).outlines(), await computeFigures(strapi, request), { width });
  },

  render: (format: ReportFormat, request: ReportRequest, output: Writable, options?: RenderOptions) => renderReport(strapi, format, request, output, options),

  /** The published stories a request covers; fails with a validation error on an unknown district, theme or project. */
  count: (request: ReportRequest) => countInScope(strapi, request),

  /** Whether a report of that many stories is answered with the file itself rather than with a background export. */
  fitsDirectDownload: (stories: number) => stories <= reportSettings(strapi.dirs.app.root).directLimit,

  async startExport(format: ReportFormat, request: ReportRequest, requester: Requester): Promise<ExportView> {
    const job = await enqueueExport(strapi, format, request, requester);
    void wakeExports(strapi);
    return exportView(job);
  },

  async exportStatus(documentId: string): Promise<ExportView | null> {
    const job = (await exportsTable(strapi).findOne({ where: { documentId } })) as ReportExport | null;
    return job ? exportView(job) : null;
  },

  async recentExports(limit = 20): Promise<ExportView[]> {
    const jobs = (await exportsTable(strapi).findMany({ orderBy: { id: 'desc' }, limit })) as ReportExport[];
    return jobs.map((job) => exportView(job));
  },

  download: (documentId: string, token: string, now = new Date()) => findDownload(strapi, documentId, token, now),

  /** Runs due exports in this process and waits for them (the command line and tests; servers have the loop). */
  runDueExports: () => wakeExports(strapi),
});

export type ReportsService = ReturnType<typeof reportsService>;

export default reportsService;
