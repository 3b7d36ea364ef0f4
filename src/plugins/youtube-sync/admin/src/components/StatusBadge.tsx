import { Status, Typography, type StatusVariant } from '@strapi/design-system';
import type { DisplayStatus, JobStatus } from '../api-types';
import { useT } from '../translate';

const VARIANT: Record<DisplayStatus | JobStatus, StatusVariant> = {
  synced: 'success',
  done: 'success',
  pending: 'secondary',
  running: 'primary',
  failed: 'danger',
  waiting_for_quota: 'warning',
  needs_reconnect: 'warning',
  removed: 'neutral',
  no_video: 'neutral',
  not_synced: 'neutral',
};

/** A coloured label for a story's YouTube status or a job's status. */
export function StatusBadge({ status, size = 'S' }: { status: DisplayStatus | JobStatus; size?: 'XS' | 'S' }) {
  const t = useT();
  return (
    <Status variant={VARIANT[status]} size={size} data-status={status}>
      <Typography fontWeight="bold" textColor={`${VARIANT[status]}700`} variant="omega">
        {t(`status.${status}`)}
      </Typography>
    </Status>
  );
}
