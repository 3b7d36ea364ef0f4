import * as React from 'react';
import { Th, Thead, Tr, Typography } from '@strapi/design-system';

/** A table's header row as every table of the admin pages shows it: one small-caps label per column, then `children`. */
export function TableHead({ labels, children }: { labels: string[]; children?: React.ReactNode }) {
  return (
    <Thead>
      <Tr>
        {labels.map((label) => (
          <Th key={label}>
            <Typography variant="sigma">{label}</Typography>
          </Th>
        ))}
        {children}
      </Tr>
    </Thead>
  );
}
