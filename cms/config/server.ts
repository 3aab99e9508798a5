import type { Core } from '@strapi/strapi';
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('CMS_URL', ''),
  app: { keys: env.array('APP_KEYS') },
  // Daily reporting checks (ongoing status, report reminders) run as Strapi cron tasks.
  cron: { enabled: env.bool('CRON_ENABLED', true) },
});
