/**
 * Fixed-window in-memory counter per key (one CMS process). Enough against a script hammering
 * the public intake; a cluster would move this to Redis.
 */
export class RateLimiter {
  private hits = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly windowMs: number) {}

  /** Counts one hit and tells whether the key is still within max hits per window. */
  hit(key: string, max: number, now = Date.now()): boolean {
    if (this.hits.size > 10000) this.prune(now);
    const entry = this.hits.get(key);
    if (!entry || entry.resetAt <= now) {
      this.hits.set(key, { count: 1, resetAt: now + this.windowMs });
      return true;
    }
    entry.count += 1;
    return entry.count <= max;
  }

  reset() {
    this.hits.clear();
  }

  private prune(now: number) {
    for (const [key, entry] of this.hits) if (entry.resetAt <= now) this.hits.delete(key);
  }
}
