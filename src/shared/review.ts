/**
 * The values and answer shapes of the review routes (server/src/review/*) that the admin's review pages read.
 * Plain types and constants only: the server validates with them, the admin bundle builds its filters and
 * buttons from them, so a new status or reason reaches both sides at once.
 */

export const EDITORIAL_STATUSES = ['submitted', 'in_review', 'approved', 'rejected', 'withdrawn'] as const;
export type EditorialStatus = (typeof EDITORIAL_STATUSES)[number];

export const WITHDRAWAL_SCOPES = ['all', 'website', 'youtube', 'social'] as const;
export type WithdrawalScope = (typeof WITHDRAWAL_SCOPES)[number];

export interface WithdrawalResult {
  scope: WithdrawalScope;
  /** False when this scope (or everything) had been withdrawn before: nothing was changed. */
  changed: boolean;
  withdrawnAt: string | null;
  /** What was done, in plain German, for the person and the editor. */
  done: string[];
}

export const NOTICE_REASONS = ['privacy', 'consent', 'incorrect', 'offensive', 'copyright', 'other'] as const;
export type NoticeReason = (typeof NOTICE_REASONS)[number];

export const NOTICE_STATUSES = ['open', 'resolved', 'dismissed'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

export interface QueueRow {
  documentId: string;
  referenceNumber: string | null;
  title: string;
  region: { slug: string; name: string } | null;
  submittedAt: string | null;
  createdAt: string;
  editorialStatus: EditorialStatus | null;
  source: 'form' | 'partner' | 'editor';
  published: boolean;
  media: { video: boolean; youtube: boolean; written: boolean };
  needsFilmingHelp: boolean;
  needsEquipment: boolean;
  consentComplete: boolean;
  openNotices: number;
}

export interface QueuePage {
  data: QueueRow[];
  meta: {
    counts: Record<EditorialStatus, number>;
    regions: { slug: string; name: string }[];
    pagination: { page: number; pageSize: number; total: number; pageCount: number };
    openNotices: number;
    /** Mails the outbox gave up on (MAIL_RETRY_HOURS): the office sends them by hand, from the log. */
    failedMails: number;
  };
}

/** One reason a story cannot be published: the field it concerns (as the admin's form names it) and the words. */
export interface Gap {
  path: string[];
  message: string;
}

/** A person shown in a story, as the consent record lists them. */
export interface ConsentPerson {
  nameOrRole?: string | null;
  minor?: boolean | null;
  aged14OrOver?: boolean | null;
  guardians?: string | null;
  guardianConsent?: boolean | null;
  ownConsent?: boolean | null;
  channelWebsite?: boolean | null;
  channelYoutube?: boolean | null;
}

export interface ContentNoticeView {
  id: number;
  storyDocumentId: string;
  storySlug: string | null;
  storyTitle: string | null;
  reason: NoticeReason;
  message: string | null;
  contact: string | null;
  status: NoticeStatus;
  resolvedBy: string | null;
  resolvedAt: string | null;
  createdAt: string;
}
