import syncJob from './sync-job';
import syncState from './sync-state';
import playlist from './playlist';
import quotaDay from './quota-day';
import oauthState from './oauth-state';

export default {
  'sync-job': syncJob,
  'sync-state': syncState,
  playlist,
  'quota-day': quotaDay,
  'oauth-state': oauthState,
};
