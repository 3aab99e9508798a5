import { DateTime } from 'luxon';
import Holidays from 'date-holidays';
import { PolicyDuration } from './durations';

export const TIME_ZONE = 'Europe/Copenhagen';
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

/**
 * The Danish working-day calendar of one municipality: weekends, public holidays and the
 * closing days the advisor has switched on (e.g. 24 and 31 December).
 *
 * `nonWorkingDays` are the days kept as data (in the CMS: the advisor's list of holidays and
 * closing days). For a year listed in `yearsKeptAsData` that list is authoritative; other years
 * fall back to the statutory Danish public holidays, so a deadline far ahead is never computed
 * without them.
 */
export class WorkingCalendar {
  private readonly days: Map<string, string>;
  private readonly yearsKeptAsData: Set<number>;

  constructor(nonWorkingDays: Iterable<{ date: string; name: string }> = [], yearsKeptAsData: Iterable<number> = []) {
    this.days = new Map([...nonWorkingDays].map((day) => [day.date, day.name]));
    this.yearsKeptAsData = new Set(yearsKeptAsData);
  }

  /** Why a local date is not a working day, or null when it is one. */
  nonWorkingReason(day: DateTime): string | null {
    const date = day.toISODate()!;
    if (day.weekday >= 6) return 'weekend';
    const statutory = this.yearsKeptAsData.has(day.year) ? undefined : publicHolidays(day.year).get(date);
    return statutory ?? this.days.get(date) ?? null;
  }

  isWorkingDay(day: DateTime): boolean {
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
        explanation: `${period.iso} efter ${formatDateTime(start)}: ${formatDateTime(at)}.`,
      };
    }
    const nominal = start.plus(period.duration).startOf('day');
    const skipped: SkippedDay[] = [];
    const last = this.toWorkingDay(nominal, 1, skipped);
    const moved = skipped.length
      ? ` Flyttet til næste arbejdsdag, fordi ${skipped.map((s) => `${formatDate(DateTime.fromISO(s.date))} er ${s.reason}`).join(', ')}.`
      : '';
    return {
      at: last.endOf('day').toJSDate(),
      day: last.toISODate()!,
      skipped,
      explanation: `${period.iso} efter ${formatDate(start)} er ${formatDate(nominal)}.${moved} Frist: ${formatDate(last)}.`,
    };
  }

  /** The first office morning (08:00 on a working day) at or after an instant. */
  nextOfficeMorning(instant: Date): Date {
    const local = DateTime.fromJSDate(instant, { zone: TIME_ZONE });
    let day = local.startOf('day');
    if (local > day.set({ hour: OFFICE_MORNING_HOUR })) day = day.plus({ days: 1 });
    return this.toWorkingDay(day, 1).set({ hour: OFFICE_MORNING_HOUR }).toJSDate();
  }

  /** When to remind `period` before a deadline: a working-day morning, never after the deadline's own day. */
  reminderBefore(deadline: Date, period: PolicyDuration): Date {
    if (!period.dayBased) return DateTime.fromJSDate(deadline).minus(period.duration).toJSDate();
    const dueDay = DateTime.fromJSDate(deadline, { zone: TIME_ZONE }).startOf('day');
    return this.toWorkingDay(dueDay.minus(period.duration), -1).set({ hour: OFFICE_MORNING_HOUR }).toJSDate();
  }

  /** When to act `period` after a deadline has passed: the next office morning from then. */
  noticeAfter(deadline: Date, period?: PolicyDuration): Date {
    if (period && !period.dayBased) return DateTime.fromJSDate(deadline).plus(period.duration).toJSDate();
    const from = period ? DateTime.fromJSDate(deadline, { zone: TIME_ZONE }).plus(period.duration) : DateTime.fromJSDate(deadline);
    return this.nextOfficeMorning(from.toJSDate());
  }
}

export function formatDate(day: DateTime): string {
  return day.setZone(TIME_ZONE).setLocale('da').toFormat('cccc d. LLLL yyyy');
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
