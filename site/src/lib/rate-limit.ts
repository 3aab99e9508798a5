/** The form POSTs' per-IP limit, counted in Redis and so shared by every site instance (RATE_LIMITS.siteForm in config). */
import { createRateLimiter, RATE_LIMITS, type RateLimiter } from '@borgerraadgiver/config';

let limiter: RateLimiter | null = null;

export async function allowPost(ip: string): Promise<boolean> {
  return (await (limiter ??= createRateLimiter(RATE_LIMITS.siteForm)).hit(ip)) === null;
}
