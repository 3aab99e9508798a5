/**
 * The one normalisation of text and dates at the write boundary, applied by the Document Service
 * middleware to every create and update of every content type, before the rules and the database
 * see the data. Plain TypeScript over a content type's attribute definitions, no Strapi import.
 */
import { normaliseText } from '@borgerraadgiver/config';
import type { Violation } from '../rules/violation';

export interface AttributeDefinition {
  type: string;
  maxLength?: number;
  [key: string]: unknown;
}

const TEXT_TYPES = new Set(['string', 'text', 'richtext', 'email', 'uid', 'password', 'enumeration']);
const DATE_TYPES = new Set(['date', 'datetime']);

/** The years a date may fall in; anything else is a typing error (02-03-0226) or an attack on the column. */
export const DATE_RANGE = { from: 1900, to: 2100 } as const;

/** The calendar year of a date or datetime as sent (YYYY-MM-DD, ISO 8601, Date, epoch ms), or null when unreadable. */
export function yearOf(value: unknown): number | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.getUTCFullYear();
  if (typeof value === 'number') return Number.isFinite(value) ? new Date(value).getUTCFullYear() : null;
  if (typeof value !== 'string') return null;
  const match = /^\s*([+-]?\d{1,6})-\d{1,2}-\d{1,2}/.exec(value);
  if (match) return Number(match[1]);
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed.getUTCFullYear();
}

/** Whether a text starts with a real calendar date as yyyy-MM-dd (2026-02-30 does not). */
function isCalendarDatePrefix(text: string): boolean {
  const match = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
}

/** Strings anywhere inside a JSON value, normalised; null when one cannot be stored. */
function normaliseJson(value: unknown): { value: unknown; ok: boolean } {
  if (typeof value === 'string') {
    const text = normaliseText(value);
    return text === null ? { value, ok: false } : { value: text, ok: true };
  }
  if (Array.isArray(value)) {
    const items = value.map(normaliseJson);
    return { value: items.map((item) => item.value), ok: items.every((item) => item.ok) };
  }
  if (value && typeof value === 'object') {
    let ok = true;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const normalisedKey = normaliseText(key);
      const normalised = normaliseJson(item);
      ok &&= normalised.ok && normalisedKey !== null;
      out[normalisedKey ?? key] = normalised.value;
    }
    return { value: out, ok };
  }
  return { value, ok: true };
}

/**
 * Normalises `data` in place for the given attributes and returns what cannot be stored, each
 * naming the field in Danish. `label` gives a field's Danish name.
 */
/**
 * A document's identity is Strapi's to give: Strapi would write an `id` or `documentId` found in
 * the data into the row (an update with `documentId: null` orphaned the document, one with another
 * text renamed it). An update may repeat its own documentId (a form sends it back) and it is
 * dropped; `id` is always dropped; any other documentId is refused. Mutates `data`.
 */
export function keepIdentity(action: 'create' | 'update', data: Record<string, unknown>, documentId: unknown): Violation[] {
  delete data.id;
  if (!('documentId' in data)) return [];
  const repeated = action === 'update' && data.documentId === documentId;
  delete data.documentId;
  return repeated ? [] : [{ path: 'documentId', message: 'Dokumentets id kan ikke vælges eller ændres. Genindlæs siden, og prøv igen.' }];
}

export function normaliseData(data: Record<string, unknown>, attributes: Record<string, AttributeDefinition>, label: (field: string) => string): Violation[] {
  const violations: Violation[] = [];
  for (const [field, value] of Object.entries(data)) {
    const attribute = attributes[field];
    if (!attribute || value === null || value === undefined) continue;
    if (TEXT_TYPES.has(attribute.type) && typeof value === 'string') {
      const text = normaliseText(value);
      if (text === null)
        violations.push({ path: field, message: `${label(field)} indeholder et ugyldigt tegn. Skriv teksten igen, eller indsæt den uden specialtegn.` });
      else data[field] = text;
    } else if (attribute.type === 'json' || attribute.type === 'blocks') {
      const normalised = normaliseJson(value);
      if (!normalised.ok) violations.push({ path: field, message: `${label(field)} indeholder et ugyldigt tegn.` });
      else data[field] = normalised.value;
    } else if (DATE_TYPES.has(attribute.type)) {
      // As Strapi's query layer parses it (yyyy-MM-dd first, a real calendar day), so nothing it would refuse gets past.
      const text = typeof value === 'string' ? value.trim() : null;
      if (text !== null) data[field] = text;
      const year = yearOf(text ?? value);
      // A date (no time) must be written as one: Strapi cannot store an epoch number in a date column.
      const unwritable = attribute.type === 'date' && typeof value === 'number';
      if (year === null || unwritable || (text !== null && !isCalendarDatePrefix(text))) {
        violations.push({ path: field, message: `${label(field)} skal være en gyldig dato, fx 2026-03-14.` });
      } else if (year < DATE_RANGE.from || year > DATE_RANGE.to) {
        violations.push({ path: field, message: `${label(field)} skal ligge mellem år ${DATE_RANGE.from} og ${DATE_RANGE.to}. Kontrollér årstallet.` });
      }
    }
  }
  return violations;
}
