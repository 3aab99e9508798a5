/**
 * Homepage widget: the advisor's incoming e-mail. *Ikke tilknyttet post* first (waits for her),
 * then the latest messages and where they went. Read through the content manager, so the role's
 * field permissions apply (the assistant sees no sender, subject or reason).
 */
import * as React from 'react';
import { Box, Flex, Loader, Typography } from '@strapi/design-system';
import { inboundMailStatuses } from '@borgerraadgiver/config/src/inbox';
import { danishDateTime } from '@borgerraadgiver/config/src/dates';
import { useAdminGet } from '../useAdminGet';
import { INBOUND_MAIL } from '../../content-types';

interface MailRow {
  documentId: string;
  receivedAt: string;
  mailStatus: keyof typeof inboundMailStatuses;
  subject?: string | null;
  reason?: string | null;
}

const base = `/content-manager/collection-types/${INBOUND_MAIL}`;
const unmatchedQuery = 'page=1&pageSize=5&sort=receivedAt:DESC&filters[$and][0][mailStatus][$eq]=ikke_tilknyttet';

const Rows = ({ rows }: { rows: MailRow[] }) => (
  <>
    {rows.map((row) => (
      <Box key={row.documentId}>
        <a href={`/admin${base}/${row.documentId}`} style={{ textDecoration: 'none' }}>
          <Typography fontWeight="bold">{row.subject || inboundMailStatuses[row.mailStatus]}</Typography>
        </a>
        <Typography tag="p" textColor="neutral600" variant="pi">
          {danishDateTime(row.receivedAt, 'short')} · {inboundMailStatuses[row.mailStatus]}
          {row.reason && row.mailStatus === 'ikke_tilknyttet' ? ` · ${row.reason.slice(0, 160)}` : ''}
        </Typography>
      </Box>
    ))}
  </>
);

const InboxWidget = () => {
  const unmatched = useAdminGet<{ results: MailRow[]; pagination: { total: number } }>(`${base}?${unmatchedQuery}`, 'E-mailene kunne ikke hentes.');
  const latest = useAdminGet<{ results: MailRow[] }>(`${base}?page=1&pageSize=5&sort=receivedAt:DESC`, 'E-mailene kunne ikke hentes.');
  if (unmatched.error || latest.error) return <Typography textColor="danger600">{unmatched.error ?? latest.error}</Typography>;
  if (!unmatched.body || !latest.body) return <Loader small>Henter e-mails</Loader>;
  const waiting = unmatched.body.pagination.total;
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-inbox-widget="">
      <a href={`/admin${base}?${unmatchedQuery.replace('pageSize=5', 'pageSize=50')}`}>
        <Typography textColor={waiting ? 'danger600' : 'neutral600'} fontWeight="bold">
          Ikke tilknyttet post: {waiting === 0 ? 'ingen' : waiting === 1 ? 'én e-mail venter' : `${waiting} e-mails venter`}
        </Typography>
      </a>
      <Rows rows={unmatched.body.results} />
      <Typography fontWeight="bold">Seneste e-mails</Typography>
      {latest.body.results.length ? <Rows rows={latest.body.results} /> : <Typography textColor="neutral600">Ingen e-mails endnu.</Typography>}
    </Flex>
  );
};

export default InboxWidget;
