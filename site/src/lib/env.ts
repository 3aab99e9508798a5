/** Runtime settings, read from the environment on every call so tests and operators can change them. */
const trimSlash = (url: string) => url.replace(/\/+$/, '');
const num = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value >= 0 ? value : fallback;
};

export const env = {
  cmsUrl: () => trimSlash(process.env.CMS_URL || 'http://localhost:1337'),
  publicSiteUrl: () => trimSlash(process.env.PUBLIC_SITE_URL || 'http://localhost:4321'),
  /** How long the site keeps the CMS texts before asking again (the advisor sees edits within this). */
  contentTtlMs: () => num('SITE_CONTENT_TTL_MS', 60_000),
  /** Trust X-Forwarded-For from a reverse proxy for the client IP. */
  trustProxy: () => process.env.TRUST_PROXY === 'true',
  cmsTimeoutMs: () => num('CMS_TIMEOUT_MS', 8_000),
  /** Shared with the CMS so it rate-limits by the citizen's IP, not the site server's. */
  siteApiSecret: () => process.env.SITE_API_SECRET || '',
};
