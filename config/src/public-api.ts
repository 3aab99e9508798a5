/**
 * The public HTTP API (SPEC §3) as the CMS answers it and the site reads it: request and response
 * bodies, and the reasons a link no longer works. No login; nothing else of the case data is public.
 * Errors are Strapi's `{ error: { status, name, message, details } }`: 400 with
 * `details.errors[].path`, 404 for an unknown token, 410 with `details.reason` for a link that no
 * longer works, 409 for a second statement, 429 with Retry-After when rate limited.
 * The request bodies' shapes are zod schemas here; the CMS checks their meaning and answers in Danish.
 */
import { z } from 'zod';

/** Why a center's statement link (/redegoerelse/:token) no longer works. */
export const STATEMENT_LINK_GONE_REASONS = [
  /** A newer link was sent. */
  'replaced',
  /** The advisor cancelled the request. */
  'cancelled',
  /** The case is closed. */
  'closed',
  /** STATEMENT_LINK_VALID_AFTER_DUE has passed. */
  'expired',
] as const;
export type StatementLinkGoneReason = (typeof STATEMENT_LINK_GONE_REASONS)[number];

/** Why a citizen's case page link (/sag/:token) or a center's letter link (/udtalelse/:token) no longer works. */
export const CASE_LINK_GONE_REASONS = [
  /** A newer link was sent, or the citizen became anonymous. */
  'revoked',
  /** CITIZEN_LINK_VALID_AFTER_CLOSURE or LETTER_LINK_VALID has passed. */
  'expired',
  /** The opinion was withdrawn. */
  'withdrawn',
] as const;
export type CaseLinkGoneReason = (typeof CASE_LINK_GONE_REASONS)[number];

/** The reason of a 410 answer; 'expired' when it names none the site knows (the safe wording). */
export function goneReasonOf<R extends string>(body: unknown, reasons: readonly R[]): R | 'expired' {
  const reason = (body as ApiError | null)?.error?.details?.reason;
  return reasons.find((known) => known === reason) ?? 'expired';
}

/** One field's problem, in Danish: `path[0]` names the field. */
export interface FieldErrorDetail {
  path: string[];
  message: string;
}

export interface ApiError {
  error: { status: number; name: string; message: string; details?: { errors?: FieldErrorDetail[]; reason?: string } };
}

/** A form field as a browser or an API client sends it: text (a number counts as its digits), or nothing. */
const formText = z.union([z.string(), z.number()]).nullish();
/** A check box: JSON true/false (or 1/0), or a form's "true", "on", "ja", "1". */
const formFlag = z.union([z.boolean(), z.string(), z.number()]).nullish();

/**
 * POST /api/public/complaints `{ data }` (JSON, or multipart with the JSON in `data` and the files
 * under `files`) → 201 {@link ComplaintCreated}. The shape of the form's values; the CMS checks what
 * they mean (required fields, formats, identity and contact) and answers in Danish per field.
 * Idempotent by the `Idempotency-Key` header or `submissionKey`. Other keys are ignored.
 */
export const complaintSubmission = z.object({
  purpose: formText,
  /** A center's documentId, or "ved ikke". */
  center: formText,
  /** YYYY-MM-DD or D-M-YYYY. */
  eventDate: formText,
  description: formText,
  formalComplaintToUnit: formFlag,
  identity: formText,
  complainantKind: formText,
  citizenName: formText,
  citizenEmail: formText,
  citizenPhone: formText,
  citizenAddress: formText,
  businessName: formText,
  cvr: formText,
  consent: formFlag,
  /** The honeypot: people never see it, so only robots fill it in. */
  website: formText,
  submissionKey: formText,
});
export interface ComplaintCreated {
  /** Assigned by the case rules ("2026-0001"); the same for a repeat of the submission. */
  data: { caseNumber: string | null };
}

/** GET /api/public/centers → `{ data: PublicCenter[] }`, the active centers by name. */
export interface PublicCenter {
  documentId: string;
  name: string;
}

