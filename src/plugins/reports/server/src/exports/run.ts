import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { parseReportRequest } from '../filters';
import { renderReport, reportFileName, writesStoryList, type Progress } from '../render';
import type { ReportSettings } from '../settings';
import { leaseQueue } from '../dependencies';
import { EXPORT_QUEUE, type ReportExport } from './jobs';

/** How often a running export writes its progress (and so renews its lease) at most. */
const HEARTBEAT_MS = 1000;

/**
 * Makes the file of one claimed export. The file is written under a name that carries the claim's lock token and
 * is only published (renamed, recorded) by a compare-and-swap on that token, so an instance that lost its lease
 * midway can never overwrite or announce another instance's file.
 */
export async function runExport(strapi: Core.Strapi, job: ReportExport, settings: ReportSettings, now: () => Date): Promise<'done' | 'failed' | 'lost'> {
  const leases = leaseQueue(strapi);
  fs.mkdirSync(settings.exportDir, { recursive: true });
  const base = path.join(settings.exportDir, `${job.id}-${job.lockToken}.${job.format}`);
  const part = `${base}.part`;
  let lastBeat = 0;
  const heartbeat = async ({ rowsDone, rowsTotal }: Progress) => {
    const at = now().getTime();
    if (at - lastBeat < HEARTBEAT_MS) return;
    lastBeat = at;
    const progress = { rowsDone, rowsTotal, progress: rowsTotal > 0 ? Math.min(0.99, rowsDone / rowsTotal) : 0 };
    if (!(await leases.renewLease(EXPORT_QUEUE, job, new Date(at), settings.leaseMs, progress))) throw leases.leaseLost(`report export ${job.id}`);
  };

  let fileName: string;
  let rowsTotal = 0;
  try {
    const request = parseReportRequest(job.options);
    fileName = reportFileName(job.format, request);
    const output = fs.createWriteStream(part);
    try {
      const stories = await renderReport(strapi, job.format, request, output, { onProgress: heartbeat, now: now() });
      rowsTotal = writesStoryList(job.format, request) ? stories : 0;
    } finally {
      output.destroy();
    }
    fs.renameSync(part, base);
  } catch (error) {
    fs.rmSync(part, { force: true });
    if (leases.isLeaseLost(error)) return 'lost';
    const message = (error as Error).message || String(error);
    strapi.log.error(`Report export ${job.id} (${job.format}) failed: ${message}`);
    await leases.release(EXPORT_QUEUE, job, { status: 'failed', finishedAt: now().toISOString(), lastError: message.slice(0, 2000) });
    return 'failed';
  }

  const finishedAt = now();
  const published = await leases.release(EXPORT_QUEUE, job, {
    status: 'done',
    filePath: base,
    fileName,
    fileBytes: fs.statSync(base).size,
    progress: 1,
    rowsDone: rowsTotal,
    rowsTotal,
    finishedAt: finishedAt.toISOString(),
    expiresAt: new Date(finishedAt.getTime() + settings.linkTtlMs).toISOString(),
    lastError: null,
  });
  if (!published) {
    fs.rmSync(base, { force: true });
    return 'lost';
  }
  return 'done';
}
