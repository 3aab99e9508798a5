/**
 * What each figure of the report counts, as SQL, for the counting and the drill-down alike: a
 * figure source is a FROM, the column that places a row in a period, the conditions, the
 * dimensions the report breaks it down by, named conditions for sub-figures (answered, on time,
 * reopened) and the case a counted row belongs to. The statistics queries (./statistics) count
 * over a source's FROM and WHERE grouped by its dimensions; `figureCases` lists the rows of the
 * same FROM and WHERE with the figure's dimension values fixed. So a figure and its list cannot
 * drift apart: the list is the rows the figure counts, one per counted row.
 */
import type { Knex } from 'knex';
import type { FigureRef } from '../model';
import { NOT_GIVEN } from '../assemble';
import { customPeriod, periodBounds, type Period } from '../period';
import { rows, sqlFor, type Sql } from './dialect';
import { citizenKey, NAMED } from './indexes';
import { OUTCOME_REASON, outcomeRows } from './outcomes';
import { effectiveDueSql } from '../../rules/links';

/** The complaint's center through its link table, used when a row has no center of its own. */
export const COMPLAINT_CENTER = 'complaints_center_lnk';

export interface FigureSource {
  from: string;
  /** The column that places a row in a period. */
  at: string;
  atKind?: 'instant' | 'date';
  /** Conditions besides the period (bindings inlined: they are ours, not input). */
  where: string[];
  /** Dimensions: name → SQL expression; `ids` names those that hold row ids (compared as numbers). */
  dims: Record<string, string>;
  ids?: string[];
  /** Sub-figures: name → condition. */
  only?: Record<string, string>;
  /** The case a counted row belongs to (NULL for one of none, as a general opinion). */
  caseId: string;
  /** Counted once per value of this expression (distinct citizens): the list holds the first case of each. */
  onePer?: string;
  /** What a counted row is, in Danish, when it is not the case itself. */
  item?: string;
}

const STATEMENT_JOINS = `statement_requests s
       LEFT JOIN statement_requests_center_lnk scl ON scl.statement_request_id = s.id
       LEFT JOIN statement_requests_complaint_lnk sl ON sl.statement_request_id = s.id
       LEFT JOIN ${COMPLAINT_CENTER} ccl ON ccl.complaint_id = sl.complaint_id`;
export const NOT_CANCELLED = "(s.request_status IS NULL OR s.request_status <> 'annulleret')";
const STATEMENT_CENTER = 'COALESCE(scl.center_id, ccl.center_id)';

/** "now" as a literal of the dialect: it is ours, not input, and keeps the placeholders to the periods. */
export const nowLiteral = (sql: Sql, now: Date) => (sql.dialect === 'sqlite' ? String(sql.instant(now)) : `CAST('${now.toISOString()}' AS timestamp)`);

/** Statement punctuality by deadline (the agreed one when there is one). */
export function punctuality(sql: Sql, now: Date) {
  const due = effectiveDueSql('s');
  const late = `s.responded_at IS NOT NULL AND s.responded_at > ${due}`;
  const unanswered = `s.responded_at IS NULL AND ${due} < ${nowLiteral(sql, now)}`;
  return { due, onTime: `s.responded_at IS NOT NULL AND s.responded_at <= ${due}`, late, unanswered };
}

/** Statement requests by deadline: answered on time, late, or not at all with the deadline passed by `now`. */
export function punctualitySource(sql: Sql, now: Date) {
  const p = punctuality(sql, now);
  return {
    from: STATEMENT_JOINS,
    at: p.due,
    where: [NOT_CANCELLED],
    dims: { center: STATEMENT_CENTER },
    ids: ['center'],
    only: { onTime: p.onTime, late: p.late, unanswered: p.unanswered },
    caseId: 'sl.complaint_id',
    item: 'Anmodning om redegørelse',
  } satisfies FigureSource;
}

