/** Dates shown in Danish, in the municipality's time zone. */
import { TIME_ZONE } from '@borgerraadgiver/config';

function parse(value: string): Date | null {
  // A plain date (YYYY-MM-DD) is a calendar day: format it at noon UTC so it never shifts a day.
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function formatDate(value: string): string {
  const date = parse(value);
  return date ? new Intl.DateTimeFormat('da-DK', { dateStyle: 'long', timeZone: TIME_ZONE }).format(date) : value;
}

export function formatDateTime(value: string): string {
  const date = parse(value);
  return date ? new Intl.DateTimeFormat('da-DK', { dateStyle: 'long', timeStyle: 'short', timeZone: TIME_ZONE }).format(date) : value;
}
