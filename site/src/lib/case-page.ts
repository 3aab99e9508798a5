/**
 * Client for the citizen's case page and the center's opinion letter page (CMS public API,
 * cms/src/api/public-case). Tokens stay in the path and are never logged.
 */
import { CASE_LINK_GONE_REASONS, goneReasonOf, type CaseLinkGoneReason, type CitizenCaseView, type LetterView } from '@borgerraadgiver/config';
import { CmsUnavailableError, fieldErrors, request, withFiles, type FieldError } from './cms';

export type Lookup<T> = { kind: 'found'; value: T } | { kind: 'unknown' } | { kind: 'gone'; reason: CaseLinkGoneReason };

function lookup<T>(what: string, status: number, body: any): Lookup<T> {
  if (status === 200 || status === 201) return { kind: 'found', value: body?.data as T };
  if (status === 410) return { kind: 'gone', reason: goneReasonOf(body, CASE_LINK_GONE_REASONS) };
  if (status === 404 || status === 400) return { kind: 'unknown' };
  throw new CmsUnavailableError(what);
}

const casePath = (token: string) => `/api/public/cases/${encodeURIComponent(token)}`;

export async function getCitizenCase(token: string, clientIp?: string): Promise<Lookup<CitizenCaseView>> {
  const { status, body } = await request('case page', casePath(token), {}, clientIp);
  return lookup('case page', status, body);
}

export type MessageResult = { ok: true } | { ok: false; errors: FieldError[] } | { ok: false; lookup: Lookup<CitizenCaseView> };

export async function sendCitizenMessage(token: string, message: string, clientIp?: string, files: File[] = []): Promise<MessageResult> {
  const { status, body } = await request('case message', `${casePath(token)}/messages`, { method: 'POST', body: withFiles({ message }, files) }, clientIp);
  if (status === 201) return { ok: true };
  if (status === 400 && fieldErrors(body).length) return { ok: false, errors: fieldErrors(body) };
  if (status === 429) throw new CmsUnavailableError('case message (rate limited)');
  return { ok: false, lookup: lookup('case message', status, body) };
}

export async function getLetter(token: string, clientIp?: string): Promise<Lookup<LetterView>> {
  const { status, body } = await request('letter', `/api/public/letters/${encodeURIComponent(token)}`, {}, clientIp);
  return lookup('letter', status, body);
}

/** The body of a letter document (the CMS renders it with every value escaped). */
export const letterBody = (html: string) => /<body>([\s\S]*)<\/body>/.exec(html)?.[1] ?? '';
