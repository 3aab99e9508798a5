/**
 * Homepage widget: e-mails that ended `failed` in the last 30 days, newest first. Read through
 * the content manager, so the role's field permissions apply (the assistant sees no recipient
 * and no error text).
 */
import * as React from 'react';
import { useAdminGet } from '../useAdminGet';
import { Box, Flex, Loader, Typography } from '@strapi/design-system';
import { notificationKinds } from '@borgerraadgiver/config/src/vocabulary';
import { danishDateTime } from '@borgerraadgiver/config/src/dates';
import { NOTIFICATION as OUTBOX } from '../../content-types';

const DAYS = 30;

interface FailedRow {
  documentId: string;
  kind: keyof typeof notificationKinds;
  recipient?: string;
  notBefore: string;
  attempts?: number;
  lastError?: string | null;
  statusNote?: string | null;
}

const listUrl = `/admin/content-manager/collection-types/${OUTBOX}?page=1&pageSize=50&sort=notBefore:DESC&filters[$and][0][deliveryStatus][$eq]=failed`;

const FailedDeliveriesWidget = () => {
  // The window's start is fixed when the widget opens, so the path (and the request) stays the same.
  const [since] = React.useState(() => new Date(Date.now() - DAYS * 86_400_000).toISOString());
  const query = `page=1&pageSize=10&sort=notBefore:DESC&filters[$and][0][deliveryStatus][$eq]=failed&filters[$and][1][notBefore][$gte]=${encodeURIComponent(since)}`;
  const { body, error } = useAdminGet<{ results: FailedRow[]; pagination: { total: number } }>(
    `/content-manager/collection-types/${OUTBOX}?${query}`,
    'Udsendelserne kunne ikke hentes.',
  );
  const rows = body?.results;
  const total = body?.pagination.total ?? 0;

  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!rows) return <Loader small>Henter udsendelser</Loader>;
  if (rows.length === 0) return <Typography textColor="neutral600">Ingen mislykkede udsendelser de seneste {DAYS} dage.</Typography>;

  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Typography textColor="danger600" fontWeight="bold">
        {total === 1 ? 'En e-mail' : `${total} e-mails`} kunne ikke afleveres de seneste {DAYS} dage. Modtageren har ikke fået {total === 1 ? 'den' : 'dem'}.
      </Typography>
      {rows.map((row) => (
        <Box key={row.documentId}>
          <a href={`/admin/content-manager/collection-types/${OUTBOX}/${row.documentId}`} style={{ textDecoration: 'none' }}>
            <Typography fontWeight="bold">
              {notificationKinds[row.kind] ?? row.kind}
              {row.recipient ? ` til ${row.recipient}` : ''}
            </Typography>
          </a>
          <Typography tag="p" textColor="neutral600" variant="pi">
            Planlagt {danishDateTime(row.notBefore, 'short')}
            {row.attempts ? ` · ${row.attempts} forsøg` : ''}
            {row.lastError ? ` · ${row.lastError.slice(0, 160)}` : row.statusNote ? ` · ${row.statusNote}` : ''}
          </Typography>
        </Box>
      ))}
      <a href={listUrl}>
        <Typography textColor="primary600">Se alle mislykkede udsendelser</Typography>
      </a>
    </Flex>
  );
};

export default FailedDeliveriesWidget;
