import scheduledRun from './scheduled-run';

export default { 'scheduled-run': scheduledRun };
