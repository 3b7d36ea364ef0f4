import type { Core } from '@strapi/strapi';
import { leaseQueue } from '../dependencies';
import { EXPORT_QUEUE, MAX_ATTEMPTS, type ReportExport } from './jobs';

/**
 * Claims one export. A running export whose lease ran out (its instance died) is due again, until it has been
 * tried MAX_ATTEMPTS times; then it is failed with a message instead.
 */
export async function claimExport(strapi: Core.Strapi, now: Date, leaseMs: number, instance: string): Promise<ReportExport | null> {
  const at = now.toISOString();
  return leaseQueue(strapi).claimNext<ReportExport>(EXPORT_QUEUE, {
    now,
    leaseMs,
    giveUp: (candidate) =>
      candidate.attempts >= MAX_ATTEMPTS
        ? {
            status: 'failed',
            finishedAt: at,
            lastError: `Der Export wurde ${candidate.attempts}-mal abgebrochen (Server neu gestartet oder Speicher erschöpft) und wird nicht weiter versucht.`,
          }
        : null,
    claimData: (candidate) => ({ startedAt: at, attempts: candidate.attempts + 1, instance }),
  });
}
