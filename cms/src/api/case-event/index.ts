/**
 * Module lifecycle of the case journal: the query-level guard (register), the admin routes of the
 * timeline panel and the backfill of cases registered before the journal (bootstrap).
 * The journal's Document Service part is hooked into the case-rules middleware (withJournal).
 */
import type { Core } from '@strapi/strapi';
import { backfillCreatedEvents, guardJournalQueries } from '../../journal';

const ADMIN_ONLY = { policies: ['admin::isAuthenticatedAdmin'] };

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    guardJournalQueries(strapi);
  },
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    strapi.server.routes({
      type: 'admin',
      prefix: '/case-journal',
      routes: [
        { method: 'GET', path: '/:documentId', handler: 'api::case-event.timeline.find', config: ADMIN_ONLY },
        { method: 'GET', path: '/:documentId/csv', handler: 'api::case-event.timeline.csv', config: ADMIN_ONLY },
      ],
    } as any);
    const written = await backfillCreatedEvents(strapi);
    if (written) strapi.log.info(`journal: recorded the creation of ${written} case(s) registered before the journal`);
  },
};
