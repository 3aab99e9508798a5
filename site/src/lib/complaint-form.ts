/**
 * The complaint form: field names, reading a POST, the payload for POST /api/public/complaints,
 * mapping the CMS's field errors back to the form and the outcome of a POST for the page. The CMS
 * validates; the site only maps, except for a form it must not send on (a CPR number), which it
 * checks with the CMS's own checks (shared in config).
 */
import crypto from 'node:crypto';
import { containsCprNumber, cprMessages, SYSTEM_VALUE_FIELDS, textLimits, validateComplaint } from '@borgerraadgiver/config';
import { CmsUnavailableError, submitComplaint, type FieldError, type SubmitResult } from './cms';
import { WAIT_TITLE, type Problem } from './form-post';
import { allowPost } from './rate-limit';
import { filesOf, type FormRefusal } from './request-guard';
import type { Receipt } from './receipt';

export const HONEYPOT = 'website';
/** The hidden one-time key of SPEC §3 that makes a repeated POST of the same form register one inquiry. */
export const SUBMISSION_KEY = 'submissionKey';
/** The center choice "Ved ikke": the advisor finds the center. */
export const UNKNOWN_CENTER = 'ved ikke';

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

/** Longest value kept per field (a little over its limit, so the CMS can say by how much), so a huge post cannot be echoed back into the page. */
const MAX_LENGTH: Partial<Record<Field, number>> = {
  description: textLimits.complaint.description + 5_000,
  citizenAddress: textLimits.complaint.citizenAddress + 500,
};

export function readValues(form: URLSearchParams): Values {
  const values: Values = {};
  for (const field of FIELDS) {
    const value = form.get(field);
    if (value !== null) values[field] = value.replace(/\r\n?/g, '\n').slice(0, MAX_LENGTH[field] ?? 500);
  }
  return values;
}

/** A fresh submission key: 128 random bits, base64url. Made when the form is first shown. */
export const newSubmissionKey = () => crypto.randomBytes(16).toString('base64url');

/** The key the form was shown with; a fresh one when it is missing or malformed. */
export function readSubmissionKey(form: URLSearchParams): string {
  const key = form.get(SUBMISSION_KEY) ?? '';
  return /^[A-Za-z0-9_-]{16,100}$/.test(key) ? key : newSubmissionKey();
}

export const honeypotFilled = (form: URLSearchParams) => (form.get(HONEYPOT) ?? '').trim() !== '';

