/**
 * Typed client for the CMS public API. Texts and centers are cached for SITE_CONTENT_TTL_MS and
 * the last good copy is served while the CMS is unreachable. Never logs URLs (statement tokens).
 */
import {
  goneReasonOf,
  STATEMENT_LINK_GONE_REASONS,
  type ComplaintCreated,
  type PublicCenter,
  type SiteContent,
  type StatementLinkGoneReason,
  type StatementView,
} from '@borgerraadgiver/config';
import { env } from './env';
import { fallbackContent } from './site-content';

export class CmsUnavailableError extends Error {
  constructor(what: string) {
    super(`CMS unavailable (${what})`);
  }
}

export interface FieldError {
  field: string;
  message: string;
}

type CmsResponse = { status: number; body: any };

/** Tells the CMS which client the site acts for, so its per-IP limits apply per citizen (see cms/src/utils/client-ip.ts). */
function forwardedFor(clientIp: string | undefined): Record<string, string> {
  const secret = env.siteApiSecret();
  return clientIp && secret ? { 'x-borgerraadgiver-client-ip': clientIp, 'x-borgerraadgiver-site-secret': secret } : {};
}

/** One request to the CMS; network errors and 5xx become CmsUnavailableError. `what` names it in logs. */
export async function request(what: string, path: string, init: RequestInit = {}, clientIp?: string): Promise<CmsResponse> {
  let response: Response;
  try {
    response = await fetch(`${env.cmsUrl()}${path}`, {
      ...init,
      headers: {
        accept: 'application/json',
        ...(typeof init.body === 'string' ? { 'content-type': 'application/json' } : {}),
        ...forwardedFor(clientIp),
        ...init.headers,
      },
      signal: AbortSignal.timeout(env.cmsTimeoutMs()),
    });
  } catch {
    console.error(`[site] ${what}: CMS not reachable`);
    throw new CmsUnavailableError(what);
  }
  if (response.status >= 500) {
    console.error(`[site] ${what}: CMS answered ${response.status}`);
    throw new CmsUnavailableError(what);
  }
  const text = await response.text();
  let body: any;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  return { status: response.status, body };
}

/** A JSON body `{ data }`, or multipart with the same JSON in `data` and the files under `files`. */
export function withFiles(data: unknown, files: File[] = []): string | FormData {
  if (!files.length) return JSON.stringify({ data });
  const form = new FormData();
  form.append('data', JSON.stringify(data));
  for (const file of files) form.append('files', file, file.name);
  return form;
}

/** Field errors from a Strapi ValidationError body (`error.details.errors[].path`). */
export function fieldErrors(body: any): FieldError[] {
  const list = body?.error?.details?.errors;
  if (!Array.isArray(list)) return [];
  return list.map((e: any) => ({ field: Array.isArray(e.path) ? String(e.path[0] ?? '') : String(e.path ?? ''), message: String(e.message ?? '') }));
}

interface CacheEntry<T> {
  value: T;
  fetchedAt: number;
}

/** After a failed fetch, serve the stale copy without asking again for this long (a hanging CMS must not slow every page). */
const RETRY_AFTER_FAILURE_MS = 10_000;

/** Fresh within the TTL; refetched after; the stale value is kept when the CMS fails. */
function cached<T>(load: () => Promise<T>) {
  let entry: CacheEntry<T> | null = null;
  let pending: Promise<T> | null = null;
  let failedAt = 0;
  return async (): Promise<T | null> => {
    if (entry && Date.now() - entry.fetchedAt < env.contentTtlMs()) return entry.value;
    if (Date.now() - failedAt < Math.min(RETRY_AFTER_FAILURE_MS, env.contentTtlMs() || RETRY_AFTER_FAILURE_MS)) return entry?.value ?? null;
    pending ??= load().finally(() => (pending = null));
    try {
      const value = await pending;
      entry = { value, fetchedAt: Date.now() };
      failedAt = 0;
      return value;
    } catch {
      failedAt = Date.now();
      return entry?.value ?? null;
    }
  };
}

const loadContent = cached(async () => {
  const { status, body } = await request('site-content', '/api/public/site-content');
  if (status !== 200 || !body?.data) throw new CmsUnavailableError('site-content');
  return body.data as Partial<SiteContent>;
});

/** The site's texts, with built-in fallbacks for any field the CMS does not (yet) have. */
export async function getSiteContent(): Promise<{ content: SiteContent; available: boolean }> {
  const fromCms = await loadContent();
  const fallback = fallbackContent();
  if (!fromCms) return { content: fallback, available: false };
  const content = { ...fallback };
  for (const [key, value] of Object.entries(fromCms)) if (value !== null && value !== undefined && value !== '') (content as any)[key] = value;
  return { content, available: true };
}

const loadCenters = cached(async () => {
  const { status, body } = await request('centers', '/api/public/centers');
  if (status !== 200 || !Array.isArray(body?.data)) throw new CmsUnavailableError('centers');
  return body.data as PublicCenter[];
});

export async function getCenters(): Promise<PublicCenter[]> {
  return (await loadCenters()) ?? [];
}

export type SubmitResult = { ok: true; caseNumber: string | null } | { ok: false; kind: 'invalid'; errors: FieldError[] } | { ok: false; kind: 'rate-limited' };

