/**
 * The statistics queries: a handful of grouped aggregates over both the period and the one
 * before it (one scan each, a CASE tells the two apart; few groups each), plus one query per
 * duration that returns only the rows at the percentile ranks. Nothing is loaded row by row.
 */
import type { Knex } from 'knex';
import { calendarDaysFromRows, WorkingCalendar } from '@borgerraadgiver/config';
import { MEDIAN, P90, percentileFromRanks, percentileRanks } from '../percentile';
import { periodBounds, periodDates, previousPeriod, type Period } from '../period';
import { assembleReport } from '../assemble';
import type { DurationCell, PeriodSlot, RawFigures, Report } from '../model';
import { idOrNull, num, numOrNull, rows, sqlFor, textOrNull, type Sql } from './dialect';
import { DURATIONS, durationCondition, durationExpression, type DurationSource } from './indexes';

export interface StatisticsOptions {
  /** "Now" for overdue statements; tests pass a fixed instant. */
  now?: Date;
  /** Working hours per working day (37-hour week: 7.4). */
  hoursPerDay?: number;
  /** Full-time equivalents of the advisor's office. */
  fte?: number;
  /** Target share of working time for improvement work, in percent. */
  improvementTargetPercent?: number;
}

interface Range {
  prevStart: Date;
  curStart: Date;
  curEnd: Date;
}

const slotOf = (value: unknown): PeriodSlot => (value === 'current' ? 'current' : 'previous');

/** The complaint's center through its link table, used when a row has no center of its own. */
const COMPLAINT_CENTER = 'complaints_center_lnk';

/**
 * SQL's order of grouped rows (NULL first, then numbers, then text), used to hand back the cells
 * that are regrouped in JavaScript in the order the grouped queries used to return them.
 */
function compareKeys(a: readonly unknown[], b: readonly unknown[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === null) return -1;
    if (y === null) return 1;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    if (typeof x === 'number') return -1;
    if (typeof y === 'number') return 1;
    return String(x) < String(y) ? -1 : 1;
  }
  return 0;
}

const sortCells = <T>(cells: T[], key: (cell: T) => unknown[]) => cells.sort((a, b) => compareKeys(key(a), key(b)));

/**
 * Inquiries by center × purpose × category × status, with how many have a first action and a closure.
 * SQLite reads it from report_complaints_center_idx (see ./indexes) instead of the table.
 */
async function inquiriesByCenter(knex: Knex, sql: Sql, r: Range) {
  const result = await rows(
    knex,
    `SELECT CASE WHEN c.received_at >= ? THEN 'current' ELSE 'previous' END AS slot,
            l.center_id AS center_id, c.purpose AS purpose, c.category AS category, c.case_status AS status,
            COUNT(*) AS n, COUNT(c.first_action_at) AS n_first_action, COUNT(c.closed_at) AS n_closed
       FROM complaints c
       LEFT JOIN ${COMPLAINT_CENTER} l ON l.complaint_id = c.id
      WHERE c.received_at >= ? AND c.received_at < ?
      GROUP BY 1, 2, 3, 4, 5`,
    [sql.instant(r.curStart), sql.instant(r.prevStart), sql.instant(r.curEnd)],
  );
  return result.map((x: any) => ({
    period: slotOf(x.slot),
    centerId: idOrNull(x.center_id),
    purpose: textOrNull(x.purpose),
    category: textOrNull(x.category),
    status: textOrNull(x.status),
    count: num(x.n),
    firstActions: num(x.n_first_action),
    closures: num(x.n_closed),
  }));
}

/**
 * Inquiries by channel × identity × out-of-scope reason × rejected (no join needed). Grouped by the
 * plain columns of report_complaints_dimension_idx, which SQLite reads in index order without
 * sorting; slot and "rejected" (status afvist) are folded together here.
 */
