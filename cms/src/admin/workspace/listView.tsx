/**
 * Lists worth scanning: choice columns and filter options show their Danish labels, dates are
 * short (05.12.2026, 05.12.2026, 08.05), the case list
 * shows the days since receipt and the next statement deadline with an overdue mark, and the
 * system fields are out of the filters.
 */
import * as React from 'react';
import { Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { labelsFor, labelsForKeys } from './choices';
import { danishDate, danishDateTime } from '@borgerraadgiver/config/src/dates';

/** Fields of the system and of the machinery, never a filter: they mean nothing to the office. */
const SYSTEM_FIELDS = [
  'id',
  'documentId',
  'createdAt',
  'updatedAt',
  'createdBy',
  'updatedBy',
  'publishedAt',
  'locale',
  'citizenLinkVersion',
  'revokeCitizenLink',
  'linkVersion',
  'reissueLink',
  'dueVersion',
  'messageId',
  'sendingSince',
  'failureDigest',
  'sizeBytes',
  'actorId',
  'subjectDocumentId',
];

interface Header {
  name: string;
  label: string | { id: string; defaultMessage: string };
  attribute: { type: string; enum?: string[]; options?: { choices?: string } };
  searchable?: boolean;
  sortable?: boolean;
  cellFormatter?: (row: Record<string, any>) => React.ReactNode;
}

const Plain = ({ children, color }: { children: React.ReactNode; color?: string }) => <Typography textColor={color ?? 'neutral800'}>{children}</Typography>;

const daysSince = (iso: string | null | undefined) => (iso ? Math.floor((Date.now() - new Date(iso).getTime()) / 86_400_000) : null);

type Deadlines = Record<string, { dueAt: string; overdue: boolean }>;
let deadlines: Promise<Deadlines> | null = null;
let loadedAt = 0;

/** Next open statement deadline of a case, from one request per list view (kept for a minute). */
function NextDeadline({ complaintId }: { complaintId: string }) {
  const { get } = useFetchClient();
  const [entry, setEntry] = React.useState<Deadlines[string] | null | undefined>(undefined);
  React.useEffect(() => {
    if (!deadlines || Date.now() - loadedAt > 60_000) {
      loadedAt = Date.now();
      deadlines = get<{ data: Deadlines }>('/workspace/deadlines')
        .then(({ data }) => data.data)
        .catch(() => ({}));
    }
    let live = true;
    deadlines.then((all) => live && setEntry(all[complaintId] ?? null));
    return () => {
      live = false;
    };
  }, [get, complaintId]);
  if (!entry) return <Plain>{entry === undefined ? '' : '–'}</Plain>;
  return <Plain color={entry.overdue ? 'danger600' : undefined}>{`${danishDate(entry.dueAt, 'numeric')}${entry.overdue ? ' ⚠ overskredet' : ''}`}</Plain>;
}

export function labelColumns({ displayedHeaders, layout }: { displayedHeaders: Header[]; layout: any }) {
  const headers = displayedHeaders.map((header) => {
    // Dates in a list are short: Strapi's own cells write "søndag den 1. november 2026 kl. 00.00" and push the columns off screen.
    const short = { date: danishDate, datetime: danishDateTime }[header.attribute.type];
    if (short) return { ...header, cellFormatter: (row: Record<string, any>) => <Plain>{short(row[header.name], 'numeric') || '–'}</Plain> };
    const labels = labelsFor(header.attribute);
    if (!labels) return header;
    return { ...header, cellFormatter: (row: Record<string, any>) => <Plain>{labels[row[header.name]] ?? row[header.name] ?? '–'}</Plain> };
  });
  const isCaseList = displayedHeaders.some((header) => header.name === 'caseNumber') && displayedHeaders.some((header) => header.name === 'caseStatus');
  if (isCaseList) {
    headers.push(
      {
        name: 'daysSinceReceipt',
        label: { id: 'borgerraadgiver.list.daysSinceReceipt', defaultMessage: 'Dage siden modtagelse' },
        attribute: { type: 'custom' },
        searchable: false,
        sortable: false,
        cellFormatter: (row) => <Plain>{daysSince(row.receivedAt) ?? '–'}</Plain>,
      },
      {
        name: 'nextDeadline',
        label: { id: 'borgerraadgiver.list.nextDeadline', defaultMessage: 'Næste frist' },
        attribute: { type: 'custom' },
        searchable: false,
        sortable: false,
        cellFormatter: (row) => <NextDeadline complaintId={row.documentId} />,
      },
    );
  }
  return { displayedHeaders: headers, layout };
}

export function labelFilters({ displayedFilters, layout }: { displayedFilters: any[]; layout: any }) {
  return {
    layout,
    displayedFilters: displayedFilters
      .filter((filter) => !SYSTEM_FIELDS.includes(filter.name))
      .map((filter) => {
        const labels = filter.options && labelsForKeys(filter.options.map((option: { value: string }) => option.value));
        return labels
          ? { ...filter, options: filter.options.map((option: { value: string }) => ({ ...option, label: labels[option.value] ?? option.value })) }
          : filter;
      }),
  };
}
