/**
 * "Sager til anonymisering": closed cases due for anonymisation now or within RETENTION_NOTICE,
 * and postponed ones. The advisor postpones one to a date with a reason, or anonymises it now;
 * the daily job anonymises the due ones that are not postponed.
 */
import * as React from 'react';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Button, Field, Flex, Modal, Table, Tbody, Td, Textarea, TextInput, Tr, Typography } from '@strapi/design-system';
import { danishDate } from '@borgerraadgiver/config/src/dates';
import { errorMessage, type RetentionItem } from './api';
import { useAdminGet } from '../useAdminGet';
import { TableHead } from '../TableHead';
import { DialogFooter } from '../DialogFooter';

interface Retention {
  retentionAfterClosure: string;
  retentionNotice: string;
  cases: RetentionItem[];
}

const statusLabels: Record<RetentionItem['status'], string> = { due: 'Anonymiseres ved næste kørsel', soon: 'Snart', postponed: 'Udsat' };
const caseLink = (documentId: string) => `/admin/content-manager/collection-types/api::complaint.complaint/${documentId}`;

type Dialog = { kind: 'postpone' | 'anonymise'; item: RetentionItem } | null;

const RetentionPage = () => {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { body, error: loadError, reload: load } = useAdminGet<{ data: Retention }>('/privacy/retention', 'Sagerne til anonymisering kunne ikke hentes.');
  const data = body?.data;
  const [dialog, setDialog] = React.useState<Dialog>(null);
  const [until, setUntil] = React.useState('');
  const [reason, setReason] = React.useState('');
  const [errors, setErrors] = React.useState<Record<string, string>>({});

  const open = (kind: 'postpone' | 'anonymise', item: RetentionItem) => {
    setDialog({ kind, item });
    setUntil(item.retentionHoldUntil ?? '');
    setReason('');
    setErrors({});
  };

  const submit = async () => {
    if (!dialog) return;
    const { kind, item } = dialog;
    try {
      // The case as listed: one changed since is refused (409) with who changed it and when.
      if (kind === 'postpone') await post(`/privacy/retention/${item.documentId}/postpone`, { until, reason, updatedAt: item.updatedAt });
      else await post(`/privacy/anonymise/${item.documentId}`, { reason, updatedAt: item.updatedAt });
      toggleNotification({
        type: 'success',
        message: kind === 'postpone' ? `Anonymiseringen af sag ${item.caseNumber} er udsat.` : `Sag ${item.caseNumber} er anonymiseret.`,
      });
      setDialog(null);
      load();
    } catch (error: any) {
      const fieldErrors = error?.response?.data?.error?.details?.errors ?? [];
      if (fieldErrors.length) setErrors(Object.fromEntries(fieldErrors.map((e: any) => [e.path?.[0], e.message])));
      else toggleNotification({ type: 'danger', message: errorMessage(error) });
      // Changed since it was listed: the dialog keeps what was typed, now on the current version.
      const current = error?.response?.status === 409 ? error.response.data.error.details?.updatedAt : undefined;
      if (current) {
        setDialog({ kind, item: { ...item, updatedAt: current } });
        load();
      }
    }
  };

  return (
    <Page.Main>
      <Page.Title>Sager til anonymisering</Page.Title>
      <Layouts.Header
        title="Sager til anonymisering"
        subtitle={
          data
            ? `Afsluttede sager anonymiseres ${data.retentionAfterClosure} efter afslutningen (RETENTION_AFTER_CLOSURE). Her ses sagerne ${data.retentionNotice} før og de udsatte.`
            : undefined
        }
      />
      <Layouts.Content>
        {loadError && <Typography textColor="danger600">{loadError}</Typography>}
        {data && data.cases.length === 0 && <Typography>Ingen sager skal anonymiseres inden for de næste {data.retentionNotice}.</Typography>}
        {data && data.cases.length > 0 && (
          <Table colCount={6} rowCount={data.cases.length + 1}>
            <TableHead headers={['Sag', 'Afsluttet', 'Anonymiseres', 'Status', 'Udsat', 'Handling']} />
            <Tbody>
              {data.cases.map((item) => (
                <Tr key={item.documentId}>
                  <Td>
                    <a href={caseLink(item.documentId)}>
                      <Typography fontWeight="bold">{item.caseNumber ?? 'Uden nummer'}</Typography>
                    </a>
                  </Td>
                  <Td>
                    <Typography>{danishDate(item.closedAt) || '–'}</Typography>
                  </Td>
                  <Td>
                    <Typography>{danishDate(item.dueAt) || '–'}</Typography>
                  </Td>
                  <Td>
                    <Typography textColor={item.status === 'due' ? 'danger600' : 'neutral800'}>{statusLabels[item.status]}</Typography>
                  </Td>
                  <Td>
                    <Typography>{item.retentionHoldUntil ? `Til ${danishDate(item.retentionHoldUntil)}: ${item.retentionHoldReason ?? ''}` : '–'}</Typography>
                  </Td>
                  <Td>
                    <Flex gap={2}>
                      <Button size="S" variant="secondary" onClick={() => open('postpone', item)}>
                        Udsæt
                      </Button>
                      <Button size="S" variant="danger-light" onClick={() => open('anonymise', item)}>
                        Anonymisér nu
                      </Button>
                    </Flex>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
        <Modal.Root open={dialog !== null} onOpenChange={(isOpen: boolean) => !isOpen && setDialog(null)}>
          <Modal.Content>
            <Modal.Header closeLabel="Luk">
              <Modal.Title>
                {dialog?.kind === 'postpone' ? `Udsæt anonymiseringen af sag ${dialog.item.caseNumber}` : `Anonymisér sag ${dialog?.item.caseNumber}`}
              </Modal.Title>
            </Modal.Header>
            <Modal.Body>
              <Flex direction="column" alignItems="stretch" gap={4}>
                {dialog?.kind === 'postpone' && (
                  <Field.Root name="until" error={errors.until} required>
                    <Field.Label>Udsæt til og med</Field.Label>
                    <TextInput type="date" value={until} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setUntil(e.target.value)} />
                    <Field.Error />
                  </Field.Root>
                )}
                <Field.Root name="reason" error={errors.reason} hint="Registreres på sagen. Skriv ikke personoplysninger i begrundelsen." required>
                  <Field.Label>Begrundelse</Field.Label>
                  <Textarea value={reason} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setReason(e.target.value)} />
                  <Field.Hint />
                  <Field.Error />
                </Field.Root>
              </Flex>
            </Modal.Body>
            <DialogFooter>
              <Button variant={dialog?.kind === 'anonymise' ? 'danger' : 'default'} onClick={submit}>
                {dialog?.kind === 'postpone' ? 'Udsæt' : 'Anonymisér'}
              </Button>
            </DialogFooter>
          </Modal.Content>
        </Modal.Root>
      </Layouts.Content>
    </Page.Main>
  );
};

export default RetentionPage;
