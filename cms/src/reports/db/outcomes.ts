/**
 * Outcomes reached in a period, counted from the case journal (api::case-event.case-event): a case
 * counts under an outcome in the period in which a `created` or `status_changed` event set its
 * status to that outcome, whatever happened to it since (closed, reopened). Each case counts once
 * per outcome and period.
 *
 * Cases registered before the journal have a `created` event without changes (the journal's
 * backfill). Their closure before the journal is derived from the stored state instead,
 * dated by closedAt, as long as no journal event has set closedAt since (then that closure is in
 * the journal): the status itself when it is an outcome, and for a case since closed ("Afsluttet")
 * the outcome its fields show: a rejection reason → rejected; an opinion → none (it ended with the
 * opinion); "referred to" → referred; a dialogue result → resolved by dialogue. What such a case
 * went through before the journal apart from that closure (e.g. a reopening) is not known.
 */
import type { Knex } from 'knex';
import { idOrNull, num, rows, textOrNull, type Sql } from './dialect';
import { slotClause, type Span } from './slots';
import { isClosedStatus, outcomeStatuses, type OutcomeStatus } from '../../rules/complaint-status';

/** The reason of a rejection, read from the case row only for rejections. */
export const OUTCOME_REASON = "CASE WHEN o.status = 'afvist' THEN (SELECT r.out_of_scope_reason FROM complaints r WHERE r.id = o.complaint_id) END";

/** An SQL list of statuses. */
const statusList = (statuses: readonly string[]) => statuses.map((status) => `'${status}'`).join(', ');

const column = (alias?: string) => (name: string) => (alias ? `${alias}.${name}` : name);

/** The status an event set (`changes.caseStatus.to`), NULL when it set none; `alias` qualifies the columns (none in an index). */
export function eventStatus(sql: Sql, alias?: string): string {
  return sql.jsonText(column(alias)('changes'), ['caseStatus', 'to']);
}

/**
 * The events that set a given outcome status; a partial index in ./indexes has the same condition
 * for each status. One status per index, so that PostgreSQL reads the period's events from the
 * index alone: it cannot return the JSON expression's value from an index, only test it in an
 * index's condition.
 */
export function outcomeEvents(sql: Sql, status: OutcomeStatus, alias?: string): string {
  return `${column(alias)('kind')} IN ('created', 'status_changed') AND ${eventStatus(sql, alias)} = '${status}'`;
}

/** The events that closed a case (set closedAt); a partial index in ./indexes has the same condition. */
export function closureEvents(sql: Sql, alias?: string): string {
  const col = column(alias);
  return `${col('kind')} = 'status_changed' AND ${sql.jsonText(col('changes'), ['closedAt', 'to'])} IS NOT NULL`;
}

/** The backfill's event of a case from before the journal; the partial index in ./indexes has the same condition. */
export function backfilled(alias?: string): string {
  const col = column(alias);
  return `${col('kind')} = 'created' AND ${col('changes')} IS NULL`;
}

/** The outcome a pre-journal case's stored state shows (see above), or NULL. */
const STORED_OUTCOME = `CASE
      WHEN c.case_status IN (${statusList(outcomeStatuses.filter(isClosedStatus))}) THEN c.case_status
      WHEN c.case_status = 'afsluttet' THEN CASE
        WHEN c.out_of_scope_reason IS NOT NULL THEN 'afvist'
        WHEN EXISTS (SELECT 1 FROM opinions_complaint_lnk ol WHERE ol.complaint_id = c.id) THEN NULL
        WHEN c.referred_to IS NOT NULL AND c.referred_to <> '' THEN 'henvist'
        WHEN c.dialog_outcome IS NOT NULL AND c.dialog_outcome <> '' THEN 'loest_ved_dialog' END
    END`;

/**
 * The outcome rows of some spans: one per event or pre-journal closure that reached an outcome,
 * as `slot`, `status`, `complaint_id` (the statistics count them, the drill-down lists them).
 */
export function outcomeRows(sql: Sql, spans: readonly Span[]): { sql: string; bindings: unknown[] } {
  const byEvent = slotClause(sql, 'e.at', spans);
  const byClosure = slotClause(sql, 'c.closed_at', spans);
  // One branch per status, each an index range of its partial index (see outcomeEvents).
  const events = outcomeStatuses.map(
    (status) => `SELECT ${byEvent.slot} AS slot, '${status}' AS status, l.complaint_id AS complaint_id
           FROM case_events e
           JOIN case_events_complaint_lnk l ON l.case_event_id = e.id
          WHERE ${outcomeEvents(sql, status, 'e')} AND ${byEvent.where}`,
  );
  // The pre-journal cases are found from their backfill events, a case at a time: SQLite joins
  // CROSS JOIN in the order written; PostgreSQL would hash the whole link table and test every
  // closed case for a closure event, so there a LATERAL subquery and OFFSET 0 (which keeps a
  // subquery from being merged into the query around it) make the lookups per backfilled case.
  const postgres = sql.dialect === 'postgres';
  const caseOfBackfill = postgres
    ? 'CROSS JOIN LATERAL (SELECT l.complaint_id FROM case_events_complaint_lnk l WHERE l.case_event_id = e.id OFFSET 0) l'
    : 'CROSS JOIN case_events_complaint_lnk l';
  const preJournal = `SELECT ${byClosure.slot} AS slot, ${STORED_OUTCOME} AS status, c.id AS complaint_id
           FROM case_events e
           ${caseOfBackfill}
           CROSS JOIN complaints c
          WHERE ${backfilled('e')}${postgres ? '' : ' AND l.case_event_id = e.id'} AND c.id = l.complaint_id AND ${byClosure.where}
            AND NOT EXISTS (
              SELECT 1 FROM case_events_complaint_lnk l2 CROSS JOIN case_events e2
               WHERE l2.complaint_id = c.id AND e2.id = l2.case_event_id AND ${closureEvents(sql, 'e2')}${postgres ? ' OFFSET 0' : ''})`;
  return {
    sql: [...events, preJournal].join('\n         UNION ALL\n         '),
    bindings: [...events.flatMap(() => [...byEvent.slotBindings, ...byEvent.whereBindings]), ...byClosure.slotBindings, ...byClosure.whereBindings],
  };
}

export async function outcomeCells(knex: Knex, sql: Sql, spans: readonly Span[]) {
  const union = outcomeRows(sql, spans);
  // The case row only for the reason of a rejection: the other cases' rows are not read.
  const result = await rows(
    knex,
    `SELECT o.slot AS slot, o.status AS status, cl.center_id AS center_id, ${OUTCOME_REASON} AS reason, COUNT(DISTINCT o.complaint_id) AS n
       FROM (
         ${union.sql}
       ) o
       LEFT JOIN complaints_center_lnk cl ON cl.complaint_id = o.complaint_id
      WHERE o.slot IS NOT NULL AND o.status IS NOT NULL
      GROUP BY o.slot, o.status, cl.center_id, reason`,
    union.bindings,
  );
  return result.map((x) => ({
    period: String(x.slot),
    status: String(x.status),
    centerId: idOrNull(x.center_id),
    reason: textOrNull(x.reason),
    count: num(x.n),
  }));
}
