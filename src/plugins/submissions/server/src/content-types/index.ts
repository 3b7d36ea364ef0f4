import contentNotice from './content-notice';
import outboxMail from './outbox-mail';
import personalLink from './personal-link';
import linkRequest from './link-request';
import uploadReservation from './upload-reservation';
import uploadLock from './upload-lock';
import auditEntry from './audit-entry';

export default {
  'content-notice': contentNotice,
  'outbox-mail': outboxMail,
  'personal-link': personalLink,
  'link-request': linkRequest,
  'upload-reservation': uploadReservation,
  'upload-lock': uploadLock,
  'audit-entry': auditEntry,
};
