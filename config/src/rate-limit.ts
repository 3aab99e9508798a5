/**
 * Per-IP rate limits of the public endpoints and forms, counted in Redis (rate-limiter-flexible),
 * so every CMS and site instance shares one count per citizen. While Redis cannot be reached the
 * count falls back to this process's memory (the limiter's insurance), so a Redis outage never
 * refuses a citizen's complaint.
 */
import IORedis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { loadRateLimitSettings } from './settings';

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

/**
 * A limiter for `rule` in the Redis at REDIS_URL, its keys under the installation's prefix
 * (OUTBOX_QUEUE_PREFIX, default "borgerraadgiver"), so tests and installations sharing a Redis
 * never count together.
 */
export function createRateLimiter(rule: RateLimitRule, env: Env = process.env): RateLimiter {
  const settings = loadRateLimitSettings(env);
  const redisUrl = settings.redisUrl;
  const keyPrefix = `${settings.keyPrefix}:rate-limit:${rule.name}`;
  const byPoints = new Map<number, RateLimiterRedis>();
  const limiterFor = (points: number) => {
    let limiter = byPoints.get(points);
    if (!limiter) {
      limiter = new RateLimiterRedis({
        storeClient: redisFor(redisUrl).redis,
        keyPrefix,
        points,
        duration: rule.windowSeconds,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration: rule.windowSeconds }),
      });
      byPoints.set(points, limiter);
    }
    return limiter;
  };
  return {
    async hit(key) {
      await redisFor(redisUrl).firstAttempt;
      try {
        await limiterFor(rule.points()).consume(key || 'unknown');
        return null;
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        throw rejection;
      }
    },
    async reset() {
      const { redis } = redisFor(redisUrl);
      await redisFor(redisUrl).firstAttempt;
      const keys = await redis.keys(`${keyPrefix}:*`).catch(() => [] as string[]);
      if (keys.length) await redis.del(...keys).catch(() => undefined);
      byPoints.clear(); // and with them the insurance limiters' in-memory counts
    },
  };
}
