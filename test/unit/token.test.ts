import { hashToken, isWellFormedToken, mintToken, statementLink, tokenMatches, TOKEN_BYTES } from '../../cms/src/outbox/token';

test('a minted token has 256 random bits, base64url, and only its SHA-256 hash is meant for storage', () => {
  const { token, hash } = mintToken();
  expect(TOKEN_BYTES * 8).toBeGreaterThanOrEqual(256);
  expect(Buffer.from(token, 'base64url')).toHaveLength(32);
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(hash).toMatch(/^[0-9a-f]{64}$/);
  expect(hash).toBe(hashToken(token));
  expect(hash).not.toContain(token);
});

test('tokens are unique per email', () => {
  const tokens = new Set(Array.from({ length: 1000 }, () => mintToken().token));
  expect(tokens.size).toBe(1000);
});

test('matching is by hash, and malformed tokens never match', () => {
  const { token, hash } = mintToken();
  expect(tokenMatches(token, hash)).toBe(true);
  expect(tokenMatches(mintToken().token, hash)).toBe(false);
  expect(tokenMatches(token.slice(1), hash)).toBe(false);
  expect(tokenMatches(token, null)).toBe(false);
  expect(isWellFormedToken('../../etc/passwd')).toBe(false);
  expect(isWellFormedToken(42)).toBe(false);
});

test('the link points at the public site', () => {
  expect(statementLink('https://borgerraadgiver.lejre.dk/', 'abc')).toBe('https://borgerraadgiver.lejre.dk/redegoerelse/abc');
});
