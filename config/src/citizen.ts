import { opinionOutcomes, type ComplaintStatus, type OpinionOutcome } from './vocabulary';

/**
 * The case status as the citizen reads it on their own case page and in the closing e-mail:
 * what it means and what happens next, in plain Danish.
 */
export const citizenStatusTexts: Record<ComplaintStatus, { label: string; explanation: string }> = {
  modtaget: { label: 'Modtaget', explanation: 'Borgerrådgiveren har modtaget din henvendelse og læser den. Du hører fra os, når vi har set på den.' },
  visitation: {
    label: 'Under vurdering',
    explanation:
      'Borgerrådgiveren vurderer, hvad der skal ske med din henvendelse: om den kan løses ved en hurtig dialog med centret, skal undersøges, eller hører hjemme et andet sted.',
  },
  dialog: { label: 'Dialog med centret', explanation: 'Borgerrådgiveren er i dialog med centret om din sag for at finde en løsning.' },
  undersoegelse: {
    label: 'Undersøges',
    explanation:
      'Borgerrådgiveren undersøger din sag og har som regel bedt centret om en skriftlig redegørelse. Når den er modtaget, vurderer borgerrådgiveren sagen og skriver en udtalelse.',
  },
  genoptaget: { label: 'Genoptaget', explanation: 'Sagen er åbnet igen, og borgerrådgiveren ser på den på ny.' },
  udtalelse_afgivet: {
    label: 'Udtalelse afgivet',
    explanation: 'Borgerrådgiveren har afgivet sin udtalelse. Du kan læse den herunder. Borgerrådgiveren følger op på eventuelle anbefalinger til centret.',
  },
  afvist: { label: 'Afvist', explanation: 'Borgerrådgiveren kan ikke behandle henvendelsen. Du har fået eller får en begrundelse.' },
  henvist: { label: 'Henvist', explanation: 'Henvendelsen hører hjemme et andet sted, og borgerrådgiveren har henvist dig dertil.' },
  loest_ved_dialog: { label: 'Løst ved dialog', explanation: 'Sagen er løst gennem dialog mellem borgerrådgiveren og centret.' },
  tilbagetrukket: { label: 'Trukket tilbage', explanation: 'Henvendelsen er trukket tilbage.' },
  afsluttet: { label: 'Afsluttet', explanation: 'Borgerrådgiveren har afsluttet sagen.' },
};

/**
 * How a closed case ended, in plain Danish for the citizen's closing e-mail: the outcome of the
 * advisor's opinion when one was issued (a case closed after its opinion is "Afsluttet", which
 * says nothing), else the status the case closed with.
 */
export function closingOutcome(caseStatus: ComplaintStatus, opinionOutcome?: OpinionOutcome | null): string {
  if (opinionOutcome && opinionOutcomes[opinionOutcome]) {
    return `Borgerrådgiveren har afgivet en udtalelse i sagen med resultatet: ${opinionOutcomes[opinionOutcome]}. Du kan læse udtalelsen på din sags side.`;
  }
  const text = citizenStatusTexts[caseStatus];
  return `Resultat: ${text.label}. ${text.explanation}`;
}
