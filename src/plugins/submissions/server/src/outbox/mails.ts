import type { Core } from '@strapi/strapi';
import { htmlOf, type Mail } from '../intake/mail';
import { site } from '../dependencies';
import { submissionSettings } from '../intake/settings';
import { wakeOutbox } from './wake';

/**
 * The durable outbox: every mail the app sends (confirmations, office notices, one-time codes, new personal links)
 * is first written here as a row, then delivered by whichever instance claims it (delivery.ts). Written inside the
 * caller's transaction, a mail exists exactly when what it reports was committed; a mail that cannot be delivered
 * now is retried until its horizon, and stopping the app leaves it pending for the next instance.
 */

export const OUTBOX_MAIL = 'plugin::submissions.outbox-mail';

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

export interface OutboxMail {
  id: number;
  /** What the mail is, without personal data (it stays after the content is erased): "ZM-2026-…: Bestätigung". */
  about: string;
  to: string | null;
  replyTo: string | null;
  subject: string | null;
  text: string | null;
  html: string | null;
  status: OutboxStatus;
  attempts: number;
  queuedAt: string;
  nextAttemptAt: string;
  giveUpAt: string;
  finishedAt: string | null;
  lastError: string | null;
  lockToken: string | null;
  leaseExpiresAt: string | null;
}

export const outboxMails = (strapi: Core.Strapi) => strapi.db.query(OUTBOX_MAIL);

const HOUR_MS = 3600 * 1000;

/**
 * Queues a mail; inside the caller's transaction it exists only if that commits. Delivery starts on this instance
 * right after the commit (a worker woken earlier would not see the row yet).
 */
export async function queueMail(strapi: Core.Strapi, mail: Mail, about: string, now = new Date()): Promise<void> {
  const horizonMs = submissionSettings(strapi).mailRetryHours * HOUR_MS;
  await strapi.db.transaction(async ({ onCommit }) => {
    onCommit(() => wakeOutbox(strapi));
    await outboxMails(strapi).create({
    data: {
      about: about.slice(0, 250),
      to: mail.to,
      replyTo: mail.replyTo ?? null,
      subject: mail.subject,
      text: mail.text,
      html: mail.html ?? htmlOf(mail.text, site(strapi).escapeHtml),
      status: 'pending',
      attempts: 0,
      queuedAt: now.toISOString(),
      nextAttemptAt: now.toISOString(),
        giveUpAt: new Date(now.getTime() + horizonMs).toISOString(),
      },
    });
  });
}

/** Mails the office has to send by hand: given up after the retry horizon. */
export const failedMailCount = (strapi: Core.Strapi) => outboxMails(strapi).count({ where: { status: 'failed' } });
