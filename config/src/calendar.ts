import { DateTime } from 'luxon';
import Holidays from 'date-holidays';
import { durationInDanish, PolicyDuration } from './durations';
import { TIME_ZONE } from './time-zone';
import type { ClosingDayKind } from './vocabulary';

export { TIME_ZONE };
/** Day-based notifications go out at this local hour on working days. */
export const OFFICE_MORNING_HOUR = 8;

export interface SkippedDay {
  date: string;
  reason: string;
}

export interface Deadline {
  at: Date;
  /** The local date the deadline falls on (YYYY-MM-DD). */
  day: string;
  /** Days the deadline was moved across, and why. */
  skipped: SkippedDay[];
  /** A Danish sentence saying how the deadline was computed. */
  explanation: string;
}

const danishPublicHolidays = new Holidays('DK');
const holidayCache = new Map<number, Map<string, string>>();

/** Danish public holidays of a year (date-holidays keeps Store Bededag up to 2023 only). */
export function publicHolidays(year: number): Map<string, string> {
  let holidays = holidayCache.get(year);
  if (!holidays) {
    holidays = new Map(
      danishPublicHolidays
        .getHolidays(year)
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => [holiday.date.slice(0, 10), holiday.name]),
    );
    holidayCache.set(year, holidays);
  }
  return holidays;
}

/** One row of the calendar list (in the CMS: api::closing-day.closing-day). A row counts only when active. */
export interface CalendarDay {
  /** Local date, YYYY-MM-DD. */
  date: string;
  name: string;
  kind: ClosingDayKind;
  active: boolean;
}

/**
 * Calendar rows as the database returns them (a date or datetime value, booleans as 0/1 on
 * SQLite), normalised. Used by every reader of the rows, so deadlines and reports agree.
 */
export function calendarDaysFromRows(rows: Iterable<{ date: unknown; name?: unknown; kind?: unknown; active?: unknown }>): CalendarDay[] {
  return [...rows].map((row) => ({
    date: row.date instanceof Date ? localDate(row.date) : String(row.date).slice(0, 10),
    name: String(row.name ?? ''),
    kind: (row.kind === 'helligdag' || row.kind === 'arbejdsdag' ? row.kind : 'lukkedag') as ClosingDayKind,
    active: row.active === true || row.active === 1 || row.active === '1' || row.active === 't' || row.active === 'true',
  }));
}

/**
 * The Danish working-day calendar of one municipality. A day is not a working day when it is a
 * Saturday or Sunday, a statutory Danish public holiday (always computed, for every year), or an
 * active holiday or closing day row. An active exception row (`arbejdsdag`) makes its one date a
 * working day again unless it falls on a weekend. Rows only ever concern their own date, so no
 * row can take away the holidays of a year.
 */
export class WorkingCalendar {
  private readonly extra = new Map<string, string>();
  private readonly exceptions = new Set<string>();

  constructor(days: Iterable<CalendarDay> = []) {
    for (const day of days) {
      if (!day.active) continue;
      if (day.kind === 'arbejdsdag') this.exceptions.add(day.date);
      else this.extra.set(day.date, day.kind === 'lukkedag' ? `${day.name} (lukkedag)` : day.name);
    }
  }

  /** Why a local date (YYYY-MM-DD, or a DateTime taken as its own calendar date) is not a working day; null when it is one. */
  nonWorkingReason(day: DateTime | string): string | null {
    const local = typeof day === 'string' ? DateTime.fromISO(day, { zone: TIME_ZONE }) : day;
    const date = local.toISODate()!;
    if (local.weekday >= 6) return 'weekend';
    if (this.exceptions.has(date)) return null;
    return publicHolidays(local.year).get(date) ?? this.extra.get(date) ?? null;
  }

  isWorkingDay(day: DateTime | string): boolean {
    return this.nonWorkingReason(day) === null;
  }

  /** Moves a local date forward (or backward) to a working day, recording what it skipped. */
  toWorkingDay(day: DateTime, direction: 1 | -1, skipped: SkippedDay[] = []): DateTime {
    let current = day.startOf('day');
    for (let reason = this.nonWorkingReason(current); reason; reason = this.nonWorkingReason(current)) {
      skipped.push({ date: current.toISODate()!, reason });
      current = current.plus({ days: direction });
    }
    return current;
  }

