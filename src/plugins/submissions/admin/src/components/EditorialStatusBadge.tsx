import { Status, Typography, type StatusVariant } from '@strapi/design-system';
import { useT } from '../translate';
import { STATUS_KEY } from './labels';
import type { EditorialStatus } from '../api';

const VARIANT: Record<EditorialStatus, StatusVariant> = {
  submitted: 'secondary',
  in_review: 'primary',
  approved: 'success',
  rejected: 'danger',
  withdrawn: 'neutral',
};

/** A story's place in the editorial workflow, as a coloured label. */
export function EditorialStatusBadge({ status }: { status: EditorialStatus }) {
  const t = useT();
  return (
    <Status variant={VARIANT[status]} size="S" data-editorial-status={status}>
      <Typography fontWeight="bold" textColor={`${VARIANT[status]}700`} variant="omega">
        {t(STATUS_KEY[status])}
      </Typography>
    </Status>
  );
}
