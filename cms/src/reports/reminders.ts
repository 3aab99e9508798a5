/**
 * Report reminders (R18): in February for the annual report presented in March (covering the
 * previous year), in August for the half-year status (covering the first half). Plain TS.
 */
import { DateTime } from 'luxon';
import { TIME_ZONE, type WorkingCalendar } from '@borgerraadgiver/config';

export interface ReminderPlan {
  kind: 'annual' | 'half_year';
  /** Identifies the reminder; the outbox row's dueVersion, so it is created once. */
  dueVersion: string;
  notBefore: Date;
  /** The email subject; the workers' template prefixes the body with "Påmindelse:". */
  subject: string;
  /** The year the report covers. */
  year: number;
}

function planFor(kind: ReminderPlan['kind'], reminderYear: number, calendar: WorkingCalendar): ReminderPlan {
  const month = kind === 'annual' ? 2 : 8;
  const firstOfMonth = DateTime.fromObject({ year: reminderYear, month, day: 1 }, { zone: TIME_ZONE }).startOf('day');
  const notBefore = calendar.nextOfficeMorning(firstOfMonth.toJSDate());
  if (kind === 'annual') {
    const year = reminderYear - 1;
    return {
      kind,
      year,
      notBefore,
      dueVersion: `report-reminder:annual:${year}`,
      subject: `Årsberetningen for ${year} skal forelægges i marts ${reminderYear}`,
    };
  }
  return {
    kind,
    year: reminderYear,
    notBefore,
    dueVersion: `report-reminder:half_year:${reminderYear}-1`,
    subject: `Halvårsstatus for 1. halvår ${reminderYear} skal udarbejdes til udvalgene`,
  };
}

/** The next annual and the next half-year reminder after `now` (never one in the past). */
export function nextReportReminders(now: Date, calendar: WorkingCalendar): ReminderPlan[] {
  const year = DateTime.fromJSDate(now, { zone: TIME_ZONE }).year;
  return (['annual', 'half_year'] as const).map((kind) => {
    const thisYear = planFor(kind, year, calendar);
    return thisYear.notBefore > now ? thisYear : planFor(kind, year + 1, calendar);
  });
}
