/** Home page widgets: a new inquiry by how it came, open cases by status, and the one-click views of the lists. */
import * as React from 'react';
import { Box, Flex, LinkButton, Typography } from '@strapi/design-system';
import { Link } from 'react-router-dom';
import { intakeView, openCasesView, shortcutViews } from './views';
import { intakeChannels, channelLabel } from './intakeChannels';
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
    {shortcutViews().map((view) => (
      <Box key={view.label}>
        <Link to={view.to}>{view.label}</Link>
      </Box>
    ))}
  </Flex>
);

/** One click from the home page into the intake, with how the inquiry came already chosen. */
export const NewInquiryWidget = () => (
  <Flex direction="column" alignItems="stretch" gap={3} data-workspace-widget="new-inquiry">
    <Flex gap={2} wrap="wrap">
      {intakeChannels.map((channel) => (
        <LinkButton key={channel} tag={Link} to={intakeView(channel)} variant="secondary" size="S">
          {channelLabel(channel)}
        </LinkButton>
      ))}
    </Flex>
    <Box>
      <Link to={intakeView('phone', true)}>Kort kontakt på telefon (vejvisning eller kort rådgivning)</Link>
    </Box>
  </Flex>
);
