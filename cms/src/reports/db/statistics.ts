/**
 * The statistics queries: a handful of grouped aggregates over both the period and the one
 * before it (one scan each, a CASE tells the periods apart; few groups each), plus one query per
 * duration that returns only the rows at the percentile ranks. Nothing is loaded row by row. The
 * queries that also feed the five-year trend take their periods as spans (./slots).
 */
import type { Knex } from 'knex';
import { DateTime } from 'luxon';
import { calendarDaysFromRows, recommendationFollowUps, TIME_ZONE, WorkingCalendar } from '@borgerraadgiver/config';
import { MEDIAN, P90, percentileFromRanks, percentileRanks } from '../percentile';
import { periodBounds, periodDates, previousPeriod, trendPeriods, type Period } from '../period';
import { assembleReport, assembleTrend } from '../assemble';
import type {
  DurationCell,
  InquiryCenterCell,
  InquiryDimensionCell,
  OpinionCell,
  PeriodSlot,
  RawFigures,
  RecommendationCell,
  RecommendationFollowUp,
  Report,
  StatementCell,
  Trend,
} from '../model';
import { idOrNull, num, numOrNull, rows, sqlFor, textOrNull, type Sql } from './dialect';
import { DURATIONS, durationCondition, durationExpression, type DurationSource } from './indexes';
import { COMPLAINT_CENTER, figureSources, nowLiteral, punctuality, punctualitySource, type FigureSource } from './figures';
import { outcomeCells } from './outcomes';
import { jointSpans, slotClause, type Span } from './slots';

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

/** A cell of a query over spans: the span's key in place of the period slot. */
type Spanned<T extends { period: PeriodSlot }> = Omit<T, 'period'> & { period: string };

const slotOf = (value: unknown): PeriodSlot => (value === 'current' ? 'current' : 'previous');

/** The grouped columns of a figure source's dimensions: `expression AS alias, …`. */
const dimColumns = (source: FigureSource, aliases: Record<string, string>) =>
  Object.entries(aliases)
    .map(([dim, alias]) => `${source.dims[dim]} AS ${alias}`)
    .join(', ');
const dimList = (source: FigureSource, dims: string[]) => dims.map((dim) => source.dims[dim]).join(', ');
const whereOf = (source: FigureSource) => source.where.map((w) => `${w} AND `).join('');

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

/** Runs a grouped query over spans: `{slot}` and `{where}` in the text are the span clause of `column`. */
async function spanned(knex: Knex, sql: Sql, spans: readonly Span[], column: string, text: string, kind: 'instant' | 'date' = 'instant') {
  const clause = slotClause(sql, column, spans, kind);
  const [before, after] = text.split('{where}');
  if (after === undefined || !before.includes('{slot}')) throw new Error('reports: a spanned query needs {slot} before {where}');
  const slotCount = before.split('{slot}').length - 1;
  const bindings = [...Array.from({ length: slotCount }, () => clause.slotBindings).flat(), ...clause.whereBindings];
  const result = await rows(knex, before.split('{slot}').join(clause.slot) + clause.where + after, bindings);
  // Rows outside every span (between the trend's half-years) fall out here.
  return result.filter((x) => x.slot !== null && x.slot !== undefined).map((x): Record<string, unknown> & { slot: string } => ({ ...x, slot: String(x.slot) }));
}

/**
 * Inquiries by center × purpose × category × status. As in inquiriesByDimension, the two periods
 * are told apart by sums, not a group: grouped by a CASE as well, PostgreSQL guessed as many groups
 * as rows (it knows nothing of the CASE's values) and sorted every row to disk instead of hashing.
 */
