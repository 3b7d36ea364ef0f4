import * as React from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';

/** A white panel with a heading, the building block of the admin pages. */
export function Card({ title, action, children, ...rest }: { title: string; action?: React.ReactNode; children: React.ReactNode; 'data-testid'?: string }) {
  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" paddingTop={6} paddingBottom={6} paddingLeft={7} paddingRight={7} {...rest}>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Flex justifyContent="space-between" alignItems="center" gap={4} wrap="wrap">
          <Typography variant="delta" tag="h2">
            {title}
          </Typography>
          {action}
        </Flex>
        {children}
      </Flex>
    </Box>
  );
}
