/** The options of the site's radio groups and selects, from the shared vocabulary in config/. */
import { citizenChoices, identities, type Identity } from '@borgerraadgiver/config';

export interface Choice {
  value: string;
  label: string;
  hint?: string;
}

/** One option per stored value, in the vocabulary's order, with an optional hint per value. */
export function choicesOf<K extends string>(labels: Record<K, string>, hints: Partial<Record<K, string>> = {}): Choice[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value], ...(hints[value] ? { hint: hints[value] } : {}) }));
}

export const purposeChoices = choicesOf(citizenChoices.purposes);
export const complainantKindChoices = choicesOf(citizenChoices.complainantKinds);
/** The identities, each explained by the advisor's text from the CMS. */
export const identityChoices = (hints: Record<Identity, string>) => choicesOf(identities, hints);
