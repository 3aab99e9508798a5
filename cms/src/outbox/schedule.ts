/**
 * Which notifications a statement request or an opinion should have: plain functions over the
 * stored state, the policy and the working-day calendar (no Strapi import; unit-tested).
 */
import { DateTime } from 'luxon';
import { type NotificationKind, type Policy, type WorkingCalendar } from '@borgerraadgiver/config';
import { dueVersionOf, effectiveDue, isOpenRequest, toDate, type RequestFacts } from '../rules/links';

export type { NotificationKind };

/** The scheduled kinds of a statement request; cancelled and planned anew when the due date changes. */
export const SCHEDULED_STATEMENT_KINDS: NotificationKind[] = ['statement_reminder', 'statement_overdue', 'statement_escalation'];

export interface PlannedRow {
  kind: NotificationKind;
  recipient: string;
  notBefore: Date;
  dueVersion: string;
}

/**
 * When a notice whose time has passed goes out instead: the next office morning (08:00 on a
 * working day) for day-based policies, at once for sub-day ones (demos and tests).
 */
function catchUp(at: Date, now: Date, dayBased: boolean, calendar: WorkingCalendar): Date {
  if (at > now) return at;
  return dayBased ? calendar.nextOfficeMorning(now) : now;
}

/**
 * The reminder before the due date and the overdue notice after it, for an open request. Never a
 * batch: a reminder whose time has passed is dropped, unless the request was sent outside the
 * system (no e-mail of ours has reached the center yet) and the deadline is still ahead, when it
 * goes at the next office morning; an overdue notice whose time has passed goes at the next
 * office morning. The escalation is planned only once an overdue notice has gone out
 * (plannedEscalation). Day-based periods land at 08:00 on working days; sub-day ones are offsets.
 */
export function plannedStatementRows(
  request: RequestFacts,
  policy: Pick<Policy, 'statementDeadline' | 'statementReminderBefore'>,
  calendar: WorkingCalendar,
  now: Date = new Date(),
): PlannedRow[] {
  const due = effectiveDue(request);
  const dueVersion = dueVersionOf(request);
  const email = request.center?.email;
  if (!due || !dueVersion || !email || !isOpenRequest(request)) return [];
  const dayBased = policy.statementDeadline.dayBased;
  const rows: PlannedRow[] = [];
  const reminderAt = calendar.reminderBefore(due, policy.statementReminderBefore);
  if (reminderAt > now && reminderAt < due) {
    rows.push({ kind: 'statement_reminder', recipient: email, notBefore: reminderAt, dueVersion });
  } else if (request.sentOutsideSystem && now < due) {
    const late = catchUp(reminderAt, now, policy.statementReminderBefore.dayBased, calendar);
    if (late < due) rows.push({ kind: 'statement_reminder', recipient: email, notBefore: late, dueVersion });
  }
  const overdueAt = dayBased ? calendar.noticeAfter(due) : due;
  rows.push({ kind: 'statement_overdue', recipient: email, notBefore: catchUp(overdueAt, now, dayBased, calendar), dueVersion });
  return rows;
}

/**
 * The escalation to the center chief: only after the overdue notice has gone out (`overdueSentAt`),
 * STATEMENT_ESCALATE_AFTER later. Day-based: on the office morning of the day that period after
 * the notice's local day (moved to a working day); sub-day: a plain offset from the notice.
 */
export function plannedEscalation(
  request: RequestFacts,
  policy: Pick<Policy, 'statementEscalateAfter'>,
  calendar: WorkingCalendar,
  advisorEmail: string,
  overdueSentAt: Date,
  now: Date = new Date(),
): PlannedRow[] {
  const dueVersion = dueVersionOf(request);
  if (!dueVersion || !isOpenRequest(request)) return [];
  const period = policy.statementEscalateAfter;
  const at = period.dayBased ? calendar.officeMorningAfter(overdueSentAt, period) : DateTime.fromJSDate(overdueSentAt).plus(period.duration).toJSDate();
  // Without a chief's address the escalation goes to the advisor, who then chases it by hand.
  return [
    { kind: 'statement_escalation', recipient: request.center?.chiefEmail || advisorEmail, notBefore: catchUp(at, now, period.dayBased, calendar), dueVersion },
  ];
}

export interface OpinionFacts {
  feedbackRequested?: boolean | null;
  feedbackReceivedAt?: string | Date | null;
  issuedAt?: string | Date | null;
  addresseeEmail?: string | null;
}

/**
 * R15: when the advisor asked to be told whether an opinion leads to changes, a follow-up goes
 * OPINION_FEEDBACK_AFTER after it was issued: to the addressee when the advisor recorded an
 * address (addresseeEmail), otherwise to the advisor as a reminder to chase it.
 */
export function plannedOpinionRows(
  opinion: OpinionFacts,
  policy: Pick<Policy, 'opinionFeedbackAfter'>,
  calendar: WorkingCalendar,
  advisorEmail: string,
  now: Date = new Date(),
): PlannedRow[] {
  const issued = toDate(opinion.issuedAt);
  if (!opinion.feedbackRequested || opinion.feedbackReceivedAt || !issued) return [];
  const recipient = opinion.addresseeEmail?.trim() || advisorEmail;
  const at = calendar.noticeAfter(issued, policy.opinionFeedbackAfter);
  return [
    {
      kind: 'opinion_followup',
      recipient,
      notBefore: catchUp(at, now, policy.opinionFeedbackAfter.dayBased, calendar),
      dueVersion: opinionVersionOf(opinion) ?? '',
    },
  ];
}

export function opinionVersionOf(opinion: OpinionFacts): string | null {
  const issued = toDate(opinion.issuedAt);
  if (!opinion.feedbackRequested || opinion.feedbackReceivedAt || !issued) return null;
  return `${issued.toISOString()}|${opinion.addresseeEmail?.trim() || ''}`;
}
