/**
 * Staff sign-in with a second factor (SPEC §3, ADMIN_MFA; wired from src/index.ts): the admin
 * routes under /second-factor, the attempts limited per account and per IP in Redis, and the
 * staff log. The gate that holds every other admin route back is ./gate.ts, registered as the
 * global middleware `global::second-factor` in config/middlewares.ts.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { createLockoutLimiter, loadAdminMfaSettings, LOCKOUTS, type LockoutLimiter } from '@borgerraadgiver/config';
import { addAdminRoutes, ADMIN_ONLY, type AdminRoute } from '../utils/admin-routes';
import {
  checkCode,
  checkMfaSettings,
  confirmEnrolment,
  factorOf,
  isEnrolled,
  recoveryCodesLeft,
  removeFactor,
  renewRecoveryCodes,
  startEnrolment,
  type CodeCheck,
} from './factors';
import { endSessions, markPassed, sessionState } from './sessions';
import { guardStaffLog, logStaff, type StaffMember } from './log';
import { SECOND_FACTOR_PREFIX } from './gate';
import { STAFF_FACTOR } from '../content-types';

const handler = (action: string) => `api::staff-factor.second-factor.${action}`;

export const secondFactorRoutes: AdminRoute[] = [
  // Open before the second factor (see gate.ts): where the session stands, enrolment, the code.
  { method: 'GET', path: '/status', handler: handler('status'), config: ADMIN_ONLY },
  { method: 'POST', path: '/enrolment', handler: handler('startEnrolment'), config: ADMIN_ONLY },
  { method: 'POST', path: '/enrolment/confirm', handler: handler('confirmEnrolment'), config: ADMIN_ONLY },
  { method: 'POST', path: '/verify', handler: handler('verify'), config: ADMIN_ONLY },
  // After it.
  { method: 'POST', path: '/recovery-codes', handler: handler('renewRecoveryCodes'), config: ADMIN_ONLY },
  { method: 'GET', path: '/users', handler: handler('users'), config: ADMIN_ONLY },
  { method: 'DELETE', path: '/users/:id', handler: handler('reset'), config: ADMIN_ONLY },
];

export function registerStaffSignIn(strapi: Core.Strapi) {
  guardStaffLog(strapi);
}

export function startStaffSignIn(strapi: Core.Strapi) {
  checkMfaSettings();
  addAdminRoutes(strapi, SECOND_FACTOR_PREFIX, secondFactorRoutes);
}

let limiters: { account: LockoutLimiter; ip: LockoutLimiter } | null = null;
/** Attempts at a code, per account and per IP, counted in Redis across instances (tests reset them). */
export const attemptLimiters = () => (limiters ??= { account: createLockoutLimiter(LOCKOUTS.adminMfaAccount), ip: createLockoutLimiter(LOCKOUTS.adminMfaIp) });

export interface Caller {
  user: StaffMember;
  sessionId: string;
  ip: string;
}

const minutes = (seconds: number) => {
  const count = Math.max(1, Math.ceil(seconds / 60));
  return count === 1 ? '1 minut' : `${count} minutter`;
};

const REFUSALS: Record<Exclude<CodeCheck, { ok: true }>['reason'], string> = {
  wrong: 'Koden er forkert. Tjek at uret på din telefon går rigtigt, og prøv igen.',
  used: 'Koden er allerede brugt. Vent på den næste kode i appen.',
  'no-enrolment': 'Der er ingen opsætning at bekræfte. Start opsætningen af totrinsbekræftelse forfra.',
};

/**
 * One attempt at a code, counted per account and per IP before it is checked (so parallel guesses
 * count too): refused with 429 while either is locked out; a lock-out and every wrong code are logged.
 */
async function attempt(strapi: Core.Strapi, caller: Caller, check: () => Promise<CodeCheck>): Promise<CodeCheck & { ok: true }> {
  const { account, ip } = attemptLimiters();
  const [byAccount, byIp] = await Promise.all([account.attempt(String(caller.user.id)), ip.attempt(caller.ip)]);
  if (!byAccount.allowed || !byIp.allowed) {
    const retryAfter = Math.max(byAccount.retryAfter, byIp.retryAfter);
    if (byAccount.lockStarted || byIp.lockStarted) {
      const detail = `i ${minutes(loadAdminMfaSettings().lockoutSeconds)}${byAccount.lockStarted ? '' : ' (IP-adressen)'}`;
      await logStaff(strapi, { kind: 'locked_out', user: caller.user, ip: caller.ip, detail });
    }
    throw new errors.RateLimitError(`For mange forkerte koder. Prøv igen om ${minutes(retryAfter)}.`, { retryAfter });
  }
  const result = await check();
  if (!result.ok) {
    if (result.reason !== 'no-enrolment') await logStaff(strapi, { kind: 'factor_refused', user: caller.user, ip: caller.ip });
    throw new errors.ValidationError(REFUSALS[result.reason], { errors: [{ path: ['code'], message: REFUSALS[result.reason], name: 'ValidationError' }] });
  }
  await account.clear(String(caller.user.id));
  await markPassed(strapi, caller.sessionId);
  return result;
}

