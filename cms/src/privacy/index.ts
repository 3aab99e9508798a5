/**
 * Privacy in Strapi (started from cms/src/index.ts): the admin routes under /privacy (SPEC §3;
 * admin JWT and a role that may read and change the citizen's identity, i.e. the advisor's, not
 * the assistant's: api/privacy/policies/may-handle-identity.ts) and the daily retention run.
 */
import type { Core } from '@strapi/strapi';
import { TIME_ZONE } from '@borgerraadgiver/config';
import { dailyJobsRule, runOncePerDay } from '../cluster/locks';
import { addAdminRoutes, ADMIN_ONLY, type AdminRoute } from '../utils/admin-routes';

const handler = (action: string) => `api::privacy.privacy.${action}`;
const policies = (verb: 'read' | 'update') => ({ policies: [...ADMIN_ONLY.policies, { name: 'api::privacy.may-handle-identity', config: { verb } }] });

export const privacyRoutes: AdminRoute[] = [
  // Which privacy functions the signed-in user may use, so the admin shows only those.
  { method: 'GET', path: '/access', handler: handler('access'), config: ADMIN_ONLY },
  { method: 'GET', path: '/export/:documentId', handler: handler('export'), config: policies('read') },
  { method: 'GET', path: '/matches/:documentId', handler: handler('matches'), config: policies('read') },
  { method: 'POST', path: '/anonymise/:documentId', handler: handler('anonymise'), config: policies('update') },
  { method: 'GET', path: '/retention', handler: handler('retention'), config: policies('update') },
  { method: 'POST', path: '/retention/:documentId/postpone', handler: handler('postpone'), config: policies('update') },
];

/**
 * The daily retention run, once per local date across all instances. Resolves with the case
 * numbers it anonymised, or null when another instance has had today's run.
 */
export async function runPrivacyDaily(strapi: Core.Strapi, now = new Date()): Promise<string[] | null> {
  let anonymised: string[] | null = null;
  await runOncePerDay(
    strapi,
    'privacy-retention',
    async () => {
      anonymised = await strapi.service('api::privacy.privacy').runRetention(now);
    },
    now,
  );
  return anonymised;
}

export function startPrivacy(strapi: Core.Strapi) {
  addAdminRoutes(strapi, '/privacy', privacyRoutes);
  strapi.cron.add({
    privacyRetention: {
      task: () =>
        runPrivacyDaily(strapi).catch((error) => strapi.log.warn(`privacy: retention run failed: ${error instanceof Error ? error.message : String(error)}`)),
      options: { rule: dailyJobsRule(), tz: TIME_ZONE },
    },
  });
}
