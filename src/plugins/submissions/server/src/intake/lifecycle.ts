import fs from 'fs';
import type { Core } from '@strapi/strapi';
import type { Server } from '@tus/server';
import { background, front, media } from '../dependencies';
import { startOutbox, stopOutbox } from '../outbox/runtime';
import { submissionSettings } from './settings';
import { createTusServer } from './tus-server';
import { forgetOldReservations, releaseUploads, reserveUpload } from './upload-reservations';
import { UploadStore, type ResumableUploadStore } from './upload-store';
import { S3UploadStore } from './s3-upload-store';
import { DatabaseLocker, forgetStaleLocks } from './upload-locker';

/**
 * The submission API's moving parts of one Strapi instance: the resumable-upload server and its store (a folder,
 * or the private bucket with STORAGE_DRIVER=s3), the hourly sweep of expired uploads (idempotent, so every instance
 * may run it on the shared store; it gives their bytes back to the upload budget), and the outbox worker.
 */

const SWEEP_EVERY_MS = 3600 * 1000;

export interface SubmissionRuntime {
  store: ResumableUploadStore;
  tus: Server;
  sweep: { stop(): Promise<void> };
}

const runtimes = new WeakMap<Core.Strapi, SubmissionRuntime>();

export async function sweepExpiredUploads(strapi: Core.Strapi, store: ResumableUploadStore, now = new Date()) {
  const removed = await store.removeExpired(now);
  await releaseUploads(strapi, removed, now);
  await forgetOldReservations(strapi, now);
  await forgetStaleLocks(strapi, now);
  if (removed.length) strapi.log.info(`Submissions: removed ${removed.length} expired or abandoned upload(s) from ${store.description}.`);
  return removed.length;
}

/** Created here rather than by the file store, whose own attempt would crash the process on a permission problem. */
function ensureUploadDir(directory: string) {
  try {
    fs.mkdirSync(directory, { recursive: true });
  } catch (error) {
    throw new Error(`UPLOAD_TMP_DIR: the folder for video uploads (${directory}) cannot be created: ${(error as Error).message}`);
  }
}

export async function startSubmissions(strapi: Core.Strapi) {
  if (runtimes.has(strapi)) return;
  const settings = submissionSettings(strapi);
  ensureUploadDir(settings.uploadDir);
  const bucket = media(strapi).privateBucket();
  const store = bucket ? new S3UploadStore(bucket, settings.uploadDir) : new UploadStore(settings.uploadDir);
  const tus = createTusServer({
    store,
    locker: new DatabaseLocker(strapi),
    maxVideoBytes: settings.maxVideoBytes,
    videoFormats: settings.videoFormats,
    corsOrigins: front(strapi).corsOrigins(),
    budget: {
      reserve: (reservation) => reserveUpload(strapi, reservation),
      release: (uploadIds) =>
        releaseUploads(strapi, uploadIds).catch((error: Error) => {
          strapi.log.warn(`Submissions: upload(s) ${uploadIds.join(', ')} count against the upload budget until they expire: ${error.message}`);
        }),
    },
  });
  await sweepExpiredUploads(strapi, store);
  const sweep = background(strapi).startRepeatingTask('Submissions: sweeping expired uploads', SWEEP_EVERY_MS, () => sweepExpiredUploads(strapi, store));
  runtimes.set(strapi, { store, tus, sweep });
  startOutbox(strapi);
  if (settings.mailDelivery === 'log') {
    strapi.log.warn('E-mail: SMTP_HOST is not set, so mails are written to the log (info level) instead of being sent.');
  }
  if (!settings.officeEmail) strapi.log.warn('Submissions: OFFICE_EMAIL is not set; the notice of each new submission goes to the log.');
}

export async function stopSubmissions(strapi: Core.Strapi) {
  const runtime = runtimes.get(strapi);
  if (!runtime) return;
  runtimes.delete(strapi);
  await runtime.sweep.stop();
  await stopOutbox(strapi);
}

export function submissionRuntime(strapi: Core.Strapi): SubmissionRuntime {
  const runtime = runtimes.get(strapi);
  if (!runtime) throw new Error('The submission API is not started (the plugin bootstrap has not run or it was stopped).');
  return runtime;
}
