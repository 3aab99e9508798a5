import { complaintStatuses, handlingForms, type ComplaintStatus } from '@borgerraadgiver/config';
import { ComplaintState, investigationBlockers, RuleContext } from './complaint';
import { canTransition, closedStatuses } from './complaint-status';

/** The next steps offered on the case page. */
export const caseActionKinds = ['requestStatement', 'registerMeeting', 'issueOpinion', 'reject', 'close', 'reopen'] as const;
export type CaseActionKind = (typeof caseActionKinds)[number];

/** What the case page needs besides the case's own fields. */
export interface CaseFacts {
  /** Statement requests with status `sendt`. */
  openRequests: number;
  /** The case has a center to ask (the request is prefilled with it; otherwise its dialog asks). */
  hasCenter: boolean;
}

/** An action is offered when `reason` is null; otherwise `reason` says in Danish why not. */
export type CaseActionAvailability = Record<CaseActionKind, string | null>;

const statusLabel = (status: ComplaintStatus) => `"${complaintStatuses[status]}"`;

/**
 * Which next steps the rules allow on a case, and why not where they do not. The same checks the
 * server applies when the step is taken (checkComplaint, checkStatementRequest, checkOpenStatementRequests).
 */
export function caseActions(complaint: ComplaintState, facts: CaseFacts, context: Pick<RuleContext, 'policy' | 'calendar'>): CaseActionAvailability {
  const status: ComplaintStatus = complaint.caseStatus ?? 'modtaget';
  const closed = closedStatuses.includes(status);
  const openRequest = facts.openRequests > 0 ? 'Der er en åben anmodning om redegørelse; afvent svaret, eller annullér anmodningen.' : null;

  const requestStatement = (() => {
    if (closed) return `Sagen har status ${statusLabel(status)}. Genoptag den, før der bedes om en redegørelse.`;
    if (status !== 'undersoegelse' && !canTransition(status, 'undersoegelse')) return `En sag med status ${statusLabel(status)} kan ikke undersøges.`;
    // R10 and the center are asked for in the request's own dialog (requestNeeds), not refused here.
    const blocker = investigationBlockers(complaint, context)[0];
    return blocker ? blocker.message : null;
  })();

  const issueOpinion = (() => {
    if (status !== 'undersoegelse') return `Udtalelser afgives i sager under undersøgelse; sagen har status ${statusLabel(status)}.`;
    return openRequest;
  })();

  const reject = (() => {
    if (!canTransition(status, 'afvist') || status === 'afvist') return `En sag med status ${statusLabel(status)} kan ikke afvises.`;
    return openRequest;
  })();

  const close =
    canTransition(status, 'afsluttet') && status !== 'afsluttet'
      ? null
      : 'Sagen kan afsluttes, når den er afvist, henvist, løst ved dialog eller har fået en udtalelse.';

  return {
    requestStatement,
    registerMeeting: closed ? `Sagen har status ${statusLabel(status)}. Genoptag den for at registrere et møde.` : null,
    issueOpinion,
    reject,
    close,
    reopen: status !== 'genoptaget' && canTransition(status, 'genoptaget') ? null : 'Kun en lukket sag eller en sag med afgivet udtalelse kan genoptages.',
  };
}

/** What the statement request's dialog must ask for besides the questions, so no detour is needed. */
export function requestNeeds(complaint: Pick<ComplaintState, 'centerHadOpportunity'>, facts: Pick<CaseFacts, 'hasCenter'>) {
  return { centerHadOpportunity: !complaint.centerHadOpportunity, center: !facts.hasCenter };
}

/** Events on a case that move its status by themselves. */
export type CaseStatusEvent = 'statement_requested' | 'opinion_issued';

/**
 * The status a case takes after an event, or null when it stays: a statement request starts the
 * investigation (R10, R11); an opinion ends it (R14).
 */
export function statusAfter(event: CaseStatusEvent, current: ComplaintStatus | null | undefined): ComplaintStatus | null {
  const status = current ?? 'modtaget';
  if (event === 'statement_requested') return status !== 'undersoegelse' && canTransition(status, 'undersoegelse') ? 'undersoegelse' : null;
  return status === 'undersoegelse' ? 'udtalelse_afgivet' : null;
}

type Handling = keyof typeof handlingForms;

/**
 * The handling form after an event: a statement request makes the case an investigation, unless
 * the advisor has named a form the request does not replace (mediation, forwarded to the unit).
 * Lighter forms give way, so the annual report counts the case where its work was done.
 */
export function handlingAfter(event: CaseStatusEvent, current: Handling | null | undefined): Handling | null {
  return event === 'statement_requested' && (!current || current === 'kort_kontakt' || current === 'dialog') ? 'undersoegelse' : null;
}
