import type { Core } from '@strapi/strapi';
import { municipality } from '@borgerraadgiver/config';
import { DateTime } from 'luxon';

/** The municipality's centers as demo data on an empty system; afterwards the advisor edits them. */
export async function seedCenters(strapi: Core.Strapi) {
  if ((await strapi.db.query('api::center.center').count()) > 0) return;
  for (const { institutions, ...center } of municipality.centers) {
    const created = await strapi.documents('api::center.center').create({ data: center });
    for (const name of institutions) {
      await strapi.documents('api::institution.institution').create({ data: { name, center: created.documentId } as never });
    }
  }
}

const closingDayNames: Record<string, string> = { '06-05': 'Grundlovsdag', '12-24': 'Juleaftensdag', '12-31': 'Nytårsaftensdag' };

/** The municipal closing days of this year and the next, switched off until the advisor switches them on. */
export async function seedClosingDays(strapi: Core.Strapi, now = new Date()) {
  const year = DateTime.fromJSDate(now).year;
  for (const y of [year, year + 1]) {
    for (const monthDay of municipality.closingDays) {
      const date = `${y}-${monthDay}`;
      if (await strapi.db.query('api::closing-day.closing-day').findOne({ where: { date } })) continue;
      await strapi.documents('api::closing-day.closing-day').create({ data: { date, name: closingDayNames[monthDay] ?? 'Lukkedag', active: false } as never });
    }
  }
}
