/**
 * Wiring of the journal into Strapi (called from src/index.ts): the query-level guard at
 * register; the admin routes of the timeline panel and the backfill of cases registered before
 * the journal at bootstrap. Its Document Service middleware is ../document-middlewares/journal.ts.
 */
import type { Core } from '@strapi/strapi';
import { backfillCreatedEvents } from './backfill';
import { guardJournalQueries } from './writer';
import { addAdminRoutes, ADMIN_ONLY } from '../utils/admin-routes';

export function registerJournal(strapi: Core.Strapi) {
  guardJournalQueries(strapi);
}

export async function startJournal(strapi: Core.Strapi) {
  addAdminRoutes(strapi, '/case-journal', [
    { method: 'GET', path: '/:documentId', handler: 'api::case-event.timeline.find', config: ADMIN_ONLY },
    { method: 'GET', path: '/:documentId/csv', handler: 'api::case-event.timeline.csv', config: ADMIN_ONLY },
  ]);
  const written = await backfillCreatedEvents(strapi);
  if (written) strapi.log.info(`journal: recorded the creation of ${written} case(s) registered before the journal`);
}
