import type { MessageKey } from '../translate';
import type { AuditEntryView, EditorialStatus, QueueRow, NoticeReason, NoticeStatus, WithdrawalScope } from '../api';

/** The translation of every value the review pages show, written out so each key is visibly in use. */

export const STATUS_KEY: Record<EditorialStatus, MessageKey> = {
  submitted: 'review.status.submitted',
  in_review: 'review.status.in_review',
  approved: 'review.status.approved',
  rejected: 'review.status.rejected',
  withdrawn: 'review.status.withdrawn',
};

/** The button for moving a story to a status (the workflow never moves back to "submitted" or to "withdrawn"). */
export const MOVE_KEY: Partial<Record<EditorialStatus, MessageKey>> = {
  in_review: 'review.move.in_review',
  approved: 'review.move.approved',
  rejected: 'review.move.rejected',
};

export const SCOPE_KEY: Record<WithdrawalScope, MessageKey> = {
  all: 'review.scope.all',
  website: 'review.scope.website',
  youtube: 'review.scope.youtube',
  social: 'review.scope.social',
};

export const SCOPE_HINT_KEY: Record<WithdrawalScope, MessageKey> = {
  all: 'review.withdraw.hint.all',
  website: 'review.withdraw.hint.website',
  youtube: 'review.withdraw.hint.youtube',
  social: 'review.withdraw.hint.social',
};

export const REASON_KEY: Record<NoticeReason, MessageKey> = {
  privacy: 'review.reason.privacy',
  consent: 'review.reason.consent',
  incorrect: 'review.reason.incorrect',
  offensive: 'review.reason.offensive',
  copyright: 'review.reason.copyright',
  other: 'review.reason.other',
};

export const NOTICE_STATUS_KEY: Record<NoticeStatus, MessageKey> = {
  open: 'review.notices.status.open',
  resolved: 'review.notices.status.resolved',
  dismissed: 'review.notices.status.dismissed',
};

export const ACTION_KEY: Record<string, MessageKey> = {
  submitted: 'review.action.submitted',
  status_changed: 'review.action.status_changed',
  consent_withdrawn: 'review.action.consent_withdrawn',
  channel_withdrawn: 'review.action.channel_withdrawn',
  data_accessed: 'review.action.data_accessed',
  personal_data_erased: 'review.action.personal_data_erased',
  content_reported: 'review.action.content_reported',
  personal_link_issued: 'review.action.personal_link_issued',
};

/** Editors are named; the others by their role (the stored actor text of a system entry is for the log). */
export const ACTOR_KEY: Record<Exclude<AuditEntryView['actorType'], 'editor'>, MessageKey> = {
  system: 'review.actor.system',
  public: 'review.actor.public',
  submitter: 'review.actor.submitter',
};

export const SOURCE_KEY: Record<QueueRow['source'], MessageKey> = {
  editor: 'review.source.editor',
  form: 'review.source.form',
  partner: 'review.source.partner',
};