/** Every figure source but punctuality (above) and the outcomes (./outcomes, whose rows are a union of their own). */
export function figureSources(sql: Sql) {
  const inquiry = { at: 'c.received_at', where: [], caseId: 'c.id' };
  return {
    /** Inquiries by center, purpose, category and status. */
    inquiries: {
      ...inquiry,
      from: `complaints c LEFT JOIN ${COMPLAINT_CENTER} l ON l.complaint_id = c.id`,
      dims: { center: 'l.center_id', purpose: 'c.purpose', category: 'c.category', status: 'c.case_status' },
      ids: ['center'],
    },
    /** Inquiries by channel, identity, reason, handling and result (no join, so an index serves the count). */
    inquiryDimensions: {
      ...inquiry,
      from: 'complaints c',
      dims: {
        channel: 'c.channel',
        identity: 'c.identity',
        reason: 'c.out_of_scope_reason',
        handling: 'c.handling',
        citizenResult: 'c.citizen_result',
        purpose: 'c.purpose',
      },
    },
    namedCitizens: { ...inquiry, from: 'complaints c', where: [NAMED('c')], dims: {}, onePer: citizenKey('c') },
    themes: {
      ...inquiry,
      from: `complaints c, ${sql.jsonArrayElements('c.complaint_themes', 't')}`,
      where: ['c.complaint_themes IS NOT NULL'],
      dims: { theme: 't.value' },
    },
    institutions: {
      ...inquiry,
      from: 'complaints c JOIN complaints_institution_lnk il ON il.complaint_id = c.id',
      dims: { institution: 'il.institution_id' },
      ids: ['institution'],
    },
    meetings: {
      from: 'meetings m LEFT JOIN meetings_complaint_lnk ml ON ml.meeting_id = m.id',
      at: 'm.held_at',
      where: [],
      dims: { role: 'm.role' },
      caseId: 'ml.complaint_id',
      item: 'Møde',
    },
    opinions: {
      from: `opinions o
       LEFT JOIN opinions_center_lnk ocl ON ocl.opinion_id = o.id
       LEFT JOIN opinions_complaint_lnk ol ON ol.opinion_id = o.id
       LEFT JOIN ${COMPLAINT_CENTER} ccl ON ccl.complaint_id = ol.complaint_id`,
      at: 'o.issued_at',
      where: [],
      // Case opinions are every opinion that is not a general one.
      dims: { kind: "CASE WHEN o.kind = 'general' THEN 'general' ELSE 'case' END", outcome: 'o.outcome', center: 'COALESCE(ocl.center_id, ccl.center_id)' },
      ids: ['center'],
      caseId: 'ol.complaint_id',
      item: 'Udtalelse',
    },
    /** Statement requests by request date (cancelled ones left out). */
    statements: {
      from: STATEMENT_JOINS,
      at: 's.requested_at',
      where: [NOT_CANCELLED],
      dims: { center: STATEMENT_CENTER },
      ids: ['center'],
      only: { answered: 's.responded_at IS NOT NULL' },
      caseId: 'sl.complaint_id',
      item: 'Anmodning om redegørelse',
    },
    recommendations: {
      from: `recommendations rec
       JOIN recommendations_opinion_lnk rol ON rol.recommendation_id = rec.id
       JOIN opinions o ON o.id = rol.opinion_id
       LEFT JOIN recommendations_center_lnk rcl ON rcl.recommendation_id = rec.id
       LEFT JOIN opinions_center_lnk ocl ON ocl.opinion_id = o.id
       LEFT JOIN opinions_complaint_lnk ol ON ol.opinion_id = o.id
       LEFT JOIN ${COMPLAINT_CENTER} ccl ON ccl.complaint_id = ol.complaint_id`,
      at: 'o.issued_at',
      where: [],
      dims: { center: 'COALESCE(rcl.center_id, ocl.center_id, ccl.center_id)', followUp: 'rec.follow_up_status' },
      ids: ['center'],
      only: { reopened: 'rec.case_reopened' },
      caseId: 'ol.complaint_id',
      item: 'Anbefaling',
    },
  } satisfies Record<string, FigureSource>;
}

type Sources = ReturnType<typeof figureSources> & { punctuality: ReturnType<typeof punctualitySource> };

/** The outcomes as a figure source over one period (their rows are computed per period). */
function outcomeSource(sql: Sql, period: Period): { source: FigureSource; bindings: unknown[] } {
  const union = outcomeRows(sql, [{ key: 'p', period }]);
  return {
    source: {
      from: `(${union.sql}) o LEFT JOIN ${COMPLAINT_CENTER} cl ON cl.complaint_id = o.complaint_id`,
      at: '',
      where: ["o.slot = 'p'", 'o.status IS NOT NULL'],
      dims: { status: 'o.status', center: 'cl.center_id', reason: OUTCOME_REASON },
      ids: ['center'],
      caseId: 'o.complaint_id',
    },
    bindings: union.bindings,
  };
}

export class FigureError extends Error {}

/** The rows of a figure are listed a page at a time: a year's inquiries are thousands. */
export const MAX_FIGURE_PAGE_SIZE = 500;

export interface FigurePage {
  page: number;
  pageSize: number;
}

/** Reads a figure, its period and the page from query parameters; a bad one is a FigureError or PeriodError with a Danish message. */
export function parseFigureQuery(query: Record<string, unknown>): { period: Period; figure: FigureRef; page: FigurePage } {
  const page = query.page === undefined ? 1 : Number(query.page);
  const pageSize = query.pageSize === undefined ? 50 : Number(query.pageSize);
  if (!Number.isInteger(page) || page < 1) throw new FigureError('Siden skal være et helt tal fra 1.');
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_FIGURE_PAGE_SIZE)
    throw new FigureError(`Antal pr. side skal være mellem 1 og ${MAX_FIGURE_PAGE_SIZE}.`);
  const period = customPeriod(String(query.from ?? ''), String(query.to ?? ''));
  let figure: unknown;
  try {
    figure = JSON.parse(String(query.figure ?? ''));
  } catch {
    throw new FigureError('Tallet findes ikke i rapporten.');
  }
  const { metric, filter } = (figure ?? {}) as Partial<FigureRef>;
  if (
    typeof metric !== 'string' ||
    typeof filter !== 'object' ||
    filter === null ||
    Array.isArray(filter) ||
    !Object.values(filter).every((value) => typeof value === 'string')
  )
    throw new FigureError('Tallet findes ikke i rapporten.');
  return { period, figure: { metric, filter }, page: { page, pageSize } };
}

