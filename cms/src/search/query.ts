/**
 * Finding cases: Danish full-text search over the index (./store) with filters, ranked, with a
 * snippet of each hit; and the earlier cases of the same center or theme whose text is most like
 * a case's ("Lignende sager"). What a role may not read is neither matched nor shown: without
 * `restricted`, only the open text is searched and quoted.
 */
import type { Knex } from 'knex';
import { DateTime } from 'luxon';
import { channels, complaintStatuses, complaintThemes, TIME_ZONE } from '@borgerraadgiver/config';
import { rows, sqlFor, type Sql } from '../reports/db/dialect';
import { FTS_TABLE, SEARCH_TABLE, type StoredSegment } from './store';
import { keyStems, queryStems, snippet } from './text';

export class SearchError extends Error {}

export interface SearchFilters {
  /** A center's documentId. */
  center?: string;
  status?: string;
  theme?: string;
  channel?: string;
  /** Local dates (YYYY-MM-DD), inclusive, of when the case was received. */
  from?: string;
  to?: string;
}

export interface SearchRequest extends SearchFilters {
  q?: string;
  page?: number;
  pageSize?: number;
}

export interface CaseHit {
  documentId: string;
  caseNumber: string | null;
  title: string | null;
  caseStatus: string | null;
  receivedAt: string | null;
  centerName: string | null;
  /** HTML: the passage with the hits in <mark>, everything else escaped; null without a query. */
  snippet: string | null;
}

export const MAX_PAGE_SIZE = 100;
const MAX_QUERY_LENGTH = 500;

const oneOf = (value: unknown, vocabulary: Record<string, string>, message: string) => {
  if (value === undefined || value === null || value === '') return undefined;
  const text = String(value);
  if (!(text in vocabulary)) throw new SearchError(message);
  return text;
};

const localDate = (value: unknown, message: string) => {
  if (value === undefined || value === null || value === '') return undefined;
  const text = String(value);
  const day = DateTime.fromISO(text, { zone: TIME_ZONE });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || !day.isValid) throw new SearchError(message);
  return text;
};

/** Reads and checks the query parameters; a bad one is a SearchError with a Danish message. */
export function parseSearch(query: Record<string, unknown>): SearchRequest {
  const q = query.q === undefined ? '' : String(query.q).normalize('NFC').trim();
  if (q.length > MAX_QUERY_LENGTH) throw new SearchError(`Søgningen må højst være ${MAX_QUERY_LENGTH} tegn.`);
  const page = query.page === undefined ? 1 : Number(query.page);
  const pageSize = query.pageSize === undefined ? 20 : Number(query.pageSize);
  if (!Number.isInteger(page) || page < 1) throw new SearchError('Siden skal være et helt tal fra 1.');
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) throw new SearchError(`Antal pr. side skal være mellem 1 og ${MAX_PAGE_SIZE}.`);
  const from = localDate(query.from, 'Fra-datoen skal være en gyldig dato (ÅÅÅÅ-MM-DD).');
  const to = localDate(query.to, 'Til-datoen skal være en gyldig dato (ÅÅÅÅ-MM-DD).');
  if (from && to && to < from) throw new SearchError('Til-datoen må ikke ligge før fra-datoen.');
  const center = query.center === undefined || query.center === '' ? undefined : String(query.center);
  if (center !== undefined && !/^[a-z0-9]{1,64}$/.test(center)) throw new SearchError('Centret findes ikke.');
  return {
    q,
    page,
    pageSize,
    from,
    to,
    center,
    status: oneOf(query.status, complaintStatuses, 'Status findes ikke.'),
    theme: oneOf(query.theme, complaintThemes, 'Temaet findes ikke.'),
    channel: oneOf(query.channel, channels, 'Kanalen findes ikke.'),
  };
}

