import { danishDate, statementRequestStatuses, type StatementRequestStatus } from '@borgerraadgiver/config';
import { ComplaintState, investigationBlockers, RuleContext } from './complaint';
import { closedStatuses } from './complaint-status';
import { DateInput, isInvalidDate, sameInstant, toInstant, toLocalDate } from './dates';
import { isBlank, Violation } from './violation';

export interface StatementRequestState {
  complaint?: ComplaintState | null;
  center?: { email?: string | null } | null;
  questions?: string | null;
  caseSummary?: string | null;
  requestedAt?: DateInput;
  /** Registered after the fact: sent by letter or e-mail outside the system, which mails nothing. */
  sentOutsideSystem?: boolean | null;
  dueAt?: DateInput;
  agreedDueAt?: DateInput;
  agreementNote?: string | null;
  requestStatus?: StatementRequestStatus | null;
  responseText?: string | null;
  respondedAt?: DateInput;
}

const statusTransitions: Record<StatementRequestStatus, readonly StatementRequestStatus[]> = {
  sendt: ['besvaret', 'annulleret'],
  besvaret: [],
  annulleret: [],
};

/** R11: the statement is due STATEMENT_DEADLINE after the request, on the working-day calendar. */
export function computeDue(requestedAt: Date, context: Pick<RuleContext, 'policy' | 'calendar'>) {
  return context.calendar.deadline(requestedAt, context.policy.statementDeadline);
}

/** Rules for a request for a written statement (R10, R11, R7/R8, R5/R6). `previous` is null on create. */
export function checkStatementRequest(next: StatementRequestState, previous: StatementRequestState | null, context: RuleContext): Violation[] {
  const violations: Violation[] = [];
  const add = (path: string, message: string) => violations.push({ path, message });

  if (!next.complaint) {
    add('complaint', 'Vælg den henvendelse, redegørelsen vedrører.');
  } else if (!previous) {
    for (const blocker of investigationBlockers(next.complaint, context)) add('complaint', blocker.message);
    if (closedStatuses.includes(next.complaint.caseStatus ?? 'modtaget'))
      add('complaint', 'Henvendelsen er afsluttet. Genoptag den, før der bedes om en redegørelse.');
    if (next.complaint.identity !== 'named' && isBlank(next.caseSummary)) {
      add(
        'caseSummary',
        'Borgeren er anonym over for kommunen: skriv et resumé af sagen til centret uden oplysninger, der kan identificere borgeren. Borgerens egen beskrivelse vises ikke for centret.',
      );
    }
    if (!next.complaint.centerHadOpportunity) {
      add(
        'complaint',
        'Centret skal først have haft mulighed for at forholde sig til klagen (markér det på henvendelsen), før der kan bedes om en redegørelse.',
      );
    }
  }
  if (!next.center) add('center', 'Vælg det center, der skal afgive redegørelsen.');
  else if (isBlank(next.center.email)) add('center', 'Centret har ingen e-mailadresse til afdelingslederen. Tilføj den på centret først.');

  if (isInvalidDate(next.requestedAt)) add('requestedAt', 'Anmodningstidspunktet er ikke en gyldig dato.');
  else for (const violation of checkRequestTime(next, previous, context.now)) violations.push(violation);
  if (isInvalidDate(next.agreedDueAt)) add('agreedDueAt', 'Den aftalte frist er ikke en gyldig dato.');
  const requested = toInstant(next.requestedAt);
  const agreed = toInstant(next.agreedDueAt);
  if (agreed && isBlank(next.agreementNote)) add('agreementNote', 'En aftalt frist skal registreres med en note om aftalen.');
  if (agreed && requested && agreed <= requested) add('agreedDueAt', 'Den aftalte frist skal ligge efter anmodningen.');

  const status = next.requestStatus ?? 'sendt';
  const from = previous?.requestStatus ?? null;
  if (from === null ? status !== 'sendt' : from !== status && !statusTransitions[from].includes(status)) {
    add(
      'requestStatus',
      from === null
        ? 'En ny anmodning om redegørelse oprettes med status "Sendt".'
        : `Status kan ikke skifte fra "${statementRequestStatuses[from]}" til "${statementRequestStatuses[status]}".`,
    );
  }
  if (status === 'besvaret' && isBlank(next.responseText)) add('responseText', 'En besvaret anmodning skal have redegørelsens tekst.');
  return violations;
}