/** Pauses between the attempts of one submission, in milliseconds. */
const SUBMIT_RETRY_DELAYS_MS = [500, 1_500];

/**
 * Sends the complaint with its submission key (SPEC §3). When the CMS cannot be reached, answers
 * late or fails, the same key is sent again: an inquiry the CMS did register is then answered with
 * its case number, and nothing is registered twice. Throws CmsUnavailableError after the last attempt.
 */
export async function submitComplaint(data: Record<string, unknown>, submissionKey: string, clientIp?: string, files: File[] = []): Promise<SubmitResult> {
  const init = { method: 'POST', body: withFiles(data, files), headers: { 'idempotency-key': submissionKey } };
  let response: CmsResponse | null = null;
  for (let attempt = 0; !response; attempt++) {
    try {
      response = await request('complaint', '/api/public/complaints', init, clientIp);
    } catch (error) {
      if (!(error instanceof CmsUnavailableError) || attempt >= SUBMIT_RETRY_DELAYS_MS.length) throw error;
      await new Promise((resolve) => setTimeout(resolve, SUBMIT_RETRY_DELAYS_MS[attempt]));
    }
  }
  const { status, body } = response;
  if (status === 201) return { ok: true, caseNumber: (body as ComplaintCreated | null)?.data?.caseNumber ?? null };
  if (status === 429) return { ok: false, kind: 'rate-limited' };
  if (status === 400) return { ok: false, kind: 'invalid', errors: fieldErrors(body) };
  console.error(`[site] complaint: CMS answered ${status}`);
  throw new CmsUnavailableError('complaint');
}

/** The statement request as the center may see it (GET /api/public/statements/:token). */
export interface StatementRequest {
  caseNumber: string | null;
  centerName: string | null;
  questions: string | null;
  requestsFileAccess: boolean;
  complaintText: string | null;
  complainantName: string | null;
  purposeLabel: string | null;
  categoryLabel: string | null;
  institution: string | null;
  eventDate: string | null;
  requestedAt: string | null;
  dueAt: string | null;
  dueAtIsAgreed: boolean;
  answered: boolean;
  respondedAt: string | null;
  respondentName: string | null;
}

export type StatementLookup = { kind: 'found'; request: StatementRequest } | { kind: 'unknown' } | { kind: 'gone'; reason: StatementLinkGoneReason };

const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);

function toStatementRequest(data: Partial<StatementView> | undefined): StatementRequest {
  const complaint: Partial<StatementView['complaint']> = data?.complaint ?? {};
  return {
    caseNumber: str(data?.caseNumber),
    centerName: str(data?.center?.name),
    questions: str(data?.questions),
    requestsFileAccess: Boolean(data?.requestsFileAccess),
    complaintText: str(complaint.description),
    complainantName: str(complaint.complainantName),
    purposeLabel: str(complaint.purposeLabel),
    categoryLabel: str(complaint.categoryLabel),
    institution: str(complaint.institution),
    eventDate: str(complaint.eventDate),
    requestedAt: str(data?.requestedAt),
    dueAt: str(data?.dueAt),
    dueAtIsAgreed: Boolean(data?.dueAtIsAgreed),
    answered: data?.state === 'besvaret' || data?.canSubmit === false,
    respondedAt: str(data?.response?.respondedAt),
    respondentName: str(data?.response?.respondentName),
  };
}

const tokenPath = (token: string) => `/api/public/statements/${encodeURIComponent(token)}`;

export async function getStatement(token: string, clientIp?: string): Promise<StatementLookup> {
  const { status, body } = await request('statement', tokenPath(token), {}, clientIp);
  if (status === 200) return { kind: 'found', request: toStatementRequest(body?.data) };
  if (status === 410) return { kind: 'gone', reason: goneReasonOf(body, STATEMENT_LINK_GONE_REASONS) };
  if (status === 404 || status === 400) return { kind: 'unknown' };
  if (status === 429) throw new CmsUnavailableError('statement (rate limited)');
  throw new CmsUnavailableError('statement');
}

export type StatementSubmitResult =
  | { ok: true }
  | { ok: false; kind: 'invalid'; errors: FieldError[] }
  | { ok: false; kind: 'already-answered' | 'unknown' | 'rate-limited' }
  | { ok: false; kind: 'gone'; reason: StatementLinkGoneReason };

export async function submitStatement(
  token: string,
  data: { text: string; respondentName: string; respondentTitle: string | null },
  clientIp?: string,
  files: File[] = [],
): Promise<StatementSubmitResult> {
  const { status, body } = await request('statement', tokenPath(token), { method: 'POST', body: withFiles(data, files) }, clientIp);
  if (status === 200 || status === 201) return { ok: true };
  if (status === 409) return { ok: false, kind: 'already-answered' };
  if (status === 410) return { ok: false, kind: 'gone', reason: goneReasonOf(body, STATEMENT_LINK_GONE_REASONS) };
  if (status === 404) return { ok: false, kind: 'unknown' };
  if (status === 429) return { ok: false, kind: 'rate-limited' };
  if (status === 400) return { ok: false, kind: 'invalid', errors: fieldErrors(body) };
  throw new CmsUnavailableError('statement');
}
