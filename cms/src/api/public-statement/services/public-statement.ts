/**
 * The public statement API as plain functions over Strapi's query engine: resolve a link token,
 * present the request as the center may see it (the answer itself is ../../../statements/answer.ts).
 *
 * The bodies are the shared contract in config/src/public-api.ts (StatementView, StatementSubmission).
 * An already answered request answers 200 with state 'besvaret' and canSubmit false, so the page
 * can say "already submitted". Errors: 404 unknown token; 410 with error.details.reason a
 * StatementLinkGoneReason; POST on an answered request 409.
 */
import type { Core } from '@strapi/strapi';
import {
  categories,
  characterCount,
  containsCprNumber,
  cprMessages,
  createRateLimiter,
  loadPolicy,
  normaliseText,
  purposes,
  RATE_LIMITS,
  textLimits,
  tooLongMessage,
  type RateLimiter,
  type StatementLinkGoneReason,
  statementSubmissionBody,
  type StatementSubmission,
  type StatementSubmissionBody,
  type StatementView,
} from '@borgerraadgiver/config';
import { hashToken, isWellFormedToken } from '../../../outbox/token';
import { findLink } from '../../../outbox/links';
import { effectiveDue, linkExpiresAt, statementLinkProblem } from '../../../rules/links';
import type { StatementCase, StatementRequestRow } from '../../../statements/answer';
import { STATEMENT_ACCESS_LOG as ACCESS_LOG } from '../../../content-types';
import { hashIp } from '../../../utils/ip-hash';
import { PublicError } from '../../../utils/public-error';

const goneMessages: Record<StatementLinkGoneReason, string> = {
  replaced: 'Linket er erstattet af et nyere link. Brug linket i den seneste e-mail fra borgerrådgiveren.',
  cancelled: 'Borgerrådgiveren har annulleret anmodningen om redegørelse.',
  closed: 'Sagen er afsluttet, og linket virker ikke længere.',
  expired: 'Linket er udløbet. Kontakt borgerrådgiveren, hvis I stadig skal afgive en redegørelse.',
};

/** Finds the request behind a token (with `linkIssuedAt`, when that link was mailed); throws PublicError 404/410. Reads only. */
export async function resolve(strapi: Core.Strapi, token: string, now = new Date()): Promise<StatementRequestRow> {
  if (!isWellFormedToken(token)) throw new PublicError(404, 'Linket findes ikke. Kontrollér, at hele linket fra e-mailen er med.');
  const link = await findLink(strapi, hashToken(token));
  const request: StatementRequestRow | undefined = link?.notification?.statementRequest;
  if (!link || !request) throw new PublicError(404, 'Linket findes ikke. Kontrollér, at hele linket fra e-mailen er med.');
  // The link's own mailing counts: a link mailed after the due date works on arrival.
  request.linkIssuedAt = new Date(link.issuedAt);
  const problem = statementLinkProblem(request, link.linkVersion ?? 1, request.linkIssuedAt, loadPolicy(), now);
  if (problem) throw new PublicError(410, goneMessages[problem], { reason: problem, requestId: request.id });
  return request;
}

/** What the center may see. Never the identity of a confidential or anonymous citizen. */
export function present(request: StatementRequestRow): StatementView {
  const complaint: Partial<StatementCase> = request.complaint ?? {};
  const policy = loadPolicy();
  // The advisor's summary for the center; the citizen's own words only when the citizen is named (R8).
  const summary = typeof request.caseSummary === 'string' && request.caseSummary.trim() ? request.caseSummary : null;
  const description = summary ?? (complaint.identity === 'named' && typeof complaint.description === 'string' ? complaint.description : null);
  const answered = request.requestStatus === 'besvaret';
  return {
    state: answered ? 'besvaret' : 'afventer',
    canSubmit: !answered,
    caseNumber: complaint.caseNumber ?? null,
    center: { name: request.center?.name ?? null },
    questions: request.questions ?? '',
    requestsFileAccess: Boolean(request.requestsFileAccess),
    requestedAt: request.requestedAt ?? null,
    dueAt: effectiveDue(request)?.toISOString() ?? null,
    dueAtIsAgreed: Boolean(request.agreedDueAt),
    linkExpiresAt: linkExpiresAt(request, policy, request.linkIssuedAt ?? null)?.toISOString() ?? null,
    complaint: {
      description,
      category: complaint.category ?? null,
      categoryLabel: complaint.category ? (categories[complaint.category as keyof typeof categories] ?? null) : null,
      purpose: complaint.purpose ?? null,
      purposeLabel: complaint.purpose ? (purposes[complaint.purpose as keyof typeof purposes] ?? null) : null,
      eventDate: complaint.eventDate ?? null,
      institution: complaint.institution?.name ?? null,
      identity: complaint.identity ?? null,
      complainantName: complaint.identity === 'named' ? complaint.businessName || complaint.citizenName || null : null,
    },
    response: answered
      ? { respondedAt: request.respondedAt ?? null, respondentName: request.respondentName ?? null, respondentTitle: request.respondentTitle ?? null }
      : null,
  };
}

