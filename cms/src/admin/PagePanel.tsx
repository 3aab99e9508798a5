/** One of an admin page's white panels, under its heading (the intake's sections, the second factor's settings). */
import * as React from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';

export const PagePanel = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography tag="h2" variant="delta">
        {title}
      </Typography>
      {children}
    </Flex>
  </Box>
);
