/**
 * The case timeline: a side panel on the complaint's edit view with the case's journal, newest
 * first, each event with its actor and time and a link to what it concerns; a filter "Hvem har set
 * sagen" (reads only); CSV export. Registered with the content-manager's addEditViewSidePanel.
 */
import * as React from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { useFetchClient } from '@strapi/strapi/admin';
import { useAdminGet } from '../useAdminGet';
import { useCasePage } from '../workspace/useCase';
import { Box, Button, Flex, Loader, Typography } from '@strapi/design-system';
import { danishDateTime } from '@borgerraadgiver/config/src/dates';
import type { TimelineEvent as Event } from '../../journal/model';
import { COMPLAINT } from '../../content-types';

const PAGE = 30;

const EventItem = ({ event }: { event: Event }) => {
  return (
    <Box tag="li" paddingBottom={3} paddingTop={3} style={{ borderTop: '1px solid #eaeaef', listStyle: 'none' }}>
      <Typography variant="pi" textColor="neutral600" tag="p">
        <time dateTime={event.at}>{danishDateTime(event.at, 'short')}</time>
      </Typography>
      <Typography fontWeight="bold" tag="p">
        {event.kindLabel}
      </Typography>
      {event.summary && (
        <Typography tag="p" variant="omega">
          {event.summary}
        </Typography>
      )}
      <Typography tag="p" variant="pi" textColor="neutral600">
        {/* The name says who (»Center for Ældre«, »Borger via webformularen«); the type is the list's filter. */}
        {event.actorName ?? event.actorLabel}
      </Typography>
      {event.details.length > 0 && event.kind !== 'created' && (
        <Box tag="ul" paddingTop={1} style={{ margin: 0, paddingLeft: '1rem' }}>
          {event.details.map((line) => (
            <Typography key={line} tag="li" variant="pi" textColor="neutral700">
              {line}
            </Typography>
          ))}
        </Box>
      )}
      {event.link && event.subjectLabel && (
        <Typography variant="pi" tag="p">
          <RouterLink to={event.link}>Åbn {event.subjectLabel.toLowerCase()}</RouterLink>
        </Typography>
      )}
    </Box>
  );
};

const Timeline = ({ documentId, caseNumber, version }: { documentId: string; caseNumber: string | null; version: string }) => {
  const { get } = useFetchClient();
  const [readsOnly, setReadsOnly] = React.useState(false);
  const [shown, setShown] = React.useState(PAGE);
  const [csvError, setCsvError] = React.useState<string | null>(null);
  // All events come with the case page's panels; who has seen the case is asked for when chosen.
  const casePage = useCasePage(documentId, version);
  const reads = useAdminGet<{ data: Event[] }>(readsOnly ? `/case-journal/${documentId}?filter=opened` : '', 'Sagens historik kunne ikke hentes.', version);
  const loaded = readsOnly
    ? { events: reads.body?.data ?? null, error: reads.error }
    : {
        events: casePage.page?.journal ?? null,
        error: casePage.error ?? (casePage.page && !casePage.page.journal ? 'Du har ikke adgang til sagens journal.' : null),
      };
  const events = loaded.events;
  const error = csvError ?? loaded.error;

  const downloadCsv = async () => {
    setCsvError(null);
    try {
      const { data } = await get<Blob>(`/case-journal/${documentId}/csv`, { responseType: 'blob' });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(data);
      // Named by the case, as the advisor files it.
      link.download = `journal-${caseNumber ?? 'sag'}.csv`;
      link.click();
      URL.revokeObjectURL(link.href);
    } catch {
      setCsvError('Journalen kunne ikke eksporteres.');
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={2} width="100%">
      <Flex gap={2} wrap="wrap" role="group" aria-label="Vis">
        <Button size="S" variant={readsOnly ? 'tertiary' : 'secondary'} aria-pressed={!readsOnly} onClick={() => setReadsOnly(false)}>
          Alle hændelser
        </Button>
        <Button size="S" variant={readsOnly ? 'secondary' : 'tertiary'} aria-pressed={readsOnly} onClick={() => setReadsOnly(true)}>
          Hvem har set sagen
        </Button>
      </Flex>
      {error && (
        <Typography textColor="danger600" role="alert">
          {error}
        </Typography>
      )}
      {!events && !error && <Loader small>Henter sagens historik</Loader>}
      {events && events.length === 0 && (
        <Typography variant="pi" textColor="neutral600">
          {readsOnly ? 'Ingen har åbnet sagen endnu.' : 'Ingen hændelser endnu.'}
        </Typography>
      )}
      {events && events.length > 0 && (
        <Box tag="ol" style={{ margin: 0, padding: 0 }} aria-label="Sagens hændelser, nyeste først">
          {events.slice(0, shown).map((event) => (
            <EventItem key={event.documentId} event={event} />
          ))}
        </Box>
      )}
      {events && events.length > shown && (
        <Button size="S" variant="tertiary" onClick={() => setShown(shown + PAGE)}>
          Vis flere ({events.length - shown})
        </Button>
      )}
      <Button size="S" variant="tertiary" onClick={downloadCsv}>
        Eksportér journalen (CSV)
      </Button>
    </Flex>
  );
};

interface PanelProps {
  model: string;
  documentId?: string;
  document?: { updatedAt?: unknown; caseNumber?: string | null } | null;
}

/** The side panel description: only on a saved complaint. */
export const CaseTimelinePanel = ({ model, documentId, document }: PanelProps) => {
  if (model !== COMPLAINT || !documentId || documentId === 'create') return null;
  return {
    title: 'Sagens historik',
    content: <Timeline documentId={documentId} caseNumber={document?.caseNumber ?? null} version={String(document?.updatedAt ?? '')} />,
  };
};
