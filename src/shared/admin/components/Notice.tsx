import * as React from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';

const TONES = {
  info: { background: 'primary100', border: 'primary200', text: 'primary700' },
  warning: { background: 'warning100', border: 'warning200', text: 'warning700' },
  danger: { background: 'danger100', border: 'danger200', text: 'danger700' },
} as const;

/** A message that stays while its cause does (the design system's Alert always offers to close). */
export function Notice({ tone, title, action, children }: { tone: keyof typeof TONES; title?: string; action?: React.ReactNode; children: React.ReactNode }) {
  const colours = TONES[tone];
  return (
    <Box background={colours.background} borderColor={colours.border} hasRadius padding={5} role={tone === 'danger' ? 'alert' : 'status'}>
      <Flex direction="column" alignItems="flex-start" gap={1}>
        {title && (
          <Typography fontWeight="bold" textColor={colours.text}>
            {title}
          </Typography>
        )}
        <Typography textColor="neutral800">{children}</Typography>
        {action}
      </Flex>
    </Box>
  );
}
