/** Home page widgets: open cases by status, and the one-click views of the lists. */
import * as React from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';
import { Link } from 'react-router-dom';
import { awaitingStatementView, openCasesView, overdueStatementsView } from './views';
import { useAdminGet } from '../useAdminGet';

export const OpenCasesWidget = () => {
  const { body, error } = useAdminGet<{ data: { status: string; label: string; count: number }[] }>('/workspace/open-cases', 'Sagerne kunne ikke hentes.');
  const rows = body?.data;
  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!rows) return <Typography textColor="neutral600">Henter …</Typography>;
  if (rows.length === 0) return <Typography>Ingen åbne sager.</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={1} data-workspace-widget="open-cases">
      {rows.map((row) => (
        <Flex key={row.status} justifyContent="space-between">
          <Link to={openCasesView(row.status)}>{row.label}</Link>
          <Typography fontWeight="bold">{row.count}</Typography>
        </Flex>
      ))}
    </Flex>
  );
};

export const ShortcutsWidget = () => (
  <Flex direction="column" alignItems="stretch" gap={2} data-workspace-widget="shortcuts">
    <Box>
      <Link to={openCasesView()}>Åbne sager</Link>
    </Box>
    <Box>
      <Link to={awaitingStatementView()}>Sager, der afventer en redegørelse</Link>
    </Box>
    <Box>
      {/* "Overdue" is measured against the time the home page was opened. */}
      <Link to={overdueStatementsView()}>Overskredne redegørelser (aftalte frister tæller)</Link>
    </Box>
  </Flex>
);