async function inquiriesByCenter(knex: Knex, sql: Sql, r: Range) {
  const source = figureSources(sql).inquiries;
  const current = 'c.received_at >= ?';
  const result = await rows(
    knex,
    `SELECT ${dimColumns(source, { center: 'center_id', purpose: 'purpose', category: 'category', status: 'status' })},
            COUNT(*) AS n, COUNT(c.first_action_at) AS n_first_action, COUNT(c.closed_at) AS n_closed,
            SUM(CASE WHEN ${current} THEN 1 ELSE 0 END) AS n_current,
            SUM(CASE WHEN ${current} AND c.first_action_at IS NOT NULL THEN 1 ELSE 0 END) AS n_first_action_current,
            SUM(CASE WHEN ${current} AND c.closed_at IS NOT NULL THEN 1 ELSE 0 END) AS n_closed_current
       FROM ${source.from}
      WHERE ${whereOf(source)}${source.at} >= ? AND ${source.at} < ?
      GROUP BY ${dimList(source, ['center', 'purpose', 'category', 'status'])}`,
    [sql.instant(r.curStart), sql.instant(r.curStart), sql.instant(r.curStart), sql.instant(r.prevStart), sql.instant(r.curEnd)],
  );
  const cells: InquiryCenterCell[] = [];
  for (const x of result) {
    const cell = { centerId: idOrNull(x.center_id), purpose: textOrNull(x.purpose), category: textOrNull(x.category), status: textOrNull(x.status) };
    const counts = { count: num(x.n_current), firstActions: num(x.n_first_action_current), closures: num(x.n_closed_current) };
    if (counts.count > 0) cells.push({ period: 'current', ...cell, ...counts });
    if (num(x.n) > counts.count) {
      cells.push({
        period: 'previous',
        ...cell,
        count: num(x.n) - counts.count,
        firstActions: num(x.n_first_action) - counts.firstActions,
        closures: num(x.n_closed) - counts.closures,
      });
    }
  }
  return sortCells(cells, (c) => [c.period, c.centerId, c.purpose, c.category, c.status]);
}

/**
 * Inquiries by channel × identity × out-of-scope reason × handling × result for the citizen (no
 * join needed). Grouped by the plain columns of report_complaints_dimensions_idx, which SQLite reads
 * in index order without sorting; the two periods are told apart by a sum, not a group.
 */
async function inquiriesByDimension(knex: Knex, sql: Sql, r: Range) {
  const source = figureSources(sql).inquiryDimensions;
  const dims = ['channel', 'identity', 'reason', 'handling', 'citizenResult'];
  const result = await rows(
    knex,
    `SELECT ${dimColumns(source, { channel: 'channel', identity: 'identity', reason: 'reason', handling: 'handling', citizenResult: 'citizen_result' })},
            COUNT(*) AS n, SUM(CASE WHEN ${source.at} >= ? THEN 1 ELSE 0 END) AS n_current
       FROM ${source.from}
      WHERE ${whereOf(source)}${source.at} >= ? AND ${source.at} < ?
      GROUP BY ${dimList(source, dims)}`,
    [sql.instant(r.curStart), sql.instant(r.prevStart), sql.instant(r.curEnd)],
  );
  const cells: InquiryDimensionCell[] = [];
  for (const x of result) {
    const current = num(x.n_current);
    const cell = {
      channel: textOrNull(x.channel),
      identity: textOrNull(x.identity),
      reason: textOrNull(x.reason),
      handling: textOrNull(x.handling),
      citizenResult: textOrNull(x.citizen_result),
    };
    if (current > 0) cells.push({ period: 'current', ...cell, count: current });
    if (num(x.n) > current) cells.push({ period: 'previous', ...cell, count: num(x.n) - current });
  }
  return sortCells(cells, (c) => [c.period, c.channel, c.identity, c.reason, c.handling, c.citizenResult]);
}

/**
 * Distinct named citizens among the inquiries: one per e-mail address, else CVR number, else name
 * (case and surrounding spaces ignored); a named inquiry with none of them left counts on its own.
 */

export async function namedCitizens(knex: Knex, sql: Sql, spans: readonly Span[]): Promise<Map<string, number>> {
  const source = figureSources(sql).namedCitizens;
  const result = await spanned(
    knex,
    sql,
    spans,
    source.at,
    `SELECT {slot} AS slot, COUNT(DISTINCT ${source.onePer}) AS n FROM ${source.from} WHERE ${whereOf(source)}{where} GROUP BY 1`,
  );
  return new Map(result.map((x) => [x.slot, num(x.n)]));
}

