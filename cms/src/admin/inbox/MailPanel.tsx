/**
 * Beside an incoming e-mail (Indgående e-mail): the advisor's one-step actions. From *Ikke
 * tilknyttet post* she files it in a case or opens a new inquiry from it; a center's e-mailed
 * answer to a statement request she accepts as the statement. The server checks the role
 * (the advisor's) and that nobody did it first.
 */
import * as React from 'react';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Box, Button, Field, Flex, TextInput, Typography } from '@strapi/design-system';
import { errorMessage } from '../privacy/api';
import { COMPLAINT, INBOUND_MAIL } from '../../content-types';

interface MailDocument {
  mailStatus?: string;
  reason?: string | null;
  complaint?: { documentId?: string } | null;
  statementRequest?: { documentId?: string; requestStatus?: string } | null;
}

const caseUrl = (documentId: string) => `/admin/content-manager/collection-types/${COMPLAINT}/${documentId}`;

const MailActions = ({ documentId, document }: { documentId: string; document: MailDocument }) => {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [caseNumber, setCaseNumber] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  const run = async (path: string, body: object, done: (data: any) => string) => {
    setBusy(true);
    try {
      const { data } = await post<{ data: any }>(`/inbox/mails/${documentId}/${path}`, body);
      toggleNotification({ type: 'success', message: done(data.data) });
      if (data.data?.complaint) window.location.assign(caseUrl(data.data.complaint));
      else window.location.reload();
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };
  const unmatched = document.mailStatus === 'ikke_tilknyttet';
  const answersRequest = document.mailStatus === 'tilknyttet' && document.statementRequest;
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      {unmatched ? (
        <>
          <Typography variant="pi">{document.reason ?? 'E-mailen er ikke knyttet til en sag.'}</Typography>
          <Field.Root name="caseNumber" hint="Sagsnummer, fx 2026-0001">
            <Field.Label>Knyt til sag</Field.Label>
            <TextInput value={caseNumber} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setCaseNumber(event.target.value)} />
            <Field.Hint />
          </Field.Root>
          <Button
            disabled={busy || !caseNumber.trim()}
            onClick={() => run('attach', { complaint: caseNumber.trim() }, (data) => `E-mailen er lagt i sag ${data.caseNumber}.`)}
          >
            Knyt til sagen
          </Button>
          <Button variant="secondary" disabled={busy} onClick={() => run('inquiry', {}, (data) => `Ny henvendelse ${data.caseNumber ?? ''} er oprettet.`)}>
            Opret som ny henvendelse
          </Button>
        </>
      ) : null}
      {answersRequest ? (
        <>
          <Typography variant="pi">Svar fra centret på anmodningen om redegørelse. Er det redegørelsen, registreres den med e-mailens tekst.</Typography>
          <Button disabled={busy} onClick={() => run('statement', {}, () => 'E-mailen er registreret som centrets redegørelse.')}>
            Brug som redegørelse
          </Button>
        </>
      ) : null}
      {document.complaint?.documentId ? (
        <Box>
          <a href={caseUrl(document.complaint.documentId)}>Åbn sagen</a>
        </Box>
      ) : null}
    </Flex>
  );
};

interface PanelProps {
  model: string;
  documentId?: string;
  document?: MailDocument | null;
}

export const InboundMailPanel = ({ model, documentId, document }: PanelProps) => {
  if (model !== INBOUND_MAIL || !documentId || documentId === 'create' || !document) return null;
  return { title: 'E-mailen', content: <MailActions documentId={documentId} document={document} /> };
};
