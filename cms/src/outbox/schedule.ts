/**
 * Which notifications a statement request or an opinion should have: plain functions over the
 * stored state, the policy and the working-day calendar (no Strapi import; unit-tested).
 */
import { DateTime } from 'luxon';
import type { Policy, WorkingCalendar } from '@borgerraadgiver/config';

export type NotificationKind =
  | 'statement_request'
  | 'statement_reminder'
  | 'statement_overdue'
  | 'statement_escalation'
  | 'statement_received'
  | 'opinion_followup'
  | 'complaint_receipt'
  | 'opinion_letter'
  | 'opinion_letter_citizen'
  | 'case_closed';

/** The scheduled kinds of a statement request; rescheduled when the due date changes. */
export const SCHEDULED_STATEMENT_KINDS: NotificationKind[] = ['statement_reminder', 'statement_overdue', 'statement_escalation'];

export interface PlannedRow {
  kind: NotificationKind;
  recipient: string;
  notBefore: Date;
  dueVersion: string;
}

export interface RequestFacts {
  requestStatus?: string | null;
  dueAt?: string | Date | null;
  agreedDueAt?: string | Date | null;
  center?: { email?: string | null; chiefEmail?: string | null } | null;
}

const toDate = (value: string | Date | null | undefined): Date | null => {
  if (!value) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
};

/** R11: the agreed date wins over the computed one. */
export function effectiveDue(request: RequestFacts): Date | null {
  return toDate(request.agreedDueAt) ?? toDate(request.dueAt);
}

/** The due-date version a scheduled row belongs to: the effective due instant. */
export function dueVersionOf(request: RequestFacts): string | null {
  return effectiveDue(request)?.toISOString() ?? null;
}

/** A statement request is open (its reminders apply) until answered or cancelled. */
export function isOpen(request: RequestFacts): boolean {
  return (request.requestStatus ?? 'sendt') === 'sendt';
}

/** Until when a center's link works: STATEMENT_LINK_VALID_AFTER_DUE after the effective due date. */
export function linkExpiresAt(request: RequestFacts, policy: Pick<Policy, 'statementLinkValidAfterDue'>): Date | null {
  const due = effectiveDue(request);
  return due ? DateTime.fromJSDate(due).plus(policy.statementLinkValidAfterDue.duration).toJSDate() : null;
}

/**
 * Reminder before the due date, overdue notice at it, escalation to the center chief after it.
 * Day-based periods land at 08:00 on a working day (WorkingCalendar); sub-day ones are offsets.
 * A reminder whose time has already passed is dropped (it would arrive with the request itself);
 * an overdue notice or escalation in the past goes out at once.
 */
export function plannedStatementRows(
  request: RequestFacts,
  policy: Pick<Policy, 'statementDeadline' | 'statementReminderBefore' | 'statementEscalateAfter'>,
  calendar: WorkingCalendar,
  advisorEmail: string,
  now: Date = new Date(),
): PlannedRow[] {
  const due = effectiveDue(request);
  const dueVersion = dueVersionOf(request);
  const email = request.center?.email;
  if (!due || !dueVersion || !email || !isOpen(request)) return [];
  const rows: PlannedRow[] = [];
  const reminderAt = calendar.reminderBefore(due, policy.statementReminderBefore);
  if (reminderAt > now && reminderAt < due) rows.push({ kind: 'statement_reminder', recipient: email, notBefore: reminderAt, dueVersion });
  const overdueAt = policy.statementDeadline.dayBased ? calendar.noticeAfter(due) : due;
  rows.push({ kind: 'statement_overdue', recipient: email, notBefore: maxDate(overdueAt, now), dueVersion });
  const escalateAt = calendar.noticeAfter(due, policy.statementEscalateAfter);
  // Without a chief's address the escalation goes to the advisor, who then chases it by hand.
  rows.push({ kind: 'statement_escalation', recipient: request.center?.chiefEmail || advisorEmail, notBefore: maxDate(escalateAt, now), dueVersion });
  return rows;
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
  return [{ kind: 'opinion_followup', recipient, notBefore: maxDate(at, now), dueVersion: opinionVersionOf(opinion) ?? '' }];
}

export function opinionVersionOf(opinion: OpinionFacts): string | null {
  const issued = toDate(opinion.issuedAt);
  if (!opinion.feedbackRequested || opinion.feedbackReceivedAt || !issued) return null;
  return `${issued.toISOString()}|${opinion.addresseeEmail?.trim() || ''}`;
}

function maxDate(a: Date, b: Date): Date {
  return a > b ? a : b;
}
