import { danishDate, meetingRoles, opinionOutcomes, statementRequestStatuses, type StatementRequestStatus } from '@borgerraadgiver/config';
import type { DateInput } from './dates';

const join = (parts: (string | null | undefined | false)[]) => parts.filter(Boolean).join(' · ');

/** Longest heading stored (the schemas' maxLength). */
export const HEADING_LENGTH = 200;
const shorten = (text: string) => (text.length > HEADING_LENGTH ? `${text.slice(0, HEADING_LENGTH - 1)}…` : text);

/**
 * How a related item is named in pickers, lists and on the case: by its case and what it is,
 * e.g. "2026-0001 · Redegørelse · frist 14.12.2026 · Sendt". An agreed deadline replaces the computed one.
 */
export function statementRequestHeading(r: {
  caseNumber?: string | null;
  dueAt?: DateInput;
  agreedDueAt?: DateInput;
  requestStatus?: StatementRequestStatus | null;
}): string {
  const due = danishDate(r.agreedDueAt, 'numeric') || danishDate(r.dueAt, 'numeric');
  return shorten(join([r.caseNumber, 'Redegørelse', due && `frist ${due}`, statementRequestStatuses[r.requestStatus ?? 'sendt']]));
}

export function meetingHeading(m: { caseNumber?: string | null; role?: string | null; heldAt?: DateInput }): string {
  return shorten(join([m.caseNumber, 'Møde', m.role ? meetingRoles[m.role as keyof typeof meetingRoles] : null, danishDate(m.heldAt, 'numeric')]));
}

/**
 * An opinion is named by its case and outcome; a general opinion (no case) by its title. A case
 * opinion's title is free text an anonymisation removes, so its heading never repeats it.
 */
export function opinionHeading(o: { caseNumber?: string | null; title?: unknown; outcome?: unknown; issuedAt?: DateInput }): string {
  const title = !o.caseNumber && typeof o.title === 'string' && o.title.trim() ? o.title.trim() : 'Udtalelse';
  const outcome = typeof o.outcome === 'string' ? opinionOutcomes[o.outcome as keyof typeof opinionOutcomes] : undefined;
  return shorten(join([o.caseNumber, title, outcome, danishDate(o.issuedAt, 'numeric')]));
}

/** A recommendation is named by its own text (the picker shows it), after its case. */
export function recommendationHeading(r: { caseNumber?: string | null; text?: unknown }): string {
  // Named before the write is validated: a text of the wrong type names nothing (the write is then refused).
  const text = typeof r.text === 'string' ? r.text.replace(/\s+/g, ' ').trim() : '';
  return shorten(join([r.caseNumber, text]));
}