/** Where the caller's session stands; `mode` is ADMIN_MFA. */
export async function status(strapi: Core.Strapi, caller: Caller) {
  const factor = await factorOf(strapi, caller.user.id);
  const session = await sessionState(strapi, caller.sessionId);
  return { mode: loadAdminMfaSettings().mode, enrolled: isEnrolled(factor), passed: Boolean(session?.passed), recoveryCodesLeft: recoveryCodesLeft(factor) };
}

/** With a factor already set up, a new app (re-enrolment) only from a session that passed the current one. */
async function checkMayEnrol(strapi: Core.Strapi, caller: Caller) {
  const current = await status(strapi, caller);
  if (current.enrolled && !current.passed) {
    throw new errors.ForbiddenError('Bekræft først dit login med din nuværende kode; derefter kan du opsætte en ny app.');
  }
}

export async function beginEnrolment(strapi: Core.Strapi, caller: Caller) {
  await checkMayEnrol(strapi, caller);
  return startEnrolment(strapi, caller.user);
}

export async function finishEnrolment(strapi: Core.Strapi, caller: Caller, code: string) {
  await checkMayEnrol(strapi, caller);
  const result = await attempt(strapi, caller, () => confirmEnrolment(strapi, caller.user.id, code));
  await logStaff(strapi, { kind: 'enrolled', user: caller.user, ip: caller.ip });
  return { recoveryCodes: result.recoveryCodes ?? [] };
}

export async function verify(strapi: Core.Strapi, caller: Caller, code: string) {
  const result = await attempt(strapi, caller, () => checkCode(strapi, caller.user.id, code));
  await logStaff(strapi, { kind: result.usedRecoveryCode ? 'recovery_code_used' : 'factor_passed', user: caller.user, ip: caller.ip });
  return { passed: true, recoveryCodesLeft: recoveryCodesLeft(await factorOf(strapi, caller.user.id)) };
}

export async function newRecoveryCodes(strapi: Core.Strapi, caller: Caller) {
  const codes = await renewRecoveryCodes(strapi, caller.user.id);
  if (!codes) throw new errors.ValidationError('Du har ikke opsat totrinsbekræftelse endnu.');
  await logStaff(strapi, { kind: 'recovery_codes_renewed', user: caller.user, ip: caller.ip });
  return { recoveryCodes: codes };
}

/** Every staff account and whether it has a second factor (for those who may manage users). */
export async function staffFactors(strapi: Core.Strapi) {
  const users = (await strapi.db.query('admin::user').findMany({ orderBy: { id: 'asc' } })) as (StaffMember & { isActive?: boolean })[];
  const factors = (await strapi.db.query(STAFF_FACTOR).findMany({ select: ['userId', 'enrolledAt'] })) as { userId: number; enrolledAt: string | null }[];
  const enrolledAt = new Map(factors.map((factor) => [factor.userId, factor.enrolledAt]));
  return users.map((user) => ({
    id: user.id,
    name: [user.firstname, user.lastname].filter(Boolean).join(' ') || user.username || user.email,
    email: user.email,
    active: user.isActive !== false,
    enrolledAt: enrolledAt.get(user.id) ?? null,
  }));
}

/** An administrator resets another account's factor: it is removed, the account's sessions end, and its next sign-in enrols again. */
export async function resetFactor(strapi: Core.Strapi, caller: Caller, userId: number) {
  const user = (await strapi.db.query('admin::user').findOne({ where: { id: userId } })) as StaffMember | null;
  if (!user) throw new errors.NotFoundError('Brugeren findes ikke.');
  await removeFactor(strapi, userId);
  await endSessions(strapi, userId);
  await attemptLimiters().account.clear(String(userId));
  await logStaff(strapi, { kind: 'factor_reset', user, actor: caller.user, ip: caller.ip });
}