const LIMITS = textLimits.statementRequest;

const LABELS = { text: 'Redegørelsen', respondentName: 'Navnet', respondentTitle: 'Stillingsbetegnelsen' } as const;

/** Checks the POST body: its shape (statementSubmissionBody), then its meaning; the errors name the field, in Danish. */
export function validateSubmission(body: unknown): { value?: StatementSubmission; errors: { path: string[]; message: string }[] } {
  const shape = statementSubmissionBody.safeParse(body);
  const wrongType = new Set(
    shape.success ? [] : shape.error.issues.map((issue) => (issue.path[0] === 'data' && issue.path.length === 2 ? String(issue.path[1]) : 'data')),
  );
  if (wrongType.has('data')) {
    return { errors: [{ path: ['data'], message: 'Indsend redegørelsen som { "data": { "text", "respondentName", "respondentTitle" } }.' }] };
  }
  // The shape holds for every field not named in wrongType.
  const data = (shape.success ? shape.data : (body as StatementSubmissionBody)).data;
  const errors: { path: string[]; message: string }[] = [];
  const field = (path: keyof typeof LABELS): string => {
    const value = data[path];
    if (wrongType.has(path)) errors.push({ path: [path], message: `${LABELS[path]} skal være tekst.` });
    else if (value === undefined || value === null) return '';
    else if (normaliseText(value) === null)
      errors.push({ path: [path], message: `${LABELS[path]} indeholder et ugyldigt tegn. Skriv teksten igen, eller indsæt den uden specialtegn.` });
    else return normaliseText(value)!.trim();
    return '';
  };
  const text = field('text');
  const name = field('respondentName');
  const title = field('respondentTitle');
  const already = new Set(errors.map((error) => error.path[0]));
  if (!already.has('text')) {
    if (!text) errors.push({ path: ['text'], message: 'Skriv redegørelsen.' });
    else if (characterCount(text) > LIMITS.responseText)
      errors.push({
        path: ['text'],
        message: `${tooLongMessage('Redegørelsen', LIMITS.responseText, characterCount(text))} Send bilag til borgerrådgiveren på e-mail.`,
      });
  }
  if (!already.has('respondentName')) {
    if (!name) errors.push({ path: ['respondentName'], message: 'Skriv navnet på den, der afgiver redegørelsen.' });
    else if (characterCount(name) > LIMITS.respondentName)
      errors.push({ path: ['respondentName'], message: tooLongMessage('Navnet', LIMITS.respondentName, characterCount(name)) });
  }
  if (!already.has('respondentTitle') && characterCount(title) > LIMITS.respondentTitle)
    errors.push({ path: ['respondentTitle'], message: tooLongMessage('Stillingsbetegnelsen', LIMITS.respondentTitle, characterCount(title)) });
  for (const field of ['text', 'respondentName', 'respondentTitle'] as const) {
    if (containsCprNumber(data[field]) && !errors.some((e) => e.path[0] === field)) errors.push({ path: [field], message: cprMessages.center });
  }
  return errors.length ? { errors } : { value: { text, respondentName: name, respondentTitle: title || null }, errors };
}

/** One audit row per open or submission: request, action, outcome, time, keyed hash of the IP. No token, no personal data. */
export async function audit(strapi: Core.Strapi, entry: { requestId: number | null; action: 'view' | 'submit'; outcome: number; ip: string }) {
  try {
    await strapi.db.query(ACCESS_LOG).create({
      data: {
        statementRequest: entry.requestId,
        action: entry.action,
        outcome: entry.outcome,
        at: new Date().toISOString(),
        ipHash: hashIp(strapi, entry.ip),
      },
    });
  } catch (error) {
    strapi.log.error(`statement access log: ${(error as Error).message}`);
  }
}

let limiter: RateLimiter | null = null;
/** Requests per IP per minute, counted in Redis across all instances: null when allowed, else the seconds to wait. */
export function rateLimited(ip: string): Promise<number | null> {
  return (limiter ??= createRateLimiter(RATE_LIMITS.publicStatement)).hit(ip);
}

export default () => ({});
