/** Checks on incoming form posts: same origin, bounded size, and the client's IP for rate limiting. */
import { env } from './env';

/** Largest accepted form body: a 20,000-character description URL-encoded, plus the other fields. */
export const MAX_FORM_BYTES = 200 * 1024;

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

export function isTooLarge(request: Request): boolean {
  const length = Number(request.headers.get('content-length') ?? 0);
  return length > MAX_FORM_BYTES;
}

export function clientIp(request: Request, socketAddress: string): string {
  if (env.trustProxy()) {
    const forwarded = request.headers.get('x-forwarded-for')?.split(',').pop()?.trim();
    if (forwarded) return forwarded;
  }
  return socketAddress;
}

/** Reads the body as text, stopping as soon as it passes the limit (also without Content-Length). */
async function readLimited(request: Request): Promise<string | null> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_FORM_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The posted form (urlencoded, as our forms send it), or null when too large or not a form. */
export async function readForm(request: Request): Promise<URLSearchParams | null> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.includes('application/x-www-form-urlencoded')) return null;
  const text = await readLimited(request);
  return text === null ? null : new URLSearchParams(text);
}
