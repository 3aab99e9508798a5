/**
 * "Sagens overblik" beside the case: the open deadline and how it was computed, the center's
 * answer (read-only: it is the center's document), the e-mails filed in the case and those sent with their delivery status, and the
 * related items (requests, opinions, meetings, the case file) named by what they are, each a link.
 * The intake's facts (how, from whom, what happened when, which center) stand here, below the
 * deadline and the statement the advisor works from, corrected in "Ret registreringen", and so do
 * the case's own dates (first action, closed): not in the form.
 */
import * as React from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';
import { Link } from 'react-router-dom';
import { danishDate, danishDateTime } from '@borgerraadgiver/config/src/dates';
import { useCaseOverview } from './useCase';
import { registrationView } from './views';
import { CASE_DOCUMENT, INBOUND_MAIL, MEETING, NOTIFICATION, OPINION, STATEMENT_REQUEST } from '../../content-types';

const editLink = (uid: string, documentId: string) => `/content-manager/collection-types/${uid}/${documentId}`;

const Section = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <Box paddingBottom={3}>
    <Typography tag="h3" variant="sigma" textColor="neutral700">
      {title}
    </Typography>
    <Box paddingTop={1}>{children}</Box>
  </Box>
);

const Line = ({ children, color = 'neutral800' }: { children: React.ReactNode; color?: string }) => (
  <Typography tag="p" variant="pi" textColor={color}>
    {children}
  </Typography>
);

export function CaseOverview({ documentId, version }: { documentId: string; version?: string }) {
  const { overview, error, changedElsewhere } = useCaseOverview(documentId, version);
  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!overview) return <Typography textColor="neutral600">Henter …</Typography>;
  const open = overview.requests.filter((r) => r.requestStatus === 'sendt');
  const answered = overview.requests.filter((r) => r.response);
  const related = [
    ...overview.requests.map((r) => ({ ...r, uid: STATEMENT_REQUEST, fileUrl: null })),
    ...overview.opinions.map((o) => ({ ...o, uid: OPINION, fileUrl: null })),
    ...overview.meetings.map((m) => ({ ...m, uid: MEETING, fileUrl: null })),
    ...overview.documents.map((d) => ({ ...d, uid: CASE_DOCUMENT })),
  ];
  const dates = [
    overview.firstActionAt && `Første handling ${danishDate(overview.firstActionAt, 'numeric')}`,
    overview.closedAt && `Afsluttet ${danishDate(overview.closedAt, 'numeric')}`,
  ].filter(Boolean);
  return (
    <Flex direction="column" alignItems="stretch" width="100%" data-workspace-panel="overview">
      {changedElsewhere && (
        <Box paddingBottom={3} role="status">
          <Line color="warning700">Sagen er ændret, efter at du åbnede den. Genindlæs siden for at se ændringerne i formularen.</Line>
        </Box>
      )}
      {dates.length > 0 && (
        <Box paddingBottom={3}>
          <Line color="neutral600">{dates.join(' · ')}</Line>
        </Box>
      )}
      <Section title="Åben frist">
        {open.length === 0 && <Line color="neutral600">Ingen åben anmodning om redegørelse.</Line>}
        {open.map((r) => (
          <Box key={r.documentId} paddingBottom={2}>
            <Line color={r.overdue ? 'danger600' : 'neutral800'}>
              <strong>
                {r.centerName ?? 'Center'}: frist {danishDate(r.agreedDueAt ?? r.dueAt, 'numeric')}
                {r.overdue ? ' – overskredet' : ''}
              </strong>
            </Line>
            {r.agreedDueAt && (
              <Line>
                Aftalt frist ({r.agreementNote}). Beregnet frist var {danishDate(r.dueAt, 'numeric')}.
              </Line>
            )}
            {r.dueAtExplanation && <Line color="neutral600">{r.dueAtExplanation}</Line>}
          </Box>
        ))}
      </Section>
      {answered.length > 0 && (
        <Section title="Centrets redegørelse">
          {answered.map((r) => (
            <Box key={r.documentId} paddingBottom={2}>
              <Line color="neutral600">
                {r.centerName} · modtaget {danishDateTime(r.response!.respondedAt, 'numeric')}
                {r.response!.respondentName ? ` · ${r.response!.respondentName}` : ''}
                {r.response!.respondentTitle ? `, ${r.response!.respondentTitle}` : ''}
              </Line>
              <Box padding={2} background="neutral100" hasRadius>
                <Typography tag="p" variant="omega" style={{ whiteSpace: 'pre-wrap' }}>
                  {r.response!.text}
                </Typography>
              </Box>
            </Box>
          ))}
        </Section>
      )}
      <Section title="Registrering">
        {overview.registration.map((item) => (
          <Line key={item.field}>
            <strong>{item.label}:</strong> <span style={{ whiteSpace: 'pre-wrap' }}>{item.value}</span>
          </Line>
        ))}
        <Line>
          <Link to={registrationView(overview.documentId)}>Ret registreringen</Link>
        </Line>
      </Section>
      <Section title="E-mails">
        {overview.notifications.length + overview.receivedMails.length === 0 && <Line color="neutral600">Ingen e-mails.</Line>}
        {overview.receivedMails.map((m) => (
          <Line key={m.documentId}>
            <Link to={editLink(INBOUND_MAIL, m.documentId)}>{m.label}</Link>
          </Line>
        ))}
        {overview.notifications.map((n) => (
          <Line key={n.documentId} color={n.deliveryStatus === 'failed' ? 'danger600' : 'neutral800'}>
            <Link to={editLink(NOTIFICATION, n.documentId)}>{n.label}</Link>
          </Line>
        ))}
      </Section>
      <Section title="Tilknyttet sagen">
        {related.length === 0 && <Line color="neutral600">Intet endnu.</Line>}
        {related.map((item) => (
          <Line key={item.documentId}>
            <Link to={editLink(item.uid, item.documentId)}>{item.label}</Link>
            {item.fileUrl && (
              <>
                {' · '}
                <a href={item.fileUrl} target="_blank" rel="noreferrer" aria-label={`Åbn filen: ${item.label} (åbner i en ny fane)`}>
                  Åbn filen
                </a>
              </>
            )}
          </Line>
        ))}
      </Section>
    </Flex>
  );
}
