/**
 * Per-IP rate limits of the public endpoints and forms, counted in Redis (rate-limiter-flexible),
 * so every CMS and site instance shares one count per citizen. While Redis cannot be reached the
 * count falls back to this process's memory (the limiter's insurance), so a Redis outage never
 * refuses a citizen's complaint.
 */
import IORedis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { loadAdminMfaSettings, loadRateLimitSettings } from './settings';

type Env = Record<string, string | undefined>;

/** One limit: how many requests per key within the window. */
export interface RateLimitRule {
  /** Names the counter in Redis, e.g. "public-complaint". */
  name: string;
  /** Requests allowed per window; read on every call, so an operator's change applies at once. */
  points: () => number;
  windowSeconds: number;
}

export interface RateLimiter {
  /** Counts one request for `key` (an IP). Resolves null when allowed, else the seconds until the next is allowed. */
  hit(key: string): Promise<number | null>;
  /** Forgets every count of this limit (tests). */
  reset(): Promise<void>;
}

/** The per-IP limits; each instance counts into the same Redis keys. */
export const RATE_LIMITS = {
  /** POST /api/public/complaints: PUBLIC_COMPLAINT_RATE_LIMIT per IP per 10 minutes (default 30). */
  publicComplaint: { name: 'public-complaint', points: () => loadRateLimitSettings().publicComplaint, windowSeconds: 600 },
  /** GET and POST /api/public/statements/:token: PUBLIC_STATEMENT_RATE_LIMIT per IP per minute (default 30). */
  publicStatement: { name: 'public-statement', points: () => loadRateLimitSettings().publicStatement, windowSeconds: 60 },
  /** The site's form POSTs: SITE_FORM_RATE_LIMIT per IP per 10 minutes (default 20). */
  siteForm: { name: 'site-form', points: () => loadRateLimitSettings().siteForm, windowSeconds: 600 },
} satisfies Record<string, RateLimitRule>;

interface Connection {
  redis: IORedis;
  /** Settles once the first connection is ready, or after a second: the only time a hit waits for Redis. */
  firstAttempt: Promise<void>;
}
const connections = new Map<string, Connection>();

/** One Redis connection per URL and process; commands fail at once while it is down (and the insurance counts). */
function redisFor(url: string): Connection {
  let connection = connections.get(url);
  if (!connection) {
    const redis = new IORedis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      retryStrategy: (times) => Math.min(times * 500, 5000),
    });
    // Reconnects by itself; the insurance limiter counts meanwhile.
    redis.on('error', () => undefined);
    const firstAttempt = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 1000);
      timer.unref();
      redis.once('ready', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    connection = { redis, firstAttempt };
    connections.set(url, connection);
  }
  return connection;
}

/** Closes the shared Redis connections (at shutdown, so the process can exit). */
export async function closeRateLimiters(): Promise<void> {
  const open = [...connections.values()];
  connections.clear();
  await Promise.all(open.map(({ redis }) => redis.quit().catch(() => redis.disconnect())));
}

/** One rate-limiter-flexible limiter in Redis (with its in-memory insurance) per name and numbers, kept for the process. */
function storeLimiter(env: Env, name: string, points: number, windowSeconds: number, blockSeconds = 0) {
  const settings = loadRateLimitSettings(env);
  const keyPrefix = `${settings.keyPrefix}:rate-limit:${name}`;
  const connection = redisFor(settings.redisUrl);
  const memoKey = `${settings.redisUrl} ${keyPrefix} ${points} ${windowSeconds} ${blockSeconds}`;
  let limiter = limiters.get(memoKey);
  if (!limiter) {
    const numbers = { keyPrefix, points, duration: windowSeconds, blockDuration: blockSeconds };
    limiter = new RateLimiterRedis({ storeClient: connection.redis, ...numbers, insuranceLimiter: new RateLimiterMemory(numbers) });
    limiters.set(memoKey, limiter);
  }
  return { limiter, connection, keyPrefix };
}
const limiters = new Map<string, RateLimiterRedis>();