/** Rows of a figure source counted by one of its dimensions over spans. */
async function countByKey(knex: Knex, sql: Sql, spans: readonly Span[], source: FigureSource, dim: string) {
  const result = await spanned(
    knex,
    sql,
    spans,
    source.at,
    `SELECT {slot} AS slot, ${source.dims[dim]} AS k, COUNT(*) AS n FROM ${source.from} WHERE ${whereOf(source)}{where} GROUP BY 1, 2`,
  );
  const numeric = source.ids?.includes(dim);
  return result.map((x) => ({ period: x.slot, key: numeric ? idOrNull(x.k) : textOrNull(x.k), count: num(x.n) }));
}

/** Inquiries by purpose (the trend's breakdown; the report's own comes from inquiriesByCenter). */
export const purposeCells = (knex: Knex, sql: Sql, spans: readonly Span[]) => countByKey(knex, sql, spans, figureSources(sql).inquiryDimensions, 'purpose');

/** Complaint themes (a JSON array on the complaint): an inquiry counts once under each of its themes. */
const themeCells = (knex: Knex, sql: Sql, spans: readonly Span[]) => countByKey(knex, sql, spans, figureSources(sql).themes, 'theme');

/** Inquiries that name an institution, by institution id. */
const institutionCells = (knex: Knex, sql: Sql, spans: readonly Span[]) => countByKey(knex, sql, spans, figureSources(sql).institutions, 'institution');

/** R12: meetings the advisor attended, by the advisor's role, placed in a period by when they were held. */
const meetingCells = (knex: Knex, sql: Sql, spans: readonly Span[]) => countByKey(knex, sql, spans, figureSources(sql).meetings, 'role');

export async function opinionCells(knex: Knex, sql: Sql, spans: readonly Span[]): Promise<Spanned<OpinionCell>[]> {
  const source = figureSources(sql).opinions;
  const result = await spanned(
    knex,
    sql,
    spans,
    source.at,
    `SELECT {slot} AS slot, ${dimColumns(source, { kind: 'kind', outcome: 'outcome', center: 'center_id' })}, COUNT(*) AS n
       FROM ${source.from}
      WHERE ${whereOf(source)}{where}
      GROUP BY 1, 2, 3, 4`,
  );
  return result.map((x) => ({ period: x.slot, kind: textOrNull(x.kind), outcome: textOrNull(x.outcome), centerId: idOrNull(x.center_id), count: num(x.n) }));
}

const EMPTY_STATEMENTS = { requested: 0, answered: 0, answeredOnTime: 0, answeredLate: 0, unansweredOverdue: 0, overdueSecondsSum: 0, overdueSecondsMax: null };

/** Statement requests by request date: how many were requested and how many of those are answered (cancelled ones left out). */
async function requestedStatements(knex: Knex, sql: Sql, spans: readonly Span[]): Promise<Spanned<StatementCell>[]> {
  const source = figureSources(sql).statements;
  const result = await spanned(
    knex,
    sql,
    spans,
    source.at,
    `SELECT {slot} AS slot, ${dimColumns(source, { center: 'center_id' })}, COUNT(*) AS requested, SUM(CASE WHEN ${source.only.answered} THEN 1 ELSE 0 END) AS answered
       FROM ${source.from}
      WHERE ${whereOf(source)}{where}
      GROUP BY 1, 2`,
  );
  return result.map((x) => ({ ...EMPTY_STATEMENTS, period: x.slot, centerId: idOrNull(x.center_id), requested: num(x.requested), answered: num(x.answered) }));
}

/**
 * Punctuality by deadline (the agreed one when there is one): whether each request whose deadline
 * fell in the period was answered on time, late, or not at all with the deadline passed by `now`
 * (cancelled ones left out), and the seconds past the deadline of the late and unanswered ones.
 */
