/**
 * Whitelisting and validation of a complaint sent from the public site: its shape by the shared zod
 * schema (complaintSubmission), then what the values mean, field by field in Danish.
 * Plain TS: returns the clean data or a list of { path, message }. The CMS's public API refuses by
 * it; the site runs it too when it must not send the form on (a CPR number), so every error shows.
 * Case rules (caseNumber, R6, identity rules) run afterwards in the CMS's document middleware.
 */
import { localDate } from './calendar';
import { containsCprNumber, cprMessages, SYSTEM_VALUE_FIELDS } from './cpr';
import { characterCount, textLimits, tooLongMessage } from './limits';
import { complaintSubmission } from './public-api';
import { normaliseText } from './text';

export const HONEYPOT_FIELD = 'website';
export const UNKNOWN_CENTER = 'ved ikke';

const LIMITS = textLimits.complaint;

const PURPOSES = ['klage', 'raadgivning', 'genoptagelse'] as const;
const IDENTITIES = ['named', 'confidential', 'anonymous'] as const;
const KINDS = ['citizen', 'business', 'affected_citizen'] as const;

export interface FieldError {
  path: string[];
  message: string;
}

export interface CleanComplaint {
  purpose: (typeof PURPOSES)[number];
  centerDocumentId: string | null;
  eventDate: string | null;
  description: string;
  formalComplaintToUnit: boolean;
  identity: (typeof IDENTITIES)[number];
  complainantKind: (typeof KINDS)[number];
  citizenName: string | null;
  citizenEmail: string | null;
  citizenPhone: string | null;
  citizenAddress: string | null;
  businessName: string | null;
  cvr: string | null;
}

export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_PATTERN = /^\+?[0-9 ()-]{6,40}$/;

/** Trimmed text as it will be stored (see normaliseText); a lone surrogate makes it empty and is refused by the caller. */
const text = (value: unknown): string => (typeof value === 'string' ? (normaliseText(value) ?? '').trim() : typeof value === 'number' ? String(value) : '');
const optional = (value: unknown): string | null => text(value) || null;

/** true/false from JSON booleans or form-like strings. */
export function toBoolean(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  return ['true', 'ja', 'yes', 'on', '1'].includes(text(value).toLowerCase());
}

