import syncJob from './sync-job';
import syncState from './sync-state';
import playlist from './playlist';
import removal from './removal';
import quotaDay from './quota-day';
import scheduledRun from './scheduled-run';
import partnerKey from './partner-key';
import partnerUsage from './partner-usage';
import cacheGeneration from './cache-generation';
import oauthState from './oauth-state';
import reportExport from './report-export';
import auditEntry from './audit-entry';
import contentReport from './content-report';
import outboxMail from './outbox-mail';
import personalLink from './personal-link';
import linkRequest from './link-request';
import uploadReservation from './upload-reservation';
import uploadLock from './upload-lock';

export default {
  'sync-job': syncJob,
  'sync-state': syncState,
  playlist,
  removal,
  'quota-day': quotaDay,
  'scheduled-run': scheduledRun,
  'partner-key': partnerKey,
  'partner-usage': partnerUsage,
  'cache-generation': cacheGeneration,
  'oauth-state': oauthState,
  'report-export': reportExport,
  'audit-entry': auditEntry,
  'content-report': contentReport,
  'outbox-mail': outboxMail,
  'personal-link': personalLink,
  'link-request': linkRequest,
  'upload-reservation': uploadReservation,
  'upload-lock': uploadLock,
};
