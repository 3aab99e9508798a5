import { timingSafeEqual } from 'crypto';
import { loadStrapiSettings } from '@borgerraadgiver/config';

/** Headers with which the public site tells the CMS which citizen's or center's IP it acts for. */
export const CLIENT_IP_HEADER = 'x-borgerraadgiver-client-ip';
export const SITE_SECRET_HEADER = 'x-borgerraadgiver-site-secret';

const matches = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * The IP a public request is limited and audited by: the site's forwarded client IP when the
 * request carries the shared SITE_API_SECRET, otherwise the connecting address. Without this,
 * every citizen using the site would share the site server's rate limit.
 */
export function clientIp(ctx: { request: { ip: string }; get(name: string): string }, secret: string | null = loadStrapiSettings().siteApiSecret): string {
  const forwarded = ctx.get(CLIENT_IP_HEADER);
  const given = ctx.get(SITE_SECRET_HEADER);
  if (secret && forwarded && given && matches(given, secret) && forwarded.length <= 64) return forwarded;
  return ctx.request.ip;
}
