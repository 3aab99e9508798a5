/** A list of cases found by search or behind a report figure: number (opens the case), title, center, status, received, and what matched. */
import * as React from 'react';
import { Box, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { Link } from 'react-router-dom';
import { complaintStatuses } from '../../../../config/src/vocabulary';
import { COMPLAINT } from '../../content-types';
import { TableHead } from '../TableHead';
import type { FigureCase } from '../../reports/db/figures';
import { danishDate } from '@borgerraadgiver/config/src/dates';

/** A case behind a figure, or found by search (then with `snippet`: HTML from the server, the text escaped, the hits in <mark>). */
export type CaseListItem = Omit<FigureCase, 'item'> & { item?: string | null; snippet?: string | null };

export const caseLink = (documentId: string) => `/content-manager/collection-types/${COMPLAINT}/${documentId}`;

const date = (iso: string | null) => danishDate(iso, 'numeric') || '–';
const statusLabel = (key: string | null) => (key ? ((complaintStatuses as Record<string, string>)[key] ?? key) : '–');

export function CaseList({ items, caption }: { items: CaseListItem[]; caption: string }) {
  const withItem = items.some((x) => x.item);
  const withSnippet = items.some((x) => x.snippet);
  const headers = ['Sag', 'Titel', 'Center', 'Status', 'Modtaget', ...(withItem ? ['Talt med'] : []), ...(withSnippet ? ['Fundet i'] : [])];
  return (
    <Box paddingBottom={6}>
      <Table colCount={headers.length} rowCount={items.length + 1} aria-label={caption}>
        <TableHead headers={headers} />
        <Tbody>
          {items.map((x, i) => (
            <Tr key={`${x.documentId ?? 'none'}-${i}`}>
              <Td>{x.documentId ? <Link to={caseLink(x.documentId)}>{x.caseNumber ?? 'Uden nummer'}</Link> : <Typography>Ingen sag</Typography>}</Td>
              <Td>
                <Typography>{x.title ?? '–'}</Typography>
              </Td>
              <Td>
                <Typography>{x.centerName ?? '–'}</Typography>
              </Td>
              <Td>
                <Typography>{statusLabel(x.caseStatus)}</Typography>
              </Td>
              <Td>
                <Typography>{date(x.receivedAt)}</Typography>
              </Td>
              {withItem && (
                <Td>
                  <Typography>{x.item ?? 'Sagen'}</Typography>
                </Td>
              )}
              {withSnippet && (
                <Td style={{ whiteSpace: 'normal', maxWidth: '32rem' }}>
                  {/* The server escapes the text and adds only <mark> around the hits. */}
                  <Typography variant="pi" dangerouslySetInnerHTML={{ __html: x.snippet ?? '' }} />
                </Td>
              )}
            </Tr>
          ))}
        </Tbody>
      </Table>
    </Box>
  );
}
