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

/** A row of CASE_COLUMNS (with the stored segments when a query asks for them, and the count of the matches). */
interface CaseRow {
  document_id: unknown;
  case_number: string | null;
  title: string | null;
  case_status: string | null;
  received_at: unknown;
  center_name: string | null;
  segments?: unknown;
  n?: unknown;
}

/** A COUNT(*) AS n row. */
interface CountRow {
  n: unknown;
}

/** The stored segments of a search row: JSON text on SQLite, already parsed on PostgreSQL; none when absent. */
function segmentsOf(value: unknown): StoredSegment[] {
  return value ? ((typeof value === 'string' ? JSON.parse(value) : value) as StoredSegment[]) : [];
}

function hitOf(sql: Sql, x: CaseRow, stems: string[], restricted: boolean): CaseHit {
  const segments = segmentsOf(x.segments);
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
 * How many of the latest registered matching cases are ranked. A word in most cases would
 * otherwise have every case that has it ranked on every search; with the cap a search reads at
 * most this many matches' words, whatever the query. Fewer matches are all ranked.
 */
export const RANKED_CANDIDATES = 500;

export interface SearchResult {
  data: CaseHit[];
  /** How many cases match; an estimate (`estimated`) when more than RANKED_CANDIDATES do. */
  total: number;
  estimated: boolean;
  /** How many of the matches are ranked and can be paged through (at most RANKED_CANDIDATES + 1). */
  ranked: number;
}

/** The planner's estimate of a query's rows (PostgreSQL's statistics of the index's words). */
async function estimatedRows(knex: Knex, query: string, bindings: unknown[]): Promise<number> {
  const result = await knex.raw(`EXPLAIN (FORMAT JSON) ${query}`, bindings as Knex.RawBinding[]);
  const plan = result.rows[0]['QUERY PLAN'];
  return Math.round(Number((typeof plan === 'string' ? JSON.parse(plan) : plan)[0].Plan['Plan Rows']));
}

/**
 * One page of the cases that match, best first (newest first without a query), and how many
 * match. `restricted`: the role may read the restricted fields (./sources).
 *
 * With a query, the latest registered RANKED_CANDIDATES + 1 matches (the filters applied) are
 * taken first, by walking the index rows from the latest case back (rows stored side by side) or
 * through the word index, whichever the planner finds cheaper; only those are ranked, and only
 * the page's cases have their text read for the snippet. When more match, the total is
 * PostgreSQL's estimate ("ca."): counting every match of a frequent word costs as much as
 * ranking them all.
 */
export async function searchCases(knex: Knex, request: SearchRequest, restricted: boolean): Promise<SearchResult> {
  const sql = sqlFor(knex);
  const stems = queryStems(request.q ?? '');
  const filters = filterClause(sql, request);
  const pageSize = request.pageSize ?? 20;
  const offset = ((request.page ?? 1) - 1) * pageSize;
  // Words that are all stop words (or none at all) with a query given match nothing, as in PostgreSQL.
  if (request.q && stems.length === 0) return { data: [], total: 0, estimated: false, ranked: 0 };
  if (stems.length === 0) {
    const where = filters.where.length ? `WHERE ${filters.where.join(' AND ')}` : '';
    const [page, count] = await Promise.all([
      rows<CaseRow>(
        knex,
        `SELECT ${CASE_COLUMNS} FROM complaints c ${where} ORDER BY c.received_at DESC, c.id DESC LIMIT ${pageSize} OFFSET ${offset}`,
        filters.bindings,
      ),
      rows<CountRow>(knex, `SELECT COUNT(*) AS n FROM complaints c ${where}`, filters.bindings),
    ]);
    const total = Number(count[0]?.n ?? 0);
    return { data: page.map((x) => hitOf(sql, x, stems, restricted)), total, estimated: false, ranked: total };
  }
  const postgres = sql.dialect === 'postgres';
  const column = restricted ? 's.all_tsv' : 's.open_tsv';
  // PostgreSQL's own parser and `danish` stemming read the query, as they read the text; FTS5 matches the stems.
  const match = postgres ? `${column} @@ plainto_tsquery('danish', ?)` : `${FTS_TABLE} MATCH ?`;
  const matchBinding = postgres ? request.q : ftsMatch(stems, restricted);
  const matching = postgres
    ? `${SEARCH_TABLE} s ${filters.where.length ? 'JOIN complaints c ON c.id = s.complaint_id' : ''} WHERE ${[match, ...filters.where].join(' AND ')}`
    : `${FTS_TABLE} JOIN complaints c ON c.id = ${FTS_TABLE}.rowid WHERE ${[match, ...filters.where].join(' AND ')}`;
  const bindings = [matchBinding, ...filters.bindings];
  // bm25 is lower for better matches, and is only known within the MATCH query.
  const candidates = postgres
    ? `SELECT s.complaint_id AS id FROM ${matching} ORDER BY s.complaint_id DESC LIMIT ${RANKED_CANDIDATES + 1}`
    : `SELECT c.id AS id, -bm25(${FTS_TABLE}) AS score FROM ${matching} ORDER BY c.id DESC LIMIT ${RANKED_CANDIDATES + 1}`;
  const rank = postgres ? `ts_rank(${column}, plainto_tsquery('danish', ?))` : 'k.score';
  const page = await rows<CaseRow>(
    knex,
    `WITH k AS (${candidates}),
          r AS (SELECT k.id AS id, ${rank} AS rank, COUNT(*) OVER () AS n
                  FROM k ${postgres ? `JOIN ${SEARCH_TABLE} s ON s.complaint_id = k.id` : ''}
                 ORDER BY rank DESC, k.id DESC LIMIT ${pageSize} OFFSET ${offset})
     SELECT ${CASE_COLUMNS}, s.segments AS segments, r.n AS n
       FROM r JOIN complaints c ON c.id = r.id JOIN ${SEARCH_TABLE} s ON s.complaint_id = r.id
      ORDER BY r.rank DESC, r.id DESC`,
    postgres ? [...bindings, request.q] : bindings,
  );
  // A page past the matches has no row to carry their number.
  const found = page.length > 0 ? Number(page[0].n) : Number((await rows<CountRow>(knex, `SELECT COUNT(*) AS n FROM (${candidates}) k`, bindings))[0]?.n ?? 0);
  const ranked = found;
  let total = found;
  let estimated = false;
  if (found > RANKED_CANDIDATES) {
    if (postgres) {
      total = Math.max(found, await estimatedRows(knex, `SELECT 1 FROM ${matching}`, bindings));
      estimated = true;
    } else total = Number((await rows<CountRow>(knex, `SELECT COUNT(*) AS n FROM ${matching}`, bindings))[0]?.n ?? 0);
  }
  return { data: page.map((x) => hitOf(sql, x, stems, restricted)), total, estimated, ranked };
}

/**
 * "Lignende sager": earlier cases (received before this one) of the same center or sharing a
 * theme, ranked by how much of this case's characteristic words their open text has. Only the
 * open text is compared, whoever asks: similarity should not rest on who the citizen is.
 */
export async function similarCases(knex: Knex, caseId: number, limit = 5): Promise<CaseHit[]> {
  const sql = sqlFor(knex);
  const [own] = await rows<{ received_at: unknown; themes: unknown; segments: unknown; center_id: unknown }>(
    knex,
    `SELECT c.received_at AS received_at, c.complaint_themes AS themes, s.segments AS segments,
            (SELECT cl.center_id FROM complaints_center_lnk cl WHERE cl.complaint_id = c.id LIMIT 1) AS center_id
       FROM complaints c LEFT JOIN ${SEARCH_TABLE} s ON s.complaint_id = c.id WHERE c.id = ?`,
    [caseId],
  );
  if (!own) return [];
  const segments = segmentsOf(own.segments);
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
      ? await rows<CaseRow>(
          knex,
          // As a search: only the latest registered matches are ranked, and only the chosen ones' text is read.
          `WITH k AS (SELECT s.complaint_id AS id FROM ${SEARCH_TABLE} s JOIN complaints c ON c.id = s.complaint_id
                       WHERE s.open_tsv @@ to_tsquery('simple', ?) AND ${earlier.join(' AND ')}
                       ORDER BY s.complaint_id DESC LIMIT ${RANKED_CANDIDATES}),
                r AS (SELECT k.id AS id, ts_rank(s.open_tsv, to_tsquery('simple', ?)) AS rank FROM k JOIN ${SEARCH_TABLE} s ON s.complaint_id = k.id
                       ORDER BY rank DESC, k.id DESC LIMIT ${limit})
           SELECT ${CASE_COLUMNS}, s.segments AS segments
             FROM r JOIN complaints c ON c.id = r.id JOIN ${SEARCH_TABLE} s ON s.complaint_id = r.id
            ORDER BY r.rank DESC, c.received_at DESC`,
          [anyOf(stems), caseId, at, at, caseId, ...bindings, anyOf(stems)],
        )
      : await rows<CaseRow>(
          knex,
          `SELECT ${CASE_COLUMNS}, s.segments AS segments, -bm25(${FTS_TABLE}) AS rank
             FROM ${FTS_TABLE} f JOIN complaints c ON c.id = f.rowid JOIN ${SEARCH_TABLE} s ON s.complaint_id = c.id
            WHERE ${FTS_TABLE} MATCH ? AND ${earlier.join(' AND ')}
            ORDER BY rank DESC, c.received_at DESC LIMIT ${limit}`,
          [ftsMatch(stems, false, true), caseId, at, at, caseId, ...bindings],
        );
  return result.map((x) => hitOf(sql, x, stems, false));
}
