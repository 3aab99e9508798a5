/**
 * The notifications a statement request should have planned now: the pure schedule
 * (schedule.ts) applied to the stored request and to what has already gone out for its current
 * due date. Used when a request is made or changed, when its overdue notice has gone out, and
 * when the working-day calendar changes.
 */
import type { Core } from '@strapi/strapi';
import type { WorkingCalendar } from '@borgerraadgiver/config';
import { plannedEscalation, plannedStatementRows, type PlannedRow } from './schedule';
import { dueVersionOf, type RequestFacts } from '../rules/links';
import { advisorEmail, policy } from './writer';
import { NOTIFICATION } from '../content-types';

/** When each scheduled kind went out for the request's current due date (sent rows only). */
export async function sentForCurrentDue(strapi: Core.Strapi, request: { id: number } & Parameters<typeof dueVersionOf>[0]): Promise<Map<string, Date>> {
  const dueVersion = dueVersionOf(request);
  if (!dueVersion) return new Map();
  const rows: { kind: string; sentAt: string }[] = await strapi.db.query(NOTIFICATION).findMany({
    where: {
      statementRequest: { id: request.id },
      dueVersion,
      deliveryStatus: 'sent',
      kind: { $in: ['statement_reminder', 'statement_overdue', 'statement_escalation'] },
    },
    select: ['kind', 'sentAt'],
    orderBy: { sentAt: 'asc' },
  });
  const sent = new Map<string, Date>();
  for (const row of rows) if (!sent.has(row.kind)) sent.set(row.kind, new Date(row.sentAt));
  return sent;
}

/**
 * The rows to plan for a request: reminder and overdue notice unless already sent for this due
 * date, and the escalation once the overdue notice has gone out.
 */
export async function statementPlan(strapi: Core.Strapi, request: { id: number } & RequestFacts, calendar: WorkingCalendar, now: Date): Promise<PlannedRow[]> {
  const sent = await sentForCurrentDue(strapi, request);
  const rows = plannedStatementRows(request, policy(), calendar, now).filter((row) => !sent.has(row.kind));
  const overdueSentAt = sent.get('statement_overdue');
  if (overdueSentAt && !sent.has('statement_escalation')) rows.push(...plannedEscalation(request, policy(), calendar, advisorEmail(), overdueSentAt, now));
  return rows;
}
