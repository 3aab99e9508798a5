/** Homepage widget: statements past their deadline, deadlines of the coming week, ongoing-status alerts. */
import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { useAdminGet } from '../useAdminGet';
import { Box, Button, Flex, Loader, Typography } from '@strapi/design-system';
import { danishDate } from '@borgerraadgiver/config/src/dates';
import { formatNumber, type DeadlineItem, type Overview } from './types';

// Each item opens its case (the case page shows the request, its deadline and the next steps).
const caseLink = (item: DeadlineItem) =>
  item.complaintDocumentId
    ? `/admin/content-manager/collection-types/api::complaint.complaint/${item.complaintDocumentId}`
    : `/admin/content-manager/collection-types/api::statement-request.statement-request/${item.documentId}`;

const Item = ({ item, overdue }: { item: DeadlineItem; overdue: boolean }) => (
  <Box paddingBottom={2}>
    <a href={caseLink(item)} style={{ textDecoration: 'none' }}>
      <Typography fontWeight="bold" textColor={overdue ? 'danger600' : 'neutral800'}>
        {item.caseNumber ?? 'Sag uden nummer'} · {item.centerName ?? 'Intet center'}
      </Typography>
    </a>
    <Typography tag="p" textColor="neutral600" variant="pi">
      Frist {danishDate(item.dueAt, 'short')}
      {overdue ? ` – ${formatNumber(item.daysOverdue, 0)} ${Math.round(item.daysOverdue) === 1 ? 'dag' : 'dage'} over fristen` : ''}
    </Typography>
  </Box>
);

const DeadlinesWidget = () => {
  const { post } = useFetchClient();
  const { body, error, reload: load } = useAdminGet<{ data: Overview }>('/reports/overview', 'Oversigten kunne ikke hentes.');
  const overview = body?.data;

  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!overview) return <Loader small>Henter frister</Loader>;

  return (
    <Flex direction="column" alignItems="stretch" gap={4} data-workspace-widget="deadlines">
      {overview.alerts.map((alert) => (
        <Box key={alert.documentId} padding={3} background="warning100" hasRadius>
          <Typography fontWeight="bold">Løbende status: {alert.centerName}</Typography>
          <Typography tag="p" variant="pi">
            {alert.message}
          </Typography>
          {!alert.seenAt && (
            <Box paddingTop={2}>
              <Button
                size="S"
                variant="tertiary"
                onClick={async () => {
                  await post(`/reports/alerts/${alert.documentId}/seen`);
                  load();
                }}
              >
                Set
              </Button>
            </Box>
          )}
        </Box>
      ))}
      <Box>
        <Typography variant="sigma" textColor="neutral600">
          Redegørelser over fristen ({overview.overdue.length})
        </Typography>
        <Box paddingTop={2}>
          {overview.overdue.length === 0 ? (
            <Typography textColor="neutral600">Ingen.</Typography>
          ) : (
            overview.overdue.map((item) => <Item key={item.documentId} item={item} overdue />)
          )}
        </Box>
      </Box>
      <Box>
        <Typography variant="sigma" textColor="neutral600">
          Frister de næste 7 dage ({overview.dueSoon.length})
        </Typography>
        <Box paddingTop={2}>
          {overview.dueSoon.length === 0 ? (
            <Typography textColor="neutral600">Ingen.</Typography>
          ) : (
            overview.dueSoon.map((item) => <Item key={item.documentId} item={item} overdue={false} />)
          )}
        </Box>
      </Box>
    </Flex>
  );
};

export default DeadlinesWidget;
