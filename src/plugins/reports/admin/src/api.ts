import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { ChartName, CsvStyle, CsvTable, ExportStatus, ReportFormat } from '../../../../shared/report-options';

const BASE = '/reports';

export { CSV_TABLES, type ChartName, type CsvStyle, type CsvTable, type ReportFormat } from '../../../../shared/report-options';

/** What the page sends: a period as calendar days and optional filters (empty means all). */
export interface ReportQuery {
  from: string;
  to: string;
  statisticalRegion?: string;
  district?: string;
  theme?: string;
  project?: string;
}

export interface ReportOptions {
  statisticalRegions: { key: string; name: string }[];
  districts: { key: string; name: string; statisticalRegion: string }[];
  themes: { slug: string; name: string }[];
  projects: { slug: string; name: string }[];
}

/** The part of the server's figures the preview shows. */
export interface ReportSummary {
  published: number;
  districts: { key: string | null; name: string; stories: number }[];
  submissions: {
    received: number;
    byStatus: Record<string, number>;
    medianDaysToPublication: number | null;
    /** Per partner link (`/mitmachen?quelle=…`); `source` null for submissions without one. */
    byReferralSource: { source: string | null; submissions: number }[];
  };
  youtube: { views: number; likes: number; comments: number; statsAt: string | null };
  syncFailures: { total: number };
}

export interface ExportView {
  id: string;
  status: ExportStatus;
  format: ReportFormat;
  options: Record<string, string>;
  progress: number;
  rowsDone: number;
  rowsTotal: number | null;
  fileName: string | null;
  requestedBy: string | null;
  createdAt: string;
  expiresAt: string | null;
  error: string | null;
  downloadUrl: string | null;
}

const search = (query: ReportQuery) =>
  new URLSearchParams(Object.entries(query).filter(([, value]) => Boolean(value)) as [string, string][]).toString();

/** Every call of the Berichte page, all to the plugin's report routes. */
export function useReportsApi() {
  const { get, post } = useFetchClient();
  return React.useMemo(
    () => ({
      options: () => get<{ data: ReportOptions }>(`${BASE}/options`).then((r) => r.data.data),
      summary: (query: ReportQuery) => get<{ data: ReportSummary }>(`${BASE}/summary?${search(query)}`).then((r) => r.data.data),
      chart: (name: ChartName, query: ReportQuery, width: number) =>
        get<string>(`${BASE}/charts/${name}?${search(query)}&width=${width}`, { responseType: 'text' }).then((r) => r.data),
      startExport: (format: ReportFormat, query: ReportQuery, csv?: { csvStyle: CsvStyle; table: CsvTable }) =>
        post<{ data: ExportView }>(`${BASE}/exports`, { format, ...query, ...csv }).then((r) => r.data.data),
      exports: () => get<{ data: ExportView[] }>(`${BASE}/exports`).then((r) => r.data.data),
    }),
    [get, post]
  );
}

export type ReportsApi = ReturnType<typeof useReportsApi>;

/** The link a browser can follow: the token in it is the credential, so it works as a plain download. */
export const absoluteDownloadUrl = (path: string) => `${(window as unknown as { strapi: { backendURL: string } }).strapi.backendURL}${path}`;
