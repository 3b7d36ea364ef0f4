import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import type { ReportFormat, ReportRequest } from '../filters';
import { requestToInput } from '../filters';
import { exportsTable, type ReportExport } from './jobs';

export interface Requester {
  id: number | null;
  name: string | null;
}

const sameOptions = (a: Record<string, unknown>, b: Record<string, unknown>) => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => a[k] === b[k]);
};

/**
 * Records an export for the background loop. A user who asks again for the same report while it is still being
 * made gets that export back rather than a second one (a double click, or a client retrying a request).
 */
export async function enqueueExport(strapi: Core.Strapi, format: ReportFormat, request: ReportRequest, requester: Requester): Promise<ReportExport> {
  const options = requestToInput(request);
  const pending = (await exportsTable(strapi).findMany({
    where: { format, requestedBy: requester.id, status: { $in: ['queued', 'running'] } },
    orderBy: { id: 'desc' },
    limit: 20,
  })) as ReportExport[];
  const same = pending.find((job) => sameOptions(job.options as Record<string, unknown>, options));
  if (same) return same;
  return (await exportsTable(strapi).create({
    data: {
      status: 'queued',
      format,
      options,
      progress: 0,
      rowsDone: 0,
      token: crypto.randomBytes(32).toString('base64url'),
      requestedBy: requester.id,
      requestedByName: requester.name,
      attempts: 0,
    },
  })) as ReportExport;
}
