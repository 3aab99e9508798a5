/**
 * The server's side of the second factor (SPEC §3, ADMIN_MFA): every request that carries a valid
 * admin access token — the content manager, upload, settings, our own admin routes, any route
 * Strapi or a plugin adds later — answers 401 with a Danish message until the token's session
 * has passed the second factor. It goes by the token, not by a list of paths, so no admin route
 * is forgotten; only signing out and the second factor's own routes are let through. Requests
 * without an admin token (the public API, the workers' token, the panel's files) pass untouched,
 * and so does a token Strapi would refuse anyway (it answers 401 itself, and the panel renews it).
 *
 * It also journals the password step of POST /admin/login in the staff log.
 */
import type { Core } from '@strapi/strapi';
import { loadAdminMfaSettings } from '@borgerraadgiver/config';
import { factorOf, isEnrolled } from './factors';
import { sessionState } from './sessions';
import { logStaff, type StaffMember } from './log';

/** Where the second factor's routes live (registered in ./index.ts). */
export const SECOND_FACTOR_PREFIX = '/second-factor';
/** What a session that has not passed the second factor may still call. */
const OPEN_BEFORE_SECOND_FACTOR = new Set([
  '/admin/logout',
  ...['/status', '/enrolment', '/enrolment/confirm', '/verify'].map((path) => SECOND_FACTOR_PREFIX + path),
]);

export const SECOND_FACTOR_REQUIRED = 'SecondFactorRequired';
export const MESSAGES = {
  verify: 'Bekræft dit login med engangskoden fra din godkendelsesapp, før du kan bruge administrationen.',
  enrol: 'Opsæt totrinsbekræftelse med en godkendelsesapp, før du kan bruge administrationen.',
};

interface Ctx {
  method: string;
  path: string;
  status: number;
  body: unknown;
  request: { ip: string; body?: unknown; header: Record<string, string | string[] | undefined> };
  set(name: string, value: string): void;
}

function bearer(ctx: Ctx): string | null {
  const header = ctx.request.header.authorization;
  const match = typeof header === 'string' ? /^bearer\s+(\S+)$/i.exec(header.trim()) : null;
  return match ? match[1] : null;
}

/** What the session still needs: 'verify' (a code), 'enrol' (set up a factor first), or null (let through). */
async function pending(strapi: Core.Strapi, token: string): Promise<'verify' | 'enrol' | null> {
  const mode = loadAdminMfaSettings().mode;
  if (mode === 'off') return null;
  const access = strapi.sessionManager('admin').validateAccessToken(token);
  if (!access.isValid) return null;
  const state = await sessionState(strapi, String(access.payload.sessionId));
  if (!state || state.passed) return null;
  const enrolled = isEnrolled(await factorOf(strapi, state.userId));
  if (enrolled) return 'verify';
  return mode === 'required' ? 'enrol' : null;
}

/** Logs the password step of a sign-in: accepted (with the account) or refused (with the account the address names, if any). */
async function journalLogin(strapi: Core.Strapi, ctx: Ctx, next: () => Promise<void>) {
  const refused = async () => {
    const email = (ctx.request.body as { email?: unknown } | undefined)?.email;
    const user =
      typeof email === 'string'
        ? ((await strapi.db.query('admin::user').findOne({ where: { email: email.trim().toLowerCase() } })) as StaffMember | null)
        : null;
    await logStaff(strapi, { kind: 'password_refused', user, ip: ctx.request.ip });
  };
  try {
    await next();
  } catch (error) {
    await refused();
    throw error;
  }
  const user = (ctx.body as { data?: { user?: StaffMember } } | undefined)?.data?.user;
  if (ctx.status === 200 && user?.id) await logStaff(strapi, { kind: 'password_accepted', user, ip: ctx.request.ip });
  else if (ctx.status >= 400 && ctx.status < 500 && ctx.status !== 429) await refused();
}

export function secondFactorGate(strapi: Core.Strapi) {
  return async (ctx: Ctx, next: () => Promise<void>) => {
    if (ctx.method === 'POST' && ctx.path === '/admin/login') return journalLogin(strapi, ctx, next);
    const token = bearer(ctx);
    if (!token || OPEN_BEFORE_SECOND_FACTOR.has(ctx.path)) return next();
    const needed = await pending(strapi, token);
    if (!needed) return next();
    ctx.status = 401;
    ctx.set('Cache-Control', 'no-store');
    ctx.set('X-Second-Factor', needed);
    ctx.body = { data: null, error: { status: 401, name: SECOND_FACTOR_REQUIRED, message: MESSAGES[needed], details: { secondFactor: needed } } };
  };
}
