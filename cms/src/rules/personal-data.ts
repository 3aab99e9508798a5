/**
 * Which stored values are the citizen's personal data: one list for the assistant's hidden
 * fields, the CPR check, the access export and anonymisation. Plain TS.
 *
 * Kept on anonymisation, because reports and the record rest on them: case numbers, dates,
 * centers, categories, channels, statuses, outcomes and recommendations.
 */
import { containsCprNumber, cprMessages } from '@borgerraadgiver/config';
import { isBlank, type Violation } from './violation';
import { COMPLAINT, MEETING, OPINION, STATEMENT_REQUEST } from '../content-types';

/** The citizen's identity and contact fields on a complaint (hidden from the administrative assistant). */
export const citizenIdentityFields = ['citizenName', 'citizenEmail', 'citizenPhone', 'citizenAddress', 'businessName', 'cvr'] as const;

/**
 * Free text that tells the citizen's story, per content type. Anonymisation overwrites a
 * non-empty value with ANONYMISED_TEXT (an empty one stays empty), so a field that must be
 * filled stays filled and "was there a text" keeps its answer.
 */
export const personalTextFields = {
  [COMPLAINT]: ['title', 'description', 'dialogOutcome', 'internalNotes', 'timeLimitExceptionReason', 'specialCaseReason'],
  [STATEMENT_REQUEST]: ['questions', 'caseSummary', 'agreementNote', 'responseText'],
  [MEETING]: ['place', 'notes'],
  /** Case opinions only: a general opinion is about a matter, not a citizen. */
  [OPINION]: ['title', 'legalPerspective', 'ethicalPerspective', 'equalityPerspective', 'valuesPerspective', 'reasoning'],
} as const;

/** What an anonymised text reads. */
export const ANONYMISED_TEXT = '[Anonymiseret]';

/** The replacement of one personal text: the marker when there was text, else the value as it was. */
export const anonymisedText = (value: unknown): unknown => (typeof value === 'string' && value.trim() !== '' ? ANONYMISED_TEXT : value);

/** Fields of a complaint only the privacy functions set ("Sager til anonymisering"), never an edit. */
export const retentionFields = ['anonymisedAt', 'retentionHoldUntil', 'retentionHoldReason'] as const;

type Values = Record<string, unknown>;

const normalised = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return '';
  if (value instanceof Date) return value.toISOString();
  const instant = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? new Date(value) : null;
  return instant && !Number.isNaN(instant.getTime()) ? instant.toISOString() : String(value);
};
const changed = (next: Values, previous: Values | null, field: string) => normalised(next[field]) !== normalised(previous?.[field]);

/**
 * Personal-data rules for a complaint write (`next` = stored values merged with the change,
 * `previous` null on create): no CPR number in an identity field; the retention fields are set
 * only by the privacy functions; an anonymised case gets no person back.
 */
export function checkPersonalData(next: Values, previous: Values | null): Violation[] {
  const violations: Violation[] = [];
  for (const field of citizenIdentityFields) {
    if (changed(next, previous, field) && containsCprNumber(next[field])) violations.push({ path: field, message: cprMessages.admin });
  }
  for (const field of retentionFields) {
    if (changed(next, previous, field))
      violations.push({ path: field, message: 'Feltet sættes af systemet: brug "Sager til anonymisering" eller "Anonymisér" på sagen.' });
  }
  if (previous?.anonymisedAt) {
    for (const field of [...citizenIdentityFields, ...personalTextFields[COMPLAINT]]) {
      if (changed(next, previous, field) && !isBlank(next[field])) {
        violations.push({
          path: field,
          message: 'Sagen er anonymiseret, og personoplysninger kan ikke tilføjes igen. Registrér en ny henvendelse, hvis borgeren henvender sig igen.',
        });
      }
    }
  }
  return violations;
}