export async function statementPunctuality(knex: Knex, sql: Sql, spans: readonly Span[], now: Date): Promise<Spanned<StatementCell>[]> {
  const source = punctualitySource(sql, now);
  const { due, onTime, late, unanswered } = punctuality(sql, now);
  const overdueSeconds = `CASE WHEN ${late} THEN ${sql.secondsBetween('s.responded_at', due)} WHEN ${unanswered} THEN ${sql.secondsBetween(nowLiteral(sql, now), due)} END`;
  const result = await spanned(
    knex,
    sql,
    spans,
    source.at,
    `SELECT {slot} AS slot, ${dimColumns(source, { center: 'center_id' })},
            SUM(CASE WHEN ${onTime} THEN 1 ELSE 0 END) AS on_time,
            SUM(CASE WHEN ${late} THEN 1 ELSE 0 END) AS late,
            SUM(CASE WHEN ${unanswered} THEN 1 ELSE 0 END) AS unanswered,
            SUM(${overdueSeconds}) AS overdue_sum,
            MAX(${overdueSeconds}) AS overdue_max
       FROM ${source.from}
      WHERE ${whereOf(source)}{where}
      GROUP BY 1, 2`,
  );
  return result.map((x) => ({
    ...EMPTY_STATEMENTS,
    period: x.slot,
    centerId: idOrNull(x.center_id),
    answeredOnTime: num(x.on_time),
    answeredLate: num(x.late),
    unansweredOverdue: num(x.unanswered),
    overdueSecondsSum: num(x.overdue_sum),
    overdueSecondsMax: numOrNull(x.overdue_max),
  }));
}

async function recommendationCells(knex: Knex, sql: Sql, spans: readonly Span[]): Promise<Spanned<RecommendationCell>[]> {
  const source = figureSources(sql).recommendations;
  const result = await spanned(
    knex,
    sql,
    spans,
    source.at,
    `SELECT {slot} AS slot, ${dimColumns(source, { center: 'center_id', followUp: 'follow_up' })},
            SUM(CASE WHEN ${source.only.reopened} THEN 1 ELSE 0 END) AS reopened,
            COUNT(*) AS n
       FROM ${source.from}
      WHERE ${whereOf(source)}{where}
      GROUP BY 1, 2, 3`,
  );
  return result.map((x) => ({
    period: x.slot,
    centerId: idOrNull(x.center_id),
    followUp: textOrNull(x.follow_up),
    reopened: num(x.reopened),
    count: num(x.n),
  }));
}

export async function improvementCells(knex: Knex, sql: Sql, spans: readonly Span[]) {
  const result = await spanned(
    knex,
    sql,
    spans,
    'a.date',
    `SELECT {slot} AS slot, l.center_id AS center_id, a.kind AS kind, COUNT(*) AS n, SUM(COALESCE(a.hours, 0)) AS hours
       FROM improvement_activities a
       LEFT JOIN improvement_activities_center_lnk l ON l.improvement_activity_id = a.id
      WHERE {where}
      GROUP BY 1, 2, 3`,
    'date',
  );
  return result.map((x) => ({ period: x.slot, centerId: idOrNull(x.center_id), kind: textOrNull(x.kind), count: num(x.n), hours: num(x.hours) }));
}

/** The recommendations given in a period (by their opinion's date), each with its follow-up as it stands now. */
async function recommendationsOf(knex: Knex, sql: Sql, period: Period): Promise<RecommendationFollowUp[]> {
  const { start, end } = periodBounds(period);
  const result = await rows(
    knex,
    `SELECT rec.text AS text, rec.follow_up_status AS follow_up, rec.follow_up_note AS note, rec.followed_up_at AS followed_up_at,
            rec.case_reopened AS case_reopened, o.issued_at AS issued_at, ce.name AS center_name, c.case_number AS case_number
       FROM recommendations rec
       JOIN recommendations_opinion_lnk rol ON rol.recommendation_id = rec.id
       JOIN opinions o ON o.id = rol.opinion_id
       LEFT JOIN recommendations_center_lnk rcl ON rcl.recommendation_id = rec.id
       LEFT JOIN opinions_center_lnk ocl ON ocl.opinion_id = o.id
       LEFT JOIN opinions_complaint_lnk ol ON ol.opinion_id = o.id
       LEFT JOIN complaints c ON c.id = ol.complaint_id
       LEFT JOIN ${COMPLAINT_CENTER} ccl ON ccl.complaint_id = ol.complaint_id
       LEFT JOIN centers ce ON ce.id = COALESCE(rcl.center_id, ocl.center_id, ccl.center_id)
      WHERE o.issued_at >= ? AND o.issued_at < ?
      ORDER BY o.issued_at, rec.id`,
    [sql.instant(start), sql.instant(end)],
  );
  const localDate = (value: unknown) => {
    const date = sql.toDate(value);
    return date ? DateTime.fromJSDate(date, { zone: TIME_ZONE }).toISODate() : null;
  };
  return result.map((x) => {
    const status = textOrNull(x.follow_up);
    return {
      text: String(x.text ?? ''),
      centerName: textOrNull(x.center_name),
      caseNumber: textOrNull(x.case_number),
      issuedOn: localDate(x.issued_at),
      followUpStatus: status,
      followUpLabel: status ? (recommendationFollowUps[status as keyof typeof recommendationFollowUps] ?? status) : 'Ikke angivet',
      followUpNote: textOrNull(x.note),
      followedUpOn: localDate(x.followed_up_at),
      caseReopened: x.case_reopened === true || x.case_reopened === 1 || x.case_reopened === '1',
    };
  });
}

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
    const values = result
      .filter((x) => num(x.part) === i)
      .map((x) => num(x.d))
      .sort((a, b) => a - b);
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

