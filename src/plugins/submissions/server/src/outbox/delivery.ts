import type { Core } from '@strapi/strapi';
import type { LeaseQueue } from '../../../../../shared/operations';
import { leaseQueue } from '../dependencies';
import { OUTBOX_MAIL, type OutboxMail } from './mails';

/**
 * Delivers due outbox mails. A mail is claimed from the lease queue (one instance wins each mail) and held under a
 * lease; a mail whose lease ran out (its instance died while sending) is due again. Only the lease holder records the outcome. A failed attempt is retried
 * with capped, jittered backoff until the mail's horizon (MAIL_RETRY_HOURS), then the mail is `failed` and logged in
 * full so the office can send it by hand. Once sent, recipient and content are erased at once: they are personal
 * data and nothing needs them any more; the row (what it was, when it went out) stays until outbox retention.
 */

/** Longer than nodemailer may take for one mail with the timeouts config/plugins.ts sets. */
export const LEASE_MS = 5 * 60 * 1000;
const BASE_DELAY_MS = 60 * 1000;
const MAX_DELAY_MS = 60 * 60 * 1000;

/** 1 min, 2 min, 4 min … at most 1 h, each drawn from [d/2, d] so instances that failed together spread out. */
export function retryDelayMs(attempts: number, random: () => number): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

const OUTBOX_QUEUE: LeaseQueue = {
  uid: OUTBOX_MAIL,
  heldStatus: 'sending',
  waiting: (at) => ({ status: 'pending', nextAttemptAt: { $lte: at } }),
  orderBy: [{ nextAttemptAt: 'asc' }, { id: 'asc' }],
};

const claimMail = (strapi: Core.Strapi, now: Date) =>
  leaseQueue(strapi).claimNext<OutboxMail>(OUTBOX_QUEUE, { now, leaseMs: LEASE_MS, claimData: (candidate) => ({ attempts: candidate.attempts + 1 }) });

async function markSent(strapi: Core.Strapi, mail: OutboxMail, now: Date) {
  await leaseQueue(strapi).release(OUTBOX_QUEUE, mail, { status: 'sent', finishedAt: now.toISOString(), lastError: null, to: null, replyTo: null, subject: null, text: null, html: null });
}

async function markFailedAttempt(strapi: Core.Strapi, mail: OutboxMail, error: Error, now: Date, random: () => number): Promise<'retry' | 'failed'> {
  const giveUpAt = new Date(mail.giveUpAt).getTime();
  const outcome = now.getTime() >= giveUpAt ? 'failed' : 'retry';
  const next = Math.min(now.getTime() + retryDelayMs(mail.attempts, random), giveUpAt);
  await leaseQueue(strapi).release(OUTBOX_QUEUE, mail, {
    status: outcome === 'failed' ? 'failed' : 'pending',
    nextAttemptAt: new Date(next).toISOString(),
    finishedAt: outcome === 'failed' ? now.toISOString() : null,
    lastError: error.message.slice(0, 2000),
  });
  if (outcome === 'failed') {
    strapi.log.error(
      `Outbox: "${mail.about}" to ${mail.to} could not be delivered since ${mail.queuedAt} (${mail.attempts} attempts, last: ${error.message}). ` +
        `Please send it by hand; its subject: ${mail.subject}\n${mail.text}`
    );
  } else {
    strapi.log.warn(`Outbox: "${mail.about}" not delivered yet (attempt ${mail.attempts}: ${error.message}); next attempt at ${new Date(next).toISOString()}.`);
  }
  return outcome;
}

export async function deliverMail(strapi: Core.Strapi, mail: OutboxMail, now: () => Date, random: () => number): Promise<'sent' | 'retry' | 'failed'> {
  try {
    await strapi
      .plugin('email')
      .service('email')
      .send({ to: mail.to, subject: mail.subject, text: mail.text, html: mail.html ?? undefined, ...(mail.replyTo && { replyTo: mail.replyTo }) });
  } catch (error) {
    return markFailedAttempt(strapi, mail, error as Error, now(), random);
  }
  await markSent(strapi, mail, now());
  return 'sent';
}

export interface DeliveryOptions {
  now?: () => Date;
  random?: () => number;
  /** Checked between mails: stopping the app finishes the mail under way and leaves the rest pending. */
  stopped?: () => boolean;
}

export interface DeliverySummary {
  sent: number;
  retry: number;
  failed: number;
}

/** Delivers every due mail, one at a time; safe to run on several instances at once. */
export async function deliverDueMails(strapi: Core.Strapi, options: DeliveryOptions = {}): Promise<DeliverySummary> {
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const summary: DeliverySummary = { sent: 0, retry: 0, failed: 0 };
  while (!options.stopped?.()) {
    const mail = await claimMail(strapi, now());
    if (!mail) break;
    summary[await deliverMail(strapi, mail, now, random)] += 1;
  }
  return summary;
}
