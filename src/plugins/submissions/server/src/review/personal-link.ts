import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { queueMail } from '../outbox/mails';
import { submissionSettings } from '../intake/settings';
import { derivedKey, withdrawalLink } from '../intake/withdrawal-token';
import { recordAudit, type Actor } from './audit';
import type { LinkSubject } from './link-access';
import { accessCodeMail, newLinkMail } from './link-mails';
import { raiseLinkVersion } from './link-version';

/**
 * What the personal link can ask for by mail, always to the e-mail address stored with the submission (never shown
 * on screen): a one-time code to see one's data, and a new link that replaces the older ones. Codes are stored only
 * as a keyed hash, expire after 15 minutes, allow five tries and count for one link version; each kind of request
 * is limited per story and hour, across all instances (the rows are the count). A story's rows older than a day
 * are deleted whenever it asks again: nothing needs them any more.
 */

export const LINK_REQUEST = 'plugin::submissions.link-request';
const STORY = 'api::story.story';

export const CODE_VALID_MINUTES = 15;
export const MAX_CODE_ATTEMPTS = 5;
export const MAX_REQUESTS_PER_HOUR = 3;
const HOUR_MS = 3600 * 1000;
const DAY_MS = 24 * HOUR_MS;

type RequestKind = 'code' | 'link';

interface CodeRow {
  id: number;
  codeHash: string;
  expiresAt: string;
  attempts: number;
  usedAt: string | null;
}

export type SendOutcome = { status: 'sent' } | { status: 'limited'; retryAfterSeconds: number } | { status: 'no_address' } | { status: 'gone' };

export type CodeCheck = 'ok' | 'wrong' | 'expired' | 'used' | 'exhausted' | 'none';

const requests = (strapi: Core.Strapi) => strapi.db.query(LINK_REQUEST);

const codeHash = (strapi: Core.Strapi, subject: LinkSubject, code: string) =>
  crypto.createHmac('sha256', derivedKey(strapi, 'access-code v1')).update(`${subject.documentId}:${subject.version}:${code}`).digest('hex');

interface Addressee {
  email: string | null;
  referenceNumber: string;
}

async function addresseeOf(strapi: Core.Strapi, documentId: string): Promise<Addressee | null> {
  const draft = (await strapi.db.query(STORY).findOne({
    where: { documentId, publishedAt: null },
    select: ['referenceNumber'],
    populate: { submitter: true },
  })) as { referenceNumber: string | null; submitter: { email?: string | null } | null } | null;
  if (!draft) return null;
  return { email: draft.submitter?.email || null, referenceNumber: draft.referenceNumber ?? documentId };
}

/** Seconds until the story may ask for this kind again, or null when it may now. */
async function secondsUntilAllowed(strapi: Core.Strapi, documentId: string, kind: RequestKind, now: Date): Promise<number | null> {
  const recent = (await requests(strapi).findMany({
    where: { storyDocumentId: documentId, kind, requestedAt: { $gt: new Date(now.getTime() - HOUR_MS).toISOString() } },
    orderBy: [{ requestedAt: 'desc' }],
    select: ['requestedAt'],
    limit: MAX_REQUESTS_PER_HOUR,
  })) as { requestedAt: string }[];
  if (recent.length < MAX_REQUESTS_PER_HOUR) return null;
  const oldestCounted = new Date(recent[recent.length - 1].requestedAt).getTime();
  return Math.max(1, Math.ceil((oldestCounted + HOUR_MS - now.getTime()) / 1000));
}

async function forgetOldRequests(strapi: Core.Strapi, documentId: string, now: Date) {
  await requests(strapi).deleteMany({ where: { storyDocumentId: documentId, requestedAt: { $lt: new Date(now.getTime() - DAY_MS).toISOString() } } });
}

/** Mails a new one-time code for this link; earlier codes stop counting (only the newest is checked). */
export async function sendAccessCode(strapi: Core.Strapi, subject: LinkSubject, now = new Date()): Promise<SendOutcome> {
  const addressee = await addresseeOf(strapi, subject.documentId);
  if (!addressee) return { status: 'gone' };
  if (!addressee.email) return { status: 'no_address' };
  const wait = await secondsUntilAllowed(strapi, subject.documentId, 'code', now);
  if (wait !== null) return { status: 'limited', retryAfterSeconds: wait };
  const code = crypto.randomInt(0, 1_000_000).toString().padStart(6, '0');
  await strapi.db.transaction(async () => {
    await forgetOldRequests(strapi, subject.documentId, now);
    await requests(strapi).create({
      data: {
        storyDocumentId: subject.documentId,
        kind: 'code',
        linkVersion: subject.version,
        codeHash: codeHash(strapi, subject, code),
        requestedAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + CODE_VALID_MINUTES * 60 * 1000).toISOString(),
        attempts: 0,
      },
    });
    const mail = accessCodeMail({ email: addressee.email as string, referenceNumber: addressee.referenceNumber, code, validMinutes: CODE_VALID_MINUTES });
    await queueMail(strapi, mail, `Einsendung ${addressee.referenceNumber}: Einmal-Code`, now);
  });
  return { status: 'sent' };
}

/**
 * Checks a code against the newest one sent for this link. Every try counts (compare-and-set on the attempts, so
 * parallel guesses cannot share one count); the right code is used up by the same kind of update.
 */
