import syncJob from './sync-job';
import syncState from './sync-state';
import playlist from './playlist';
import removal from './removal';
import quotaDay from './quota-day';
import scheduledRun from './scheduled-run';

export default {
  'sync-job': syncJob,
  'sync-state': syncState,
  playlist,
  removal,
  'quota-day': quotaDay,
  'scheduled-run': scheduledRun,
};