export function toPayload(values: Values): Record<string, unknown> {
  const contacted = values.contactedCenter === 'ja';
  return {
    purpose: values.purpose || 'klage',
    center: values.center || UNKNOWN_CENTER,
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

/**
 * Fields holding a CPR-like number, with the shared Danish message (the CMS refuses the same);
 * checked here too, so the number is not sent on to the CMS at all.
 */
export function cprErrors(values: Values): Errors {
  return Object.fromEntries(
    FIELDS.filter((field) => !SYSTEM_VALUE_FIELDS.includes(field) && containsCprNumber(values[field])).map((field) => [field, cprMessages.public]),
  );
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

/** The answers to "Har du klaget til centeret eller institutionen først?"; only "ja" counts as having complained. */
export const CONTACTED_CENTER_CHOICES = [
  { value: 'ja', label: 'Ja, mundtligt eller skriftligt' },
  { value: 'nej', label: 'Nej, ikke endnu' },
  { value: 'ved-ikke', label: 'Ved ikke' },
] as const;

export const HONEYPOT_MESSAGE = 'Formularen kunne ikke sendes, fordi feltet "Lad dette felt stå tomt" var udfyldt. Slet teksten i feltet, og send igen.';

/** The advisor's contact details, offered when the complaint cannot be received. */
export interface Contact {
  contactPhone: string;
  contactEmail: string;
}

export type ComplaintPostOutcome =
  | { kind: 'received'; receipt: Receipt }
  | { kind: 'form'; status: number; values: Values; errors: Errors; general: string[]; problem: Problem | null; submissionKey: string };

export interface ComplaintPostDeps {
  submit: (payload: Record<string, unknown>, submissionKey: string, clientIp: string, files?: File[]) => Promise<SubmitResult>;
  /** False when this client has posted too often (SITE_FORM_RATE_LIMIT per 10 minutes). */
  allow: (clientIp: string) => boolean | Promise<boolean>;
}

const defaultDeps: ComplaintPostDeps = { submit: submitComplaint, allow: allowPost };

/**
 * A POST of the complaint form: the receipt when the CMS has registered it, otherwise the form
 * again with every typed value, its HTTP status, the field errors, the problem and the submission
 * key to send again with. `form` is a refusal when the body was too large or not a form. Throws
 * what the CMS client throws, except CmsUnavailableError, which becomes a 503 with the advisor's
 * phone and e-mail.
 */
export async function handleComplaintPost(
  form: URLSearchParams | FormRefusal,
  clientIp: string,
  contact: Contact,
  deps: ComplaintPostDeps = defaultDeps,
): Promise<ComplaintPostOutcome> {
  const submissionKey = form instanceof URLSearchParams ? readSubmissionKey(form) : newSubmissionKey();
  const answer = (status: number, parts: { values?: Values; errors?: Errors; general?: string[]; problem?: Problem }): ComplaintPostOutcome => ({
    kind: 'form',
    status,
    values: parts.values ?? {},
    errors: parts.errors ?? {},
    general: parts.general ?? [],
    problem: parts.problem ?? null,
    submissionKey,
  });
  if (!(form instanceof URLSearchParams)) {
    return answer(form.status, {
      problem:
        form.status === 413
          ? {
              title: 'Formularen kunne ikke sendes',
              message: `Det, du har sendt, er for stort. Beskrivelsen må højst være ${textLimits.complaint.description.toLocaleString('da-DK')} tegn. Gør den kortere, og prøv igen.`,
            }
          : { title: 'Formularen kunne ikke læses', message: 'Formularen blev sendt i et format, vi ikke kan læse. Udfyld og send formularen på denne side.' },
    });
  }
  const values = readValues(form);
  if (!(await deps.allow(clientIp))) {
    return answer(429, {
      values,
      problem: {
        title: WAIT_TITLE,
        message: `Der er sendt mange henvendelser fra din forbindelse på kort tid. Det, du har skrevet, står stadig nedenfor. Vent 10 minutter, og send igen – eller ring til borgerrådgiveren på ${contact.contactPhone}.`,
      },
    });
  }
  if (honeypotFilled(form)) return answer(400, { values, general: [HONEYPOT_MESSAGE] });
  const cpr = cprErrors(values);
  if (Object.keys(cpr).length) {
    // Not sent on, so the CMS's checks run here: the CPR error hides none of the others.
    const found = mapErrors(validateComplaint(toPayload(values)).errors.map(({ path, message }) => ({ field: String(path[0] ?? ''), message })));
    return answer(400, { values, errors: { ...found.errors, ...cpr }, general: found.general });
  }
  try {
    const result = await deps.submit(toPayload(values), submissionKey, clientIp, filesOf(form));
    if (result.ok)
      return { kind: 'received', receipt: { caseNumber: result.caseNumber, emailGiven: !!values.citizenEmail?.trim() && values.identity !== 'anonymous' } };
    if (result.kind === 'rate-limited') {
      return answer(429, {
        values,
        problem: {
          title: WAIT_TITLE,
          message: `Borgerrådgiveren har modtaget mange henvendelser på kort tid. Det, du har skrevet, står stadig nedenfor. Prøv igen om 10 minutter – eller ring på ${contact.contactPhone}.`,
        },
      });
    }
    return answer(400, { values, ...mapErrors(result.errors) });
  } catch (error) {
    if (!(error instanceof CmsUnavailableError)) throw error;
    return answer(503, {
      values,
      problem: {
        title: 'Vi kan ikke modtage din henvendelse lige nu',
        // The CMS may have registered it without our hearing back: sent again with the same key, it is not registered twice.
        message: `Der er en teknisk fejl hos os, så vi kan ikke bekræfte, at din henvendelse er modtaget. Det, du har skrevet, står stadig i formularen nedenfor. Send den igen om lidt – den bliver ikke registreret to gange. Du kan også ringe til borgerrådgiveren på ${contact.contactPhone} eller skrive til ${contact.contactEmail}.`,
      },
    });
  }
}
