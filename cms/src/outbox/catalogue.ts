/**
 * The e-mail catalogue: for each kind that goes out when something happens, the one function that
 * says to whom, when and about what (its outbox row); every caller plans through these. The kinds
 * planned ahead of time are planned by ./schedule (statement reminders, overdue notices,
 * escalations, opinion follow-ups) and reports/reminders (report reminders); every kind's template
 * is the workers' (workers/src/mail/templates.ts, checked against the kind list by the compiler).
 * Plain functions: no Strapi, no database; ./writer stores the rows.
 */
import { localDate, municipality } from '@borgerraadgiver/config';
import type { NewRow } from './writer';

/** The advisor's office: the messages about her own cases and the system. */
const office = () => municipality.email;

/** The request to the center, with its link; `linkReissued` when it is mailed again with a new link. */
export const statementRequestEmail = (
  request: { id: number; linkVersion?: number | null },
  center: { email: string },
  dueVersion: string | null,
  now: Date,
  linkReissued = false,
): NewRow => ({
  kind: 'statement_request',
  recipient: center.email,
  notBefore: now,
  dueVersion: dueVersion ?? '',
  statementRequest: request.id,
  linkVersion: request.linkVersion ?? 1,
  linkReissued,
});

/** The advisor is told that the center's statement has arrived. */
export const statementReceivedEmail = (request: { id: number }, now: Date): NewRow => ({
  kind: 'statement_received',
  recipient: office(),
  notBefore: now,
  dueVersion: '',
  statementRequest: request.id,
});

/** The advisor is told that an e-mail was filed in a case by itself (a reply). */
export const mailReceivedEmail = (complaint: { id: number }, statementRequest: { id: number } | null | undefined, now: Date): NewRow => ({
  kind: 'mail_received',
  recipient: office(),
  notBefore: now,
  dueVersion: '',
  complaint: complaint.id,
  ...(statementRequest ? { statementRequest: statementRequest.id } : {}),
});

/** The citizen's receipt for a complaint from the public form, with the link to the case page. */
export const complaintReceiptEmail = (complaint: { id: number }, citizenEmail: string, now: Date): NewRow => ({
  kind: 'complaint_receipt',
  recipient: citizenEmail,
  subject: 'Kvittering for din henvendelse til borgerrådgiveren',
  complaint: complaint.id,
  notBefore: now,
  dueVersion: '',
});

/** The citizen is told that the case is closed; one per closing status. */
export const caseClosedEmail = (complaint: { id: number; citizenEmail: string; caseStatus: string }, now: Date): NewRow => ({
  kind: 'case_closed',
  recipient: complaint.citizenEmail,
  notBefore: now,
  dueVersion: complaint.caseStatus,
  complaint: complaint.id,
});

/** The opinion letter to the center (its link) or to the citizen (the case page). */
export const opinionLetterEmail = (
  audience: 'center' | 'citizen',
  opinion: { id: number },
  complaint: { id: number },
  recipient: string,
  now: Date,
): NewRow => ({
  kind: audience === 'center' ? 'opinion_letter' : 'opinion_letter_citizen',
  recipient,
  notBefore: now,
  dueVersion: '',
  opinion: opinion.id,
  complaint: complaint.id,
});

/** A reminder to prepare a report (annual report, half-year status), planned by reports/reminders. */
export const reportReminderEmail = (plan: { subject: string; dueVersion: string; notBefore: Date }): NewRow => ({
  kind: 'report_reminder',
  recipient: office(),
  subject: plan.subject,
  dueVersion: plan.dueVersion,
  notBefore: plan.notBefore,
});

/** The advisor is told of a center's unusually many inquiries (an ongoing-status alert). */
export const ongoingStatusEmail = (alert: { documentId: string }, subject: string, now: Date): NewRow => ({
  kind: 'ongoing_status',
  recipient: office(),
  subject,
  dueVersion: `ongoing-status:${alert.documentId}`,
  notBefore: now,
});

/** The daily list for the advisor of e-mails that could not be delivered; at most one a day. */
export const deliveryFailuresEmail = (now: Date): NewRow => ({
  kind: 'delivery_failures',
  recipient: office(),
  notBefore: now,
  dueVersion: `delivery-failures:${localDate(now)}`,
});
