/**
 * "Sager bag tallet": the rows a report figure counts, each with its case (GET /reports/cases with
 * the figure and its period from the address), a page at a time; the count is the figure.
 */
import * as React from 'react';
import { Layouts, Page } from '@strapi/strapi/admin';
import { Box, Typography } from '@strapi/design-system';
import { Link, useSearchParams } from 'react-router-dom';
import { useAdminGet } from '../useAdminGet';
import { CaseList, type CaseListItem } from './CaseList';
import { Pager, useAddressPage } from './Pager';
import { danishDate } from '@borgerraadgiver/config/src/dates';

const PAGE_SIZE = 50;

export default function FigureCasesPage() {
  const [params] = useSearchParams();
  const from = params.get('from');
  const to = params.get('to');
  const label = params.get('label') ?? 'Tallet';
  const [page, goTo] = useAddressPage();
  const query = new URLSearchParams({ from: from ?? '', to: to ?? '', figure: params.get('figure') ?? '', page: String(page), pageSize: String(PAGE_SIZE) });
  const { body, error } = useAdminGet<{ data: CaseListItem[]; meta: { total: number } }>(`/reports/cases?${query}`, 'Sagerne bag tallet kunne ikke hentes.');
  const total = body?.meta.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <Page.Main>
      <Page.Title>{`Sager bag tallet: ${label}`}</Page.Title>
      <Layouts.Header
        title={label}
        subtitle={`Det, tallet tæller, i perioden ${danishDate(from, 'numeric')}–${danishDate(to, 'numeric')}.`}
        navigationAction={<Link to="/rapporter">Tilbage til rapporter</Link>}
      />
      <Layouts.Content>
        <Box data-figure-cases="">
          {error && <Typography textColor="danger600">{error}</Typography>}
          {!error && !body && <Typography textColor="neutral600">Henter …</Typography>}
          {body && (
            <>
              <Box paddingBottom={3}>
                <Typography variant="delta" tag="h2">
                  {total === 1 ? '1 talt' : `${total.toLocaleString('da-DK')} talt`}
                </Typography>
              </Box>
              {total > 0 && <CaseList items={body.data} caption={label} />}
              <Pager page={page} pages={pages} goTo={goTo} />
            </>
          )}
        </Box>
      </Layouts.Content>
    </Page.Main>
  );
}