/** How far a submitted request time may lie from the server's clock and still count as "now". */
const CLOCK_TOLERANCE_MS = 2 * 60_000;

/**
 * R11 counts from the request. A request the system sends is requested the moment it is sent, so
 * its time is the system's; a request sent outside the system (by letter, earlier) is registered
 * with the time it was sent, as an explicit choice that mails nothing. Never in the future.
 */
export function checkRequestTime(next: StatementRequestState, previous: StatementRequestState | null, now: Date): Violation[] {
  const violations: Violation[] = [];
  const requested = toInstant(next.requestedAt);
  const outside = Boolean(next.sentOutsideSystem);
  if (previous && outside !== Boolean(previous.sentOutsideSystem)) {
    violations.push({
      path: 'sentOutsideSystem',
      message: 'Det kan ikke ændres bagefter, om anmodningen blev sendt uden om systemet. Annullér anmodningen, og opret en ny.',
    });
  }
  if (requested && requested.getTime() > now.getTime() + CLOCK_TOLERANCE_MS) {
    violations.push({
      path: 'requestedAt',
      message:
        'Anmodningstidspunktet kan ikke ligge i fremtiden. Systemet sender anmodningen nu; en anmodning sendt på anden vis registreres med det tidspunkt, den blev sendt.',
    });
    return violations;
  }
  if (outside) {
    if (!requested)
      violations.push({ path: 'requestedAt', message: 'Angiv, hvornår anmodningen blev sendt uden om systemet. Fristen regnes fra det tidspunkt.' });
    else if (!previous || !sameInstant(next.requestedAt, previous.requestedAt)) {
      // By calendar day: the time of day of a letter is rarely known.
      const received = toLocalDate(next.complaint?.receivedAt);
      if (received && toLocalDate(requested)! < received)
        violations.push({
          path: 'requestedAt',
          message: `Anmodningen kan ikke være sendt, før henvendelsen blev modtaget (${danishDate(received)}). Ret datoen.`,
        });
    }
    return violations;
  }
  const changed = previous
    ? !sameInstant(next.requestedAt, previous.requestedAt)
    : requested !== null && Math.abs(requested.getTime() - now.getTime()) > CLOCK_TOLERANCE_MS;
  if (changed) {
    violations.push({
      path: 'requestedAt',
      message: previous
        ? 'Anmodningstidspunktet er det tidspunkt, hvor systemet sendte anmodningen, og kan ikke ændres.'
        : 'Systemet sender anmodningen nu, så anmodningstidspunktet er nu. Er anmodningen allerede sendt på anden vis (fx med brev), så markér "Sendt uden om systemet" og angiv, hvornår den blev sendt; så sendes ingen e-mail.',
    });
  }
  return violations;
}

/**
 * A request belongs to one complaint and one center for good: its links and e-mails went to that
 * center about that case. Another center or case needs a new request (and this one cancelled).
 */
export function checkFixedRelations(changed: { complaint: boolean; center: boolean }): Violation[] {
  const message = 'kan ikke ændres, når anmodningen er sendt. Annullér den, og opret en ny anmodning.';
  return [
    ...(changed.complaint ? [{ path: 'complaint', message: `Henvendelsen ${message}` }] : []),
    ...(changed.center ? [{ path: 'center', message: `Centret ${message}` }] : []),
  ];
}

/** A submitted dueAt must match the stored one: the due date is derived, a different date is agreed. */
export function checkDueAtUnchanged(submitted: DateInput, stored: Date): Violation[] {
  if (submitted === undefined || submitted === null || submitted === '' || sameInstant(submitted, stored)) return [];
  return [
    {
      path: 'dueAt',
      message:
        'Fristen beregnes automatisk (to uger efter anmodningen, flyttet til næste arbejdsdag, hvis den falder på en fridag). Registrér i stedet en aftalt frist med en note.',
    },
  ];
}
