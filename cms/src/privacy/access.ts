/** Who may use the privacy functions. */
import { citizenIdentityFields } from '../rules/personal-data';
import { COMPLAINT } from '../content-types';

interface Ability {
  can(action: string, subject: string, field?: string): boolean;
}

/**
 * True when an admin's ability allows `verb` ('read' for an export, 'update' for anonymising or
 * postponing) on every identity field of a case: what an export shows and what anonymisation
 * removes is exactly what the assistant's role may not see. The advisor's role and super admins can.
 */
export function mayHandleIdentity(ability: Ability | null | undefined, verb: 'read' | 'update'): boolean {
  const action = `plugin::content-manager.explorer.${verb}`;
  return Boolean(ability) && citizenIdentityFields.every((field) => ability!.can(action, COMPLAINT, field));
}
