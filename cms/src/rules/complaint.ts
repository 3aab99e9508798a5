import {
  complaintStatuses,
  complaintThemes,
  durationInDanish,
  identities,
  localDate,
  outOfScopeReasons,
  Policy,
  startOfLocalDay,
  WorkingCalendar,
  type ComplaintStatus,
  type Identity,
  type OutOfScopeReason,
} from '@borgerraadgiver/config';
import { canTransition, closedStatuses, initialStatuses, investigationStatuses } from './complaint-status';
import { DateInput, isInvalidDate, toInstant, toLocalDate } from './dates';
import { isBlank, Violation } from './violation';
import { checkPersonalData } from './personal-data';

/** The fields of a complaint the rules read (stored values merged with the submitted change). */
export interface ComplaintState {
  caseNumber?: string | null;
  receivedAt?: DateInput;
  caseStatus?: ComplaintStatus | null;
  eventDate?: DateInput;
  identity?: Identity | null;
  complainantKind?: string | null;
  businessName?: string | null;
  cvr?: string | null;
  centerHadOpportunity?: boolean | null;
  outOfScopeReason?: OutOfScopeReason | null;
  timeLimitException?: boolean | null;
  timeLimitExceptionReason?: string | null;
  exceptionLegalInterest?: boolean | null;
  exceptionCanBeClarified?: boolean | null;
  exceptionCanImprove?: boolean | null;
  specialCaseReason?: string | null;
  firstActionAt?: DateInput;
  closedAt?: DateInput;
  /** A JSON array of complaint theme keys (config: complaintThemes), or null. */
  complaintThemes?: unknown;
}

export interface RuleContext {
  now: Date;
  policy: Policy;
  calendar: WorkingCalendar;
  /**
   * The write registers a case from the old register (see ../import): it keeps its old case
   * number, its status and its closure date as they were, and may correct them on a re-import.
   */
  imported?: boolean;
}

/** Clock skew tolerated between the browser or a script and the server. */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

/** R6: the complaint came in after the time limit counted from the decision or matter. */
export function isExpired(complaint: ComplaintState, { policy, calendar }: Pick<RuleContext, 'policy' | 'calendar'>): boolean {
  const eventDay = toLocalDate(complaint.eventDate);
  const received = toInstant(complaint.receivedAt);
  if (!eventDay || !received) return false;
  return received > calendar.deadline(startOfLocalDay(eventDay), policy.complaintTimeLimit).at;
}

/** R6: the exception needs a reason and all three conditions. */
export function hasTimeLimitException(complaint: ComplaintState): boolean {
  return Boolean(
    complaint.timeLimitException &&
    !isBlank(complaint.timeLimitExceptionReason) &&
    complaint.exceptionLegalInterest &&
    complaint.exceptionCanBeClarified &&
    complaint.exceptionCanImprove,
  );
}

/** R5, R6: an inquiry outside the mandate or past the time limit can only be rejected. */
export function mandateBlockers(complaint: ComplaintState, context: Pick<RuleContext, 'policy' | 'calendar'>): Violation[] {
  const blockers: Violation[] = [];
  if (complaint.outOfScopeReason) {
    blockers.push({
      path: 'outOfScopeReason',
      message: `Henvendelsen ligger uden for borgerrådgiverens område (${outOfScopeReasons[complaint.outOfScopeReason]}) og kan kun afvises.`,
    });
  }
  if (isExpired(complaint, context) && !hasTimeLimitException(complaint)) {
    blockers.push({
      path: 'eventDate',
      message: `Klagen er indgivet efter klagefristen (${durationInDanish(context.policy.complaintTimeLimit)}) regnet fra afgørelsen eller forholdet og er forældet. Den kan kun afvises, medmindre der registreres en undtagelse med begrundelse og alle tre betingelser.`,
    });
  }
  return blockers;
}

/**
 * Why the advisor may not investigate this inquiry (R5, R6, R7/R8), as violations on the field
 * that causes it; empty when an investigation, a statement request or a substantive opinion is allowed.
 */
export function investigationBlockers(complaint: ComplaintState, context: Pick<RuleContext, 'policy' | 'calendar'>): Violation[] {
  const blockers = mandateBlockers(complaint, context);
  if ((complaint.identity === 'anonymous' || complaint.identity === 'confidential') && isBlank(complaint.specialCaseReason)) {
    blockers.push({
      path: 'specialCaseReason',
      message: `Henvendelsen er registreret som "${identities[complaint.identity].toLowerCase()}". Den kan kun undersøges i helt særlige tilfælde, som skal begrundes (fx mistanke om fortsatte grove fejl, der berører en bredere kreds).`,
    });
  }
  return blockers;
}

