import { Duration } from 'luxon';

/** An ISO 8601 duration that has been checked, with its parsed form. */
export interface PolicyDuration {
  iso: string;
  duration: Duration;
  /** True when the value has a day part or larger (P14D, P1Y): it follows the working-day calendar. */
  dayBased: boolean;
}

/** A duration in Danish words, as staff and citizens read it: P14D → "14 dage", P1Y6M → "1 år og 6 måneder". */
export function durationInDanish(period: PolicyDuration): string {
  return period.duration.reconfigure({ locale: 'da' }).toHuman({ listStyle: 'long' });
}

/** The parsed duration, or why `iso` is not one (without the variable's name). */
export function checkDuration(iso: string): PolicyDuration | string {
  const duration = Duration.fromISO(iso.trim());
  if (!duration.isValid) return `"${iso}" is not an ISO 8601 duration (examples: P14D, P1Y, PT30S)`;
  if (duration.toMillis() <= 0) return `"${iso}" must be longer than zero`;
  const { years, quarters, months, weeks, days } = duration.toObject();
  const dayBased = Boolean(years || quarters || months || weeks || days);
  return { iso: iso.trim(), duration, dayBased };
}

/**
 * A policy duration that the working-day calendar applies to. A day or more must be written in
 * days, weeks, months or years (P14D, not PT336H nor P13DT24H): such a value stops the process at
 * start with the variable named, so a deadline can never silently turn into a plain offset that
 * ignores weekends and holidays. Under a day (PT30S) stays a plain offset, for demos and tests.
 */
export function checkCalendarDuration(iso: string): PolicyDuration | string {
  const parsed = checkDuration(iso);
  if (typeof parsed === 'string') return parsed;
  const { hours, minutes, seconds, milliseconds } = parsed.duration.toObject();
  const hasTime = Boolean(hours || minutes || seconds || milliseconds);
  if (parsed.dayBased && hasTime) return `"${parsed.iso}" mixes days and hours; write whole days (e.g. P14D) so it follows the working-day calendar`;
  if (!parsed.dayBased && parsed.duration.as('hours') >= 24) {
    const days = parsed.duration.as('days');
    return `"${parsed.iso}" is ${Number.isInteger(days) ? `${days} days` : 'a day or more'} written in hours or minutes; write it in days (e.g. P${Number.isInteger(days) ? days : 14}D) so it follows the working-day calendar`;
  }
  return parsed;
}

export function parseDuration(iso: string, name = 'duration'): PolicyDuration {
  const parsed = checkDuration(iso);
  if (typeof parsed === 'string') throw new Error(`${name}: ${parsed}`);
  return parsed;
}
