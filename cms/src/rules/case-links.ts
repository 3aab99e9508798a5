/**
 * When a citizen's or a center's link (other than the statement link) works. Plain functions.
 * Both are per-e-mail random tokens whose hash is stored with the outbox row that carried them
 * (outbox/links.ts). Periods end in Copenhagen time (endOfPeriod), whatever the server's TZ.
 */
import { endOfPeriod, type CaseLinkGoneReason, type PolicyDuration } from '@borgerraadgiver/config';
import { isClosedStatus } from './complaint-status';

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
