/**
 * Link tokens for the centers' statement page.
 *
 * Scheme: one random token per email ("per-email tokens"), never an HMAC-derived token.
 * - Each email that carries a link (request, reminder, overdue notice, escalation) gets its own
 *   32-byte (256-bit) token from crypto.randomBytes, minted by the CMS at the moment a worker
 *   claims the outbox row, for every send attempt. The plaintext exists only in the email (and in
 *   the claim response the worker renders it from); the database keeps its SHA-256 hash in
 *   api::statement-link (links.ts) with the outbox row, the request's link version and the time.
 *   An attempt reported as failed keeps its link: the mail server may have accepted that e-mail
 *   (a timeout after DATA), and a link that went out must work on arrival.
 * - Scope: a token resolves to exactly one outbox row and through it to one statement request.
 * - Re-issue (statement-request.reissueLink) bumps the request's linkVersion: every token minted
 *   for an older version stops working at once, and a fresh request email is sent.
 * - Expiry: STATEMENT_LINK_VALID_AFTER_DUE after the effective due date (agreedDueAt ?? dueAt),
 *   or after the day the link was mailed when that is later (a re-issue after expiry works).
 * Why not HMAC(request id, version) with a server secret: that needs a long-lived secret shared by
 * every CMS instance whose leak would let anyone forge links for every request, and whose rotation
 * would silently break every link in circulation. Random tokens need no secret, a copy of the
 * database cannot produce a working link, and a reminder still works because it carries its own
 * token. The cost is one hash per email sent, which is nothing at this volume.
 */
import crypto from 'crypto';

export const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface MintedToken {
  /** The secret that goes into the link; never stored. */
  token: string;
  /** SHA-256 hex of the token; what the database keeps. */
  hash: string;
}

export function mintToken(): MintedToken {
  const token = crypto.randomBytes(TOKEN_BYTES).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Cheap shape check before touching the database (a 256-bit base64url string). */
export function isWellFormedToken(value: unknown): value is string {
  return typeof value === 'string' && TOKEN_PATTERN.test(value);
}

export function statementLink(publicSiteUrl: string, token: string): string {
  return `${publicSiteUrl.replace(/\/+$/, '')}/redegoerelse/${token}`;
}

/** The center's page with an opinion letter. */
export function letterLink(publicSiteUrl: string, token: string): string {
  return `${publicSiteUrl.replace(/\/+$/, '')}/udtalelse/${token}`;
}

/** The citizen's own case page. */
export function citizenLink(publicSiteUrl: string, token: string): string {
  return `${publicSiteUrl.replace(/\/+$/, '')}/sag/${token}`;
}

/** Whether a stored hash matches a token, in constant time. */
export function tokenMatches(token: string, storedHash: string | null | undefined): boolean {
  if (!storedHash || !isWellFormedToken(token)) return false;
  const a = Buffer.from(hashToken(token), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}
