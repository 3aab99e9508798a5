/**
 * Each staff account's second factor (api::staff-factor.staff-factor, one row per admin user):
 * enrolment, the check of a one-time or recovery code, renewal and reset. Every change is a
 * compare-and-set on the row's version, so two requests with the same code (on one instance or
 * two) cannot both succeed: a code and a recovery code work once.
 */
import type { Core, UID } from '@strapi/strapi';
import QRCode from 'qrcode';
import { loadAdminMfaSettings, loadMunicipality, SettingsError } from '@borgerraadgiver/config';
import { STAFF_FACTOR } from '../content-types';
import { groupedKey, isRecoveryCode, matchCode, newRecoveryCodes, newSecret, otpauthUri, recoveryCodeHash, seal, unseal } from './codes';
import type { StaffMember } from './log';

const uid = STAFF_FACTOR as UID.ContentType;
/** How long a started enrolment waits for its first code. */
const ENROLMENT_VALID_MS = 15 * 60 * 1000;

interface RecoveryCode {
  hash: string;
  usedAt: string | null;
}

interface FactorRow {
  id: number;
  userId: number;
  secret: string | null;
  enrolledAt: string | null;
  pendingSecret: string | null;
  pendingAt: string | null;
  lastTimeStep: string | number | null;
  recoveryCodes: RecoveryCode[] | null;
  version: number;
}

/** ADMIN_MFA_KEY; the CMS refuses to start without it unless ADMIN_MFA=off (checkMfaSettings). */
function key(): string {
  const value = loadAdminMfaSettings().key;
  if (!value) throw new SettingsError([{ variable: 'ADMIN_MFA_KEY', message: 'must be set (at least 32 characters) unless ADMIN_MFA=off' }]);
  return value;
}

/** At start: the mode is valid and, unless off, the key is there. */
export function checkMfaSettings() {
  if (loadAdminMfaSettings().mode !== 'off') key();
}

export async function factorOf(strapi: Core.Strapi, userId: number): Promise<FactorRow | null> {
  return (await strapi.db.query(uid).findOne({ where: { userId } })) as FactorRow | null;
}

export const isEnrolled = (factor: FactorRow | null): factor is FactorRow & { secret: string } => Boolean(factor?.secret && factor.enrolledAt);

/** Writes `data` if the row is still at `factor.version`; false when another request changed it first. */
async function compareAndSet(strapi: Core.Strapi, factor: FactorRow, data: Partial<FactorRow>): Promise<boolean> {
  const { count } = await strapi.db
    .query(uid)
    .updateMany({ where: { id: factor.id, version: factor.version }, data: { ...data, version: factor.version + 1 } });
  return count === 1;
}

async function rowFor(strapi: Core.Strapi, userId: number): Promise<FactorRow> {
  const existing = await factorOf(strapi, userId);
  if (existing) return existing;
  try {
    return (await strapi.db.query(uid).create({ data: { userId, version: 0 } })) as FactorRow;
  } catch (error) {
    // Two first enrolments at once: the unique userId lets one row through.
    const raced = await factorOf(strapi, userId);
    if (raced) return raced;
    throw error;
  }
}

export interface Enrolment {
  /** The manual key, in groups of four. */
  key: string;
  /** The otpauth:// address, and the same as a QR code (an SVG image as a data: URL). */
  uri: string;
  qrCode: string;
}

