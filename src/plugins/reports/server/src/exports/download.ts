import crypto from 'crypto';
import fs from 'fs';
import type { Core } from '@strapi/strapi';
import { CONTENT_TYPES } from '../render';
import { exportsTable, type ReportExport } from './jobs';

export type Download =
  | { kind: 'file'; path: string; fileName: string; contentType: string; bytes: number }
  | { kind: 'not-found' }
  | { kind: 'expired' }
  | { kind: 'not-ready'; status: string }
  | { kind: 'missing-file'; instance: string | null };

const sameToken = (given: string, stored: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(stored);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
};

/**
 * What the download link of an export leads to. The token is the link's credential (a browser cannot add the admin
 * bearer token to a plain link), so an unknown id and a wrong token look the same from outside.
 */
export async function findDownload(strapi: Core.Strapi, documentId: string, token: string, now: Date): Promise<Download> {
  const job = (await exportsTable(strapi).findOne({ where: { documentId } })) as ReportExport | null;
  if (!job || !job.token || !token || !sameToken(token, job.token)) return { kind: 'not-found' };
  if (job.status === 'expired' || (job.expiresAt && new Date(job.expiresAt) <= now)) return { kind: 'expired' };
  if (job.status !== 'done' || !job.filePath) return { kind: 'not-ready', status: job.status };
  const stat = fs.statSync(job.filePath, { throwIfNoEntry: false });
  if (!stat) return { kind: 'missing-file', instance: job.instance };
  return { kind: 'file', path: job.filePath, fileName: job.fileName ?? `bericht.${job.format}`, contentType: CONTENT_TYPES[job.format], bytes: stat.size };
}
