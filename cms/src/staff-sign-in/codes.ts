/**
 * The second factor's cryptography, without Strapi: TOTP (RFC 6238, otplib's authenticator: SHA-1, six digits,
 * 30-second steps, ±1 step of clock skew), the stored secret sealed with AES-256-GCM under
 * ADMIN_MFA_KEY (bound to its account, so a sealed secret copied to another row does not open),
 * and the recovery codes, stored only as keyed hashes.
 */
import crypto from 'crypto';
import { authenticator } from 'otplib';

const PERIOD_SECONDS = 30;
export const RECOVERY_CODE_COUNT = 10;

/** A new TOTP secret: 160 random bits, Base32 (the manual key of authenticator apps). */
export function newSecret(): string {
  return authenticator.generateSecret(20);
}

/** The otpauth:// address the QR code holds. */
export function otpauthUri(secret: string, account: string, issuer: string): string {
  return authenticator.keyuri(account, issuer, secret);
}

/** The Base32 key in groups of four, as it is typed into an app. */
export function groupedKey(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * The time step a six-digit `code` matches within ±1 step of `now`, or null. With `afterTimeStep`
 * (the step of the last code used) every step up to it is refused: a code works once.
 */
export function matchCode(secret: string, code: string, afterTimeStep: number | null, now = Date.now()): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = authenticator.clone({ epoch: now, step: PERIOD_SECONDS, window: 1 }).checkDelta(token, secret);
  if (delta === null) return null;
  const step = Math.floor(now / 1000 / PERIOD_SECONDS) + delta;
  return afterTimeStep === null || step > afterTimeStep ? step : null;
}

const subkey = (key: string, purpose: string) => Buffer.from(crypto.hkdfSync('sha256', key, 'borgerraadgiver', purpose, 32));

/** `plain` sealed for one account: "v1." + Base64url(iv | tag | ciphertext). */
export function seal(plain: string, key: string, account: number): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', subkey(key, 'totp-secret'), iv);
  cipher.setAAD(Buffer.from(`account:${account}`));
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `v1.${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url')}`;
}

/** Opens what `seal` sealed for the same account; throws when the key or the account differs. */
export function unseal(sealed: string, key: string, account: number): string {
  if (!sealed.startsWith('v1.')) throw new Error('unknown sealed format');
  const raw = Buffer.from(sealed.slice(3), 'base64url');
  const decipher = crypto.createDecipheriv('aes-256-gcm', subkey(key, 'totp-secret'), raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(`account:${account}`));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

// No 0/o, 1/l/i: a code read from paper is typed without doubt.
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten recovery codes of twelve characters (about 59 bits each), shown as "abcd-efgh-jkmn". */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 12 }, () => RECOVERY_ALPHABET[crypto.randomInt(RECOVERY_ALPHABET.length)]).join('');
    return chars.replace(/(.{4})(?=.)/g, '$1-');
  });
}

/** A recovery code's stored form: keyed with ADMIN_MFA_KEY, so a copy of the database alone cannot test guesses. */
export function recoveryCodeHash(code: string, key: string): string {
  const normalised = code.toLowerCase().replace(/[^a-z0-9]/g, '');
  return crypto.createHmac('sha256', subkey(key, 'recovery-code')).update(normalised).digest('hex');
}

/** Whether `code` looks like a recovery code rather than a six-digit one-time code. */
export const isRecoveryCode = (code: string) => code.replace(/[^a-z0-9]/gi, '').length === 12;
