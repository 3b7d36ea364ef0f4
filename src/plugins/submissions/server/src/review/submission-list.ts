import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { failedMailCount } from '../outbox/mails';
import { media, site } from '../dependencies';
import { auditTrail, type StoredAuditEntry } from './audit';
import { consentGaps, publishBlockers, type Gap } from './consent-completeness';
import { listNotices, openNoticeCounts, CONTENT_NOTICE, type ContentNoticeView } from './content-notices';
import { REVIEW_FIELDS, REVIEW_POPULATE, reviewSubjectOf, type ReviewedStory } from './review-subject';
import { loadStoryRecord, type StoredConsent, type StoredContact, type StoredFile } from './story-record';
import { allowedMoves, EDITORIAL_STATUSES, isEditorialStatus, type EditorialStatus } from './transitions';
import type { QueuePage, QueueRow } from '../../../../../shared/review';

/**
 * The editors' review queue ("Einreichungen"): every story in the editorial workflow, newest first, filtered by
 * status and region, with what an editor needs to decide at a glance; and one story in detail with its consent,
 * history, content notices and what still blocks its publication.
 */

const STORY = 'api::story.story';
export const MAX_PAGE_SIZE = 100;

export interface QueueFilter {
  status?: EditorialStatus;
  region?: string;
  page: number;
  pageSize: number;
}

const positive = (value: unknown, name: string, fallback: number, max: number) => {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new errors.ValidationError(`${name} must be a whole number from 1 to ${max}`);
  return n;
};

export function parseQueueFilter(query: Record<string, unknown>): QueueFilter {
  const status = query.status === undefined || query.status === '' ? undefined : query.status;
  if (status !== undefined && !isEditorialStatus(status)) throw new errors.ValidationError(`status must be one of ${EDITORIAL_STATUSES.join(', ')}`);
  const region = typeof query.region === 'string' && query.region ? query.region : undefined;
  return { status, region, page: positive(query.page, 'page', 1, 100000), pageSize: positive(query.pageSize, 'pageSize', 25, MAX_PAGE_SIZE) };
}

type QueueStory = ReviewedStory & {
  documentId: string;
  referenceNumber: string | null;
  title: string;
  body: unknown;
  submittedAt: string | null;
  createdAt: string;
  needsFilmingHelp: boolean | null;
  needsEquipment: boolean | null;
  region: { slug: string; name: string } | null;
};

const hasText = (strapi: Core.Strapi, body: unknown) => site(strapi).blocksToText(body).trim().length > 0;

const sourceOf = (value: string | null | undefined): QueueRow['source'] => (value === 'form' || value === 'partner' ? value : 'editor');

export async function reviewQueue(strapi: Core.Strapi, filter: QueueFilter): Promise<QueuePage> {
  const regionWhere = filter.region ? { region: { slug: filter.region } } : {};
  const where = { publishedAt: null, ...regionWhere, ...(filter.status && { editorialStatus: filter.status }) };
  const [stories, total, counts, regions, openNotices, failedMails] = await Promise.all([
    strapi.documents(STORY).findMany({
      status: 'draft',
      filters: { ...regionWhere, ...(filter.status && { editorialStatus: filter.status }) } as never,
      fields: [...REVIEW_FIELDS, 'referenceNumber', 'title', 'body', 'submittedAt', 'createdAt', 'needsFilmingHelp', 'needsEquipment'] as never,
      populate: { ...REVIEW_POPULATE, region: { fields: ['slug', 'name'] } } as never,
      sort: [{ createdAt: 'desc' }, { id: 'desc' }] as never,
      start: (filter.page - 1) * filter.pageSize,
      limit: filter.pageSize,
    }) as unknown as Promise<QueueStory[]>,
    strapi.db.query(STORY).count({ where }),
    Promise.all(
      EDITORIAL_STATUSES.map(async (status) => [status, await strapi.db.query(STORY).count({ where: { publishedAt: null, ...regionWhere, editorialStatus: status } })] as const)
    ),
    strapi.documents('api::region.region').findMany({ status: 'published', fields: ['slug', 'name'], sort: 'name:asc' }) as unknown as Promise<{ slug: string; name: string }[]>,
    strapi.db.query(CONTENT_NOTICE).count({ where: { status: 'open' } }),
    failedMailCount(strapi),
  ]);
  const ids = stories.map((s) => s.documentId);
  const [publishedRows, notices] = await Promise.all([
    strapi.db.query(STORY).findMany({ where: { documentId: { $in: ids }, publishedAt: { $notNull: true } }, select: ['documentId'] }),
    openNoticeCounts(strapi, ids),
  ]);
  const published = new Set(publishedRows.map((r: { documentId: string }) => r.documentId));
  return {
    data: stories.map((story) => ({
      documentId: story.documentId,
      referenceNumber: story.referenceNumber ?? null,
      title: story.title,
      region: story.region ? { slug: story.region.slug, name: story.region.name } : null,
      submittedAt: story.submittedAt ?? null,
      createdAt: story.createdAt,
      editorialStatus: isEditorialStatus(story.editorialStatus) ? story.editorialStatus : null,
      source: sourceOf(story.submissionSource),
      published: published.has(story.documentId),
      media: { video: Boolean(story.video), youtube: Boolean(story.youtubeVideoId), written: hasText(strapi, story.body) },
      needsFilmingHelp: Boolean(story.needsFilmingHelp),
      needsEquipment: Boolean(story.needsEquipment),
      consentComplete: consentGaps(reviewSubjectOf(story)).length === 0,
      openNotices: notices.get(story.documentId) ?? 0,
    })),
    meta: {
      counts: Object.fromEntries(counts) as Record<EditorialStatus, number>,
      regions: regions.map((r) => ({ slug: r.slug, name: r.name })),
      pagination: { page: filter.page, pageSize: filter.pageSize, total, pageCount: Math.ceil(total / filter.pageSize) },
      openNotices,
      failedMails,
    },
  };
}

