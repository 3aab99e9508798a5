/**
 * When a link in an e-mail works, and what an open statement request and its due date are: one
 * answer for the worker that claims an e-mail and for the center or citizen who opens the link.
 * Plain functions. Every link is a per-e-mail random token whose hash is stored with the outbox row
 * that carried it (outbox/links.ts). Periods end in Copenhagen time (endOfPeriod), whatever the
 * server's TZ.
 */
import { endOfPeriod, type CaseLinkGoneReason, type Policy, type PolicyDuration, type StatementLinkGoneReason } from '@borgerraadgiver/config';
import { isClosedStatus } from './complaint-status';

export interface RequestFacts {
  requestStatus?: string | null;
  dueAt?: string | Date | null;
  agreedDueAt?: string | Date | null;
  sentOutsideSystem?: boolean | null;
  linkVersion?: number | null;
  center?: { email?: string | null; chiefEmail?: string | null } | null;
  complaint?: { caseStatus?: string | null } | null;
}

/** A statement request is open (its reminders apply, the case waits for it) until answered or cancelled. */
export function isOpenRequest(request: Pick<RequestFacts, 'requestStatus'>): boolean {
  return (request.requestStatus ?? 'sendt') === 'sendt';
}
/** The same for the query engine (a statement request's `where`). */
export const OPEN_REQUEST_WHERE = { requestStatus: 'sendt' } as const;
/** The same in SQL, for the statement_requests row aliased `alias` (an unanswered open request). */
export const openRequestSql = (alias: string) => `${alias}.request_status = 'sendt' AND ${alias}.responded_at IS NULL`;

/** A stored date as a Date; null when absent or unreadable. */
export const toDate = (value: string | Date | null | undefined): Date | null => {
  if (!value) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
};

/** R11: the agreed date wins over the computed one. */
export function effectiveDue(request: Pick<RequestFacts, 'dueAt' | 'agreedDueAt'>): Date | null {
  return toDate(request.agreedDueAt) ?? toDate(request.dueAt);
}
/** The same in SQL, for the statement_requests row aliased `alias`. */
export const effectiveDueSql = (alias: string) => `COALESCE(${alias}.agreed_due_at, ${alias}.due_at)`;

/** The due-date version a scheduled row belongs to: the effective due instant. */
export function dueVersionOf(request: Pick<RequestFacts, 'dueAt' | 'agreedDueAt'>): string | null {
  return effectiveDue(request)?.toISOString() ?? null;
}

/**
 * Until when a center's statement link works: STATEMENT_LINK_VALID_AFTER_DUE after the effective
 * due date (a day-based period to the end of its last local day). A link mailed later than the due
 * date counts from the day it was sent, so a link always works on arrival.
 */
export function linkExpiresAt(
  request: Pick<RequestFacts, 'dueAt' | 'agreedDueAt'>,
  policy: Pick<Policy, 'statementLinkValidAfterDue'>,
  sentAt: Date | null = null,
): Date | null {
  const due = effectiveDue(request);
  if (!due) return null;
  const from = sentAt && sentAt > due ? sentAt : due;
  return endOfPeriod(from, policy.statementLinkValidAfterDue);
}

/**
 * Why a center's statement link no longer works, or null while it does. `linkVersion` is the
 * version the link was minted with (null: not checked); `sentAt` when it was mailed. An answered
 * request's link keeps working: the page says the statement is received.
 */
export function statementLinkProblem(
  request: RequestFacts,
  linkVersion: number | null,
  sentAt: Date,
  policy: Pick<Policy, 'statementLinkValidAfterDue'>,
  now: Date,
): StatementLinkGoneReason | null {
  if (linkVersion !== null && linkVersion !== (request.linkVersion ?? 1)) return 'replaced';
  if (request.requestStatus === 'annulleret') return 'cancelled';
  if (request.complaint && isClosedStatus(request.complaint.caseStatus)) return 'closed';
  const expires = linkExpiresAt(request, policy, sentAt);
  if (expires && now > expires) return 'expired';
  return null;
}

/** The citizen's case page: until revoked, and CITIZEN_LINK_VALID_AFTER_CLOSURE after closure. */
export function citizenLinkProblem(
  row: { linkVersion?: number | null },
  complaint: { citizenLinkVersion?: number | null; caseStatus?: string | null; closedAt?: string | Date | null; identity?: string | null },
  validAfterClosure: PolicyDuration,
  now: Date,
): CaseLinkGoneReason | null {
  if (complaint.identity === 'anonymous' || (row.linkVersion ?? 1) !== (complaint.citizenLinkVersion ?? 1)) return 'revoked';
  if (isClosedStatus(complaint.caseStatus) && complaint.closedAt) {
    const until = endOfPeriod(new Date(complaint.closedAt), validAfterClosure);
    if (now > until) return 'expired';
  }
  return null;
}

/** The center's opinion letter page: LETTER_LINK_VALID after the opinion was issued. */
export function letterLinkProblem(opinion: { issuedAt?: string | Date | null } | null, valid: PolicyDuration, now: Date): CaseLinkGoneReason | null {
  if (!opinion) return 'withdrawn';
  const issued = opinion.issuedAt ? new Date(opinion.issuedAt) : null;
  if (issued && now > endOfPeriod(issued, valid)) return 'expired';
  return null;
}