/** Accepts YYYY-MM-DD (date input) and D-M-YYYY / D.M.YYYY / D/M/YYYY (typed by hand). */
export function parseDate(value: string): string | null {
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const dk = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/.exec(value);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dk) [d, m, y] = [Number(dk[1]), Number(dk[2]), Number(dk[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function validateComplaint(input: unknown, now = new Date()): { data?: CleanComplaint; errors: FieldError[] } {
  const raw = (input && typeof input === 'object' && !Array.isArray(input) ? input : {}) as Record<string, unknown>;
  // A field of the wrong type (a list, an object) gets that one message and is read as empty.
  const shape = complaintSubmission.safeParse(raw);
  const wrongType = new Set(shape.success ? [] : shape.error.issues.map((issue) => String(issue.path[0])));
  const errors: FieldError[] = [...wrongType].map((field) => ({ path: [field], message: 'Feltet har en ugyldig værdi.' }));
  const fail = (field: string, message: string) => {
    if (!wrongType.has(field)) errors.push({ path: [field], message });
  };
  const value = (field: string) => (wrongType.has(field) ? undefined : raw[field]);
  // First, so a field with a CPR number shows why it is refused, whatever else is wrong with it.
  for (const [field, given] of Object.entries(raw)) if (!SYSTEM_VALUE_FIELDS.includes(field) && containsCprNumber(given)) fail(field, cprMessages.public);

  for (const [field, given] of Object.entries(raw)) {
    if (typeof given === 'string' && normaliseText(given) === null)
      fail(field, 'Teksten indeholder et ugyldigt tegn. Skriv den igen, eller indsæt den uden specialtegn.');
  }

  const purposeText = text(value('purpose')) || 'klage';
  const purpose = PURPOSES.find((p) => p === purposeText);
  if (!purpose) fail('purpose', 'Vælg, om du vil klage, have råd eller have en sag genoptaget.');

  const centerText = text(value('center'));
  const centerDocumentId = !centerText || centerText.toLowerCase() === UNKNOWN_CENTER ? null : centerText;
  if (centerDocumentId && !/^[a-z0-9]{1,64}$/i.test(centerDocumentId)) fail('center', 'Vælg et center fra listen, eller vælg "Ved ikke".');

  let eventDate: string | null = null;
  const dateText = text(value('eventDate'));
  if (dateText) {
    eventDate = parseDate(dateText);
    if (!eventDate) fail('eventDate', 'Skriv datoen som dag, måned og år, fx 14-03-2026.');
    else if (eventDate > localDate(now)) fail('eventDate', 'Datoen kan ikke ligge i fremtiden.');
  } else if (purpose === 'klage' || purpose === 'genoptagelse') {
    fail('eventDate', 'Skriv datoen for afgørelsen eller hændelsen. Kender du ikke den præcise dato, så skriv en omtrentlig dato.');
  }

  const description = text(value('description'));
  if (!description) fail('description', 'Beskriv, hvad din henvendelse handler om.');
  else if (characterCount(description) > LIMITS.description)
    fail('description', tooLongMessage('Beskrivelsen', LIMITS.description, characterCount(description)));

  const identityText = text(value('identity'));
  const identity = IDENTITIES.find((i) => i === identityText);
  if (!identity) fail('identity', 'Vælg, om du vil stå frem med navn, være anonym over for kommunen eller være helt anonym.');

  const kindText = text(value('complainantKind')) || 'citizen';
  const complainantKind = KINDS.find((k) => k === kindText);
  if (!complainantKind) fail('complainantKind', 'Vælg, om du henvender dig som borger, virksomhed eller berørt borger.');

  const contact = {
    citizenName: optional(value('citizenName')),
    citizenEmail: optional(value('citizenEmail')),
    citizenPhone: optional(value('citizenPhone')),
    citizenAddress: optional(value('citizenAddress')),
  };
  for (const field of Object.keys(contact) as (keyof typeof contact)[]) {
    const value = contact[field];
    if (value && characterCount(value) > LIMITS[field]) fail(field, tooLongMessage('Feltet', LIMITS[field], characterCount(value)));
  }
  if (contact.citizenEmail && !EMAIL_PATTERN.test(contact.citizenEmail)) fail('citizenEmail', 'Skriv en gyldig e-mailadresse, fx navn@eksempel.dk.');
  if (contact.citizenPhone && !PHONE_PATTERN.test(contact.citizenPhone)) fail('citizenPhone', 'Skriv et gyldigt telefonnummer, fx 12 34 56 78.');

  if (identity === 'named' || identity === 'confidential') {
    if (!contact.citizenName) fail('citizenName', 'Skriv dit navn, så borgerrådgiveren ved, hvem henvendelsen er fra.');
    if (!contact.citizenEmail && !contact.citizenPhone && !contact.citizenAddress) {
      fail('citizenEmail', 'Skriv mindst én måde, borgerrådgiveren kan kontakte dig på: e-mail, telefon eller adresse.');
    }
  } else if (identity === 'anonymous') {
    const given = (Object.keys(contact) as (keyof typeof contact)[]).find((field) => contact[field]);
    if (given) fail(given, 'Du har valgt at være helt anonym. Slet dine kontaktoplysninger, eller vælg en anden mulighed under "Hvem må se, hvem du er?".');
  }

  let businessName: string | null = null;
  let cvr: string | null = null;
  if (complainantKind === 'business') {
    businessName = optional(value('businessName'));
    cvr = text(value('cvr')).replace(/\s+/g, '') || null;
    if (!businessName) fail('businessName', 'Skriv virksomhedens navn.');
    else if (characterCount(businessName) > LIMITS.businessName)
      fail('businessName', tooLongMessage('Feltet', LIMITS.businessName, characterCount(businessName)));
    if (!cvr) fail('cvr', 'Skriv virksomhedens CVR-nummer.');
    else if (!/^\d{8}$/.test(cvr) || characterCount(cvr) > LIMITS.cvr) fail('cvr', 'CVR-nummeret skal være 8 cifre.');
  }

  if (!toBoolean(value('consent'))) fail('consent', 'Bekræft, at du har læst, hvordan borgerrådgiveren behandler dine oplysninger.');

  if (errors.length || !purpose || !identity || !complainantKind) return { errors };
  const contacted = toBoolean(value('formalComplaintToUnit'));
  return {
    errors,
    data: {
      purpose,
      centerDocumentId,
      eventDate,
      description,
      formalComplaintToUnit: contacted,
      identity,
      complainantKind,
      ...contact,
      businessName,
      cvr,
    },
  };
}

/** The honeypot: a field people never see, so only robots fill it in. */
export function isHoneypotFilled(input: unknown): boolean {
  return !!input && typeof input === 'object' && text((input as Record<string, unknown>)[HONEYPOT_FIELD]) !== '';
}