async function inquiriesByDimension(knex: Knex, sql: Sql, r: Range) {
  const result = await rows(
    knex,
    `SELECT c.channel AS channel, c.identity AS identity, c.out_of_scope_reason AS reason, c.case_status AS status,
            COUNT(*) AS n, SUM(CASE WHEN c.received_at >= ? THEN 1 ELSE 0 END) AS n_current
       FROM complaints c
      WHERE c.received_at >= ? AND c.received_at < ?
      GROUP BY c.channel, c.identity, c.out_of_scope_reason, c.case_status`,
    [sql.instant(r.curStart), sql.instant(r.prevStart), sql.instant(r.curEnd)],
  );
  type Cell = { period: PeriodSlot; channel: string | null; identity: string | null; reason: string | null; rejected: boolean; count: number };
  const cells = new Map<string, Cell>();
  const add = (period: PeriodSlot, x: any, count: number) => {
    if (count === 0) return;
    const cell: Cell = { period, channel: textOrNull(x.channel), identity: textOrNull(x.identity), reason: textOrNull(x.reason), rejected: x.status === 'afvist', count };
    const key = JSON.stringify([cell.period, cell.channel, cell.identity, cell.reason, cell.rejected]);
    const existing = cells.get(key);
    if (existing) existing.count += count;
    else cells.set(key, cell);
  };
  for (const x of result as any[]) {
    const current = num(x.n_current);
    add('current', x, current);
    add('previous', x, num(x.n) - current);
  }
  return sortCells([...cells.values()], (c) => [c.period, c.channel, c.identity, c.reason, c.rejected ? 1 : 0]);
}

async function opinionCells(knex: Knex, sql: Sql, r: Range) {
  const result = await rows(
    knex,
    `SELECT CASE WHEN o.issued_at >= ? THEN 'current' ELSE 'previous' END AS slot,
            o.kind AS kind, o.outcome AS outcome, COALESCE(ocl.center_id, ccl.center_id) AS center_id, COUNT(*) AS n
       FROM opinions o
       LEFT JOIN opinions_center_lnk ocl ON ocl.opinion_id = o.id
       LEFT JOIN opinions_complaint_lnk ol ON ol.opinion_id = o.id
       LEFT JOIN ${COMPLAINT_CENTER} ccl ON ccl.complaint_id = ol.complaint_id
      WHERE o.issued_at >= ? AND o.issued_at < ?
      GROUP BY 1, 2, 3, 4`,
    [sql.instant(r.curStart), sql.instant(r.prevStart), sql.instant(r.curEnd)],
  );
  return result.map((x: any) => ({ period: slotOf(x.slot), kind: textOrNull(x.kind), outcome: textOrNull(x.outcome), centerId: idOrNull(x.center_id), count: num(x.n) }));
}

async function statementCells(knex: Knex, sql: Sql, r: Range, now: Date) {
  const due = 'COALESCE(s.agreed_due_at, s.due_at)';
  const nowExpr = sql.instantParam;
  const lateSeconds = `CASE WHEN s.responded_at IS NOT NULL AND s.responded_at > ${due} THEN ${sql.secondsBetween('s.responded_at', due)}
                            WHEN s.responded_at IS NULL AND ${due} < ${nowExpr} THEN ${sql.secondsBetween(nowExpr, due)} END`;
  const result = await rows(
    knex,
    `SELECT CASE WHEN s.requested_at >= ? THEN 'current' ELSE 'previous' END AS slot,
            COALESCE(scl.center_id, ccl.center_id) AS center_id,
            COUNT(*) AS requested,
            SUM(CASE WHEN s.responded_at IS NOT NULL THEN 1 ELSE 0 END) AS answered,
            SUM(CASE WHEN s.responded_at IS NOT NULL AND (${due} IS NULL OR s.responded_at <= ${due}) THEN 1 ELSE 0 END) AS on_time,
            SUM(CASE WHEN s.responded_at IS NOT NULL AND s.responded_at > ${due} THEN 1 ELSE 0 END) AS late,
            SUM(CASE WHEN s.responded_at IS NULL AND ${due} < ${nowExpr} THEN 1 ELSE 0 END) AS open_overdue,
            SUM(${lateSeconds}) AS overdue_sum,
            MAX(${lateSeconds}) AS overdue_max
       FROM statement_requests s
       LEFT JOIN statement_requests_center_lnk scl ON scl.statement_request_id = s.id
       LEFT JOIN statement_requests_complaint_lnk sl ON sl.statement_request_id = s.id
       LEFT JOIN ${COMPLAINT_CENTER} ccl ON ccl.complaint_id = sl.complaint_id
      WHERE s.requested_at >= ? AND s.requested_at < ? AND (s.request_status IS NULL OR s.request_status <> 'annulleret')
      GROUP BY 1, 2`,
    // Placeholders in text order: slot, open_overdue, overdue_sum (2), overdue_max (2), range.
    [sql.instant(r.curStart), ...Array(5).fill(sql.instant(now)), sql.instant(r.prevStart), sql.instant(r.curEnd)],
  );
  return result.map((x: any) => ({
    period: slotOf(x.slot),
    centerId: idOrNull(x.center_id),
    requested: num(x.requested),
    answered: num(x.answered),
    answeredOnTime: num(x.on_time),
    answeredLate: num(x.late),
    openOverdue: num(x.open_overdue),
    overdueSecondsSum: num(x.overdue_sum),
    overdueSecondsMax: numOrNull(x.overdue_max),
  }));
}

