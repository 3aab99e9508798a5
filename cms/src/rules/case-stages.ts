import type { ComplaintStatus } from '@borgerraadgiver/config';

/**
 * What the case form shows. The intake's facts (how the inquiry came, from whom, what happened
 * when, which center) are registered through the intake; once the case has its number they stand
 * in "Sagens overblik" and are corrected in "Ret registreringen" (the intake's form), and the case
 * form holds the advisor's assessment and handling, some of it only in the stage it belongs to. The
 * admin applies this through each field's visibility condition in the case schema (a test holds
 * the two together); a field the form does not show keeps its value on save.
 */
export const caseStages = {
  registrering: ['modtaget', 'visitation'],
  behandling: ['dialog', 'undersoegelse', 'genoptaget'],
  afsluttet: ['afvist', 'henvist', 'loest_ved_dialog', 'udtalelse_afgivet', 'afsluttet', 'tilbagetrukket'],
} as const satisfies Record<string, readonly ComplaintStatus[]>;
export type CaseStage = keyof typeof caseStages;

/** The intake's facts: in the form only while a case is created by hand (Strapi's own "Opret en post"). */
export const registrationFields = [
  'receivedAt',
  'channel',
  'purpose',
  'complainantKind',
  'identity',
  'citizenName',
  'citizenPhone',
  'citizenEmail',
  'citizenAddress',
  'businessName',
  'cvr',
  'eventDate',
  'center',
  'institution',
  'formalComplaintToUnit',
  'centerHadOpportunity',
] as const;

/**
 * The assessment a correction of the intake's facts can call for, asked beside them in "Ret
 * registreringen": an inquiry made anonymous needs its special reason to be investigated, a
 * decision date past the time limit its exception (rules/complaint: investigationBlockers).
 */
export const registrationAssessmentFields = [
  'specialCaseReason',
  'timeLimitException',
  'timeLimitExceptionReason',
  'exceptionLegalInterest',
  'exceptionCanBeClarified',
  'exceptionCanImprove',
] as const;

/** Fields of the form shown in some stages only; every other field is shown in every stage (its own condition aside). */
export const stageFields: Record<string, readonly CaseStage[]> = {
  // The result for the citizen is settled when the case closes.
  citizenResult: ['afsluttet'],
};

/**
 * The form's part of a field's visibility condition in the case schema (JSON Logic, as Strapi
 * evaluates it on the form's values), or undefined for a field of every stage. A stage is written
 * as "not in the other stages' statuses", so a new case (no status) is in registration.
 */
export function formCondition(field: string): object | undefined {
  if ((registrationFields as readonly string[]).includes(field)) return { '!': { var: 'caseNumber' } };
  const shown = stageFields[field];
  if (!shown) return undefined;
  const hiddenIn = (Object.keys(caseStages) as CaseStage[]).filter((stage) => !shown.includes(stage));
  return { '!': { in: [{ var: 'caseStatus' }, hiddenIn.flatMap((stage) => [...caseStages[stage]])] } };
}
