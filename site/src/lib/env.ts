/**
 * Runtime settings (config/src/settings.ts), read from the environment on every call so tests and
 * operators can change them; a bad value throws naming the variable.
 */
import { loadSiteSettings } from '@borgerraadgiver/config';

export const env = {
  cmsUrl: () => loadSiteSettings().cmsUrl,
  publicSiteUrl: () => loadSiteSettings().publicSiteUrl,
  /** How long the site keeps the CMS texts before asking again (the advisor sees edits within this). */
  contentTtlMs: () => loadSiteSettings().contentTtlMs,
  /** Trust X-Forwarded-For from a reverse proxy for the client IP. */
  trustProxy: () => loadSiteSettings().trustProxy,
  cmsTimeoutMs: () => loadSiteSettings().cmsTimeoutMs,
  /** Shared with the CMS so it rate-limits by the citizen's IP, not the site server's. */
  siteApiSecret: () => loadSiteSettings().siteApiSecret,
};
