import * as React from 'react';
import { Box, Flex, TextButton, Typography } from '@strapi/design-system';
import type { JobError } from '../api-types';
import { useT } from '../translate';

/** The reason in plain words; the technical message only on request, for passing on to the technical contact. */
export function FailureReason({ error }: { error: JobError }) {
  const t = useT();
  const [open, setOpen] = React.useState(false);
  return (
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <Typography variant="omega" textColor="neutral800">
        {t(`reason.${error.reason}`)}
      </Typography>
      <TextButton onClick={() => setOpen((o) => !o)} aria-expanded={open}>
        {t(open ? 'common.details.hide' : 'common.details.show')}
      </TextButton>
      {open && (
        <Box background="neutral100" padding={2} hasRadius maxWidth="60rem">
          <Typography variant="pi" textColor="neutral700" style={{ wordBreak: 'break-word', fontFamily: 'monospace' }}>
            {error.detail}
          </Typography>
        </Box>
      )}
    </Flex>
  );
}