/** Rules for registering or changing an inquiry. `previous` is null on create. */
export function checkComplaint(next: ComplaintState, previous: ComplaintState | null, context: RuleContext): Violation[] {
  const violations: Violation[] = [];
  const add = (path: string, message: string) => violations.push({ path, message });

  if (previous && !isBlank(previous.caseNumber) && next.caseNumber !== previous.caseNumber) {
    add('caseNumber', 'Sagsnummeret tildeles automatisk og kan ikke ændres.');
  }
  if (!previous && !isBlank(next.caseNumber) && !context.imported) {
    add('caseNumber', 'Sagsnummeret tildeles automatisk og kan ikke angives.');
  }

  const received = toInstant(next.receivedAt);
  if (isInvalidDate(next.receivedAt)) add('receivedAt', 'Modtagelsestidspunktet er ikke en gyldig dato.');
  else if (received && received.getTime() > context.now.getTime() + FUTURE_TOLERANCE_MS) {
    add('receivedAt', 'Modtagelsestidspunktet kan ikke ligge i fremtiden.');
  }

  const eventDay = toLocalDate(next.eventDate);
  if (isInvalidDate(next.eventDate)) add('eventDate', 'Datoen for afgørelsen eller forholdet er ikke en gyldig dato.');
  else if (eventDay && eventDay > localDate(context.now)) add('eventDate', 'Datoen for afgørelsen eller forholdet kan ikke ligge i fremtiden.');
  else if (eventDay && received && eventDay > localDate(received)) {
    add('eventDate', 'Datoen for afgørelsen eller forholdet kan ikke ligge efter, at henvendelsen blev modtaget.');
  }

  if (next.timeLimitException) {
    if (isBlank(next.timeLimitExceptionReason)) add('timeLimitExceptionReason', 'En undtagelse fra klagefristen skal begrundes.');
    if (!next.exceptionLegalInterest) add('exceptionLegalInterest', 'Undtagelsen kræver, at klagen har fortsat fornøden retlig interesse for borgeren.');
    if (!next.exceptionCanBeClarified) add('exceptionCanBeClarified', 'Undtagelsen kræver, at sagen kan blive tilstrækkeligt oplyst.');
    if (!next.exceptionCanImprove) add('exceptionCanImprove', 'Undtagelsen kræver, at en undersøgelse kan bidrage til at forbedre sagsbehandlingen.');
  }

  if (next.complainantKind === 'business' && isBlank(next.businessName)) add('businessName', 'Angiv virksomhedens navn.');
  if (!isBlank(next.cvr) && !/^\d{8}$/.test(String(next.cvr))) add('cvr', 'CVR-nummeret skal bestå af 8 cifre.');

  const status = next.caseStatus ?? 'modtaget';
  const from = previous ? (previous.caseStatus ?? 'modtaget') : null;
  if (context.imported) violations.push(...checkImportedClosure(next, status, context.now));
  else if (!canTransition(from, status)) {
    const allowed = from === null ? initialStatuses : [];
    add(
      'caseStatus',
      from === null
        ? `En ny henvendelse kan ikke oprettes med status "${complaintStatuses[status]}". Mulige: ${allowed.map((s) => complaintStatuses[s]).join(', ')}.`
        : `Status kan ikke skifte fra "${complaintStatuses[from]}" til "${complaintStatuses[status]}".`,
    );
  }

  violations.push(...checkComplaintThemes(next.complaintThemes));

  if (status === 'afvist' && isBlank(next.outOfScopeReason)) add('outOfScopeReason', 'Angiv afvisningsgrunden, når henvendelsen afvises.');

  if (investigationStatuses.includes(status)) {
    violations.push(...investigationBlockers(next, context));
    if (!next.centerHadOpportunity) {
      add('centerHadOpportunity', 'En egentlig undersøgelse kræver, at centret først har haft mulighed for at forholde sig til klagen.');
    }
  } else if (status === 'loest_ved_dialog' || status === 'henvist') {
    violations.push(...mandateBlockers(next, context));
  }
  violations.push(...checkPersonalData(next as Record<string, unknown>, previous as Record<string, unknown> | null));
  return violations;
}