async function recommendationCells(knex: Knex, sql: Sql, r: Range) {
  const result = await rows(
    knex,
    `SELECT CASE WHEN o.issued_at >= ? THEN 'current' ELSE 'previous' END AS slot,
            COALESCE(rcl.center_id, ocl.center_id, ccl.center_id) AS center_id,
            rec.follow_up_status AS follow_up,
            SUM(CASE WHEN rec.case_reopened THEN 1 ELSE 0 END) AS reopened,
            COUNT(*) AS n
       FROM recommendations rec
       JOIN recommendations_opinion_lnk rol ON rol.recommendation_id = rec.id
       JOIN opinions o ON o.id = rol.opinion_id
       LEFT JOIN recommendations_center_lnk rcl ON rcl.recommendation_id = rec.id
       LEFT JOIN opinions_center_lnk ocl ON ocl.opinion_id = o.id
       LEFT JOIN opinions_complaint_lnk ol ON ol.opinion_id = o.id
       LEFT JOIN ${COMPLAINT_CENTER} ccl ON ccl.complaint_id = ol.complaint_id
      WHERE o.issued_at >= ? AND o.issued_at < ?
      GROUP BY 1, 2, 3`,
    [sql.instant(r.curStart), sql.instant(r.prevStart), sql.instant(r.curEnd)],
  );
  return result.map((x: any) => ({ period: slotOf(x.slot), centerId: idOrNull(x.center_id), followUp: textOrNull(x.follow_up), reopened: num(x.reopened), count: num(x.n) }));
}

async function improvementCells(knex: Knex, period: Period, previous: Period) {
  const result = await rows(
    knex,
    `SELECT CASE WHEN a.date >= ? THEN 'current' ELSE 'previous' END AS slot,
            l.center_id AS center_id, a.kind AS kind, COUNT(*) AS n, SUM(COALESCE(a.hours, 0)) AS hours
       FROM improvement_activities a
       LEFT JOIN improvement_activities_center_lnk l ON l.improvement_activity_id = a.id
      WHERE a.date >= ? AND a.date <= ?
      GROUP BY 1, 2, 3`,
    [period.from, previous.from, period.to],
  );
  return result.map((x: any) => ({ period: slotOf(x.slot), centerId: idOrNull(x.center_id), kind: textOrNull(x.kind), count: num(x.n), hours: num(x.hours) }));
}

/**
 * Median and 90th percentile of a duration in seconds, for both slots. The counts come from the
 * grouped queries, so each percentile only needs the one or two values at its ranks: one
 * `ORDER BY duration LIMIT … OFFSET …` per slot and percentile (from the end for the 90th), all in
 * one UNION ALL. With the duration's expression index (./indexes) that is a short index walk; without
 * it, a sort that keeps only the rows up to the rank.
 */
async function durationPercentiles(
  knex: Knex,
  sql: Sql,
  source: DurationSource,
  r: Range,
  counts: Record<PeriodSlot, number>,
): Promise<Record<PeriodSlot, DurationCell>> {
  const cells: Record<PeriodSlot, DurationCell> = {
    current: { count: 0, medianSeconds: null, p90Seconds: null },
    previous: { count: 0, medianSeconds: null, p90Seconds: null },
  };
  const bounds: Record<PeriodSlot, [Date, Date]> = { current: [r.curStart, r.curEnd], previous: [r.prevStart, r.curStart] };
  const duration = durationExpression(sql, source, 't');
  const parts: { slot: PeriodSlot; lower: number }[] = [];
  const selects: string[] = [];
  const bindings: unknown[] = [];
  for (const slot of ['current', 'previous'] as const) {
    const n = counts[slot];
    if (n === 0) continue;
    for (const p of [MEDIAN, P90]) {
      const { lower, upper } = percentileRanks(n, p);
      const size = upper - lower + 1;
      // Walk to the rank from the nearer end.
      const fromEnd = n - 1 - upper < lower;
      selects.push(
        `SELECT ${parts.length} AS part, d FROM (
           SELECT ${duration} AS d FROM ${source.table} t
            WHERE t.${source.at} >= ? AND t.${source.at} < ? AND ${durationCondition(source, 't')}
            ORDER BY d${fromEnd ? ' DESC' : ''} LIMIT ${size} OFFSET ${fromEnd ? n - 1 - upper : lower}) p${parts.length}`,
      );
      bindings.push(sql.instant(bounds[slot][0]), sql.instant(bounds[slot][1]));
      parts.push({ slot, lower });
    }
  }
  if (parts.length === 0) return cells;
  const result = await rows(knex, selects.join('\n UNION ALL\n'), bindings);
  const valueAt: Record<PeriodSlot, Map<number, number>> = { current: new Map(), previous: new Map() };
  parts.forEach((part, i) => {
    // The values at consecutive ranks, in ascending order whichever end they were counted from.
    const values = result.filter((x: any) => num(x.part) === i).map((x: any) => num(x.d)).sort((a, b) => a - b);
    values.forEach((value, k) => valueAt[part.slot].set(part.lower + k, value));
  });
  for (const slot of ['current', 'previous'] as const) {
    const n = counts[slot];
    if (n === 0) continue;
    cells[slot] = { count: n, medianSeconds: percentileFromRanks(n, valueAt[slot], MEDIAN), p90Seconds: percentileFromRanks(n, valueAt[slot], P90) };
  }
  return cells;
}

