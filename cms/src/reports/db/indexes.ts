/**
 * Indexes for the statistics queries, created idempotently at bootstrap (CREATE INDEX IF NOT
 * EXISTS; same SQL on SQLite and PostgreSQL). Strapi's schema sync leaves indexes it did not
 * create alone (it only drops indexes that were in its own previous schema), and the content
 * types cannot declare expression or partial indexes, so they live here beside the queries.
 *
 * - The two covering indexes let the inquiry breakdowns read a narrow index instead of the table,
 *   and let SQLite group the dimensions in index order instead of sorting every row.
 * - The three partial expression indexes hold each duration in sorted order, so a percentile is an
 *   index walk to a rank (ORDER BY duration LIMIT … OFFSET …) instead of sorting every duration.
 *   Their expressions must stay exactly the ones the percentile queries order by (DURATIONS below).
 * - Named citizens by the key they are counted by, and the themes of the inquiries that have any,
 *   so both are read from an index instead of the table.
 * - Partial indexes on the journal for the outcomes (./outcomes): for each outcome status the events
 *   that set it, by time, so the period's events are one index range without reading the table or
 *   its JSON (the status column is for SQLite, which checks the condition from it; PostgreSQL needs
 *   the status in the index's condition, as it cannot read an expression's value from an index);
 *   the backfill's events of the cases from before the journal; and the events that
 *   closed a case, so the check that a pre-journal case was closed in the journal reads no JSON.
 *   Their conditions are the queries' own (outcomeEvents, backfilled, closureEvents).
 */
import type { Knex } from 'knex';
import type { Sql } from './dialect';
import { sqlFor } from './dialect';
import { backfilled, closureEvents, eventStatus, outcomeEvents } from './outcomes';
import { outcomeStatuses } from '../../rules/complaint-status';

export interface DurationSource {
  table: string;
  /** The datetime column that places a row in a period. */
  at: string;
  /** The datetime column the duration ends at. */
  end: string;
  /** Extra condition (beyond `end IS NOT NULL`); `col` qualifies a column name. */
  where?: (col: (name: string) => string) => string;
  /** Extra index columns, so the extra condition is checked from the index. */
  include?: string[];
}

export const DURATIONS: Record<'firstAction' | 'closure' | 'statement', DurationSource> = {
  firstAction: { table: 'complaints', at: 'received_at', end: 'first_action_at' },
  closure: { table: 'complaints', at: 'received_at', end: 'closed_at' },
  // Same rows as "answered" in the statement figures: responded, not cancelled.
  statement: {
    table: 'statement_requests',
    at: 'requested_at',
    end: 'responded_at',
    where: (col) => `(${col('request_status')} IS NULL OR ${col('request_status')} <> 'annulleret')`,
    include: ['request_status'],
  },
};

/** The duration in seconds of a source's row; `alias` qualifies the columns (none in an index). */
export function durationExpression(sql: Sql, source: DurationSource, alias?: string): string {
  const col = (name: string) => (alias ? `${alias}.${name}` : name);
  return sql.secondsBetween(col(source.end), col(source.at));
}

/** The rows a duration percentile is taken over (apart from the period range). */
export function durationCondition(source: DurationSource, alias?: string): string {
  const col = (name: string) => (alias ? `${alias}.${name}` : name);
  return `${col(source.end)} IS NOT NULL${source.where ? ` AND ${source.where(col)}` : ''}`;
}

const column = (alias?: string) => (name: string) => (alias ? `${alias}.${name}` : name);

/**
 * The key a named citizen is counted by (see namedCitizens in ./statistics); `alias` qualifies the
 * columns (none in an index). Only immutable functions, as PostgreSQL requires in an index.
 */
export function citizenKey(alias?: string): string {
  const col = column(alias);
  return `COALESCE(NULLIF(LOWER(TRIM(${col('citizen_email')})), ''), NULLIF(TRIM(${col('cvr')}), ''), NULLIF(LOWER(TRIM(${col('citizen_name')})), ''), NULLIF(LOWER(TRIM(${col('business_name')})), ''), 'sag:' || CAST(${col('id')} AS text))`;
}

/** The inquiries whose citizen is named. */
export const NAMED = (alias?: string) => `${column(alias)('identity')} = 'named'`;

export function reportIndexStatements(sql: Sql): string[] {
  const statements = [
    // Replaced by report_complaints_dimensions_idx (the breakdown's columns changed).
    'DROP INDEX IF EXISTS report_complaints_dimension_idx',
    // Replaced by one index per outcome status (PostgreSQL read this one's events from the table).
    'DROP INDEX IF EXISTS report_case_events_outcome_idx',
    'CREATE INDEX IF NOT EXISTS report_complaints_dimensions_idx ON complaints (channel, identity, out_of_scope_reason, handling, citizen_result, received_at)',
    'CREATE INDEX IF NOT EXISTS report_complaints_center_idx ON complaints (purpose, category, case_status, received_at, first_action_at, closed_at)',
  ];
  statements.push(
    `CREATE INDEX IF NOT EXISTS report_complaints_citizen_idx ON complaints (received_at, (${citizenKey()})) WHERE ${NAMED()}`,
    'CREATE INDEX IF NOT EXISTS report_complaints_themes_idx ON complaints (received_at, complaint_themes) WHERE complaint_themes IS NOT NULL',
    ...outcomeStatuses.map(
      (status) =>
        `CREATE INDEX IF NOT EXISTS report_case_events_${status}_idx ON case_events (kind, at, (${eventStatus(sql)}), id) WHERE ${outcomeEvents(sql, status)}`,
    ),
    `CREATE INDEX IF NOT EXISTS report_case_events_backfill_idx ON case_events (kind, id) WHERE ${backfilled()}`,
    `CREATE INDEX IF NOT EXISTS report_case_events_closure_idx ON case_events (id) WHERE ${closureEvents(sql)}`,
  );
  for (const [key, source] of Object.entries(DURATIONS) as [string, DurationSource][]) {
    const name = `report_${source.table}_${key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}_duration_idx`;
    const columns = [`(${durationExpression(sql, source)})`, source.at, ...(source.include ?? [])];
    statements.push(`CREATE INDEX IF NOT EXISTS ${name} ON ${source.table} (${columns.join(', ')}) WHERE ${source.end} IS NOT NULL`);
  }
  return statements;
}

/** Creates the reporting indexes that are missing and drops replaced ones (a no-op when all is in place). */
export async function ensureReportIndexes(knex: Knex): Promise<void> {
  for (const statement of reportIndexStatements(sqlFor(knex))) await knex.raw(statement);
}
