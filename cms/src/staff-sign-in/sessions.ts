/**
 * Which admin sessions have passed the second factor. Strapi's session manager keeps one row per
 * sign-in (admin::session) and, when the panel renews its access token, a child row with a new
 * session id that copies the row's metadata. The mark is set in that metadata, on the session and
 * on any child it already has, so it lasts as long as the sign-in and ends with it (sign-out,
 * expiry, revocation); a new sign-in starts unmarked. The rows are server-side only.
 */
import type { Core } from '@strapi/strapi';

const SESSION = 'admin::session';

interface SessionRow {
  sessionId: string;
  childId: string | null;
  userId: string;
  origin: string;
  metadata: Record<string, unknown> | null;
}

const find = async (strapi: Core.Strapi, sessionId: string) => (await strapi.db.query(SESSION).findOne({ where: { sessionId } })) as SessionRow | null;

/** The admin session's mark: null when there is no such session (Strapi then refuses the token itself). */
export async function sessionState(strapi: Core.Strapi, sessionId: string): Promise<{ userId: number; passed: boolean } | null> {
  const row = await find(strapi, sessionId);
  if (!row || row.origin !== 'admin') return null;
  return { userId: Number(row.userId), passed: typeof row.metadata?.secondFactorAt === 'string' };
}

/** Marks the session, and every renewal of it made meanwhile, as having passed the second factor. */
export async function markPassed(strapi: Core.Strapi, sessionId: string, at = new Date()) {
  let next: string | null = sessionId;
  const seen = new Set<string>();
  while (next && !seen.has(next)) {
    seen.add(next);
    const row = await find(strapi, next);
    if (!row) return;
    await strapi.db.query(SESSION).update({ where: { sessionId: next }, data: { metadata: { ...(row.metadata ?? {}), secondFactorAt: at.toISOString() } } });
    next = row.childId;
  }
}

/** Ends every admin session of an account (after its second factor was reset). */
export async function endSessions(strapi: Core.Strapi, userId: number) {
  await strapi.sessionManager('admin').invalidateRefreshToken(String(userId));
}