/** GET /api/public/site-content → `{ data: Partial<SiteContent> | null }`: the texts of "Hjemmesidens tekster". */
export interface SiteContent {
  siteName: string;
  footerText: string;
  frontTitle: string;
  frontIntro: string;
  frontBody: string;
  scopeTitle: string;
  scopeIntro: string;
  scopeCanBody: string;
  scopeCannotBody: string;
  howTitle: string;
  howIntro: string;
  howBody: string;
  contactTitle: string;
  contactIntro: string;
  contactBuilding: string;
  contactStreet: string;
  contactPostalCode: string;
  contactCity: string;
  contactPhone: string;
  contactEmail: string;
  contactMeetingPlaces: string;
  contactBody: string;
  formTitle: string;
  formIntro: string;
  formGuidance: string;
  identityNamedHelp: string;
  identityConfidentialHelp: string;
  identityAnonymousHelp: string;
  consentText: string;
  receiptTitle: string;
  receiptBody: string;
  statementTitle: string;
  statementIntro: string;
  statementThanks: string;
  privacyTitle: string;
  privacyBody: string;
  accessibilityTitle: string;
  accessibilityBody: string;
}

/**
 * GET /api/public/statements/:token → `{ data: StatementView }`: the request as the center may see
 * it, never the identity of a confidential or anonymous citizen. An answered request is 200 with
 * state 'besvaret'. 410 reasons: {@link StatementLinkGoneReason}.
 */
export interface StatementView {
  state: 'afventer' | 'besvaret';
  canSubmit: boolean;
  caseNumber: string | null;
  center: { name: string | null };
  questions: string;
  requestsFileAccess: boolean;
  requestedAt: string | null;
  dueAt: string | null;
  dueAtIsAgreed: boolean;
  linkExpiresAt: string | null;
  complaint: {
    /** The advisor's summary for the center, or the citizen's own words when the citizen is named. */
    description: string | null;
    category: string | null;
    categoryLabel: string | null;
    purpose: string | null;
    purposeLabel: string | null;
    eventDate: string | null;
    institution: string | null;
    identity: string | null;
    complainantName: string | null;
  };
  response: { respondedAt: string | null; respondentName: string | null; respondentTitle: string | null } | null;
}

/** POST /api/public/statements/:token: the body's shape (missing texts are the CMS's to name). */
export const statementSubmissionBody = z.object({
  data: z.object({ text: z.string().nullish(), respondentName: z.string().nullish(), respondentTitle: z.string().nullish() }),
});
export type StatementSubmissionBody = z.output<typeof statementSubmissionBody>;

/** POST /api/public/statements/:token `{ data }`, as the CMS stores it → 200; a second submission 409. */
export interface StatementSubmission {
  text: string;
  respondentName: string;
  respondentTitle: string | null;
}

/** GET /api/public/cases/:token → `{ data: CitizenCaseView }`: the citizen's own case page. 410 reasons: {@link CaseLinkGoneReason}. */
export interface CitizenCaseView {
  caseNumber: string | null;
  receivedAt: string | null;
  status: { key: string; label: string; explanation: string };
  opinion: { outcome: string | null; issuedAt: string; html: string } | null;
  documents: { title: string; registeredAt: string | null; from: string }[];
  canWrite: boolean;
}

/**
 * POST /api/public/cases/:token/messages `{ data: { message } }` (or multipart with files) → 201;
 * the message joins the case file. Without a text message the files alone are the message.
 */
export const citizenMessageBody = z.object({ data: z.object({ message: z.string() }) });
export type CitizenMessage = z.output<typeof citizenMessageBody>['data'];

/** GET /api/public/letters/:token → `{ data: LetterView }`: the center's copy of an opinion letter (R8). */
export interface LetterView {
  caseNumber: string | null;
  title: string;
  /** A whole HTML document, every value escaped by the CMS. */
  html: string;
}
