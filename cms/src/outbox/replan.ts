/**
 * A change of the working-day calendar (a holiday, closing day or exception added, changed,
 * switched on or off, or removed) re-plans the planned day-based e-mails onto the right working
 * day at 08:00, each with a note in the outbox. Deadlines already given stay as given: only the
 * times of planned rows move, computed again from their source as when they were planned.
 */
import type { Core } from '@strapi/strapi';
import { danishDateTime, type WorkingCalendar } from '@borgerraadgiver/config';
import { loadWorkingCalendar } from '../db/working-calendar';
import { nextReportReminders } from '../reports/reminders';
import { statementPlan } from './plan';
import { rescheduleRows } from './queue';
import { plannedOpinionRows } from './schedule';
import { advisorEmail, policy, type PopulatedRow } from './writer';
import { afterCommit } from '../db/transaction';
import { NOTIFICATION } from '../content-types';

const CALENDAR_KINDS = ['statement_reminder', 'statement_overdue', 'statement_escalation', 'opinion_followup', 'report_reminder'];

/** When a planned row should go out by the calendar as it is now, or null to leave it alone. */
async function intendedTime(strapi: Core.Strapi, row: PopulatedRow, calendar: WorkingCalendar, now: Date): Promise<Date | null> {
  if (row.statementRequest) {
    const plan = await statementPlan(strapi, row.statementRequest, calendar, now);
    return plan.find((planned) => planned.kind === row.kind && planned.dueVersion === row.dueVersion)?.notBefore ?? null;
  }
  if (row.kind === 'opinion_followup' && row.opinion) {
    return plannedOpinionRows(row.opinion, policy(), calendar, advisorEmail(), now).find((planned) => planned.dueVersion === row.dueVersion)?.notBefore ?? null;
  }
  if (row.kind === 'report_reminder') return nextReportReminders(now, calendar).find((plan) => plan.dueVersion === row.dueVersion)?.notBefore ?? null;
  return null;
}

/** Re-plans the future planned rows after a calendar change, in the caller's transaction; returns how many moved. */
export async function replanAfterCalendarChange(strapi: Core.Strapi, now = new Date()): Promise<number> {
  const calendar = await loadWorkingCalendar(strapi);
  const rows: PopulatedRow[] = await strapi.db.query(NOTIFICATION).findMany({
    where: { deliveryStatus: 'planned', kind: { $in: CALENDAR_KINDS }, notBefore: { $gt: now.toISOString() } },
    populate: { statementRequest: { populate: { center: true } }, opinion: true },
  });
  const moved: { documentId: string; notBefore: Date }[] = [];
  for (const row of rows) {
    const target = await intendedTime(strapi, row, calendar, now);
    const before = new Date(row.notBefore);
    if (!target || target.getTime() === before.getTime()) continue;
    const { count } = await strapi.db.query(NOTIFICATION).updateMany({
      where: { id: row.id, deliveryStatus: 'planned' },
      data: {
        notBefore: target.toISOString(),
        statusNote: `Flyttet fra ${danishDateTime(before, 'weekday')} til ${danishDateTime(target, 'weekday')}, fordi kalenderen over helligdage og lukkedage er ændret.`,
      },
    });
    if (count === 1) moved.push({ documentId: row.documentId, notBefore: target });
  }
  if (moved.length) await afterCommit(strapi, () => rescheduleRows(moved, strapi.log));
  return moved.length;
}
