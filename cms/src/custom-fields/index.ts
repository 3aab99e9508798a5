/**
 * App-specific custom fields (server side; the admin side is registered in src/admin/app.tsx).
 * `global::complaint-themes`: the complaint themes, a multi-select over the vocabulary in config,
 * stored as a JSON array of keys and checked by the case rules.
 */
import type { Core } from '@strapi/strapi';

export const COMPLAINT_THEMES_FIELD = 'complaint-themes';

export function registerCustomFields(strapi: Core.Strapi) {
  strapi.customFields.register({ name: COMPLAINT_THEMES_FIELD, type: 'json' });
}
