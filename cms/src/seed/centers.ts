import type { Core } from '@strapi/strapi';
import { municipality, publicHolidays, TIME_ZONE } from '@borgerraadgiver/config';
import { DateTime } from 'luxon';
import { CENTER, CLOSING_DAY, INSTITUTION } from '../content-types';

/** The municipality's centers as demo data on an empty system; afterwards the advisor edits them. */
export async function seedCenters(strapi: Core.Strapi) {
  if ((await strapi.db.query(CENTER).count()) > 0) return;
  for (const { institutions, ...center } of municipality.centers) {
    const created = await strapi.documents(CENTER).create({ data: center });
    for (const name of institutions) {
      await strapi.documents(INSTITUTION).create({ data: { name, center: created.documentId } });
    }
  }
}

const closingDayNames: Record<string, string> = { '06-05': 'Grundlovsdag', '12-24': 'Juleaftensdag', '12-31': 'Nytårsaftensdag' };

/**
 * The calendar data of this year and the next: the statutory public holidays (active) and the
 * municipality's closing days (switched off until the advisor switches them on). Rows the advisor
 * has edited are left alone; a year is only filled in once.
 */
export async function seedClosingDays(strapi: Core.Strapi, now = new Date()) {
  const year = DateTime.fromJSDate(now, { zone: TIME_ZONE }).year;
  const days = strapi.db.query(CLOSING_DAY);
  for (const y of [year, year + 1]) {
    if (await days.count({ where: { date: { $gte: `${y}-01-01`, $lte: `${y}-12-31` } } })) continue;
    const rows = [
      ...[...publicHolidays(y)].map(([date, name]) => ({ date, name, kind: 'helligdag' as const, active: true })),
      ...municipality.closingDays.map((monthDay) => ({
        date: `${y}-${monthDay}`,
        name: closingDayNames[monthDay] ?? 'Lukkedag',
        kind: 'lukkedag' as const,
        active: false,
      })),
    ];
    for (const data of rows) {
      if (await days.findOne({ where: { date: data.date } })) continue;
      await strapi.documents(CLOSING_DAY).create({ data: data });
    }
  }
}
