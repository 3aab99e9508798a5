/**
 * Retention (GDPR art. 5(1)(e)): a closed case keeps its citizen for RETENTION_AFTER_CLOSURE,
 * then the daily job anonymises it, unless the advisor has postponed that with a reason.
 * Plain TS: instants are UTC `Date`s, dates are local Copenhagen `YYYY-MM-DD`.
 */
import { DateTime } from 'luxon';
import { containsCprNumber, durationInDanish, localDate, TIME_ZONE, type Policy } from '@borgerraadgiver/config';
import { isClosedStatus } from './complaint-status';
import { toInstant, toLocalDate, type DateInput } from './dates';
import { isBlank, type Violation } from './violation';

export interface RetentionState {
  caseStatus?: string | null;
  closedAt?: DateInput;
  anonymisedAt?: DateInput;
  retentionHoldUntil?: DateInput;
}

export type RetentionStatus =
  /** Open, or closed without a closing time: kept. */
  | 'open'
  | 'anonymised'
  /** Past retention, but the advisor postponed anonymisation until retentionHoldUntil. */
  | 'postponed'
  /** Past retention: the next daily run anonymises it. */
  | 'due'
  /** Within RETENTION_NOTICE of being due: listed for the advisor. */
  | 'soon'
  | 'kept';

/** When a case closed at `closedAt` (instant) is due: RETENTION_AFTER_CLOSURE later on the Copenhagen calendar. */
export function retentionDueAt(closedAt: Date, policy: Pick<Policy, 'retentionAfterClosure'>): Date {
  return DateTime.fromJSDate(closedAt, { zone: TIME_ZONE }).plus(policy.retentionAfterClosure.duration).toJSDate();
}

/** Whether a postponement still holds on `now`: through the whole of its last local day. */
export function isPostponed(holdUntil: DateInput, now: Date): boolean {
  const until = typeof holdUntil === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(holdUntil) ? holdUntil : toLocalDate(holdUntil);
  return until !== null && until >= localDate(now);
}

export function retentionStatus(state: RetentionState, now: Date, policy: Pick<Policy, 'retentionAfterClosure' | 'retentionNotice'>): RetentionStatus {
  if (toInstant(state.anonymisedAt)) return 'anonymised';
  const closedAt = toInstant(state.closedAt);
  if (!closedAt || !isClosedStatus(state.caseStatus)) return 'open';
  const dueAt = retentionDueAt(closedAt, policy);
  if (dueAt <= now) return isPostponed(state.retentionHoldUntil, now) ? 'postponed' : 'due';
  const noticeFrom = DateTime.fromJSDate(dueAt, { zone: TIME_ZONE }).minus(policy.retentionNotice.duration).toJSDate();
  return noticeFrom <= now ? 'soon' : 'kept';
}

/**
 * The latest closing time that can be due or listed on `now` (for a database pre-filter; the
 * exact answer is retentionStatus): cases closed after it are kept.
 */
export function retentionListCutoff(now: Date, policy: Pick<Policy, 'retentionAfterClosure' | 'retentionNotice'>): Date {
  return DateTime.fromJSDate(now, { zone: TIME_ZONE })
    .plus(policy.retentionNotice.duration)
    .minus(policy.retentionAfterClosure.duration)
    .plus({ days: 1 })
    .toJSDate();
}

/** Checks a postponement: a reason, and a date after today and no further than one retention period ahead. */
export function checkPostponement(input: { until?: unknown; reason?: unknown }, now: Date, policy: Pick<Policy, 'retentionAfterClosure'>): Violation[] {
  const violations: Violation[] = [];
  const until = typeof input.until === 'string' ? input.until.trim() : '';
  const latest = DateTime.fromJSDate(now, { zone: TIME_ZONE }).plus(policy.retentionAfterClosure.duration).toISODate()!;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(until) || !DateTime.fromISO(until).isValid) {
    violations.push({ path: 'until', message: 'Angiv den dato, anonymiseringen udsættes til.' });
  } else if (until <= localDate(now)) {
    violations.push({ path: 'until', message: 'Datoen skal ligge efter i dag.' });
  } else if (until > latest) {
    violations.push({
      path: 'until',
      message: `Anonymiseringen kan højst udsættes én opbevaringsperiode (${durationInDanish(policy.retentionAfterClosure)}), dvs. til ${latest}. Udsæt igen senere, hvis det stadig er nødvendigt.`,
    });
  }
  violations.push(...checkReason(input.reason));
  return violations;
}

/** A reason for postponing or for erasing early: required, and never a CPR number (it is kept in the journal). */
export function checkReason(reason: unknown): Violation[] {
  if (typeof reason !== 'string' || isBlank(reason)) return [{ path: 'reason', message: 'Skriv en begrundelse.' }];
  // Kept whole in the journal's one-sentence summary (at most 1,000 characters).
  if (reason.length > 800) return [{ path: 'reason', message: 'Begrundelsen må højst være 800 tegn.' }];
  if (containsCprNumber(reason)) return [{ path: 'reason', message: 'Begrundelsen må ikke indeholde et CPR-nummer.' }];
  return [];
}
