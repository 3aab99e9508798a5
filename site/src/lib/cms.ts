/**
 * Typed client for the CMS public API. Texts and centers are cached for SITE_CONTENT_TTL_MS and
 * the last good copy is served while the CMS is unreachable. Never logs URLs (statement tokens).
 */
import { env } from './env';
import { fallbackContent, type SiteContent } from './site-content';

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

/** One request to the CMS; network errors and 5xx become CmsUnavailableError. `what` names it in logs. */
async function request(what: string, path: string, init: RequestInit = {}): Promise<CmsResponse> {
  let response: Response;
  try {
    response = await fetch(`${env.cmsUrl()}${path}`, {
      ...init,
      headers: { accept: 'application/json', ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers },
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
  let body: any = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  return { status: response.status, body };
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

/** Fresh within the TTL; refetched after; the stale value is kept when the CMS fails. */
function cached<T>(what: string, load: () => Promise<T>) {
  let entry: CacheEntry<T> | null = null;
  let pending: Promise<T> | null = null;
  return async (): Promise<T | null> => {
    if (entry && Date.now() - entry.fetchedAt < env.contentTtlMs()) return entry.value;
    pending ??= load().finally(() => (pending = null));
    try {
      const value = await pending;
      entry = { value, fetchedAt: Date.now() };
      return value;
    } catch {
      return entry?.value ?? null;
    }
  };
}

const loadContent = cached('site-content', async () => {
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

export interface Center {
  documentId: string;
  name: string;
}

const loadCenters = cached('centers', async () => {
  const { status, body } = await request('centers', '/api/public/centers');
  if (status !== 200 || !Array.isArray(body?.data)) throw new CmsUnavailableError('centers');
  return body.data as Center[];
});

export async function getCenters(): Promise<Center[]> {
  return (await loadCenters()) ?? [];
}

export type SubmitResult =
  | { ok: true; caseNumber: string | null }
  | { ok: false; kind: 'invalid'; errors: FieldError[] }
  | { ok: false; kind: 'rate-limited' };

export async function submitComplaint(data: Record<string, unknown>): Promise<SubmitResult> {
  const { status, body } = await request('complaint', '/api/public/complaints', { method: 'POST', body: JSON.stringify({ data }) });
  if (status === 201) return { ok: true, caseNumber: body?.data?.caseNumber ?? null };
  if (status === 429) return { ok: false, kind: 'rate-limited' };
  if (status === 400) return { ok: false, kind: 'invalid', errors: fieldErrors(body) };
  console.error(`[site] complaint: CMS answered ${status}`);
  throw new CmsUnavailableError('complaint');
}

/** The statement request as the center may see it. Field names follow the public statement API. */
export interface StatementRequest {
  caseNumber: string | null;
  centerName: string | null;
  questions: string | null;
  complaintText: string | null;
  eventDate: string | null;
  requestedAt: string | null;
  dueAt: string | null;
  answered: boolean;
  respondedAt: string | null;
  respondentName: string | null;
}

export type StatementLookup = { kind: 'found'; request: StatementRequest } | { kind: 'unknown' } | { kind: 'expired' };

const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);

function toStatementRequest(data: any): StatementRequest {
  const complaint = data?.complaint ?? {};
  const status = str(data?.status);
  return {
    caseNumber: str(data?.caseNumber) ?? str(complaint.caseNumber),
    centerName: str(data?.centerName) ?? str(data?.center?.name) ?? str(data?.center),
    questions: str(data?.questions),
    complaintText: str(data?.complaintText) ?? str(data?.description) ?? str(complaint.description),
    eventDate: str(data?.eventDate) ?? str(complaint.eventDate),
    requestedAt: str(data?.requestedAt),
    dueAt: str(data?.agreedDueAt) ?? str(data?.dueAt),
    answered: Boolean(data?.answered) || status === 'besvaret' || Boolean(str(data?.respondedAt)),
    respondedAt: str(data?.respondedAt),
    respondentName: str(data?.respondentName),
  };
}

const tokenPath = (token: string) => `/api/public/statements/${encodeURIComponent(token)}`;

export async function getStatement(token: string): Promise<StatementLookup> {
  const { status, body } = await request('statement', tokenPath(token));
  if (status === 200) return { kind: 'found', request: toStatementRequest(body?.data) };
  if (status === 410) return { kind: 'expired' };
  if (status === 404 || status === 400) return { kind: 'unknown' };
  throw new CmsUnavailableError('statement');
}

export type StatementSubmitResult =
  | { ok: true }
  | { ok: false; kind: 'invalid'; errors: FieldError[] }
  | { ok: false; kind: 'already-answered' | 'unknown' | 'expired' | 'rate-limited' };

export async function submitStatement(token: string, data: { text: string; respondentName: string; respondentTitle: string }): Promise<StatementSubmitResult> {
  const { status, body } = await request('statement', tokenPath(token), { method: 'POST', body: JSON.stringify({ data }) });
  if (status === 200 || status === 201) return { ok: true };
  if (status === 409) return { ok: false, kind: 'already-answered' };
  if (status === 410) return { ok: false, kind: 'expired' };
  if (status === 404) return { ok: false, kind: 'unknown' };
  if (status === 429) return { ok: false, kind: 'rate-limited' };
  if (status === 400) return { ok: false, kind: 'invalid', errors: fieldErrors(body) };
  throw new CmsUnavailableError('statement');
}
