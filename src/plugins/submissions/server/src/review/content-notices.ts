import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { visibility } from '../dependencies';
import { PUBLIC_VISITOR } from './actor';
import { recordAudit, type Actor } from './audit';
import { adminStoryUrl, notifyOffice } from './office-notice';
import { CONTENT_NOTICE_LIMITS } from '../../../../../shared/submission-form';
import { REPORT_REASONS, type ContentReportView, type ReportReason, type ReportStatus } from '../../../../../shared/review';

export { REPORT_REASONS, type ContentReportView };

/**
 * "Inhalt melden": anyone can report a published story (a reason, an optional message and contact). A report lands
 * in the editors' queue ("Gemeldete Inhalte"), the office gets a notice, and the story's audit trail records it.
 */

const STORY = 'api::story.story';
export const CONTENT_REPORT = 'plugin::submissions.content-notice';

export const REASON_LABELS: Record<ReportReason, { de: string; en: string }> = {
  privacy: { de: 'Persönliche Daten oder Privatsphäre verletzt', en: 'Personal data or privacy' },
  consent: { de: 'Eine gezeigte Person ist nicht einverstanden', en: 'Someone shown did not agree' },
  incorrect: { de: 'Falsche Angaben', en: 'Incorrect information' },
  offensive: { de: 'Beleidigend, diskriminierend oder verletzend', en: 'Offensive or discriminating' },
  copyright: { de: 'Urheberrecht (Musik, Bilder, Video)', en: 'Copyright (music, images, video)' },
  other: { de: 'Etwas anderes', en: 'Something else' },
};

export const { message: MAX_MESSAGE, contact: MAX_CONTACT } = CONTENT_NOTICE_LIMITS;

export interface ReportInput {
  reason: ReportReason;
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

/** Validates a report from the API or the form; a 400 names the field. */
export function parseReport(input: Record<string, unknown>): ReportInput {
  const reason = input.reason;
  if (!REPORT_REASONS.includes(reason as ReportReason)) fieldError('reason', `reason must be one of ${REPORT_REASONS.join(', ')}`);
  return {
    reason: reason as ReportReason,
    message: optionalText(input.message, 'message', MAX_MESSAGE),
    contact: optionalText(input.contact, 'contact', MAX_CONTACT),
  };
}

export interface ReportableStory {
  documentId: string;
  slug: string;
  title: string;
  referenceNumber: string | null;
}

/** The published story the public sees under this slug; NotFoundError otherwise (drafts, withdrawn, unknown). */
export async function reportableStory(strapi: Core.Strapi, slug: string): Promise<ReportableStory> {
  const story = (await strapi.db.query(STORY).findOne({
    where: { slug, publishedAt: { $notNull: true } },
    select: ['documentId', 'slug', 'title', 'referenceNumber'],
  })) as ReportableStory | null;
  if (!story || !(await visibility(strapi).isVisible(story.documentId))) {
    throw new errors.NotFoundError(`No published story has the slug "${slug}".`);
  }
  return story;
}

export async function createReport(strapi: Core.Strapi, story: ReportableStory, input: ReportInput, now = new Date()) {
  const report = await strapi.db.query(CONTENT_REPORT).create({
    data: { storyDocumentId: story.documentId, storySlug: story.slug, storyTitle: story.title, ...input, status: 'open' },
  });
  await recordAudit(strapi, {
    storyDocumentId: story.documentId,
    referenceNumber: story.referenceNumber,
    action: 'content_reported',
    ...PUBLIC_VISITOR,
    details: { reportId: report.id, reason: input.reason },
    at: now,
  });
  await notifyOffice(strapi, {
    about: `Meldung ${report.id} zu Geschichte ${story.documentId}`,
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
  return report as ContentReportView;
}

/** Open reports first, then the newest; all of them or those of one status or story. */
export async function listReports(strapi: Core.Strapi, filter: { status?: ReportStatus; storyDocumentId?: string } = {}): Promise<ContentReportView[]> {
  const rows = (await strapi.db.query(CONTENT_REPORT).findMany({
    where: { ...(filter.status && { status: filter.status }), ...(filter.storyDocumentId && { storyDocumentId: filter.storyDocumentId }) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    limit: 500,
  })) as ContentReportView[];
  return [...rows.filter((r) => r.status === 'open'), ...rows.filter((r) => r.status !== 'open')];
}

export async function openReportCounts(strapi: Core.Strapi, documentIds: string[]): Promise<Map<string, number>> {
  if (!documentIds.length) return new Map();
  const rows = (await strapi.db.query(CONTENT_REPORT).findMany({
    where: { storyDocumentId: { $in: documentIds }, status: 'open' },
    select: ['storyDocumentId'],
  })) as { storyDocumentId: string }[];
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.storyDocumentId, (counts.get(row.storyDocumentId) ?? 0) + 1);
  return counts;
}

/** Closes a report as resolved (acted upon) or dismissed (nothing to do). */
export async function closeReport(strapi: Core.Strapi, id: number, status: unknown, actor: Actor, now = new Date()): Promise<ContentReportView> {
  if (status !== 'resolved' && status !== 'dismissed' && status !== 'open') fieldError('status', 'status must be resolved, dismissed or open');
  const existing = await strapi.db.query(CONTENT_REPORT).findOne({ where: { id } });
  if (!existing) throw new errors.NotFoundError(`There is no content report ${id}.`);
  const reopened = status === 'open';
  return (await strapi.db.query(CONTENT_REPORT).update({
    where: { id },
    data: { status, resolvedBy: reopened ? null : actor.actor, resolvedAt: reopened ? null : now.toISOString() },
  })) as ContentReportView;
}
