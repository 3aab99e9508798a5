/**
 * The per-IP limits are counted in Redis: two limiters (as in two CMS or site processes) share
 * one count; while Redis cannot be reached each process counts on its own instead of refusing.
 */
import { createLockoutLimiter, createRateLimiter, closeRateLimiters, type RateLimitRule } from '@borgerraadgiver/config';
import { deletePrefix, redisUrl, uniquePrefix } from '../helpers/redis';

const prefix = uniquePrefix('rate-limit');
const rule: RateLimitRule = { name: 'test', points: () => 3, windowSeconds: 60 };

afterAll(async () => {
  await closeRateLimiters();
  await deletePrefix(prefix);
});

test('two processes share one count per IP; other IPs are counted apart', async () => {
  const env = { REDIS_URL: redisUrl(), OUTBOX_QUEUE_PREFIX: prefix };
  const [a, b] = [createRateLimiter(rule, env), createRateLimiter(rule, env)];
  const results = [await a.hit('198.51.100.1'), await b.hit('198.51.100.1'), await a.hit('198.51.100.1'), await b.hit('198.51.100.1')];
  expect(results.slice(0, 3)).toEqual([null, null, null]);
  expect(results[3]).toBeGreaterThan(55);
  expect(results[3]).toBeLessThanOrEqual(60);
  expect(await a.hit('198.51.100.2')).toBeNull();
  await a.reset();
  expect(await b.hit('198.51.100.1')).toBeNull();
});

test('with Redis unreachable the limit is counted in memory, so requests are still answered', async () => {
  const limiter = createRateLimiter(rule, { REDIS_URL: 'redis://127.0.0.1:1', OUTBOX_QUEUE_PREFIX: prefix });
  const results = [];
  for (let i = 0; i < 4; i++) results.push(await limiter.hit('198.51.100.3'));
  expect(results.slice(0, 3)).toEqual([null, null, null]);
  expect(results[3]).toBeGreaterThan(0);
});

test('a lock-out (wrong second-factor codes) is shared by two processes, starts once under concurrent attempts, and ends', async () => {
  const env = { REDIS_URL: redisUrl(), OUTBOX_QUEUE_PREFIX: prefix };
  const lockout = { name: 'test-lockout', points: () => 3, lockSeconds: () => 2 };
  const [a, b] = [createLockoutLimiter(lockout, env), createLockoutLimiter(lockout, env)];
  const attempts = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).attempt('account-1')));
  expect(attempts.filter((attempt) => attempt.allowed)).toHaveLength(3);
  expect(attempts.filter((attempt) => attempt.lockStarted)).toHaveLength(1);
  expect(Math.max(...attempts.map((attempt) => attempt.retryAfter))).toBeLessThanOrEqual(2);
  expect((await a.attempt('account-2')).allowed).toBe(true);
  await new Promise((resolve) => setTimeout(resolve, 2300));
  expect(await b.attempt('account-1')).toEqual({ allowed: true, retryAfter: 0, lockStarted: false });
  // A correct code clears the account's count.
  await a.attempt('account-3');
  await a.attempt('account-3');
  await b.clear('account-3');
  for (let i = 0; i < 3; i++) expect((await a.attempt('account-3')).allowed).toBe(true);
});