/**
 * A case from the old register reached its status there, so any status may be registered; a
 * closed one needs the date it was closed, which the reports and the retention count from.
 */
function checkImportedClosure(next: ComplaintState, status: ComplaintStatus, now: Date): Violation[] {
  const closed = toInstant(next.closedAt);
  const received = toInstant(next.receivedAt);
  if (isInvalidDate(next.closedAt)) return [{ path: 'closedAt', message: 'Afslutningsdatoen er ikke en gyldig dato.' }];
  if (closedStatuses.includes(status) && !closed) {
    return [{ path: 'closedAt', message: `En sag med status "${complaintStatuses[status]}" skal have datoen, den blev afsluttet.` }];
  }
  if (!closed || !closedStatuses.includes(status)) return [];
  if (closed.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) return [{ path: 'closedAt', message: 'Afslutningsdatoen kan ikke ligge i fremtiden.' }];
  if (received && localDate(closed) < localDate(received)) {
    return [{ path: 'closedAt', message: 'Sagen kan ikke være afsluttet, før henvendelsen blev modtaget.' }];
  }
  return [];
}

/** The themes must be a list of known themes (the multi-select in the admin sends exactly that). */
export function checkComplaintThemes(value: unknown): Violation[] {
  if (value === null || value === undefined) return [];
  const unknown = Array.isArray(value) ? value.filter((key) => typeof key !== 'string' || !(key in complaintThemes)) : null;
  if (unknown === null) return [{ path: 'complaintThemes', message: 'Temaerne skal angives som en liste.' }];
  if (unknown.length)
    return [{ path: 'complaintThemes', message: `Ukendt tema: ${unknown.map((key) => JSON.stringify(key)).join(', ')}. Vælg blandt temaerne på listen.` }];
  return [];
}

/** Known themes once each, in the vocabulary's order; no themes is null. */
export function normalizeComplaintThemes(value: unknown): string[] | null {
  if (!Array.isArray(value)) return null;
  const themes = Object.keys(complaintThemes).filter((key) => value.includes(key));
  return themes.length ? themes : null;
}

/**
 * A complaint with an open statement request must stay investigable: the center is being asked
 * about it. Changing identity, scope or R10 first needs the request cancelled.
 */
export function checkOpenStatementRequests(next: ComplaintState, openRequests: number, context: Pick<RuleContext, 'policy' | 'calendar'>): Violation[] {
  if (openRequests === 0) return [];
  const prefix = 'Der er en åben anmodning om redegørelse på sagen; annullér den først. ';
  const violations = investigationBlockers(next, context).map((v) => ({ path: v.path, message: prefix + v.message }));
  if (!next.centerHadOpportunity)
    violations.push({ path: 'centerHadOpportunity', message: `${prefix}Centret har haft mulighed for at svare, da anmodningen blev sendt.` });
  if (closedStatuses.includes(next.caseStatus ?? 'modtaget'))
    violations.push({ path: 'caseStatus', message: `${prefix}Sagen kan ikke afsluttes, mens centret er bedt om en redegørelse.` });
  return violations;
}

/** A case from the old register whose number a case in the system already has. */
export const caseNumberTaken = (caseNumber: string): Violation => ({ path: 'caseNumber', message: `Sagsnummeret ${caseNumber} findes allerede i systemet.` });

/** Fields the system keeps up to date on every write: first action and closure times. */
export function derivedComplaintFields(next: ComplaintState, previous: ComplaintState | null, now: Date, imported = false): Partial<ComplaintState> {
  const status = next.caseStatus ?? 'modtaget';
  const derived: Partial<ComplaintState> = {};
  if (!previous && isBlank(next.receivedAt)) derived.receivedAt = now.toISOString();
  // When the old register acted first is not known: an imported case has no first action, not today's.
  if (status !== 'modtaget' && isBlank(next.firstActionAt) && !imported) derived.firstActionAt = now.toISOString();
  if (closedStatuses.includes(status) && isBlank(next.closedAt)) derived.closedAt = now.toISOString();
  if (!closedStatuses.includes(status) && !isBlank(next.closedAt)) derived.closedAt = null;
  const themes = normalizeComplaintThemes(next.complaintThemes);
  if (next.complaintThemes !== undefined && JSON.stringify(themes) !== JSON.stringify(next.complaintThemes)) derived.complaintThemes = themes;
  return derived;
}
