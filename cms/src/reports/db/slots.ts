/**
 * Named periods that rows are sorted into by one of their columns, so one grouped query counts
 * several periods at once: the period and the one before it, or the five periods of the trend.
 */
import { periodBounds, type Period } from '../period';
import type { Sql } from './dialect';

export interface Span<K extends string = string> {
  key: K;
  period: Period;
}

export interface SlotClause {
  /** A CASE naming the span the column's value falls in (NULL in none). */
  slot: string;
  /** The range over all spans, for the WHERE clause (one index range). */
  where: string;
  slotBindings: unknown[];
  whereBindings: unknown[];
}

/**
 * The clause for a datetime column (instants, each span [local midnight of its first day,
 * local midnight after its last day)) or a date column (YYYY-MM-DD, from and to inclusive).
 * Spans must not overlap.
 */
export function slotClause(sql: Sql, column: string, spans: readonly Span[], kind: 'instant' | 'date' = 'instant'): SlotClause {
  const dates = [...spans].map((span) => [span.period.from, span.period.to]).sort();
  const first = dates[0][0];
  const last = dates.map(([, to]) => to).sort()[dates.length - 1];
  const bound =
    kind === 'date'
      ? (from: string, to: string) => [from, to]
      : (from: string, to: string) => {
          const { start, end } = periodBounds({ kind: 'custom', from, to, label: '' });
          return [sql.instant(start), sql.instant(end)];
        };
  const high = kind === 'date' ? '<=' : '<';
  return {
    slot: `CASE ${spans.map(() => `WHEN ${column} >= ? AND ${column} ${high} ? THEN ?`).join(' ')} END`,
    where: `${column} >= ? AND ${column} ${high} ?`,
    slotBindings: spans.flatMap((span) => [...bound(span.period.from, span.period.to), span.key]),
    whereBindings: bound(first, last),
  };
}

/**
 * The report's spans with the trend's periods added, so that a figure both need is one query: a
 * trend period that is one of the report's takes its key. Null when a trend period overlaps a
 * report period without being it (a long custom period); then they are queried apart.
 */
export function jointSpans(report: readonly Span[], trend: readonly Period[]): { spans: Span[]; trendKeys: string[] } | null {
  const spans = [...report];
  const trendKeys: string[] = [];
  for (const [i, period] of trend.entries()) {
    const same = spans.find((s) => s.period.from === period.from && s.period.to === period.to);
    if (same) {
      trendKeys.push(same.key);
      continue;
    }
    if (spans.some((s) => s.period.from <= period.to && period.from <= s.period.to)) return null;
    spans.push({ key: `trend${i}`, period });
    trendKeys.push(`trend${i}`);
  }
  return { spans, trendKeys };
}