/** Forgets every count under `keyPrefix`, in Redis and in the insurance limiters' memory (tests). */
async function forgetAll({ connection, keyPrefix }: { connection: Connection; keyPrefix: string }) {
  await connection.firstAttempt;
  const keys = await connection.redis.keys(`${keyPrefix}:*`).catch(() => [] as string[]);
  if (keys.length) await connection.redis.del(...keys).catch(() => undefined);
  for (const memoKey of [...limiters.keys()]) if (memoKey.split(' ')[1] === keyPrefix) limiters.delete(memoKey);
}

/**
 * A limiter for `rule` in the Redis at REDIS_URL, its keys under the installation's prefix
 * (OUTBOX_QUEUE_PREFIX, default "borgerraadgiver"), so tests and installations sharing a Redis
 * never count together.
 */
export function createRateLimiter(rule: RateLimitRule, env: Env = process.env): RateLimiter {
  const current = () => storeLimiter(env, rule.name, rule.points(), rule.windowSeconds);
  return {
    async hit(key) {
      const { limiter, connection } = current();
      await connection.firstAttempt;
      try {
        await limiter.consume(key || 'unknown');
        return null;
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        throw rejection;
      }
    },
    reset: () => forgetAll(current()),
  };
}

/** A limit that locks a key out once exceeded: the second factor's wrong codes per account and per IP. */
export interface LockoutRule {
  name: string;
  /** Attempts allowed per key within lockSeconds; read on every call. */
  points: () => number;
  /** The window of the count, and how long a key stays locked once it is exceeded. */
  lockSeconds: () => number;
}

export interface Attempt {
  allowed: boolean;
  /** Seconds until the next attempt is allowed (0 when allowed). */
  retryAfter: number;
  /** This attempt was the first refused one: the lock-out starts now (counted atomically in Redis, so once across instances). */
  lockStarted: boolean;
}

export interface LockoutLimiter {
  /** Counts one attempt for `key`. */
  attempt(key: string): Promise<Attempt>;
  /** Forgets the attempts of `key` (a correct code ends an account's count). */
  clear(key: string): Promise<void>;
  /** Forgets every count of this limit (tests). */
  reset(): Promise<void>;
}

/** The second factor's limits (ADMIN_MFA_MAX_ATTEMPTS, ADMIN_MFA_IP_MAX_ATTEMPTS, ADMIN_MFA_LOCKOUT). */
export const LOCKOUTS = {
  adminMfaAccount: { name: 'admin-mfa-account', points: () => loadAdminMfaSettings().maxAttempts, lockSeconds: () => loadAdminMfaSettings().lockoutSeconds },
  adminMfaIp: { name: 'admin-mfa-ip', points: () => loadAdminMfaSettings().ipMaxAttempts, lockSeconds: () => loadAdminMfaSettings().lockoutSeconds },
} satisfies Record<string, LockoutRule>;

export function createLockoutLimiter(rule: LockoutRule, env: Env = process.env): LockoutLimiter {
  const current = () => {
    const points = rule.points();
    const seconds = rule.lockSeconds();
    return { points, ...storeLimiter(env, rule.name, points, seconds, seconds) };
  };
  return {
    async attempt(key) {
      const { limiter, connection, points } = current();
      await connection.firstAttempt;
      try {
        await limiter.consume(key || 'unknown');
        return { allowed: true, retryAfter: 0, lockStarted: false };
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        return { allowed: false, retryAfter: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)), lockStarted: rejection.consumedPoints === points + 1 };
      }
    },
    async clear(key) {
      const { limiter, connection } = current();
      await connection.firstAttempt;
      await limiter.delete(key || 'unknown').catch(() => undefined);
    },
    reset: () => forgetAll(current()),
  };
}
