/** The center's statement form: fields, reading a POST, the site's own checks (Danish) and the outcome of a POST. */
import { characterCount, normaliseText, textLimits, tooLongMessage } from '@borgerraadgiver/config';
import type { StatementLinkGoneReason } from '@borgerraadgiver/config';
import { CmsUnavailableError, submitStatement, type StatementLookup, type StatementSubmitResult } from './cms';
import { WAIT_TITLE, type Problem } from './form-post';
import { allowPost } from './rate-limit';
import { filesOf, type FormRefusal } from './request-guard';

export const STATEMENT_FIELDS = ['text', 'respondentName', 'respondentTitle'] as const;
export type StatementField = (typeof STATEMENT_FIELDS)[number];
export type StatementValues = Partial<Record<StatementField, string>>;
export type StatementErrors = Partial<Record<StatementField, string>>;

const LIMITS = textLimits.statementRequest;

export function readStatement(form: URLSearchParams): StatementValues {
  const values: StatementValues = {};
  for (const field of STATEMENT_FIELDS) {
    const value = form.get(field);
    if (value !== null) values[field] = value.replace(/\r\n?/g, '\n').slice(0, field === 'text' ? LIMITS.responseText + 5_000 : 500);
  }
  return values;
}

export function validateStatement(values: StatementValues): StatementErrors {
  const errors: StatementErrors = {};
  // Counted as the CMS stores it (config's normaliseText); text it cannot store at all is left to the CMS to name.
  const stored = (value: string | undefined) => normaliseText(value ?? '')?.trim() ?? '';
  const text = stored(values.text);
  const name = stored(values.respondentName);
  const title = stored(values.respondentTitle);
  if (!text) errors.text = 'Skriv redegørelsen.';
  else if (characterCount(text) > LIMITS.responseText) errors.text = tooLongMessage('Redegørelsen', LIMITS.responseText, characterCount(text));
  if (!name) errors.respondentName = 'Skriv dit navn.';
  else if (characterCount(name) > LIMITS.respondentName) errors.respondentName = tooLongMessage('Navnet', LIMITS.respondentName, characterCount(name));
  if (characterCount(title) > LIMITS.respondentTitle) errors.respondentTitle = tooLongMessage('Stillingen', LIMITS.respondentTitle, characterCount(title));
  return errors;
}

export interface StatementPostOutcome {
  /** True when the CMS has the statement; the page then redirects to itself (a GET shows the receipt). */
  sent: boolean;
  /** The HTTP status for the page, or undefined to let the lookup of the link decide (404, 410). */
  status?: number;
  values: StatementValues;
  errors: StatementErrors;
  problem: Problem | null;
  /** The link was answered before (409): the page shows the receipt instead of the form. */
  alreadyAnswered: boolean;
}

export interface StatementPostDeps {
  submit: (
    token: string,
    data: { text: string; respondentName: string; respondentTitle: string | null },
    clientIp: string,
    files?: File[],
  ) => Promise<StatementSubmitResult>;
  /** False when this client has posted too often (SITE_FORM_RATE_LIMIT per 10 minutes). */
  allow: (clientIp: string) => boolean | Promise<boolean>;
}

const defaultDeps: StatementPostDeps = { submit: submitStatement, allow: allowPost };

/**
 * A POST of the statement form for one link. `form` is a refusal when the body was too large or
 * not a form. A link that has gone or is unknown leaves the status to the page's lookup. Throws what
 * the CMS client throws, except CmsUnavailableError, which becomes a 503 with the advisor's e-mail.
 */
export async function handleStatementPost(
  token: string,
  form: URLSearchParams | FormRefusal,
  clientIp: string,
  contactEmail: string,
  deps: StatementPostDeps = defaultDeps,
): Promise<StatementPostOutcome> {
  const outcome: StatementPostOutcome = { sent: false, values: {}, errors: {}, problem: null, alreadyAnswered: false };
  if (!(form instanceof URLSearchParams)) {
    return {
      ...outcome,
      status: form.status,
      problem:
        form.status === 413
          ? {
              title: 'Redegørelsen kunne ikke sendes',
              message: `Teksten er for lang til at blive sendt her. Redegørelsen må højst være ${LIMITS.responseText.toLocaleString('da-DK')} tegn. Gør den kortere, eller send redegørelsen til borgerrådgiveren på e-mail.`,
            }
          : {
              title: 'Redegørelsen kunne ikke læses',
              message: 'Formularen blev sendt i et format, vi ikke kan læse. Udfyld og send formularen på denne side.',
            },
    };
  }
  const values = readStatement(form);
  const errors = validateStatement(values);
  Object.assign(outcome, { values, errors });
  if (!(await deps.allow(clientIp))) {
    return {
      ...outcome,
      status: 429,
      problem: {
        title: WAIT_TITLE,
        message: 'Der er sendt mange formularer fra din forbindelse på kort tid. Teksten står stadig nedenfor. Vent 10 minutter, og send igen.',
      },
    };
  }
  if (Object.keys(errors).length) return { ...outcome, status: 400 };
  try {
    const result = await deps.submit(
      token,
      { text: values.text!.trim(), respondentName: values.respondentName!.trim(), respondentTitle: values.respondentTitle?.trim() || null },
      clientIp,
      filesOf(form),
    );
    if (result.ok) return { ...outcome, sent: true };
    if (result.kind === 'invalid') {
      for (const { field, message } of result.errors) {
        if ((STATEMENT_FIELDS as readonly string[]).includes(field)) errors[field as StatementField] ??= message;
      }
      const problem = Object.keys(errors).length
        ? null
        : { title: 'Redegørelsen kunne ikke sendes', message: result.errors[0]?.message || 'Kontrollér teksten, og prøv igen.' };
      return { ...outcome, status: 400, problem };
    }
    if (result.kind === 'already-answered') return { ...outcome, status: 409, alreadyAnswered: true };
    if (result.kind === 'rate-limited') {
      return {
        ...outcome,
        status: 429,
        problem: { title: WAIT_TITLE, message: 'Der er sendt mange formularer på kort tid. Teksten står stadig nedenfor. Vent 10 minutter, og send igen.' },
      };
    }
    return outcome;
  } catch (error) {
    if (!(error instanceof CmsUnavailableError)) throw error;
    return {
      ...outcome,
      status: 503,
      problem: {
        title: 'Redegørelsen er ikke sendt',
        message: `Der er en teknisk fejl hos os, så redegørelsen er ikke sendt. Teksten står stadig nedenfor. Prøv igen om lidt, eller skriv til borgerrådgiveren på ${contactEmail}.`,
      },
    };
  }
}

/** Why a link no longer works, told to the center. */
export const GONE_TEXT: Record<StatementLinkGoneReason, string> = {
  replaced: 'Borgerrådgiveren har sendt et nyere link til denne anmodning. Brug linket i den seneste e-mail.',
  cancelled: 'Borgerrådgiveren har trukket anmodningen om redegørelse tilbage.',
  closed: 'Sagen er afsluttet, så linket virker ikke længere.',
  expired: 'Linket er udløbet, fordi fristen for redegørelsen er overskredet.',
};

/** The page's status after looking the link up: an error status of the POST stands, else 404, 410 or 503. */
export function statusAfterLookup(lookup: StatementLookup['kind'] | 'unavailable', status: number): number {
  if (status >= 400) return status;
  return { unknown: 404, gone: 410, unavailable: 503, found: status }[lookup];
}