  /**
   * The deadline `period` after `from`. A day-based period ends at the end of its last local
   * day, moved to the next working day; a sub-day period is a plain offset.
   */
  deadline(from: Date, period: PolicyDuration): Deadline {
    const start = DateTime.fromJSDate(from, { zone: TIME_ZONE });
    if (!period.dayBased) {
      const at = start.plus(period.duration);
      return {
        at: at.toJSDate(),
        day: at.toISODate()!,
        skipped: [],
        explanation: `${durationInDanish(period)} efter ${formatDateTime(start)}: ${formatDateTime(at)}.`,
      };
    }
    const nominal = start.plus(period.duration).startOf('day');
    const skipped: SkippedDay[] = [];
    const last = this.toWorkingDay(nominal, 1, skipped);
    const moved = skipped.length
      ? ` Flyttet til næste arbejdsdag, fordi ${skipped.map((s) => `${formatDate(DateTime.fromISO(s.date, { zone: TIME_ZONE }))} er ${s.reason}`).join(', ')}.`
      : '';
    return {
      at: last.endOf('day').toJSDate(),
      day: last.toISODate()!,
      skipped,
      explanation: `${durationInDanish(period)} efter ${formatDate(start)} er ${formatDate(nominal)}.${moved} Frist: ${formatDate(last)}.`,
    };
  }

  /** The first office morning (08:00 on a working day) at or after an instant. */
  nextOfficeMorning(instant: Date): Date {
    const local = DateTime.fromJSDate(instant, { zone: TIME_ZONE });
    let day = local.startOf('day');
    if (local > day.set({ hour: OFFICE_MORNING_HOUR })) day = day.plus({ days: 1 });
    return this.toWorkingDay(day, 1).set({ hour: OFFICE_MORNING_HOUR }).toJSDate();
  }

  /**
   * 08:00 on the working day `period` (day-based) after the local day of an instant: the day
   * counts, not the hour, so a notice sent Monday at 08:00:05 is followed up P3D later on Thursday.
   */
  officeMorningAfter(instant: Date, period: PolicyDuration): Date {
    const day = DateTime.fromJSDate(instant, { zone: TIME_ZONE }).startOf('day').plus(period.duration);
    return this.toWorkingDay(day, 1).set({ hour: OFFICE_MORNING_HOUR }).toJSDate();
  }

  /** When to remind `period` before a deadline: a working-day morning, never after the deadline's own day. */
  reminderBefore(deadline: Date, period: PolicyDuration): Date {
    if (!period.dayBased) return DateTime.fromJSDate(deadline, { zone: TIME_ZONE }).minus(period.duration).toJSDate();
    const dueDay = DateTime.fromJSDate(deadline, { zone: TIME_ZONE }).startOf('day');
    return this.toWorkingDay(dueDay.minus(period.duration), -1).set({ hour: OFFICE_MORNING_HOUR }).toJSDate();
  }

  /** When to act `period` after a deadline has passed: the next office morning from then. */
  noticeAfter(deadline: Date, period?: PolicyDuration): Date {
    if (period && !period.dayBased) return DateTime.fromJSDate(deadline, { zone: TIME_ZONE }).plus(period.duration).toJSDate();
    const from = DateTime.fromJSDate(deadline, { zone: TIME_ZONE }).plus(period ? period.duration : {});
    return this.nextOfficeMorning(from.toJSDate());
  }
}

/**
 * `period` after an instant without regard to working days: a day-based period ends at the end of
 * its last local day in Copenhagen (so 30 days after 19 March is the whole of 18 April, across the
 * change to summer time); a sub-day period is a plain offset. Instants in and out are UTC.
 */
export function endOfPeriod(from: Date, period: PolicyDuration): Date {
  const start = DateTime.fromJSDate(from, { zone: TIME_ZONE });
  if (!period.dayBased) return start.plus(period.duration).toJSDate();
  return start.startOf('day').plus(period.duration).endOf('day').toJSDate();
}

/** A Danish date ("fredag 25. december 2026") of a DateTime's own calendar date. */
export function formatDate(day: DateTime): string {
  return day.setLocale('da').toFormat('cccc d. LLLL yyyy');
}

export function formatDateTime(instant: DateTime): string {
  return instant.setZone(TIME_ZONE).setLocale('da').toFormat("d. LLLL yyyy 'kl.' HH:mm:ss");
}

/** A local calendar date (YYYY-MM-DD) as the instant its day starts in Copenhagen. */
export function startOfLocalDay(date: string): Date {
  return DateTime.fromISO(date, { zone: TIME_ZONE }).startOf('day').toJSDate();
}

/** Today's local date (YYYY-MM-DD) in Copenhagen. */
export function localDate(instant: Date = new Date()): string {
  return DateTime.fromJSDate(instant, { zone: TIME_ZONE }).toISODate()!;
}
