/**
 * "Søg i sager": Danish full-text search over everything written in the cases (GET /search/cases),
 * with the filters in the address so a search can be shared and the back button works. What the
 * role may not read is neither searched nor shown (the server decides).
 */
import * as React from 'react';
import { Layouts, Page } from '@strapi/strapi/admin';
import { Box, Button, Field, Flex, SingleSelect, SingleSelectOption, TextInput, Typography } from '@strapi/design-system';
import { useSearchParams } from 'react-router-dom';
import { channels, complaintStatuses, complaintThemes } from '../../../../config/src/vocabulary';
import { useAdminGet } from '../useAdminGet';
import { CaseList, type CaseListItem } from './CaseList';
import { Pager, useAddressPage } from './Pager';

const FILTERS = ['q', 'center', 'status', 'theme', 'channel', 'from', 'to'] as const;
type Filter = (typeof FILTERS)[number];
const PAGE_SIZE = 25;

const Choice = ({ label, value, options, onChange }: { label: string; value: string; options: [string, string][]; onChange: (v: string) => void }) => (
  <Field.Root width="14rem">
    <Field.Label>{label}</Field.Label>
    <SingleSelect value={value} onChange={(v: string | number) => onChange(String(v))}>
      <SingleSelectOption value="">Alle</SingleSelectOption>
      {options.map(([key, text]) => (
        <SingleSelectOption key={key} value={key}>
          {text}
        </SingleSelectOption>
      ))}
    </SingleSelect>
  </Field.Root>
);

export default function SearchPage() {
  const [params, setParams] = useSearchParams();
  const [form, setForm] = React.useState<Record<Filter, string>>(
    () => Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])) as Record<Filter, string>,
  );
  const [page, goTo] = useAddressPage();
  const searched = FILTERS.some((f) => params.get(f));
  const query = new URLSearchParams([
    ...FILTERS.flatMap((f) => (params.get(f) ? [[f, params.get(f)!]] : [])),
    ['page', String(page)],
    ['pageSize', String(PAGE_SIZE)],
  ]);
  const results = useAdminGet<{ data: CaseListItem[]; meta: { total: number; estimated?: boolean; ranked?: number } }>(
    searched ? `/search/cases?${query}` : '',
    'Søgningen kunne ikke gennemføres. Tjek datoerne og prøv igen.',
  );
  const centers = useAdminGet<{ results: { documentId: string; name: string }[] }>(
    '/content-manager/collection-types/api::center.center?page=1&pageSize=100&sort=name:ASC',
    'Centrene kunne ikke hentes.',
  );
  const set = (key: Filter) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const submit = (event: React.FormEvent, toPage = 1) => {
    event.preventDefault();
    const next = new URLSearchParams(FILTERS.flatMap((f) => (form[f].trim() ? [[f, form[f].trim()]] : [])));
    if (toPage > 1) next.set('page', String(toPage));
    setParams(next);
  };
  const total = results.body?.meta.total ?? 0;
  const estimated = Boolean(results.body?.meta.estimated);
  // A frequent word matches more cases than are ranked: the pages go through the ranked ones.
  const pages = Math.max(1, Math.ceil(Math.min(total, results.body?.meta.ranked ?? total) / PAGE_SIZE));

  return (
    <Page.Main>
      <Page.Title>Søg i sager</Page.Title>
      <Layouts.Header
        title="Søg i sager"
        subtitle="Søg i alt, der er skrevet i sagerne: beskrivelse, noter, dialog, redegørelser, udtalelser, anbefalinger, møder og borgernes beskeder. Alle bøjninger af et ord findes (afslag, afslaget, afslagene)."
      />
      <Layouts.Content>
        <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius data-search="form">
          <form onSubmit={submit} role="search" aria-label="Søg i sager">
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Field.Root hint="Fx afslag jobcenter. Alle ordene skal forekomme i sagen.">
                <Field.Label>Søgeord</Field.Label>
                <TextInput name="q" value={form.q} onChange={(e: React.ChangeEvent<HTMLInputElement>) => set('q')(e.target.value)} />
                <Field.Hint />
              </Field.Root>
              <Flex gap={4} wrap="wrap" alignItems="flex-end">
                <Choice
                  label="Center"
                  value={form.center}
                  options={(centers.body?.results ?? []).map((c) => [c.documentId, c.name])}
                  onChange={set('center')}
                />
                <Choice label="Status" value={form.status} options={Object.entries(complaintStatuses)} onChange={set('status')} />
                <Choice label="Tema" value={form.theme} options={Object.entries(complaintThemes)} onChange={set('theme')} />
                <Choice label="Kanal" value={form.channel} options={Object.entries(channels)} onChange={set('channel')} />
                <Field.Root width="11rem">
                  <Field.Label>Modtaget fra</Field.Label>
                  <TextInput type="date" name="from" value={form.from} onChange={(e: React.ChangeEvent<HTMLInputElement>) => set('from')(e.target.value)} />
                </Field.Root>
                <Field.Root width="11rem">
                  <Field.Label>Modtaget til og med</Field.Label>
                  <TextInput type="date" name="to" value={form.to} onChange={(e: React.ChangeEvent<HTMLInputElement>) => set('to')(e.target.value)} />
                </Field.Root>
                <Button type="submit">Søg</Button>
              </Flex>
            </Flex>
          </form>
        </Box>
        <Box paddingTop={6} aria-live="polite" data-search="results">
          {!searched && <Typography textColor="neutral600">Skriv et eller flere ord, eller vælg et filter.</Typography>}
          {searched && results.error && <Typography textColor="danger600">{results.error}</Typography>}
          {searched && !results.error && !results.body && <Typography textColor="neutral600">Søger …</Typography>}
          {searched && results.body && (
            <>
              <Box paddingBottom={3}>
                <Typography variant="delta" tag="h2">
                  {total === 0
                    ? 'Ingen sager fundet'
                    : total === 1
                      ? '1 sag fundet'
                      : `${estimated ? 'ca. ' : ''}${total.toLocaleString('da-DK')} sager fundet`}
                </Typography>
                {estimated && (
                  <Typography textColor="neutral600">
                    {`De ${(results.body?.meta.ranked ?? 0).toLocaleString('da-DK')} senest registrerede af dem er ordnet efter, hvor godt de passer. Tilføj flere ord eller et filter for at finde andre.`}
                  </Typography>
                )}
              </Box>
              {total > 0 && <CaseList items={results.body.data} caption="Fundne sager" />}
              <Pager page={page} pages={pages} goTo={goTo} />
            </>
          )}
        </Box>
      </Layouts.Content>
    </Page.Main>
  );
}
