/** The second factor's codes (cms/src/staff-sign-in/codes.ts): TOTP steps, sealing, recovery codes. */
import { authenticator } from 'otplib';
import {
  groupedKey,
  isRecoveryCode,
  matchCode,
  newRecoveryCodes,
  newSecret,
  otpauthUri,
  recoveryCodeHash,
  seal,
  unseal,
} from '../../cms/src/staff-sign-in/codes';

const secret = newSecret();
const now = Date.UTC(2026, 11, 5, 23, 0, 10);
const step = Math.floor(now / 30_000);
const codeAt = (offsetSteps: number) => authenticator.clone({ epoch: now + offsetSteps * 30_000 }).generate(secret);
const key = 'k'.repeat(44);

test.each`
  offset | expected
  ${0}   | ${step}
  ${-1}  | ${step - 1}
  ${1}   | ${step + 1}
  ${-2}  | ${null}
  ${2}   | ${null}
`('a code $offset step(s) off matches $expected', ({ offset, expected }) => {
  expect(matchCode(secret, codeAt(offset), null, now)).toBe(expected);
});

test('a code at or before the last used step is refused; malformed codes never match', () => {
  expect(matchCode(secret, codeAt(0), step, now)).toBeNull();
  expect(matchCode(secret, codeAt(-1), step, now)).toBeNull();
  expect(matchCode(secret, codeAt(1), step, now)).toBe(step + 1);
  expect(matchCode(secret, ` ${codeAt(0).slice(0, 3)} ${codeAt(0).slice(3)} `, null, now)).toBe(step);
  for (const bad of ['', '12345', '1234567', 'abcdef']) expect(matchCode(secret, bad, null, now)).toBeNull();
});

test('the secret is 160 bits of Base32, shown in groups, and in an otpauth address', () => {
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  expect(groupedKey(secret).split(' ')).toHaveLength(8);
  const uri = new URL(otpauthUri(secret, 'birgit@lejre.dk', 'Borgerrådgiveren Lejre'));
  expect(uri.protocol).toBe('otpauth:');
  expect(uri.searchParams.get('secret')).toBe(secret);
});

test('a sealed secret opens only with the same key and for the same account', () => {
  const sealed = seal(secret, key, 7);
  expect(sealed).not.toContain(secret);
  expect(seal(secret, key, 7)).not.toBe(sealed);
  expect(unseal(sealed, key, 7)).toBe(secret);
  expect(() => unseal(sealed, key, 8)).toThrow();
  expect(() => unseal(sealed, 'x'.repeat(44), 7)).toThrow();
});

test('ten distinct recovery codes; their keyed hash ignores case and separators', () => {
  const codes = newRecoveryCodes();
  expect(new Set(codes).size).toBe(10);
  for (const code of codes) {
    expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect(isRecoveryCode(code)).toBe(true);
  }
  expect(recoveryCodeHash(codes[0].toUpperCase().replace(/-/g, ' '), key)).toBe(recoveryCodeHash(codes[0], key));
  expect(recoveryCodeHash(codes[0], 'y'.repeat(44))).not.toBe(recoveryCodeHash(codes[0], key));
  expect(isRecoveryCode('123456')).toBe(false);
});
