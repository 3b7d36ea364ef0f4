import type { Core } from '@strapi/strapi';
import type { ReportFormat, ReportRequestInput } from '../filters';
import type { ExportStatus } from '../../../../../shared/report-options';
import type { LeaseQueue } from '../../../../../shared/operations';

export const EXPORT_UID = 'plugin::reports.report-export';

export interface ReportExport {
  id: number;
  documentId: string;
  status: ExportStatus;
  format: ReportFormat;
  options: ReportRequestInput;
  progress: number | null;
  rowsDone: number | null;
  rowsTotal: number | null;
  filePath: string | null;
  fileName: string | null;
  fileBytes: number | string | null;
  token: string | null;
  expiresAt: string | null;
  requestedBy: number | null;
  requestedByName: string | null;
  attempts: number;
  lockToken: string | null;
  leaseExpiresAt: string | null;
  instance: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  lastError: string | null;
  createdAt: string;
}

/** An export stopped this often (its instance died mid-way) is given up with a message instead of retried again. */
export const MAX_ATTEMPTS = 3;

export const exportsTable = (strapi: Core.Strapi) => strapi.db.query(EXPORT_UID);

/** Exports wait while queued; an instance holds one while it makes the file. */
export const EXPORT_QUEUE: LeaseQueue = {
  uid: EXPORT_UID,
  heldStatus: 'running',
  waiting: () => ({ status: 'queued' }),
  orderBy: [{ id: 'asc' }],
};
