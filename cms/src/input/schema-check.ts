/**
 * Which creates Strapi's schema validation could refuse, for bulk writes (the import) that cannot
 * afford to run it on every row: it builds a yup schema of the whole content type per call,
 * milliseconds a row. Strapi's validator stays the judge; this only tells the rows that surely
 * pass it. Plain TypeScript over the attribute definitions as Strapi holds them at runtime (a
 * custom field has its underlying type).
 */
import { yup } from '@strapi/utils';

export interface SchemaAttribute {
  type: string;
  required?: boolean;
  default?: unknown;
  maxLength?: number;
  minLength?: number;
  regex?: string;
  unique?: boolean;
  enum?: readonly string[];
}

const STRING_TYPES = new Set(['string', 'text', 'richtext', 'email']);
/** Strapi checks nothing of these but required and unique (yup.mixed). */
const UNCHECKED_TYPES = new Set(['json', 'date', 'datetime', 'time', 'timestamp']);
/** Strapi's e-mail check is yup's. */
const email = yup.string().email();

/** Whether Strapi's validator could refuse this one value (false only when it surely accepts it). */
function mayRefuseValue(attribute: SchemaAttribute, value: unknown): boolean {
  if (value === null || value === undefined) return Boolean(attribute.required);
  if (attribute.unique) return true;
  if (UNCHECKED_TYPES.has(attribute.type)) return false;
  if (attribute.type === 'boolean') return typeof value !== 'boolean';
  if (attribute.type === 'enumeration') return !attribute.enum?.includes(value as string);
  if (!STRING_TYPES.has(attribute.type) || typeof value !== 'string' || attribute.regex) return true;
  // Strapi limits a short text to 255 characters unless the schema says otherwise; yup counts UTF-16 units.
  const max = attribute.maxLength ?? (attribute.type === 'string' ? 255 : undefined);
  if ((max !== undefined && value.length > max) || (attribute.minLength !== undefined && value.length < attribute.minLength)) return true;
  return attribute.type === 'email' && (value.length === 0 || !email.isValidSync(value));
}

/**
 * Whether Strapi's validation of a create of `data` (not a draft) could fail: any field it might
 * refuse, a field of a kind not known here, or a required field left out without a default.
 */
export function mayFailCreation(attributes: Record<string, SchemaAttribute>, data: Record<string, unknown>): boolean {
  if (mayRefuseFields(attributes, data)) return true;
  return Object.entries(attributes).some(([field, attribute]) => attribute.required && !(field in data) && attribute.default === undefined);
}

/** Whether Strapi's validator could refuse any of the fields given (an update's checks of what it writes). */
export function mayRefuseFields(attributes: Record<string, SchemaAttribute>, data: Record<string, unknown>): boolean {
  return Object.entries(data).some(([field, value]) => attributes[field] && mayRefuseValue(attributes[field], value));
}
