/** Checks on incoming form posts: same origin, bounded size, and the client's IP for rate limiting. */
import { loadDocumentSettings, maxBodyBytes, textLimits } from '@borgerraadgiver/config';
import { env } from './env';

/** Largest accepted form body without files: every text of the larger form at its limit in characters, URL-encoded. */
export const MAX_FORM_BYTES = Math.max(maxBodyBytes(textLimits.complaint, 'form'), maxBodyBytes(textLimits.statementRequest, 'form'));

/** Why a posted body was not read as a form: too large (413) or not a form at all (415). */
export interface FormRefusal {
  status: 413 | 415;
}

/** A POST must come from our own pages: Origin (or, failing that, Sec-Fetch-Site) must agree. */
export function isSameOrigin(request: Request, url: URL): boolean {
  const allowed = new Set([url.origin, new URL(env.publicSiteUrl()).origin]);
  const origin = request.headers.get('origin');
  if (origin && origin !== 'null') return allowed.has(origin);
  const fetchSite = request.headers.get('sec-fetch-site');
  if (fetchSite) return fetchSite === 'same-origin' || fetchSite === 'none';
  const referer = request.headers.get('referer');
  if (referer) {
    try {
      return allowed.has(new URL(referer).origin);
    } catch {
      return false;
    }
  }
  // Old clients send neither; the form carries no secrets, so let the other checks apply.
  return true;
}

/** Over the form limit; a multipart form may also carry up to one case's worth of documents. */
export function isTooLarge(request: Request): boolean {
  const length = Number(request.headers.get('content-length') ?? 0);
  const multipart = (request.headers.get('content-type') ?? '').includes('multipart/form-data');
  return length > MAX_FORM_BYTES + (multipart ? loadDocumentSettings().maxCaseBytes : 0);
}

export function clientIp(request: Request, socketAddress: string): string {
  if (env.trustProxy()) {
    const forwarded = request.headers.get('x-forwarded-for')?.split(',').pop()?.trim();
    if (forwarded) return forwarded;
  }
  return socketAddress;
}

/** Reads the body, stopping as soon as it passes the limit (also without Content-Length). */
async function readLimited(request: Request, limit: number): Promise<Buffer | null> {
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

const postedFiles = new WeakMap<URLSearchParams, File[]>();

/** The files that came with a posted multipart form (none for an urlencoded one). */
export const filesOf = (form: URLSearchParams): File[] => postedFiles.get(form) ?? [];

/**
 * The posted form, urlencoded or (with attachments) multipart, or why it was not read. A
 * multipart form may carry up to one case's worth of documents besides its fields.
 */
export async function readForm(request: Request): Promise<URLSearchParams | FormRefusal> {
  const type = request.headers.get('content-type') ?? '';
  if (type.includes('application/x-www-form-urlencoded')) {
    const body = await readLimited(request, MAX_FORM_BYTES);
    return body === null ? { status: 413 } : new URLSearchParams(body.toString('utf8'));
  }
  if (!type.includes('multipart/form-data')) return { status: 415 };
  const body = await readLimited(request, MAX_FORM_BYTES + loadDocumentSettings().maxCaseBytes);
  if (body === null) return { status: 413 };
  let parsed: FormData;
  try {
    parsed = await new Response(new Uint8Array(body), { headers: { 'content-type': type } }).formData();
  } catch {
    return { status: 415 };
  }
  const form = new URLSearchParams();
  const files: File[] = [];
  for (const [name, value] of parsed.entries()) {
    if (typeof value === 'string') form.append(name, value);
    else if (value.size > 0) files.push(value);
  }
  postedFiles.set(form, files);
  return form;
}
