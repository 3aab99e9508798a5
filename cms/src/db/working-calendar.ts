import type { Core } from '@strapi/strapi';
import { calendarDaysFromRows, WorkingCalendar } from '@borgerraadgiver/config';
import { CLOSING_DAY as CALENDAR_DAY } from '../content-types';
export { CALENDAR_DAY };

/**
 * The municipality's working-day calendar: the statutory holidays (always computed) with the
 * advisor's list of extra holidays, closing days and exceptions (see WorkingCalendar).
 */
export async function loadWorkingCalendar(strapi: Core.Strapi): Promise<WorkingCalendar> {
  const rows = await strapi.db.query(CALENDAR_DAY).findMany({ select: ['date', 'name', 'kind', 'active'] });
  return new WorkingCalendar(calendarDaysFromRows(rows));
}
