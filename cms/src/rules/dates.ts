import { DateTime } from 'luxon';
import { localDate, TIME_ZONE } from '@borgerraadgiver/config';

export type DateInput = string | Date | null | undefined;

/** Parses a stored or submitted date/datetime; null when absent, undefined-safe. */
export function toInstant(value: DateInput): Date | null {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  const parsed = DateTime.fromISO(value, { zone: TIME_ZONE });
  return parsed.isValid ? parsed.toJSDate() : null;
}

export function isInvalidDate(value: DateInput): boolean {
  return value !== null && value !== undefined && value !== '' && toInstant(value) === null;
}

/** The local (Copenhagen) calendar date of an instant or date value. */
export function toLocalDate(value: DateInput): string | null {
  const instant = toInstant(value);
  return instant ? localDate(instant) : null;
}

export function sameInstant(a: DateInput, b: DateInput): boolean {
  return toInstant(a)?.getTime() === toInstant(b)?.getTime();
}
