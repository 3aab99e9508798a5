import type { Core } from '@strapi/strapi';
import { WorkingCalendar } from '@borgerraadgiver/config';

interface DayRow {
  date: string;
  name: string;
  kind: 'helligdag' | 'lukkedag';
  active: boolean | number;
}

/**
 * The municipality's working-day calendar from the advisor's list of holidays and closing days:
 * the active rows are non-working days, and a year with holiday rows is taken from the list alone.
 */
export async function loadWorkingCalendar(strapi: Core.Strapi): Promise<WorkingCalendar> {
  const rows: DayRow[] = await strapi.db.query('api::closing-day.closing-day').findMany({ select: ['date', 'name', 'kind', 'active'] });
  const dateOf = (row: DayRow) => String(row.date).slice(0, 10);
  return new WorkingCalendar(
    rows.filter((row) => Boolean(row.active)).map((row) => ({ date: dateOf(row), name: row.kind === 'lukkedag' ? `${row.name} (lukkedag)` : row.name })),
    rows.filter((row) => row.kind === 'helligdag').map((row) => Number(dateOf(row).slice(0, 4))),
  );
}