/** Working hours of a period by the municipality's calendar (weekends, holidays, active closing days). */
export async function workingHours(knex: Knex, period: Period, hoursPerDay: number, fte: number): Promise<number> {
  const calendar = new WorkingCalendar(calendarDaysFromRows(await rows(knex, 'SELECT date, name, kind, active FROM closing_days', [])));
  return periodDates(period).filter((day) => calendar.isWorkingDay(day)).length * hoursPerDay * fte;
}

export async function rawFigures(knex: Knex, period: Period, options: StatisticsOptions = {}): Promise<RawFigures> {
  const sql = sqlFor(knex);
  const previous = previousPeriod(period);
  const now = options.now ?? new Date();
  const range: Range = { prevStart: periodBounds(previous).start, curStart: periodBounds(period).start, curEnd: periodBounds(period).end };
  const hoursPerDay = options.hoursPerDay ?? 7.4;
  const fte = options.fte ?? 1;

  // PostgreSQL answers independent queries side by side (pool); SQLite has one connection, so there they queue.
  const [centers, byCenter, byDimension, opinions, statements, recommendations, improvement, hoursCurrent, hoursPrevious] = await Promise.all([
    rows<{ id: unknown; name: unknown }>(knex, 'SELECT id, name FROM centers ORDER BY name', []).then((list) => list.map((c) => ({ id: Number(c.id), name: String(c.name) }))),
    inquiriesByCenter(knex, sql, range),
    inquiriesByDimension(knex, sql, range),
    opinionCells(knex, sql, range),
    statementCells(knex, sql, range, now),
    recommendationCells(knex, sql, range),
    improvementCells(knex, period, previous),
    workingHours(knex, period, hoursPerDay, fte),
    workingHours(knex, previous, hoursPerDay, fte),
  ]);
  const countBy = <T extends { period: PeriodSlot }>(cells: T[], pick: (cell: T) => number) => ({
    current: cells.filter((c) => c.period === 'current').reduce((sum, c) => sum + pick(c), 0),
    previous: cells.filter((c) => c.period === 'previous').reduce((sum, c) => sum + pick(c), 0),
  });
  const [firstAction, closure, statement] = await Promise.all([
    durationPercentiles(knex, sql, DURATIONS.firstAction, range, countBy(byCenter, (c) => c.firstActions)),
    durationPercentiles(knex, sql, DURATIONS.closure, range, countBy(byCenter, (c) => c.closures)),
    // Same rows as "answered" in statementCells: responded, not cancelled.
    durationPercentiles(knex, sql, DURATIONS.statement, range, countBy(statements, (c) => c.answered)),
  ]);
  return {
    centers,
    inquiriesByCenter: byCenter,
    inquiriesByDimension: byDimension,
    opinions,
    statements,
    recommendations,
    improvement,
    durations: { firstAction, closure, statement },
    workingHours: { current: hoursCurrent, previous: hoursPrevious },
    improvementTargetPercent: options.improvementTargetPercent ?? 50,
  };
}

/** The full report for a period, with the previous period beside every figure. */
export async function buildReport(knex: Knex, period: Period, options: StatisticsOptions = {}): Promise<Report> {
  const raw = await rawFigures(knex, period, options);
  return assembleReport(period, previousPeriod(period), raw, options.now ?? new Date());
}