/** The filters as SQL over `complaints c`, with their bindings. */
function filterClause(sql: Sql, filters: SearchFilters): { where: string[]; bindings: unknown[] } {
  const where: string[] = [];
  const bindings: unknown[] = [];
  if (filters.from) {
    where.push('c.received_at >= ?');
    bindings.push(sql.instant(DateTime.fromISO(filters.from, { zone: TIME_ZONE }).startOf('day').toJSDate()));
  }
  if (filters.to) {
    where.push('c.received_at < ?');
    bindings.push(sql.instant(DateTime.fromISO(filters.to, { zone: TIME_ZONE }).startOf('day').plus({ days: 1 }).toJSDate()));
  }
  if (filters.status) {
    where.push('c.case_status = ?');
    bindings.push(filters.status);
  }
  if (filters.channel) {
    where.push('c.channel = ?');
    bindings.push(filters.channel);
  }
  if (filters.center) {
    where.push('EXISTS (SELECT 1 FROM complaints_center_lnk fl JOIN centers fc ON fc.id = fl.center_id WHERE fl.complaint_id = c.id AND fc.document_id = ?)');
    bindings.push(filters.center);
  }
  if (filters.theme) {
    where.push(`EXISTS (SELECT 1 FROM ${sql.jsonArrayElements('c.complaint_themes', 'ft')} WHERE ft.value = ?)`);
    bindings.push(filters.theme);
  }
  return { where, bindings };
}

/** An FTS5 expression of stems, all required (`any`: at least one), in the open column only unless `restricted`. */
function ftsMatch(stems: string[], restricted: boolean, any = false) {
  const terms = stems.map((s) => `"${s.replace(/"/g, '""')}"`).join(any ? ' OR ' : ' ');
  return restricted ? terms : `{open} : (${terms})`;
}

/** A tsquery matching any of some stems (already Danish-stemmed, so read with the `simple` configuration). */
const anyOf = (stems: string[]) => stems.map((s) => `'${s.replace(/'/g, "''")}'`).join(' | ');

const CASE_COLUMNS = `c.document_id AS document_id, c.case_number AS case_number, c.title AS title, c.case_status AS case_status,
       c.received_at AS received_at, (SELECT ce.name FROM complaints_center_lnk cl JOIN centers ce ON ce.id = cl.center_id WHERE cl.complaint_id = c.id LIMIT 1) AS center_name`;

function hitOf(sql: Sql, x: any, stems: string[], restricted: boolean): CaseHit {
  const segments: StoredSegment[] = x.segments ? (typeof x.segments === 'string' ? JSON.parse(x.segments) : x.segments) : [];
  return {
    documentId: String(x.document_id),
    caseNumber: x.case_number ?? null,
    title: x.title ?? null,
    caseStatus: x.case_status ?? null,
    receivedAt: sql.toDate(x.received_at)?.toISOString() ?? null,
    centerName: x.center_name ?? null,
    snippet: stems.length
      ? snippet(
          segments.filter((s) => restricted || !s.restricted),
          stems,
        )
      : null,
  };
}

/**
 * One page of the cases that match, best first (newest first without a query), and how many
 * match in all. `restricted`: the role may read the restricted fields (./sources).
 */
export async function searchCases(knex: Knex, request: SearchRequest, restricted: boolean): Promise<{ data: CaseHit[]; total: number }> {
  const sql = sqlFor(knex);
  const stems = queryStems(request.q ?? '');
  const filters = filterClause(sql, request);
  const pageSize = request.pageSize ?? 20;
  const offset = ((request.page ?? 1) - 1) * pageSize;
  // Words that are all stop words (or none at all) with a query given match nothing, as in PostgreSQL.
  if (request.q && stems.length === 0) return { data: [], total: 0 };
  let from: string;
  let rank: string;
  const matchBindings: unknown[] = [];
  if (stems.length === 0) {
    from = `complaints c LEFT JOIN ${SEARCH_TABLE} s ON s.complaint_id = c.id`;
    rank = '0';
  } else if (sql.dialect === 'postgres') {
    const column = restricted ? 's.all_tsv' : 's.open_tsv';
    // PostgreSQL's own parser and `danish` stemming read the query, as they read the text.
    from = `${SEARCH_TABLE} s CROSS JOIN plainto_tsquery('danish', ?) q JOIN complaints c ON c.id = s.complaint_id`;
    matchBindings.push(request.q);
    filters.where.unshift(`${column} @@ q`);
    rank = `ts_rank(${column}, q)`;
  } else {
    from = `${FTS_TABLE} f JOIN complaints c ON c.id = f.rowid JOIN ${SEARCH_TABLE} s ON s.complaint_id = c.id`;
    filters.where.unshift(`${FTS_TABLE} MATCH ?`);
    filters.bindings.unshift(ftsMatch(stems, restricted));
    // bm25 is lower for better matches.
    rank = `-bm25(${FTS_TABLE})`;
  }
  const where = filters.where.length ? `WHERE ${filters.where.join(' AND ')}` : '';
  const bindings = [...matchBindings, ...filters.bindings];
  const [page, count] = await Promise.all([
    rows<any>(
      knex,
      `SELECT ${CASE_COLUMNS}, s.segments AS segments, ${rank} AS rank
         FROM ${from} ${where}
        ORDER BY rank DESC, c.received_at DESC, c.id DESC
        LIMIT ${pageSize} OFFSET ${offset}`,
      bindings,
    ),
    rows<any>(knex, `SELECT COUNT(*) AS n FROM ${from} ${where}`, bindings),
  ]);
  return { data: page.map((x) => hitOf(sql, x, stems, restricted)), total: Number(count[0]?.n ?? 0) };
}