export async function checkAccessCode(strapi: Core.Strapi, subject: LinkSubject, input: unknown, now = new Date()): Promise<CodeCheck> {
  const code = typeof input === 'string' ? input.replace(/\s+/g, '') : '';
  for (let attempt = 0; attempt < 5; attempt++) {
    const row = (await requests(strapi).findOne({
      where: { storyDocumentId: subject.documentId, kind: 'code', linkVersion: subject.version },
      orderBy: [{ requestedAt: 'desc' }, { id: 'desc' }],
    })) as CodeRow | null;
    if (!row) return 'none';
    if (row.usedAt) return 'used';
    if (new Date(row.expiresAt).getTime() <= now.getTime()) return 'expired';
    if (row.attempts >= MAX_CODE_ATTEMPTS) return 'exhausted';
    const right = /^\d{6}$/.test(code) && crypto.timingSafeEqual(Buffer.from(codeHash(strapi, subject, code)), Buffer.from(row.codeHash));
    const { count } = await requests(strapi).updateMany({
      where: { id: row.id, attempts: row.attempts, usedAt: null },
      data: { attempts: row.attempts + 1, ...(right && { usedAt: now.toISOString() }) },
    });
    if (count === 1) return right ? 'ok' : 'wrong';
  }
  return 'exhausted';
}

/**
 * Issues a new personal link and mails it to the stored address: the link version rises, so every older link is
 * replaced at once. Requests through the page are limited per hour; an editor's are not. Recorded in the audit
 * trail with who asked.
 */
export async function issueNewLink(strapi: Core.Strapi, documentId: string, actor: Actor, now = new Date()): Promise<SendOutcome> {
  const addressee = await addresseeOf(strapi, documentId);
  if (!addressee) return { status: 'gone' };
  if (!addressee.email) return { status: 'no_address' };
  if (actor.actorType !== 'editor') {
    const wait = await secondsUntilAllowed(strapi, documentId, 'link', now);
    if (wait !== null) return { status: 'limited', retryAfterSeconds: wait };
  }
  await strapi.db.transaction(async () => {
    await forgetOldRequests(strapi, documentId, now);
    const version = await raiseLinkVersion(strapi, documentId, now);
    await requests(strapi).create({ data: { storyDocumentId: documentId, kind: 'link', linkVersion: version, requestedAt: now.toISOString() } });
    const subject = { documentId, referenceNumber: addressee.referenceNumber, version };
    const validUntil = new Date(now.getTime() + submissionSettings(strapi).consentLinkValidDays * DAY_MS);
    const mail = newLinkMail({ email: addressee.email as string, referenceNumber: addressee.referenceNumber, link: withdrawalLink(strapi, subject, now), validUntil });
    await queueMail(strapi, mail, `Einsendung ${addressee.referenceNumber}: neuer persönlicher Link`, now);
    await recordAudit(strapi, {
      storyDocumentId: documentId,
      referenceNumber: addressee.referenceNumber,
      action: 'personal_link_issued',
      ...actor,
      details: { version },
      at: now,
    });
  });
  return { status: 'sent' };
}

/** Why a code was refused, for the page and the JSON API alike (German and English). */
export const CODE_PROBLEMS: Record<Exclude<CodeCheck, 'ok'>, { status: 400 | 410 | 429; message: string }> = {
  wrong: { status: 400, message: 'Der Code ist falsch. Bitte prüfen Sie ihn und versuchen Sie es noch einmal. / The code is wrong. Please check it and try again.' },
  expired: { status: 410, message: 'Der Code ist abgelaufen. Bitte fordern Sie einen neuen Code an. / The code has expired. Please ask for a new code.' },
  used: { status: 410, message: 'Der Code wurde schon benutzt. Bitte fordern Sie einen neuen Code an. / The code was used already. Please ask for a new code.' },
  exhausted: {
    status: 429,
    message: 'Zu viele falsche Versuche: Dieser Code gilt nicht mehr. Bitte fordern Sie einen neuen Code an. / Too many wrong tries: this code no longer works. Please ask for a new code.',
  },
  none: { status: 410, message: 'Für diesen Link wurde noch kein gültiger Code angefordert. Bitte fordern Sie einen Code an. / No valid code was requested for this link. Please ask for a code.' },
};

export const PROOF_EXPIRED =
  'Ihre Freigabe gilt 15 Minuten und ist abgelaufen. Bitte fordern Sie einen neuen Code an. / Your access lasts 15 minutes and has ended. Please ask for a new code.';

export const NO_ADDRESS =
  'Zu Ihrer Einreichung ist keine E-Mail-Adresse mehr gespeichert. Bitte schreiben Sie der Redaktion. / No e-mail address is stored for your submission any more. Please write to the editors.';

export const tooManyRequests = (seconds: number) =>
  `Sie haben in der letzten Stunde schon ${MAX_REQUESTS_PER_HOUR} Mal angefragt. Bitte versuchen Sie es in ${Math.ceil(seconds / 60)} Minuten wieder. / ` +
  `You asked ${MAX_REQUESTS_PER_HOUR} times in the last hour. Please try again in ${Math.ceil(seconds / 60)} minutes.`;
