import { publicHolidays, type ClosingDayKind } from '@borgerraadgiver/config';
import { toLocalDate, type DateInput } from './dates';
import type { Violation } from './violation';

export interface CalendarDayState {
  date?: DateInput;
  name?: string | null;
  kind?: ClosingDayKind | null;
  active?: boolean | null;
}

/**
 * A row of the working-day calendar. The statutory holidays always count (WorkingCalendar), so
 * switching one off would change nothing: the advisor is told to state an exception instead.
 */
export function checkCalendarDay(next: CalendarDayState): Violation[] {
  const date = toLocalDate(next.date);
  if (!date || next.kind !== 'helligdag' || next.active !== false) return [];
  const statutory = publicHolidays(Number(date.slice(0, 4))).get(date);
  if (!statutory) return [];
  return [
    {
      path: 'active',
      message: `${statutory} er en lovbestemt helligdag og tæller altid som fridag. Skal datoen undtagelsesvis være en arbejdsdag, så vælg typen "arbejdsdag" og slå rækken til.`,
    },
  ];
}