/**
 * "Lignende sager": earlier cases (received before this one) of the same center or sharing a
 * theme, ranked by how much of this case's characteristic words their open text has. Only the
 * open text is compared, whoever asks: similarity should not rest on who the citizen is.
 */
export async function similarCases(knex: Knex, caseId: number, limit = 5): Promise<CaseHit[]> {
  const sql = sqlFor(knex);
  const [own] = await rows<any>(
    knex,
    `SELECT c.received_at AS received_at, c.complaint_themes AS themes, s.segments AS segments,
            (SELECT cl.center_id FROM complaints_center_lnk cl WHERE cl.complaint_id = c.id LIMIT 1) AS center_id
       FROM complaints c LEFT JOIN ${SEARCH_TABLE} s ON s.complaint_id = c.id WHERE c.id = ?`,
    [caseId],
  );
  if (!own) return [];
  const segments: StoredSegment[] = own.segments ? (typeof own.segments === 'string' ? JSON.parse(own.segments) : own.segments) : [];
  const stems = keyStems(
    segments
      .filter((s) => !s.restricted)
      .map((s) => s.text)
      .join('\n'),
  );
  if (stems.length === 0) return [];
  const themes: string[] = (() => {
    const value = typeof own.themes === 'string' ? JSON.parse(own.themes) : own.themes;
    return Array.isArray(value) ? value.map(String) : [];
  })();
  const related: string[] = [];
  const bindings: unknown[] = [];
  if (own.center_id !== null && own.center_id !== undefined) {
    related.push('EXISTS (SELECT 1 FROM complaints_center_lnk rl WHERE rl.complaint_id = c.id AND rl.center_id = ?)');
    bindings.push(own.center_id);
  }
  if (themes.length) {
    related.push(`EXISTS (SELECT 1 FROM ${sql.jsonArrayElements('c.complaint_themes', 'rt')} WHERE rt.value IN (${themes.map(() => '?').join(', ')}))`);
    bindings.push(...themes);
  }
  if (related.length === 0) return [];
  const earlier = ['c.id <> ?', `(c.received_at < ? OR (c.received_at = ? AND c.id < ?))`, `(${related.join(' OR ')})`];
  const receivedAt = sql.toDate(own.received_at);
  const at = receivedAt ? sql.instant(receivedAt) : null;
  const result =
    sql.dialect === 'postgres'
      ? await rows<any>(
          knex,
          `SELECT ${CASE_COLUMNS}, s.segments AS segments, ts_rank(s.open_tsv, q) AS rank
             FROM ${SEARCH_TABLE} s CROSS JOIN to_tsquery('simple', ?) q JOIN complaints c ON c.id = s.complaint_id
            WHERE s.open_tsv @@ q AND ${earlier.join(' AND ')}
            ORDER BY rank DESC, c.received_at DESC LIMIT ${limit}`,
          [anyOf(stems), caseId, at, at, caseId, ...bindings],
        )
      : await rows<any>(
          knex,
          `SELECT ${CASE_COLUMNS}, s.segments AS segments, -bm25(${FTS_TABLE}) AS rank
             FROM ${FTS_TABLE} f JOIN complaints c ON c.id = f.rowid JOIN ${SEARCH_TABLE} s ON s.complaint_id = c.id
            WHERE ${FTS_TABLE} MATCH ? AND ${earlier.join(' AND ')}
            ORDER BY rank DESC, c.received_at DESC LIMIT ${limit}`,
          [ftsMatch(stems, false, true), caseId, at, at, caseId, ...bindings],
        );
  return result.map((x) => hitOf(sql, x, stems, false));
}
