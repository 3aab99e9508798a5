/**
 * Danish dates and times, in the municipality's time zone, in the four forms staff, citizens and
 * centers read; the one home of date formatting for the CMS, the workers, the site and the admin
 * panel (plain Intl, so the browser bundle can use it too). Machine formats (CSV, ISO) are not here.
 */
import { TIME_ZONE } from './time-zone';

/** The forms, as Intl's Danish styles write them (date; date with time). */
const STYLES = {
  /** 05.12.2026; 05.12.2026, 08.05 */
  numeric: 'short',
  /** 5. dec. 2026; 5. dec. 2026, 08.05 */
  short: 'medium',
  /** 5. december 2026; 5. december 2026 kl. 08.05 */
  long: 'long',
  /** lørdag den 5. december 2026; lørdag den 5. december 2026 kl. 08.05 */
  weekday: 'full',
} as const;

export type DateForm = keyof typeof STYLES;

export type DateValue = string | number | Date | null | undefined;

const formatters = new Map<string, Intl.DateTimeFormat>();

function format(value: DateValue, form: DateForm, withTime: boolean): string {
  if (value === null || value === undefined || value === '') return '';
  // A calendar date (yyyy-mm-dd) is read at noon UTC: the same day in every time zone.
  const instant = new Date(typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value);
  if (Number.isNaN(instant.getTime())) return '';
  const key = `${form}:${withTime}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('da-DK', { dateStyle: STYLES[form], ...(withTime ? { timeStyle: 'short' } : {}), timeZone: TIME_ZONE });
    formatters.set(key, formatter);
  }
  return formatter.format(instant);
}

/** A date in Danish, e.g. "5. december 2026"; '' when there is none. */
export const danishDate = (value: DateValue, form: DateForm = 'long'): string => format(value, form, false);

/** A date and time in Danish, e.g. "5. december 2026 kl. 08.05"; '' when there is none. */
export const danishDateTime = (value: DateValue, form: DateForm = 'long'): string => format(value, form, true);

/** Text made safe inside HTML (element content and quoted attributes). */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
