/**
 * "Import af tidligere sager": the advisor brings the old register in (.xlsx or CSV). She chooses
 * the file, checks which column fills which field and which of our choices each old value stands
 * for (suggested from the headings and labels, or from the saved mapping), saves the mapping for
 * the next file, runs a dry run that says per row what would be created or why it cannot be, and
 * then imports. Both run on the server with their progress shown (server: src/import/).
 */
import * as React from 'react';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { Box, Button, Field, Flex, ProgressBar, SingleSelect, SingleSelectOption, Table, Tbody, Td, TextInput, Tr, Typography } from '@strapi/design-system';
import { errorMessage } from '../privacy/api';
import { TableHead } from '../TableHead';

interface Mapping {
  columns: Record<string, string>;
  values: Record<string, Record<string, string>>;
}
interface FieldInfo {
  field: string;
  kind: string;
  label: string;
  personal: boolean;
  choices: { value: string; label: string }[];
}
interface Inspected {
  headers: string[];
  rowCount: number;
  mapping: Mapping;
  values: Record<string, { value: string; key: string; count: number; suggestion: string | null }[]>;
  fields: FieldInfo[];
}
type Outcome = 'created' | 'updated' | 'unchanged' | 'refused' | 'skipped';
interface Run {
  id: string;
  dryRun: boolean;
  status: 'running' | 'done' | 'failed' | 'interrupted';
  total: number;
  done: number;
  summary: (Record<Outcome, number> & { total: number }) | null;
  rows: { row: number; outcome: Outcome; caseNumber: string | null; messages: string[] }[] | null;
  error: string | null;
}

const outcomeLabels = (dryRun: boolean): Record<Outcome, string> => ({
  created: dryRun ? 'Oprettes' : 'Oprettet',
  updated: dryRun ? 'Rettes' : 'Rettet',
  unchanged: 'Uændret',
  refused: 'Afvist',
  skipped: 'Sprunget over',
});
/** The rows shown under a run; the counts above cover them all. */
const SHOWN_ROWS = 500;

/** A design-system select whose options are value and label pairs. */
const Select = ({
  options,
  onChange,
  ...props
}: {
  'aria-label': string;
  placeholder?: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
}) => (
  <SingleSelect {...props} onChange={(value: string | number) => onChange(String(value))}>
    {options.map((option) => (
      <SingleSelectOption key={option.value} value={option.value}>
        {option.label}
      </SingleSelectOption>
    ))}
  </SingleSelect>
);