/** The conditions of a figure: its dimension values and sub-figure; unknown names are a FigureError. */
function figureWhere(source: FigureSource, filter: Record<string, string>): { where: string[]; bindings: unknown[] } {
  const where: string[] = [];
  const bindings: unknown[] = [];
  for (const [name, value] of Object.entries(filter)) {
    if (name === 'only') {
      const condition = source.only?.[value];
      if (!condition) throw new FigureError('Tallet findes ikke i rapporten.');
      where.push(`(${condition})`);
      continue;
    }
    const expression = source.dims[name];
    if (!expression || typeof value !== 'string') throw new FigureError('Tallet findes ikke i rapporten.');
    const id = source.ids?.includes(name);
    if (value === NOT_GIVEN) where.push(id ? `${expression} IS NULL` : `(${expression} IS NULL OR ${expression} = '')`);
    else {
      if (id && !/^\d+$/.test(value)) throw new FigureError('Tallet findes ikke i rapporten.');
      where.push(`${expression} = ?`);
      bindings.push(id ? Number(value) : value);
    }
  }
  return { where, bindings };
}

/** A counted row of a figure, with the case it belongs to (none for a general opinion). */
export interface FigureCase {
  documentId: string | null;
  caseNumber: string | null;
  title: string | null;
  caseStatus: string | null;
  receivedAt: string | null;
  centerName: string | null;
  /** What was counted when it is not the case itself ("Udtalelse", "Møde"…). */
  item: string | null;
}

const isMetric = (sources: Sources, metric: string): metric is keyof Sources => Object.hasOwn(sources, metric);

/**
 * The rows a figure counts in a period, one per counted row, each with its case: the same FROM and
 * WHERE as the statistics' count, with the figure's dimension values. Newest case first, a page
 * at a time; `total` counts the same rows the page is taken from.
 */
export async function figureCases(
  knex: Knex,
  period: Period,
  ref: FigureRef,
  { page, pageSize }: FigurePage,
  now = new Date(),
): Promise<{ data: FigureCase[]; total: number }> {
  const sql = sqlFor(knex);
  const sources: Sources = { ...figureSources(sql), punctuality: punctualitySource(sql, now) };
  let source: FigureSource;
  const bindings: unknown[] = [];
  const where: string[] = [];
  if (ref.metric === 'outcomes') {
    const outcome = outcomeSource(sql, period);
    source = outcome.source;
    bindings.push(...outcome.bindings);
  } else if (isMetric(sources, ref.metric)) {
    source = sources[ref.metric];
    const { start, end } = periodBounds(period);
    const high = source.atKind === 'date' ? '<=' : '<';
    where.push(`${source.at} >= ? AND ${source.at} ${high} ?`);
    bindings.push(...(source.atKind === 'date' ? [period.from, period.to] : [sql.instant(start), sql.instant(end)]));
  } else throw new FigureError('Tallet findes ikke i rapporten.');
  const figure = figureWhere(source, ref.filter ?? {});
  const conditions = [...source.where, ...where, ...figure.where];
  // Outcomes count each case once per group; the others count rows, and a citizen once.
  const counted =
    ref.metric === 'outcomes'
      ? `SELECT DISTINCT ${source.caseId} AS case_id FROM ${source.from} WHERE ${conditions.join(' AND ')}`
      : source.onePer
        ? `SELECT MIN(${source.caseId}) AS case_id FROM ${source.from} WHERE ${conditions.join(' AND ')} GROUP BY ${source.onePer}`
        : `SELECT ${source.caseId} AS case_id FROM ${source.from} WHERE ${conditions.join(' AND ')}`;
  const all = [...bindings, ...figure.bindings];
  const [result, count] = await Promise.all([
    rows<{
      document_id: string | null;
      case_number: string | null;
      title: string | null;
      case_status: string | null;
      received_at: unknown;
      center_name: string | null;
    }>(
      knex,
      `SELECT k.case_id AS case_id, c.document_id AS document_id, c.case_number AS case_number, c.title AS title, c.case_status AS case_status,
              c.received_at AS received_at, (SELECT ce.name FROM ${COMPLAINT_CENTER} cl JOIN centers ce ON ce.id = cl.center_id WHERE cl.complaint_id = c.id LIMIT 1) AS center_name
         FROM (${counted}) k LEFT JOIN complaints c ON c.id = k.case_id
        ORDER BY c.received_at DESC, c.id DESC, k.case_id
        LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      all,
    ),
    rows(knex, `SELECT COUNT(*) AS n FROM (${counted}) k`, all),
  ]);
  const data = result.map((x) => ({
    documentId: x.document_id ?? null,
    caseNumber: x.case_number ?? null,
    title: x.title ?? null,
    caseStatus: x.case_status ?? null,
    receivedAt: sql.toDate(x.received_at)?.toISOString() ?? null,
    centerName: x.center_name ?? null,
    item: 'item' in source ? (source.item ?? null) : null,
  }));
  return { data, total: Number(count[0]?.n ?? 0) };
}
