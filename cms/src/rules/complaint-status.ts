import type { ComplaintStatus } from '@borgerraadgiver/config';

/** Statuses a new registration may start in (a phone call can be registered as already solved). */
export const initialStatuses: readonly ComplaintStatus[] = ['modtaget', 'visitation', 'dialog', 'loest_ved_dialog', 'afvist', 'henvist', 'undersoegelse'];

/** The case workflow: from each status, where it may go next. */
export const transitions: Record<ComplaintStatus, readonly ComplaintStatus[]> = {
  modtaget: ['visitation', 'dialog', 'afvist', 'henvist', 'loest_ved_dialog', 'undersoegelse', 'tilbagetrukket'],
  visitation: ['dialog', 'afvist', 'henvist', 'loest_ved_dialog', 'undersoegelse', 'tilbagetrukket'],
  dialog: ['visitation', 'loest_ved_dialog', 'afvist', 'henvist', 'undersoegelse', 'tilbagetrukket'],
  undersoegelse: ['udtalelse_afgivet', 'loest_ved_dialog', 'afvist', 'tilbagetrukket'],
  genoptaget: ['visitation', 'dialog', 'undersoegelse', 'afvist', 'henvist', 'loest_ved_dialog', 'tilbagetrukket'],
  udtalelse_afgivet: ['afsluttet', 'genoptaget'],
  afvist: ['afsluttet', 'genoptaget'],
  henvist: ['afsluttet', 'genoptaget'],
  loest_ved_dialog: ['afsluttet', 'genoptaget'],
  tilbagetrukket: ['genoptaget'],
  afsluttet: ['genoptaget'],
};

/** Statuses that end the advisor's handling; entering one sets closedAt. */
export const closedStatuses: readonly ComplaintStatus[] = ['afvist', 'henvist', 'loest_ved_dialog', 'afsluttet', 'tilbagetrukket'];

export const isClosedStatus = (status: string | null | undefined): boolean => closedStatuses.includes(status as ComplaintStatus);

/**
 * The statuses the reports count as a case's outcome, with the reopening counted beside them
 * (reports/db/outcomes.ts); each but the reopening also closes the case.
 */
export const outcomeStatuses = ['loest_ved_dialog', 'henvist', 'afvist', 'tilbagetrukket', 'genoptaget'] as const satisfies readonly ComplaintStatus[];
export type OutcomeStatus = (typeof outcomeStatuses)[number];

/** Statuses that mean the advisor investigates (R10) or has investigated. */
export const investigationStatuses: readonly ComplaintStatus[] = ['undersoegelse', 'udtalelse_afgivet'];

export function canTransition(from: ComplaintStatus | null, to: ComplaintStatus): boolean {
  if (from === null) return initialStatuses.includes(to);
  return from === to || transitions[from].includes(to);
}
