/**
 * Outcomes reached in a period: the cases that entered an outcome status, each case once per
 * status and period.
 */
import type { Knex } from 'knex';
import { idOrNull, num, textOrNull, type Sql } from './dialect';
import { slotClause, type Span } from './slots';

/** The statuses the report counts as outcomes (and reopening). */
export const OUTCOME_STATUSES = ['loest_ved_dialog', 'henvist', 'afvist', 'tilbagetrukket', 'genoptaget'] as const;

export async function outcomeCells(knex: Knex, sql: Sql, spans: readonly Span[]) {
  const clause = slotClause(sql, 'c.received_at', spans);
  const statuses = OUTCOME_STATUSES.map(() => '?').join(', ');
  const result = await knex.raw(
    `SELECT ${clause.slot} AS slot, c.case_status AS status, l.center_id AS center_id, c.out_of_scope_reason AS reason, COUNT(*) AS n
       FROM complaints c
       LEFT JOIN complaints_center_lnk l ON l.complaint_id = c.id
      WHERE c.case_status IN (${statuses}) AND ${clause.where}
      GROUP BY 1, 2, 3, 4`,
    [...clause.slotBindings, ...OUTCOME_STATUSES, ...clause.whereBindings] as any[],
  );
  const list: any[] = Array.isArray(result) ? result : result.rows;
  return list
    .filter((x) => x.slot !== null && x.slot !== undefined)
    .map((x) => ({ period: String(x.slot), status: String(x.status), centerId: idOrNull(x.center_id), reason: textOrNull(x.reason), count: num(x.n) }));
}
