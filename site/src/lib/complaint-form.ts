/**
 * The complaint form: field names, reading a POST, the payload for POST /api/public/complaints and
 * mapping the CMS's field errors back to the form. The CMS validates; the site only maps.
 */
import type { FieldError } from './cms';

export const HONEYPOT = 'website';

/** Form fields in page order; the error summary follows this order. */
export const FIELDS = [
  'purpose',
  'center',
  'eventDate',
  'description',
  'contactedCenter',
  'complainantKind',
  'businessName',
  'cvr',
  'identity',
  'citizenName',
  'citizenEmail',
  'citizenPhone',
  'citizenAddress',
  'consent',
] as const;

export type Field = (typeof FIELDS)[number];
export type Values = Partial<Record<Field, string>>;
export type Errors = Partial<Record<Field, string>>;

/** Longest value kept per field, so a huge post cannot be echoed back into the page. */
const MAX_LENGTH: Partial<Record<Field, number>> = { description: 25_000, citizenAddress: 1_000 };

export function readValues(form: URLSearchParams): Values {
  const values: Values = {};
  for (const field of FIELDS) {
    const value = form.get(field);
    if (value !== null) values[field] = value.replace(/\r\n?/g, '\n').slice(0, MAX_LENGTH[field] ?? 500);
  }
  return values;
}

export const honeypotFilled = (form: URLSearchParams) => (form.get(HONEYPOT) ?? '').trim() !== '';

export function toPayload(values: Values): Record<string, unknown> {
  const contacted = values.contactedCenter === 'ja';
  return {
    purpose: values.purpose || 'klage',
    center: values.center || 'ved ikke',
    eventDate: values.eventDate ?? '',
    description: values.description ?? '',
    formalComplaintToUnit: contacted,
    identity: values.identity ?? '',
    complainantKind: values.complainantKind || 'citizen',
    citizenName: values.citizenName ?? '',
    citizenEmail: values.citizenEmail ?? '',
    citizenPhone: values.citizenPhone ?? '',
    citizenAddress: values.citizenAddress ?? '',
    businessName: values.businessName ?? '',
    cvr: values.cvr ?? '',
    consent: values.consent === 'ja',
  };
}

const API_TO_FORM: Record<string, Field> = { formalComplaintToUnit: 'contactedCenter' };

/** Field errors from the CMS on form fields; errors on other paths are returned as general messages. */
export function mapErrors(apiErrors: FieldError[]): { errors: Errors; general: string[] } {
  const errors: Errors = {};
  const general: string[] = [];
  for (const { field, message } of apiErrors) {
    const formField = API_TO_FORM[field] ?? (FIELDS as readonly string[]).find((f) => f === field);
    if (formField) errors[formField as Field] ??= message;
    else if (message) general.push(message);
  }
  if (!Object.keys(errors).length && !general.length) general.push('Henvendelsen kunne ikke sendes. Kontrollér oplysningerne, og prøv igen.');
  return { errors, general };
}

/** The id of the element an error links to: the input, or the first option of a radio group. */
export const fieldId = (field: string) => `f-${field}`;