/** The figures the report and the trend both show, each over spans. */
interface SpannedFigures {
  citizens: Map<string, number>;
  outcomes: Awaited<ReturnType<typeof outcomeCells>>;
  opinions: Spanned<OpinionCell>[];
  statements: Spanned<StatementCell>[];
  improvement: Awaited<ReturnType<typeof improvementCells>>;
}

async function spannedFigures(knex: Knex, sql: Sql, spans: readonly Span[], now: Date): Promise<SpannedFigures> {
  const [citizens, outcomes, opinions, statements, improvement] = await Promise.all([
    namedCitizens(knex, sql, spans),
    outcomeCells(knex, sql, spans),
    opinionCells(knex, sql, spans),
    statementPunctuality(knex, sql, spans, now),
    improvementCells(knex, sql, spans),
  ]);
  return { citizens, outcomes, opinions, statements, improvement };
}

/** The cells of the spans named in `keys`, renamed to their new names (a key's index or slot). */
function pickSpans(figures: SpannedFigures, keys: ReadonlyMap<string, string>): SpannedFigures {
  const pick = <T extends { period: string }>(cells: T[]) => cells.filter((c) => keys.has(c.period)).map((c) => ({ ...c, period: keys.get(c.period)! }));
  return {
    citizens: new Map([...keys].map(([key, name]) => [name, figures.citizens.get(key) ?? 0])),
    outcomes: pick(figures.outcomes),
    opinions: pick(figures.opinions),
    statements: pick(figures.statements),
    improvement: pick(figures.improvement),
  };
}

/** The five-year trend: the key figures of each of the comparable periods (`figures` keyed by the period's index). */
async function trendFigures(knex: Knex, sql: Sql, periods: Period[], figures: SpannedFigures, hoursPerDay: number, fte: number): Promise<Trend> {
  const spans = periods.map((p, i) => ({ key: String(i), period: p }));
  const [purposes, working] = await Promise.all([purposeCells(knex, sql, spans), Promise.all(periods.map((p) => workingHours(knex, p, hoursPerDay, fte)))]);
  return assembleTrend(periods, { purposes, ...figures, workingHours: working });
}

/** Institutions with their center, for the per-center breakdown. */
async function institutionList(knex: Knex) {
  const result = await rows(
    knex,
    'SELECT i.id AS id, i.name AS name, l.center_id AS center_id FROM institutions i LEFT JOIN institutions_center_lnk l ON l.institution_id = i.id ORDER BY i.name, i.id',
    [],
  );
  return result.map((x) => ({ id: Number(x.id), name: String(x.name), centerId: idOrNull(x.center_id) }));
}

/** Cells of the two report periods, typed by slot again. */
const asSlots = <T extends { period: string }>(cells: T[]) => cells.map((c) => ({ ...c, period: slotOf(c.period) }));

