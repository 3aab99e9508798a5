import { cmsSettings } from '@borgerraadgiver/config';

export default () => {
  const settings = cmsSettings().strapi;
  return {
    host: settings.host,
    port: settings.port,
    // Unset CMS_URL: Strapi works out its own address.
    url: settings.url,
    app: { keys: settings.appKeys },
    // Behind the reverse proxy: the client's IP (per-IP limits, audit) is the address it added.
    proxy: { koa: settings.trustProxy, maxIpsCount: 1 },
    // Daily reporting checks (ongoing status, report reminders) run as Strapi cron tasks.
    cron: { enabled: settings.cronEnabled },
  };
};
