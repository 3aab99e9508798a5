import { Duration } from 'luxon';

/** An ISO 8601 duration that has been checked, with its parsed form. */
export interface PolicyDuration {
  iso: string;
  duration: Duration;
  /** True when the value has a day part or larger (P14D, P1Y): it follows the working-day calendar. */
  dayBased: boolean;
}

export function parseDuration(iso: string, name = 'duration'): PolicyDuration {
  const duration = Duration.fromISO(iso.trim());
  if (!duration.isValid) {
    throw new Error(`${name}: "${iso}" is not an ISO 8601 duration (examples: P14D, P1Y, PT30S)`);
  }
  if (duration.toMillis() <= 0) {
    throw new Error(`${name}: "${iso}" must be longer than zero`);
  }
  const { years, quarters, months, weeks, days } = duration.toObject();
  const dayBased = Boolean(years || quarters || months || weeks || days);
  return { iso: iso.trim(), duration, dayBased };
}
