import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import type { ReportSettings } from '../settings';
import { exportsTable, type ReportExport } from './jobs';

/** Unfinished files of exports whose instance died are removed once they are this old. */
const ORPHAN_PART_MS = 24 * 3600 * 1000;

/**
 * Deletes the files of exports whose download link has expired and marks them expired (the row stays as a record
 * of who exported what). Several instances may sweep at once: the file removal is idempotent and the status
 * change is guarded by the old status.
 */
export async function expireExports(strapi: Core.Strapi, settings: ReportSettings, now: Date): Promise<number> {
  const due = (await exportsTable(strapi).findMany({
    where: { status: 'done', expiresAt: { $lt: now.toISOString() } },
    select: ['id', 'filePath'],
    limit: 100,
  })) as Pick<ReportExport, 'id' | 'filePath'>[];
  let expired = 0;
  for (const job of due) {
    if (job.filePath) fs.rmSync(job.filePath, { force: true });
    const { count } = await exportsTable(strapi).updateMany({ where: { id: job.id, status: 'done' }, data: { status: 'expired', filePath: null } });
    expired += count;
  }
  removeOrphanParts(settings.exportDir, now);
  return expired;
}

function removeOrphanParts(dir: string, now: Date) {
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir)) {
    if (!name.endsWith('.part')) continue;
    const file = path.join(dir, name);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat && now.getTime() - stat.mtimeMs > ORPHAN_PART_MS) fs.rmSync(file, { force: true });
  }
}
