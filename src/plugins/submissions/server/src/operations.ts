import type { Core } from '@strapi/strapi';
import { metrics, readiness } from './dependencies';
import { submissionSettings } from './intake/settings';
import { pendingUploadBytes } from './intake/upload-reservations';
import { OUTBOX_MAIL } from './outbox/mails';

/** What the submissions add to the instance's readiness answer and metrics (the operations plugin serves both). */
export function registerWithOperations(strapi: Core.Strapi) {
  readiness(strapi).registerWritableDirectory(() => submissionSettings(strapi).uploadDir);
  metrics(strapi).statusGauge('zm_outbox_mails', 'Mails in the outbox, by status', OUTBOX_MAIL);
  metrics(strapi).gauge(
    'zm_upload_pending_bytes',
    'Bytes of resumable uploads started and not yet taken by a submission, cancelled or expired (all instances)',
    [],
    async () => [{ value: await pendingUploadBytes(strapi) }]
  );
}
