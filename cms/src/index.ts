/**
 * All wiring of the CMS into Strapi, in one place: nothing registers itself from the side.
 */
import type { Core } from '@strapi/strapi';
import { startOutbox, stopOutbox } from './outbox';
import { startPrivacy } from './privacy';
import { startInbox } from './inbox';
import { startReports, stopReports } from './reports';
import { applyTextLimits } from './input/limits';
import { seedBaseData } from './seed/base-data';
import { seedSiteContent } from './seed/site-content';
import { usePrivateStorage } from './documents/storage';
import { closeRateLimiters } from '@borgerraadgiver/config';
import { registerJournal, startJournal } from './journal';
import { bootstrapWorkspace, registerWorkspace } from './api/workspace/bootstrap';
import { registerCustomFields } from './custom-fields';
import { registerStaffSignIn, startStaffSignIn } from './staff-sign-in';
import { startImport } from './import';
import { startSearch, stopSearch } from './search';
import * as documents from './document-middlewares';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    // The text limits of config on the content types, before anything validates.
    applyTextLimits(strapi);
    // The custom fields the content types use (labelled choices, complaint themes).
    registerCustomFields(strapi);
    // The Document Service middlewares (document-middlewares/, one per concern) run in this order,
    // the first outermost.
    for (const middleware of [
      // The input boundary: normalises what is written, refuses orphaning deletes and unreadable
      // search fields, and turns what Strapi or the database refuses into Danish 400s.
      documents.inputBoundary,
      // Concurrency: an update or deletion of case data locks its row first, in the write's
      // transaction, so everything inside reads its before-values under the lock; a write based
      // on an older version than the stored one is refused with 409 (SPEC §3).
      documents.concurrency,
      // The outbox, the access log and incoming e-mails are read-only in the admin panel.
      documents.readOnly,
      // The e-mails: planned, re-planned or cancelled after the inner write returns, inside the
      // same transaction, so nothing is planned for a write that the rules reject.
      documents.statementEmails,
      documents.opinionEmails,
      documents.citizenLink,
      documents.caseClosed,
      documents.calendarReplan,
      documents.notificationDelivery,
      // The journal records every write the case rules let through, in the same transaction, and
      // refuses every other writer of itself.
      documents.journal,
      // The case rules: check every create and update of case data, fill in the derived fields
      // (case number, deadlines) and write, all in one transaction.
      documents.caseRules,
      // The second factor's keys are the sign-in's alone.
      documents.staffFactors,
    ]) {
      strapi.documents.use(middleware(strapi));
    }
    // The journal's guard at the query level.
    registerJournal(strapi);
    // Case documents never go to the public folder (after the upload plugin's own register).
    usePrivateStorage(strapi);
    // Out of the content manager: the users-permissions type (no public accounts).
    registerWorkspace(strapi);
    // The staff log is written by the sign-in alone.
    registerStaffSignIn(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // ADMIN_MFA and its key are checked first; the second factor's routes (the gate is global::second-factor).
    startStaffSignIn(strapi);
    await startOutbox(strapi);
    await startJournal(strapi);
    // The search index, kept with every write of a case's texts from here on.
    await startSearch(strapi);
    await seedBaseData(strapi);
    await seedSiteContent(strapi);
    await startReports(strapi);
    startPrivacy(strapi);
    // The import of the old register: its tables and admin routes.
    await startImport(strapi);
    // E-mail into the case: the advisor's actions on incoming e-mail.
    startInbox(strapi);
    // The case page's admin routes.
    await bootstrapWorkspace(strapi);
  },

  async destroy() {
    await stopSearch();
    stopReports();
    await stopOutbox();
    await closeRateLimiters();
  },
};
