import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { exportsTable, MAX_ATTEMPTS, type ReportExport } from './jobs';

/**
 * Claims one export by compare-and-swap on (id, status, lockToken): of several instances that read the same row,
 * exactly one UPDATE matches. A running export whose lease ran out (its instance died) is due again, until it has
 * been tried MAX_ATTEMPTS times; then it is failed with a message instead.
 */
export async function claimExport(strapi: Core.Strapi, now: Date, leaseMs: number, instance: string): Promise<ReportExport | null> {
  const at = now.toISOString();
  const candidates = (await exportsTable(strapi).findMany({
    where: { $or: [{ status: 'queued' }, { status: 'running', leaseExpiresAt: { $lt: at } }] },
    orderBy: [{ id: 'asc' }],
    limit: 10,
  })) as ReportExport[];
  for (const candidate of candidates) {
    const guard = { id: candidate.id, status: candidate.status, lockToken: candidate.lockToken };
    if (candidate.attempts >= MAX_ATTEMPTS) {
      await exportsTable(strapi).updateMany({
        where: guard,
        data: {
          status: 'failed',
          lockToken: null,
          finishedAt: at,
          lastError: `Der Export wurde ${candidate.attempts}-mal abgebrochen (Server neu gestartet oder Speicher erschöpft) und wird nicht weiter versucht.`,
        },
      });
      continue;
    }
    const lockToken = crypto.randomUUID();
    const { count } = await exportsTable(strapi).updateMany({
      where: guard,
      data: {
        status: 'running',
        lockToken,
        leaseExpiresAt: new Date(now.getTime() + leaseMs).toISOString(),
        startedAt: at,
        attempts: candidate.attempts + 1,
        instance,
      },
    });
    if (count === 1) return { ...candidate, status: 'running', lockToken, startedAt: at, attempts: candidate.attempts + 1, instance };
  }
  return null;
}
