/**
 * App-specific custom fields (server side; the admin side is cms/src/admin/custom-fields).
 * - `global::choice`: a labelled choice, stored as an enumeration of the vocabulary's keys; the
 *   schema names its list in `options.choices` (config/src/vocabulary.ts `choiceLists`).
 * - `global::complaint-themes`: the complaint themes, a multi-select over the vocabulary in config,
 *   stored as a JSON array of keys and checked by the case rules.
 * Registered in the register phase, before Strapi converts the schemas' custom fields.
 */
import type { Core } from '@strapi/strapi';

export const COMPLAINT_THEMES_FIELD = 'complaint-themes';

export function registerCustomFields(strapi: Core.Strapi) {
  strapi.customFields.register([
    { name: 'choice', type: 'enumeration' },
    { name: COMPLAINT_THEMES_FIELD, type: 'json' },
  ]);
}
