import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type {
  ConsentPerson,
  ContentNoticeView,
  EditorialStatus,
  Gap,
  QueuePage,
  QueueRow,
  NoticeStatus,
  WithdrawalResult,
  WithdrawalScope,
} from '../../../../shared/review';

/** The review routes' shapes and values come from the code the server uses (shared/review.ts). */
export {
  EDITORIAL_STATUSES,
  WITHDRAWAL_SCOPES,
  type ContentNoticeView,
  type EditorialStatus,
  type Gap,
  type QueuePage,
  type QueueRow,
  type NoticeReason,
  type NoticeStatus,
  type WithdrawalScope,
} from '../../../../shared/review';

const BASE = '/submissions/review';

export interface QueueQuery {
  status?: EditorialStatus;
  region?: string;
  page: number;
}

export interface FileView {
  name: string;
  url: string;
  mime: string | null;
  size: number | null;
}

/** A person as the detail answer carries them: the stored component always has a name, and holds the social-media consent too. */
interface ConsentPersonView extends ConsentPerson {
  nameOrRole: string;
  channelSocial?: boolean | null;
}

export interface ConsentView {
  consentedBy?: string | null;
  consentedAt?: string | null;
  textVersion?: string | null;
  signedForm: FileView | null;
  minorsShown?: boolean | null;
  guardianConsent?: boolean | null;
  people?: ConsentPersonView[] | null;
  peopleAgreed?: boolean | null;
  rightsConfirmed?: boolean | null;
  termsAccepted?: boolean | null;
  privacyAccepted?: boolean | null;
  withdrawnAt?: string | null;
  websiteWithdrawnAt?: string | null;
  youtubeWithdrawnAt?: string | null;
  socialWithdrawnAt?: string | null;
  withdrawalNote?: string | null;
}

export interface AuditEntryView {
  id: number;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  actor: string;
  actorType: 'editor' | 'submitter' | 'public' | 'system';
  details: Record<string, unknown> | null;
  at: string;
}

export interface ReviewDetail {
  documentId: string;
  referenceNumber: string | null;
  title: string;
  slug: string;
  teaser: string | null;
  text: string;
  place: string | null;
  region: { slug: string; name: string } | null;
  themes: { slug: string; name: string }[];
  credits: { name: string; role: string | null }[];
  creditPreference: string | null;
  editorialStatus: EditorialStatus | null;
  source: QueueRow['source'];
  referralSource: string | null;
  submittedAt: string | null;
  createdAt: string;
  published: boolean;
  publishedAt: string | null;
  needsFilmingHelp: boolean;
  needsEquipment: boolean;
  internalNotes: string | null;
  submitter: { name?: string | null; email?: string | null; phone?: string | null; organisation?: string | null } | null;
  media: { video: FileView | null; youtubeVideoId: string | null; cover: FileView | null; captions: { language: string; file: FileView | null }[] };
  consent: ConsentView | null;
  blockers: Gap[];
  consentComplete: boolean;
  allowedMoves: EditorialStatus[];
  history: AuditEntryView[];
  notices: ContentNoticeView[];
}

const search = (query: QueueQuery) =>
  new URLSearchParams(
    Object.entries({ status: query.status, region: query.region, page: String(query.page) }).filter(([, v]) => Boolean(v)) as [string, string][]
  ).toString();

/** Every call of the review pages, all to the plugin's review routes (server/src/review/routes.ts). */
export function useReviewApi() {
  const { get, post, put } = useFetchClient();
  return React.useMemo(
    () => ({
      queue: (query: QueueQuery) => get<QueuePage>(`${BASE}/submissions?${search(query)}`).then((r) => r.data),
      detail: (documentId: string) => get<{ data: ReviewDetail }>(`${BASE}/submissions/${documentId}`).then((r) => r.data.data),
      move: (documentId: string, to: EditorialStatus, note: string) =>
        post<{ data: ReviewDetail }>(`${BASE}/submissions/${documentId}/status`, { to, note: note || undefined }).then((r) => r.data.data),
      withdraw: (documentId: string, scope: WithdrawalScope, note: string) =>
        post<{ data: ReviewDetail; meta: { withdrawal: WithdrawalResult } }>(`${BASE}/submissions/${documentId}/withdraw`, { scope, note: note || undefined }).then(
          (r) => r.data
        ),
      newPersonalLink: (documentId: string) => post<{ data: { sent: true } }>(`${BASE}/submissions/${documentId}/personal-link`, {}).then((r) => r.data.data),
      notices: () => get<{ data: ContentNoticeView[] }>(`${BASE}/notices`).then((r) => r.data.data),
      closeNotice: (id: number, status: NoticeStatus) => put<{ data: ContentNoticeView }>(`${BASE}/notices/${id}`, { status }).then((r) => r.data.data),
    }),
    [get, post, put]
  );
}

export type ReviewApi = ReturnType<typeof useReviewApi>;