export async function rawFigures(knex: Knex, period: Period, options: StatisticsOptions = {}): Promise<RawFigures> {
  const sql = sqlFor(knex);
  const previous = previousPeriod(period);
  const now = options.now ?? new Date();
  const range: Range = { prevStart: periodBounds(previous).start, curStart: periodBounds(period).start, curEnd: periodBounds(period).end };
  const spans: Span<PeriodSlot>[] = [
    { key: 'current', period },
    { key: 'previous', period: previous },
  ];
  const hoursPerDay = options.hoursPerDay ?? 7.4;
  const fte = options.fte ?? 1;

  // The figures the trend shows too are counted once over the report's and the trend's periods
  // (a year's trend ends with the report's two years), unless the periods overlap.
  const trendList = trendPeriods(period);
  const joint = trendList && jointSpans(spans, trendList);
  const shared = spannedFigures(knex, sql, joint ? joint.spans : spans, now);
  const slots = new Map(spans.map((s) => [s.key, s.key]));
  const indexOf = (keys: string[]) => new Map(keys.map((key, i) => [key, String(i)]));
  const trendCells = joint
    ? shared.then((f) => pickSpans(f, indexOf(joint.trendKeys)))
    : trendList &&
      spannedFigures(
        knex,
        sql,
        trendList.map((p, i) => ({ key: String(i), period: p })),
        now,
      );
  const trend = trendList && trendCells ? trendCells.then((f) => trendFigures(knex, sql, trendList, f, hoursPerDay, fte)) : null;

  // PostgreSQL answers independent queries side by side (pool); SQLite has one connection, so there they queue.
  const [
    centers,
    institutions,
    byCenter,
    byDimension,
    { citizens, outcomes, opinions, statements: punctuality, improvement },
    themes,
    institutionCounts,
    meetings,
    requested,
    recommendations,
    previousRecommendations,
    hoursCurrent,
    hoursPrevious,
    trendTable,
  ] = await Promise.all([
    rows<{ id: unknown; name: unknown }>(knex, 'SELECT id, name FROM centers ORDER BY name', []).then((list) =>
      list.map((c) => ({ id: Number(c.id), name: String(c.name) })),
    ),
    institutionList(knex),
    inquiriesByCenter(knex, sql, range),
    inquiriesByDimension(knex, sql, range),
    shared.then((f) => pickSpans(f, slots)),
    themeCells(knex, sql, spans),
    institutionCells(knex, sql, spans),
    meetingCells(knex, sql, spans),
    requestedStatements(knex, sql, spans),
    recommendationCells(knex, sql, spans),
    recommendationsOf(knex, sql, previous),
    workingHours(knex, period, hoursPerDay, fte),
    workingHours(knex, previous, hoursPerDay, fte),
    trend,
  ]);
  const statements = asSlots([...requested, ...punctuality]);
  const countBy = <T extends { period: PeriodSlot }>(cells: T[], pick: (cell: T) => number) => ({
    current: cells.filter((c) => c.period === 'current').reduce((sum, c) => sum + pick(c), 0),
    previous: cells.filter((c) => c.period === 'previous').reduce((sum, c) => sum + pick(c), 0),
  });
  const [firstAction, closure, statement] = await Promise.all([
    durationPercentiles(
      knex,
      sql,
      DURATIONS.firstAction,
      range,
      countBy(byCenter, (c) => c.firstActions),
    ),
    durationPercentiles(
      knex,
      sql,
      DURATIONS.closure,
      range,
      countBy(byCenter, (c) => c.closures),
    ),
    // Same rows as "answered" in requestedStatements: responded, not cancelled, by request date.
    durationPercentiles(
      knex,
      sql,
      DURATIONS.statement,
      range,
      countBy(statements, (c) => c.answered),
    ),
  ]);
  return {
    centers,
    institutions,
    inquiriesByCenter: byCenter,
    inquiriesByDimension: byDimension,
    namedCitizens: { current: citizens.get('current') ?? 0, previous: citizens.get('previous') ?? 0 },
    themes: asSlots(themes),
    institutionCounts: asSlots(institutionCounts),
    outcomes: asSlots(outcomes),
    meetings: asSlots(meetings),
    opinions: asSlots(opinions),
    statements,
    recommendations: asSlots(recommendations),
    previousRecommendations,
    improvement: asSlots(improvement),
    durations: { firstAction, closure, statement },
    workingHours: { current: hoursCurrent, previous: hoursPrevious },
    improvementTargetPercent: options.improvementTargetPercent ?? 50,
    trend: trendTable,
  };
}

/** The full report for a period, with the previous period beside every figure. */
export async function buildReport(knex: Knex, period: Period, options: StatisticsOptions = {}): Promise<Report> {
  const raw = await rawFigures(knex, period, options);
  return assembleReport(period, previousPeriod(period), raw, options.now ?? new Date());
}
