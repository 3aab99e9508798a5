import { perspectives, type OpinionKind, type OpinionOutcome } from '@borgerraadgiver/config';
import { ComplaintState, investigationBlockers, RuleContext } from './complaint';
import { isInvalidDate } from './dates';
import { isBlank, Violation } from './violation';

export interface OpinionState {
  kind?: OpinionKind | null;
  outcome?: OpinionOutcome | null;
  complaint?: ComplaintState | null;
  legalPerspective?: string | null;
  ethicalPerspective?: string | null;
  equalityPerspective?: string | null;
  valuesPerspective?: string | null;
  reasoning?: string | null;
  addressedTo?: string | null;
  issuedAt?: string | Date | null;
}

const perspectiveFields = Object.keys(perspectives) as (keyof typeof perspectives)[];

/** Rules for an opinion (R13, R14, R15, and R5–R8 through its complaint). */
export function checkOpinion(next: OpinionState, context: RuleContext): Violation[] {
  const violations: Violation[] = [];
  const add = (path: string, message: string) => violations.push({ path, message });
  const kind = next.kind ?? 'case';

  if (kind === 'case' && !next.complaint) add('complaint', 'En udtalelse i en konkret sag skal knyttes til henvendelsen.');
  if (kind === 'general' && isBlank(next.addressedTo)) {
    add('addressedTo', 'En generel udtalelse skal have en modtager (som udgangspunkt Kommunaldirektøren).');
  }
  if (isInvalidDate(next.issuedAt)) add('issuedAt', 'Datoen for udtalelsen er ikke en gyldig dato.');

  if (next.outcome && next.outcome !== 'afvisning') {
    if (perspectiveFields.every((field) => isBlank(next[field]))) {
      add('legalPerspective', `Udtalelsen skal vurdere mindst ét perspektiv: ${Object.values(perspectives).join(', ').toLowerCase()}.`);
    }
    if (isBlank(next.reasoning)) add('reasoning', 'Udtalelsen skal indeholde en begrundelse.');
    if (next.complaint) {
      for (const blocker of investigationBlockers(next.complaint, context)) {
        add('outcome', `Kun "Afvisning" er mulig: ${blocker.message}`);
      }
    }
  }
  return violations;
}
