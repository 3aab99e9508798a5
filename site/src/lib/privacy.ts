/**
 * What the privacy and accessibility pages state from the configuration (not from the editable
 * texts), so they follow RETENTION_AFTER_CLOSURE and config/municipality.json: the data
 * controller, the data protection officer, the legal basis, the retention and the rights.
 */
import { citizenRights, loadPolicy, municipality, retentionSentence, type Municipality, type Right } from '@borgerraadgiver/config';

export interface PrivacyFacts {
  controller: Municipality['dataProtection']['controller'];
  officer: Municipality['dataProtection']['officer'];
  legalBasis: string[];
  retention: string;
  rights: Right[];
}

/** Read on every request from the environment, like the CMS; an invalid duration throws with the variable named. */
export function privacyFacts(env: Record<string, string | undefined> = process.env): PrivacyFacts {
  const { controller, officer, legalBasis } = municipality.dataProtection;
  return { controller, officer, legalBasis, retention: retentionSentence(loadPolicy(env).retentionAfterClosure), rights: citizenRights(municipality) };
}

/** The municipality's official accessibility statement, or null when none is configured. */
export const accessibilityStatementUrl = (): string | null => municipality.accessibilityStatementUrl || null;
