/**
 * The public texts' limits from config (textLimits) laid over the content types at startup, so the
 * admin's counters, Strapi's validation, the public API and the site use one definition.
 */
import type { Core, UID } from '@strapi/strapi';
import { textLimits } from '@borgerraadgiver/config';
import { COMPLAINT, STATEMENT_REQUEST } from '../content-types';

/** Which content type each group of config's textLimits belongs to. */
export const LIMITED_TYPES: Record<keyof typeof textLimits, string> = {
  complaint: COMPLAINT,
  statementRequest: STATEMENT_REQUEST,
};

/** The limit config sets for a field, if any. */
export function configuredLimit(uid: string, field: string): number | undefined {
  const group = (Object.keys(LIMITED_TYPES) as (keyof typeof textLimits)[]).find((key) => LIMITED_TYPES[key] === uid);
  return group ? (textLimits[group] as Record<string, number>)[field] : undefined;
}

/** Sets maxLength of every configured field on the loaded content types (call in register()). */
export function applyTextLimits(strapi: Core.Strapi) {
  for (const [group, uid] of Object.entries(LIMITED_TYPES)) {
    const attributes = strapi.contentTypes[uid as UID.ContentType].attributes as Record<string, { maxLength?: number }>;
    for (const [field, limit] of Object.entries(textLimits[group as keyof typeof textLimits])) {
      if (!attributes[field]) throw new Error(`config textLimits.${group}.${field}: ${uid} has no such field`);
      attributes[field].maxLength = limit;
    }
  }
}