/** A file as the review page links it: private files by a short-lived signed link the browser can open. */
const fileViewFor = (strapi: Core.Strapi) => (file: StoredFile | null | undefined) =>
  file ? { name: file.name, url: media(strapi).signedUrl(file.url), mime: file.mime, size: file.size } : null;

type FileView = ReturnType<ReturnType<typeof fileViewFor>>;

export interface ReviewDetail {
  documentId: string;
  referenceNumber: string | null;
  title: string;
  slug: string;
  teaser: string | null;
  text: string;
  kind: string | null;
  language: string | null;
  place: string | null;
  recordedOn: string | null;
  region: { slug: string; name: string } | null;
  themes: { slug: string; name: string }[];
  project: { slug: string; name: string } | null;
  credits: { name: string; role: string | null }[];
  creditPreference: string | null;
  editorialStatus: EditorialStatus | null;
  source: QueueRow['source'];
  /** The `quelle` of the partner link the submitter came by, if any. */
  referralSource: string | null;
  submittedAt: string | null;
  createdAt: string;
  updatedAt: string;
  published: boolean;
  publishedAt: string | null;
  needsFilmingHelp: boolean;
  needsEquipment: boolean;
  internalNotes: string | null;
  submitter: StoredContact | null;
  media: {
    video: FileView;
    youtubeVideoId: string | null;
    cover: FileView;
    captions: { language: string; file: FileView }[];
  };
  consent: (Omit<StoredConsent, 'signedForm'> & { signedForm: FileView }) | null;
  blockers: Gap[];
  consentComplete: boolean;
  allowedMoves: EditorialStatus[];
  history: StoredAuditEntry[];
  notices: ContentNoticeView[];
}

export async function reviewDetail(strapi: Core.Strapi, documentId: string): Promise<ReviewDetail> {
  const record = await loadStoryRecord(strapi, documentId);
  if (!record) throw new errors.NotFoundError(`There is no story ${documentId}.`);
  const { story } = record;
  const subject = reviewSubjectOf(story);
  const status = isEditorialStatus(story.editorialStatus) ? story.editorialStatus : null;
  const fileView = fileViewFor(strapi);
  const [history, notices] = await Promise.all([auditTrail(strapi, documentId), listNotices(strapi, { storyDocumentId: documentId })]);
  return {
    documentId,
    referenceNumber: story.referenceNumber,
    title: story.title,
    slug: story.slug,
    teaser: story.teaser,
    text: site(strapi).blocksToText(story.body),
    kind: story.kind,
    language: story.language,
    place: story.place,
    recordedOn: story.recordedOn,
    region: story.region,
    themes: story.themes ?? [],
    project: story.project,
    credits: story.credits ?? [],
    creditPreference: story.creditPreference,
    editorialStatus: status,
    source: sourceOf(story.submissionSource),
    referralSource: story.referralSource ?? null,
    submittedAt: story.submittedAt,
    createdAt: story.createdAt,
    updatedAt: story.updatedAt,
    published: record.publishedAt !== null,
    publishedAt: record.publishedAt,
    needsFilmingHelp: Boolean(story.needsFilmingHelp),
    needsEquipment: Boolean(story.needsEquipment),
    internalNotes: story.internalNotes,
    submitter: story.submitter,
    media: {
      video: fileView(story.video),
      youtubeVideoId: story.youtubeVideoId,
      cover: fileView(story.cover),
      captions: (story.captions ?? []).map((c) => ({ language: c.language, file: fileView(c.file) })),
    },
    consent: story.consent ? { ...story.consent, signedForm: fileView(story.consent.signedForm) } : null,
    blockers: publishBlockers(subject),
    consentComplete: consentGaps(subject).length === 0,
    allowedMoves: status ? allowedMoves(status) : [],
    history: [...history].reverse(),
    notices,
  };
}