const ImportPage = () => {
  const { post, put, get } = useFetchClient();
  const [file, setFile] = React.useState<File | null>(null);
  const [name, setName] = React.useState('standard');
  const [inspected, setInspected] = React.useState<Inspected | null>(null);
  const [mapping, setMapping] = React.useState<Mapping | null>(null);
  const [run, setRun] = React.useState<Run | null>(null);
  const [message, setMessage] = React.useState<{ tone: 'danger' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = React.useState(false);

  const form = (extra: Record<string, string>) => {
    const body = new FormData();
    for (const [key, value] of Object.entries(extra)) body.append(key, value);
    body.append('file', file!, file!.name);
    return body;
  };

  const inspect = async (withMapping?: Mapping) => {
    if (!file) return;
    setBusy(true);
    setMessage(null);
    try {
      const { data } = await post<{ data: Inspected }>('/import/inspect', form(withMapping ? { mapping: JSON.stringify(withMapping), name } : { name }));
      setInspected(data.data);
      setMapping(data.data.mapping);
    } catch (error) {
      setMessage({ tone: 'danger', text: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  React.useEffect(() => {
    setInspected(null);
    setRun(null);
    if (file) void inspect();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [file]);

  // Progress: the run's state every second until it ends.
  React.useEffect(() => {
    if (!run || run.status !== 'running') return;
    const timer = window.setTimeout(async () => {
      try {
        const { data } = await get<{ data: Run }>(`/import/runs/${run.id}`);
        setRun(data.data);
      } catch (error) {
        setMessage({ tone: 'danger', text: errorMessage(error) });
      }
    }, 1000);
    return () => window.clearTimeout(timer);
  }, [get, run]);

  const setColumn = (header: string, field: string) => {
    const next = { ...mapping!, columns: { ...mapping!.columns, [header]: field } };
    setMapping(next);
    void inspect(next);
  };
  const setValue = (field: string, key: string, choice: string) =>
    setMapping({ ...mapping!, values: { ...mapping!.values, [field]: { ...mapping!.values[field], [key]: choice } } });

  const save = async () => {
    try {
      await put(`/import/mappings/${encodeURIComponent(name)}`, mapping);
      setMessage({ tone: 'success', text: `Tilknytningen "${name}" er gemt og bruges næste gang, også af kommandoen npm run import.` });
    } catch (error) {
      setMessage({ tone: 'danger', text: errorMessage(error) });
    }
  };

  const start = async (dryRun: boolean) => {
    setMessage(null);
    try {
      const { data } = await post<{ data: { id: string } }>('/import/runs', form({ mapping: JSON.stringify(mapping), dryRun: String(dryRun) }));
      setRun({ id: data.data.id, dryRun, status: 'running', total: inspected!.rowCount, done: 0, summary: null, rows: null, error: null });
    } catch (error) {
      setMessage({ tone: 'danger', text: errorMessage(error) });
    }
  };

  const fieldsByName = Object.fromEntries((inspected?.fields ?? []).map((field) => [field.field, field]));
  const labels = outcomeLabels(run?.dryRun ?? true);
  const shownRows = (run?.rows ?? []).filter((row) => run!.dryRun || row.outcome === 'refused' || row.messages.length).slice(0, SHOWN_ROWS);

  return (
    <Page.Main>
      <Page.Title>Import af tidligere sager</Page.Title>
      <Layouts.Header
        title="Import af tidligere sager"
        subtitle="Henvendelser fra det tidligere register eller et regneark (.xlsx eller .csv) bliver til sager efter de samme regler som alt andet. En række, der allerede er importeret, ændres ikke igen."
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Flex gap={4} alignItems="flex-end">
            <Field.Root name="file">
              <Field.Label>Fil</Field.Label>
              <input type="file" accept=".xlsx,.csv,text/csv" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
            </Field.Root>
            <Field.Root name="mappingName" hint="Den gemte tilknytning med dette navn bruges, hvis den findes.">
              <Field.Label>Tilknytning</Field.Label>
              <TextInput value={name} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setName(event.target.value)} />
              <Field.Hint />
            </Field.Root>
            <Button variant="secondary" disabled={!file || busy} onClick={() => inspect()}>
              Hent tilknytning
            </Button>
          </Flex>
          {message && <Typography textColor={message.tone === 'danger' ? 'danger600' : 'success600'}>{message.text}</Typography>}

          {inspected && mapping && (
            <Box>
              <Typography variant="beta" tag="h2">
                Kolonner ({inspected.rowCount} rækker)
              </Typography>
              <Table colCount={2} rowCount={inspected.headers.length + 1}>
                <TableHead headers={['Kolonne i filen', 'Felt i sagen']} />
                <Tbody>
                  {inspected.headers.map((header, index) => (
                    <Tr key={`${header}-${index}`}>
                      <Td>
                        <Typography>{header || `(kolonne ${index + 1} uden overskrift)`}</Typography>
                      </Td>
                      <Td>
                        <Select
                          aria-label={`Felt for kolonnen ${header}`}
                          value={mapping.columns[header] ?? ''}
                          options={[{ value: '', label: 'Springes over' }, ...inspected.fields.map((field) => ({ value: field.field, label: field.label }))]}
                          onChange={(value) => setColumn(header, value)}
                        />
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            </Box>
          )}

          {inspected && mapping && Object.keys(inspected.values).length > 0 && (
            <Box>
              <Typography variant="beta" tag="h2">
                Værdier
              </Typography>
              <Table colCount={4} rowCount={Object.values(inspected.values).flat().length + 1}>
                <TableHead headers={['Felt', 'Værdi i filen', 'Rækker', 'Bliver til']} />
                <Tbody>
                  {Object.entries(inspected.values).flatMap(([field, values]) =>
                    values.map((value) => (
                      <Tr key={`${field}-${value.value}`}>
                        <Td>
                          <Typography>{fieldsByName[field]?.label ?? field}</Typography>
                        </Td>
                        <Td>
                          <Typography>{value.value}</Typography>
                        </Td>
                        <Td>
                          <Typography>{value.count}</Typography>
                        </Td>
                        <Td>
                          <Select
                            aria-label={`${fieldsByName[field]?.label ?? field}: ${value.value}`}
                            placeholder="Vælg — ellers afvises rækken"
                            value={mapping.values[field]?.[value.key] ?? value.suggestion ?? ''}
                            options={fieldsByName[field]?.choices ?? []}
                            onChange={(choice) => setValue(field, value.key, choice)}
                          />
                        </Td>
                      </Tr>
                    )),
                  )}
                </Tbody>
              </Table>
            </Box>
          )}

          {inspected && mapping && (
            <Flex gap={2}>
              <Button variant="tertiary" onClick={save}>
                Gem tilknytningen
              </Button>
              <Button variant="secondary" disabled={run?.status === 'running'} onClick={() => start(true)}>
                Prøvekørsel
              </Button>
              <Button disabled={run?.status === 'running'} onClick={() => start(false)}>
                Importér
              </Button>
            </Flex>
          )}

          {run && (
            <Box>
              <Typography variant="beta" tag="h2">
                {run.dryRun ? 'Prøvekørsel (intet gemmes)' : 'Import'}
              </Typography>
              {run.status === 'running' && (
                <Flex direction="column" alignItems="stretch" gap={2}>
                  <ProgressBar value={run.total ? Math.round((run.done / run.total) * 100) : 0} aria-label="Fremdrift" />
                  <Typography>
                    {run.done} af {run.total} rækker
                  </Typography>
                </Flex>
              )}
              {run.status === 'interrupted' && (
                <Typography textColor="danger600">Kørslen blev afbrudt. Importér filen igen: det, der allerede er importeret, ændres ikke.</Typography>
              )}
              {run.status === 'failed' && <Typography textColor="danger600">{run.error}</Typography>}
              {run.summary && (
                <Typography>
                  {run.summary.total} rækker:{' '}
                  {(Object.keys(labels) as Outcome[]).map((outcome) => `${run.summary![outcome]} ${labels[outcome].toLowerCase()}`).join(', ')}.
                </Typography>
              )}
              {shownRows.length > 0 && (
                <Table colCount={4} rowCount={shownRows.length + 1}>
                  <TableHead headers={['Række', 'Resultat', 'Sag', 'Besked']} />
                  <Tbody>
                    {shownRows.map((row) => (
                      <Tr key={row.row}>
                        <Td>
                          <Typography>{row.row}</Typography>
                        </Td>
                        <Td>
                          <Typography textColor={row.outcome === 'refused' ? 'danger600' : undefined}>{labels[row.outcome]}</Typography>
                        </Td>
                        <Td>
                          <Typography>{row.caseNumber ?? '–'}</Typography>
                        </Td>
                        <Td>
                          <Typography>{row.messages.join(' ')}</Typography>
                        </Td>
                      </Tr>
                    ))}
                  </Tbody>
                </Table>
              )}
            </Box>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export default ImportPage;
