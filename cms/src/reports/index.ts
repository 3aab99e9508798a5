/**
 * Reporting's part of the Strapi bootstrap, started and stopped by src/index.ts: admin-only routes
 * under /reports (admin JWT, like the content manager), the indexes of the statistics queries, the
 * ongoing-status check after new inquiries and daily, and the February/August report reminders.
 */
import type { Core } from '@strapi/strapi';
import { TIME_ZONE } from '@borgerraadgiver/config';
import { ensureReportIndexes } from './db/indexes';
import { dailyJobsRule, runOncePerDay } from '../cluster/locks';
import { afterCommit } from '../db/transaction';
import { COMPLAINT, NOTIFICATION } from '../content-types';
import { addAdminRoutes, ADMIN_ONLY, type AdminRoute } from '../utils/admin-routes';

const handler = (action: string) => `api::report.report.${action}`;

export const reportRoutes: AdminRoute[] = [
  { method: 'GET', path: '/statistics', handler: handler('statistics'), config: ADMIN_ONLY },
  { method: 'GET', path: '/statistics/csv', handler: handler('csv'), config: ADMIN_ONLY },
  { method: 'GET', path: '/cases', handler: handler('cases'), config: ADMIN_ONLY },
  { method: 'GET', path: '/document', handler: handler('document'), config: ADMIN_ONLY },
  { method: 'GET', path: '/drafts', handler: handler('getDraft'), config: ADMIN_ONLY },
  { method: 'PUT', path: '/drafts', handler: handler('saveDraft'), config: ADMIN_ONLY },
  { method: 'GET', path: '/overview', handler: handler('overview'), config: ADMIN_ONLY },
  { method: 'POST', path: '/alerts/:documentId/seen', handler: handler('alertSeen'), config: ADMIN_ONLY },
];

/** Checks deferred until after the triggering write has committed; cancelled by stopReports. */
const deferred = new Set<NodeJS.Timeout>();
function defer(task: () => void, ms: number) {
  const timer = setTimeout(() => {
    deferred.delete(timer);
    task();
  }, ms).unref();
  deferred.add(timer);
}

export async function startReports(strapi: Core.Strapi) {
  addAdminRoutes(strapi, '/reports', reportRoutes);

  const service = strapi.service('api::report.report');
  const log = (what: string) => (error: unknown) => strapi.log.warn(`reports: ${what} failed: ${error instanceof Error ? error.message : String(error)}`);

  // Idempotent (IF NOT EXISTS); the statistics are correct without them, only slower.
  await ensureReportIndexes(strapi.db.connection).catch(log('report indexes'));

  // After a new inquiry, once its transaction has committed (coalesced when many arrive at once).
  // The check must not run in the creating write's transaction context: a timer started there
  // inherits it (AsyncLocalStorage) and finds the transaction finished, so it starts from the
  // commit callback, which runs outside it; a rolled-back inquiry triggers nothing.
  let pending = false;
  const afterNewInquiries = () =>
    afterCommit(strapi, () => {
      if (pending) return;
      pending = true;
      defer(() => {
        pending = false;
        if (!strapi.db?.connection) return;
        service.checkOngoingStatus().catch(log('ongoing status check'));
      }, 1000);
    });
  // One or many (an import's bulk insert) at once.
  strapi.db.lifecycles.subscribe({ models: [COMPLAINT], afterCreate: afterNewInquiries, afterCreateMany: afterNewInquiries });
  // When a reminder has gone out, plan the next one.
  strapi.db.lifecycles.subscribe({
    models: [NOTIFICATION],
    afterUpdate(event: { result?: { kind?: string; deliveryStatus?: string } | null }) {
      if (event.result?.kind === 'report_reminder' && event.result?.deliveryStatus === 'sent') {
        defer(() => service.ensureReportReminders().catch(log('report reminders')), 0);
      }
    },
  });
  // Daily, for episodes that end by time passing (runs when cron is enabled in config/server),
  // once per day across all instances.
  strapi.cron.add({
    reportsDaily: {
      task: () => runReportsDaily(strapi),
      options: { rule: dailyJobsRule(), tz: TIME_ZONE },
    },
  });

  await service.ensureReportReminders().catch(log('report reminders'));
  await service.checkOngoingStatus().catch(log('ongoing status check'));
}

/** The daily reporting work; each job once per local date across instances, each failure logged. */
export async function runReportsDaily(strapi: Core.Strapi, now = new Date()) {
  const service = strapi.service('api::report.report');
  const log = (what: string) => (error: unknown) => strapi.log.warn(`reports: daily ${what} failed: ${error instanceof Error ? error.message : String(error)}`);
  return {
    ongoingStatus: await runOncePerDay(strapi, 'ongoing-status', () => service.checkOngoingStatus(now), now).catch(log('ongoing status check')),
    reportReminders: await runOncePerDay(strapi, 'report-reminders', () => service.ensureReportReminders(now), now).catch(log('report reminders')),
  };
}

/** Cancels the deferred checks; Strapi itself stops the cron job and the lifecycle subscriptions. */
export function stopReports() {
  for (const timer of deferred) clearTimeout(timer);
  deferred.clear();
}