/** Starts an enrolment: a new secret waits, sealed, for its first code (an earlier waiting one is replaced). */
export async function startEnrolment(strapi: Core.Strapi, user: StaffMember): Promise<Enrolment> {
  const secret = newSecret();
  for (;;) {
    const factor = await rowFor(strapi, user.id);
    if (await compareAndSet(strapi, factor, { pendingSecret: seal(secret, key(), user.id), pendingAt: new Date().toISOString() })) break;
  }
  const uri = otpauthUri(secret, user.email ?? `bruger-${user.id}`, `Borgerrådgiveren ${loadMunicipality().name}`);
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { key: groupedKey(secret), uri, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

export type CodeCheck = { ok: true; recoveryCodes?: string[]; usedRecoveryCode?: boolean } | { ok: false; reason: 'wrong' | 'used' | 'no-enrolment' };

const newCodes = () => {
  const codes = newRecoveryCodes();
  return { codes, stored: codes.map((code) => ({ hash: recoveryCodeHash(code, key()), usedAt: null })) };
};

/** Confirms a started enrolment with the first code of the app: the new secret replaces any earlier one, with ten new recovery codes. */
export async function confirmEnrolment(strapi: Core.Strapi, userId: number, code: string, now = Date.now()): Promise<CodeCheck> {
  for (;;) {
    const factor = await factorOf(strapi, userId);
    if (!factor?.pendingSecret || !factor.pendingAt || now - new Date(factor.pendingAt).getTime() > ENROLMENT_VALID_MS)
      return { ok: false, reason: 'no-enrolment' };
    const secret = unseal(factor.pendingSecret, key(), userId);
    const step = matchCode(secret, code, null, now);
    if (step === null) return { ok: false, reason: 'wrong' };
    const { codes, stored } = newCodes();
    const enrolled = await compareAndSet(strapi, factor, {
      secret: seal(secret, key(), userId),
      enrolledAt: new Date(now).toISOString(),
      pendingSecret: null,
      pendingAt: null,
      lastTimeStep: step,
      recoveryCodes: stored,
    });
    if (enrolled) return { ok: true, recoveryCodes: codes };
  }
}

/** Checks a one-time code (a step after the last one used) or an unused recovery code, and uses it up. */
export async function checkCode(strapi: Core.Strapi, userId: number, code: string, now = Date.now()): Promise<CodeCheck> {
  for (;;) {
    const factor = await factorOf(strapi, userId);
    if (!isEnrolled(factor)) return { ok: false, reason: 'no-enrolment' };
    if (isRecoveryCode(code)) {
      const hash = recoveryCodeHash(code, key());
      const codes = factor.recoveryCodes ?? [];
      const match = codes.find((entry) => entry.hash === hash);
      if (!match) return { ok: false, reason: 'wrong' };
      if (match.usedAt) return { ok: false, reason: 'used' };
      const usedAt = new Date(now).toISOString();
      if (await compareAndSet(strapi, factor, { recoveryCodes: codes.map((entry) => (entry === match ? { ...entry, usedAt } : entry)) })) {
        return { ok: true, usedRecoveryCode: true };
      }
      continue;
    }
    const secret = unseal(factor.secret, key(), userId);
    const last = factor.lastTimeStep === null ? null : Number(factor.lastTimeStep);
    const step = matchCode(secret, code, last, now);
    if (step === null) return { ok: false, reason: last !== null && matchCode(secret, code, null, now) !== null ? 'used' : 'wrong' };
    if (await compareAndSet(strapi, factor, { lastTimeStep: step })) return { ok: true };
  }
}

/** Ten new recovery codes; the earlier ones stop working. */
export async function renewRecoveryCodes(strapi: Core.Strapi, userId: number): Promise<string[] | null> {
  for (;;) {
    const factor = await factorOf(strapi, userId);
    if (!isEnrolled(factor)) return null;
    const { codes, stored } = newCodes();
    if (await compareAndSet(strapi, factor, { recoveryCodes: stored })) return codes;
  }
}

/** How many recovery codes are left unused. */
export const recoveryCodesLeft = (factor: FactorRow | null) => (factor?.recoveryCodes ?? []).filter((entry) => !entry.usedAt).length;

/** Removes an account's second factor (an administrator's reset): the next sign-in enrols again. */
export async function removeFactor(strapi: Core.Strapi, userId: number): Promise<boolean> {
  const { count } = await strapi.db.query(uid).deleteMany({ where: { userId } });
  return count > 0;
}
