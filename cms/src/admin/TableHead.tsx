/** The header row of the admin's own tables: one small-caps cell per column. */
import * as React from 'react';
import { Th, Thead, Tr, Typography } from '@strapi/design-system';

export const TableHead = ({ headers }: { headers: readonly string[] }) => (
  <Thead>
    <Tr>
      {headers.map((h) => (
        <Th key={h}>
          <Typography variant="sigma">{h}</Typography>
        </Th>
      ))}
    </Tr>
  </Thead>
);
