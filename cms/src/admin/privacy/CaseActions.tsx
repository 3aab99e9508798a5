/**
 * Document actions on a case (Henvendelse): "Indsigt" (GDPR art. 15: confirm the citizen's other
 * cases, then the printable document or JSON) and "Anonymisér" (art. 17, with a reason). Shown
 * only to a user the server allows (the advisor's role).
 */
import * as React from 'react';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Button, Checkbox, Field, Flex, Loader, Modal, Textarea, Typography } from '@strapi/design-system';
import { danishDate } from '@borgerraadgiver/config/src/dates';
import { errorMessage, matchLabels, usePrivacyAccess, type MatchingCase } from './api';
import { COMPLAINT } from '../../content-types';
import { refreshCase, useCaseDocumentRefetch } from '../workspace/useCase';
import { DialogFooter } from '../DialogFooter';

interface ActionProps {
  model: string;
  documentId?: string;
  document?: Record<string, any>;
}

/** Opens a window inside the click (so it is not blocked) and writes the HTML into it when it arrives. */
function openHtml(load: () => Promise<string>) {
  const win = window.open('', '_blank');
  return load().then(
    (html) => {
      win?.document.open();
      win?.document.write(html);
      win?.document.close();
    },
    (error) => {
      win?.close();
      throw error;
    },
  );
}

/** A document action's dialog: Strapi leaves the body and footer to a content given as a function. */
const Dialog = ({ children, footer }: { children: React.ReactNode; footer: React.ReactNode }) => (
  <>
    <Modal.Body>
      <Flex direction="column" alignItems="stretch" gap={4}>
        {children}
      </Flex>
    </Modal.Body>
    <DialogFooter>{footer}</DialogFooter>
  </>
);

const AccessRequestContent = ({ documentId, caseNumber, onClose }: { documentId: string; caseNumber: string; onClose: () => void }) => {
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [matches, setMatches] = React.useState<MatchingCase[] | null>(null);
  const [chosen, setChosen] = React.useState<Set<string>>(new Set());

  React.useEffect(() => {
    get<{ data: { matches: MatchingCase[] } }>(`/privacy/matches/${documentId}`).then(
      ({ data }) => setMatches(data.data.matches),
      (error) => toggleNotification({ type: 'danger', message: errorMessage(error) }),
    );
  }, [documentId, get, toggleNotification]);

  const query = (format: 'html' | 'json') => `/privacy/export/${documentId}?format=${format}&cases=${[...chosen].join(',')}`;
  const fail = (error: unknown) => toggleNotification({ type: 'danger', message: errorMessage(error) });
  const done = () => {
    toggleNotification({ type: 'success', message: 'Indsigten er dannet og registreret i sagens historik.' });
    onClose();
  };
  const printable = () => openHtml(async () => (await get<string>(query('html'), { responseType: 'text' })).data).then(done, fail);
  const download = async () => {
    try {
      const { data } = await get<{ data: unknown }>(query('json'));
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([JSON.stringify(data.data, null, 2)], { type: 'application/json' }));
      link.download = `indsigt-${caseNumber}.json`;
      link.click();
      URL.revokeObjectURL(link.href);
      done();
    } catch (error) {
      fail(error);
    }
  };

  if (!matches)
    return (
      <Modal.Body>
        <Loader small>Finder borgerens sager …</Loader>
      </Modal.Body>
    );
  return (
    <Dialog
      footer={
        <Flex gap={2}>
          <Button variant="secondary" onClick={download}>
            Hent som JSON
          </Button>
          <Button onClick={printable}>Åbn til udskrift</Button>
        </Flex>
      }
    >
      <Typography>
        Indsigten omfatter sag {caseNumber}.{' '}
        {matches.length
          ? 'Disse sager har samme e-mail, telefon, navn eller CVR-nummer. Markér dem, der er borgerens:'
          : 'Der er ingen andre sager med samme e-mail, telefon, navn eller CVR-nummer.'}
      </Typography>
      {matches.map((m) => (
        <Checkbox
          key={m.documentId}
          checked={chosen.has(m.documentId)}
          onCheckedChange={(checked: boolean) =>
            setChosen((previous) => {
              const next = new Set(previous);
              if (checked) next.add(m.documentId);
              else next.delete(m.documentId);
              return next;
            })
          }
        >
          Sag {m.caseNumber ?? 'uden nummer'}, modtaget {danishDate(m.receivedAt) || '–'} (samme {m.matchedOn.map((r) => matchLabels[r]).join(', ')})
        </Checkbox>
      ))}
    </Dialog>
  );
};

const AnonymiseContent = ({ documentId, caseNumber, version, onClose }: { documentId: string; caseNumber: string; version?: string; onClose: () => void }) => {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const refetch = useCaseDocumentRefetch(documentId);
  const [reason, setReason] = React.useState('');
  const [error, setError] = React.useState<string | null>(null);
  const submit = async () => {
    try {
      // The case as the advisor sees it: one changed since is refused (409) with who changed it and when.
      await post(`/privacy/anonymise/${documentId}`, { reason, updatedAt: version });
      // The confirmation stays in view: the case's form and panels refetch instead of a page reload.
      toggleNotification({
        type: 'success',
        message: `Sag ${caseNumber} er anonymiseret. Personoplysningerne er fjernet, og anonymiseringen står i sagens historik.`,
      });
      onClose();
      refreshCase();
      refetch();
    } catch (e: any) {
      setError(e?.response?.data?.error?.details?.errors?.[0]?.message ?? errorMessage(e));
    }
  };
  return (
    <Dialog
      footer={
        <Button variant="danger" onClick={submit}>
          Anonymisér sagen
        </Button>
      }
    >
      <Typography>
        Borgerens navn, kontaktoplysninger og sagens beskrivelser, notater, redegørelser og udtalelsestekster fjernes nu og kan ikke genskabes. Sagsnummer,
        datoer, center, kategorier og resultater bevares til statistikken.
      </Typography>
      <Field.Root name="reason" error={error ?? undefined} hint="Registreres på sagen. Skriv ikke personoplysninger i begrundelsen." required>
        <Field.Label>Begrundelse (fx borgerens anmodning om sletning)</Field.Label>
        <Textarea value={reason} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setReason(e.target.value)} />
        <Field.Hint />
        <Field.Error />
      </Field.Root>
    </Dialog>
  );
};

export const AccessRequestAction = ({ model, documentId, document }: ActionProps) => {
  const access = usePrivacyAccess();
  if (model !== COMPLAINT || !documentId || !access?.export) return null;
  const caseNumber = document?.caseNumber ?? '';
  return {
    label: 'Indsigt (art. 15)',
    position: 'panel',
    dialog: {
      type: 'modal',
      title: `Indsigt i borgerens oplysninger – sag ${caseNumber}`,
      content: ({ onClose }: { onClose: () => void }) => <AccessRequestContent documentId={documentId} caseNumber={caseNumber} onClose={onClose} />,
    },
  };
};

export const AnonymiseAction = ({ model, documentId, document }: ActionProps) => {
  const access = usePrivacyAccess();
  if (model !== COMPLAINT || !documentId || !access?.anonymise || document?.anonymisedAt) return null;
  const caseNumber = document?.caseNumber ?? '';
  return {
    label: 'Anonymisér nu',
    position: 'panel',
    variant: 'danger',
    dialog: {
      type: 'modal',
      title: `Anonymisér sag ${caseNumber}`,
      content: ({ onClose }: { onClose: () => void }) => (
        <AnonymiseContent documentId={documentId} caseNumber={caseNumber} version={document?.updatedAt} onClose={onClose} />
      ),
    },
  };
};
