/**
 * Report periods: a calendar year, a half-year or a custom range of local dates
 * (Europe/Copenhagen). Plain TS, no Strapi import.
 */
import { DateTime } from 'luxon';
import { danishDate, TIME_ZONE } from '@borgerraadgiver/config';

export type PeriodKind = 'year' | 'half_year' | 'custom';

export interface Period {
  kind: PeriodKind;
  /** First local date, inclusive (YYYY-MM-DD). */
  from: string;
  /** Last local date, inclusive (YYYY-MM-DD). */
  to: string;
  /** Danish label: "2025", "1. halvår 2025", "1. marts 2025 – 31. maj 2025". */
  label: string;
}

export class PeriodError extends Error {}

const MAX_CUSTOM_DAYS = 366 * 5;

const localDay = (date: string) => DateTime.fromISO(date, { zone: TIME_ZONE }).startOf('day');

function checkYear(year: number): number {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new PeriodError('Året skal være et helt tal mellem 2000 og 2100.');
  return year;
}

export function yearPeriod(year: number): Period {
  checkYear(year);
  return { kind: 'year', from: `${year}-01-01`, to: `${year}-12-31`, label: String(year) };
}

export function halfYearPeriod(year: number, half: 1 | 2): Period {
  checkYear(year);
  if (half !== 1 && half !== 2) throw new PeriodError('Halvåret skal være 1 eller 2.');
  return half === 1
    ? { kind: 'half_year', from: `${year}-01-01`, to: `${year}-06-30`, label: `1. halvår ${year}` }
    : { kind: 'half_year', from: `${year}-07-01`, to: `${year}-12-31`, label: `2. halvår ${year}` };
}

export function customPeriod(from: string, to: string): Period {
  const start = localDay(from);
  const end = localDay(to);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !start.isValid) throw new PeriodError('Startdatoen skal være en gyldig dato (ÅÅÅÅ-MM-DD).');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(to) || !end.isValid) throw new PeriodError('Slutdatoen skal være en gyldig dato (ÅÅÅÅ-MM-DD).');
  if (end < start) throw new PeriodError('Slutdatoen må ikke ligge før startdatoen.');
  if (end.diff(start, 'days').days > MAX_CUSTOM_DAYS) throw new PeriodError('En periode kan højst være fem år.');
  return { kind: 'custom', from, to, label: `${danishDate(from)} – ${danishDate(to)}` };
}

/** Reads a period from query parameters: kind=year&year=2025, kind=half_year&year=2025&half=1, kind=custom&from=…&to=… */
export function parsePeriod(query: Record<string, unknown>): Period {
  const kind = String(query.kind ?? 'year');
  const year = Number(query.year);
  if (kind === 'year') return yearPeriod(year);
  if (kind === 'half_year') return halfYearPeriod(year, Number(query.half) as 1 | 2);
  if (kind === 'custom') return customPeriod(String(query.from ?? ''), String(query.to ?? ''));
  throw new PeriodError('Periodetypen skal være år, halvår eller valgfri periode.');
}

/** The period just before: the previous year, the previous half-year, or as many days right before a custom range. */
export function previousPeriod(period: Period): Period {
  const start = localDay(period.from);
  if (period.kind === 'year') return yearPeriod(start.year - 1);
  if (period.kind === 'half_year') return start.month === 1 ? halfYearPeriod(start.year - 1, 2) : halfYearPeriod(start.year, 1);
  const days = periodDays(period);
  return customPeriod(start.minus({ days }).toISODate()!, start.minus({ days: 1 }).toISODate()!);
}

/** Number of calendar days in the period. */
export function periodDays(period: Period): number {
  return Math.round(localDay(period.to).plus({ days: 1 }).diff(localDay(period.from), 'days').days);
}

/** The instants the period spans: [start, end), local midnights in Copenhagen. */
export function periodBounds(period: Period): { start: Date; end: Date } {
  return { start: localDay(period.from).toJSDate(), end: localDay(period.to).plus({ days: 1 }).toJSDate() };
}

/** Every local date of the period, in order. */
export function periodDates(period: Period): DateTime[] {
  const dates: DateTime[] = [];
  for (let day = localDay(period.from), end = localDay(period.to); day <= end; day = day.plus({ days: 1 })) dates.push(day);
  return dates;
}

/** The periods an annual report and a half-year status cover, as presented (annual: previous year, in March). */
export function reportPeriod(kind: 'annual' | 'half_year', year: number, half?: number): Period {
  return kind === 'annual' ? yearPeriod(year) : halfYearPeriod(year, (half ?? 1) as 1 | 2);
}

/** How many periods the trend table shows, the report's own included. */
export const TREND_LENGTH = 5;

/**
 * The comparable periods of the trend, oldest first, ending with `period`: the years before a
 * year, the same half of the years before a half-year, the same dates of the years before a
 * custom period (29 February becomes 28 February). Null for a custom period longer than a year,
 * whose earlier years would overlap.
 */
export function trendPeriods(period: Period): Period[] | null {
  const start = localDay(period.from);
  const back = (years: number): Period => {
    if (period.kind === 'year') return yearPeriod(start.year - years);
    if (period.kind === 'half_year') return halfYearPeriod(start.year - years, start.month === 1 ? 1 : 2);
    return customPeriod(start.minus({ years }).toISODate()!, localDay(period.to).minus({ years }).toISODate()!);
  };
  if (period.kind === 'custom' && localDay(period.to) >= start.plus({ years: 1 })) return null;
  return Array.from({ length: TREND_LENGTH }, (_, i) => back(TREND_LENGTH - 1 - i));
}
