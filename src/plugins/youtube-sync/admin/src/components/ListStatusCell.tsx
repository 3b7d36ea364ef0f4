import * as React from 'react';
import { Typography } from '@strapi/design-system';
import type { DisplayStatus } from '../api-types';
import { badgeLoader } from './badge-loader';
import { StatusBadge } from './StatusBadge';

/** The YouTube badge of one story in the content manager's list. */
export function ListStatusCell({ documentId }: { documentId: string }) {
  const [status, setStatus] = React.useState<DisplayStatus | null | undefined>();
  React.useEffect(() => {
    let current = true;
    badgeLoader.load(documentId, (loaded) => {
      if (current) setStatus(loaded);
    });
    return () => {
      current = false;
    };
  }, [documentId]);
  if (!status) return <Typography textColor="neutral500">–</Typography>;
  return <StatusBadge status={status} size="XS" />;
}
