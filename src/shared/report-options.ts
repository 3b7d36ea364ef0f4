/**
 * The choices of a report request: the server validates requests against these lists (server/src/reports/filters.ts)
 * and the admin's Berichte page offers exactly them.
 */

export const FORMATS = ['xlsx', 'csv', 'pdf'] as const;
export type ReportFormat = (typeof FORMATS)[number];

export const CSV_STYLES = ['excel', 'rfc4180'] as const;
export type CsvStyle = (typeof CSV_STYLES)[number];

/** The tables a CSV can hold (one table per file); `stories` is the list of every story with its links. */
export const CSV_TABLES = [
  'stories',
  'overview',
  'districts',
  'statisticalRegions',
  'themes',
  'projects',
  'months',
  'submissions',
  'referralSources',
  'topStories',
  'syncFailures',
] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

export const STATISTICAL_REGIONS = ['braunschweig', 'hannover', 'lueneburg', 'weser_ems'] as const;
export type StatisticalRegion = (typeof STATISTICAL_REGIONS)[number];

export const CHARTS = ['map', 'districts', 'themes', 'months'] as const;
export type ChartName = (typeof CHARTS)[number];

/** The states of a background export, as the server stores them and the admin's list shows them. */
export type ExportStatus = 'queued' | 'running' | 'done' | 'failed' | 'expired';
