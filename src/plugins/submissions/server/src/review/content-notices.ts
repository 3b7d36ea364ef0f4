import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { visibility } from '../dependencies';
import { PUBLIC_VISITOR } from './actor';
import { recordAudit, type Actor } from './audit';
import { adminStoryUrl, notifyOffice } from './office-notice';
import { CONTENT_NOTICE_LIMITS } from '../../../../../shared/submission-form';
import { NOTICE_REASONS, type ContentNoticeView, type NoticeReason, type NoticeStatus } from '../../../../../shared/review';

export { NOTICE_REASONS, type ContentNoticeView };

/**
 * "Inhalt melden": anyone can flag a published story (a reason, an optional message and contact). Such a content
 * notice ("Meldung") lands in the editors' queue ("Gemeldete Inhalte"), the office gets an e-mail, and the story's
 * audit trail records it. It is stored in the table content_reports and audited as `content_reported`.
 */

const STORY = 'api::story.story';
export const CONTENT_NOTICE = 'plugin::submissions.content-notice';

export const REASON_LABELS: Record<NoticeReason, { de: string; en: string }> = {
  privacy: { de: 'Persönliche Daten oder Privatsphäre verletzt', en: 'Personal data or privacy' },
  consent: { de: 'Eine gezeigte Person ist nicht einverstanden', en: 'Someone shown did not agree' },
  incorrect: { de: 'Falsche Angaben', en: 'Incorrect information' },
  offensive: { de: 'Beleidigend, diskriminierend oder verletzend', en: 'Offensive or discriminating' },
  copyright: { de: 'Urheberrecht (Musik, Bilder, Video)', en: 'Copyright (music, images, video)' },
  other: { de: 'Etwas anderes', en: 'Something else' },
};

export const { message: MAX_MESSAGE, contact: MAX_CONTACT } = CONTENT_NOTICE_LIMITS;

export interface NoticeInput {
  reason: NoticeReason;
  message: string | null;
  contact: string | null;
}

const fieldError = (field: string, message: string): never => {
  throw new errors.ValidationError(message, { errors: [{ path: [field], message, name: 'ValidationError' }] });
};

const optionalText = (value: unknown, field: string, max: number): string | null => {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') return fieldError(field, `${field} must be text`);
  const text = value.trim();
  if (text.length > max) return fieldError(field, `${field} must be at most ${max} characters (got ${text.length})`);
  return text || null;
};

/** Validates a content notice from the API or the form; a 400 names the field. */
export function parseNotice(input: Record<string, unknown>): NoticeInput {
  const reason = input.reason;
  if (!NOTICE_REASONS.includes(reason as NoticeReason)) fieldError('reason', `reason must be one of ${NOTICE_REASONS.join(', ')}`);
  return {
    reason: reason as NoticeReason,
    message: optionalText(input.message, 'message', MAX_MESSAGE),
    contact: optionalText(input.contact, 'contact', MAX_CONTACT),
  };
}

export interface NoticeableStory {
  documentId: string;
  slug: string;
  title: string;
  referenceNumber: string | null;
}

/** The published story the public sees under this slug; NotFoundError otherwise (drafts, withdrawn, unknown). */
export async function noticeableStory(strapi: Core.Strapi, slug: string): Promise<NoticeableStory> {
  const story = (await strapi.db.query(STORY).findOne({
    where: { slug, publishedAt: { $notNull: true } },
    select: ['documentId', 'slug', 'title', 'referenceNumber'],
  })) as NoticeableStory | null;
  if (!story || !(await visibility(strapi).isVisible(story.documentId))) {
    throw new errors.NotFoundError(`No published story has the slug "${slug}".`);
  }
  return story;
}

export async function createNotice(strapi: Core.Strapi, story: NoticeableStory, input: NoticeInput, now = new Date()) {
  const notice = await strapi.db.query(CONTENT_NOTICE).create({
    data: { storyDocumentId: story.documentId, storySlug: story.slug, storyTitle: story.title, ...input, status: 'open' },
  });
  await recordAudit(strapi, {
    storyDocumentId: story.documentId,
    referenceNumber: story.referenceNumber,
    action: 'content_reported',
    ...PUBLIC_VISITOR,
    details: { reportId: notice.id, reason: input.reason },
    at: now,
  });
  await notifyOffice(strapi, {
    about: `Meldung ${notice.id} zu Geschichte ${story.documentId}`,
    subject: `Inhalt gemeldet: ${story.title}`,
    text: [
      `Zur Geschichte „${story.title}“ ist eine Meldung eingegangen.`,
      `Grund: ${REASON_LABELS[input.reason].de}`,
      `Nachricht: ${input.message ?? '(keine)'}`,
      `Kontakt: ${input.contact ?? '(keiner angegeben)'}`,
      '',
      'Bitte im Admin unter „Einreichungen“ → „Gemeldete Inhalte“ prüfen und erledigen.',
      `Geschichte im Admin: ${adminStoryUrl(strapi, story.documentId)}`,
    ].join('\n'),
  });
  return notice as ContentNoticeView;
}

/** Open notices first, then the newest; all of them or those of one status or story. */
export async function listNotices(strapi: Core.Strapi, filter: { status?: NoticeStatus; storyDocumentId?: string } = {}): Promise<ContentNoticeView[]> {
  const rows = (await strapi.db.query(CONTENT_NOTICE).findMany({
    where: { ...(filter.status && { status: filter.status }), ...(filter.storyDocumentId && { storyDocumentId: filter.storyDocumentId }) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    limit: 500,
  })) as ContentNoticeView[];
  return [...rows.filter((r) => r.status === 'open'), ...rows.filter((r) => r.status !== 'open')];
}

export async function openNoticeCounts(strapi: Core.Strapi, documentIds: string[]): Promise<Map<string, number>> {
  if (!documentIds.length) return new Map();
  const rows = (await strapi.db.query(CONTENT_NOTICE).findMany({
    where: { storyDocumentId: { $in: documentIds }, status: 'open' },
    select: ['storyDocumentId'],
  })) as { storyDocumentId: string }[];
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.storyDocumentId, (counts.get(row.storyDocumentId) ?? 0) + 1);
  return counts;
}

/** Closes a content notice as resolved (acted upon) or dismissed (nothing to do). */
export async function closeNotice(strapi: Core.Strapi, id: number, status: unknown, actor: Actor, now = new Date()): Promise<ContentNoticeView> {
  if (status !== 'resolved' && status !== 'dismissed' && status !== 'open') fieldError('status', 'status must be resolved, dismissed or open');
  const existing = await strapi.db.query(CONTENT_NOTICE).findOne({ where: { id } });
  if (!existing) throw new errors.NotFoundError(`There is no content notice ${id}.`);
  const reopened = status === 'open';
  return (await strapi.db.query(CONTENT_NOTICE).update({
    where: { id },
    data: { status, resolvedBy: reopened ? null : actor.actor, resolvedAt: reopened ? null : now.toISOString() },
  })) as ContentNoticeView;
}
