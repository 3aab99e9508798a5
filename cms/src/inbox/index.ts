/**
 * E-mail into the case, in Strapi (started from cms/src/index.ts): the advisor's actions on an
 * incoming e-mail as admin routes under /inbox, for the role that may read and change the
 * citizen's identity (the advisor's, not the assistant's: an e-mail names its sender). The
 * reader's own route is api/inbound-mail/routes/inbox.ts.
 */
import type { Core } from '@strapi/strapi';
import { addAdminRoutes, ADMIN_ONLY, type AdminRoute } from '../utils/admin-routes';

const handler = (action: string) => `api::inbound-mail.inbox.${action}`;
const advisorOnly = {
  policies: [
    ...ADMIN_ONLY.policies,
    { name: 'api::privacy.may-handle-identity', config: { verb: 'update', message: 'Kun borgerrådgiveren kan knytte indgående e-mails til sager.' } },
  ],
};

export const inboxRoutes: AdminRoute[] = [
  // { "complaint": "<documentId or case number>" }: files a message from Ikke tilknyttet post in that case.
  { method: 'POST', path: '/mails/:documentId/attach', handler: handler('attach'), config: advisorOnly },
  // Opens a new inquiry from a message in Ikke tilknyttet post.
  { method: 'POST', path: '/mails/:documentId/inquiry', handler: handler('inquiry'), config: advisorOnly },
  // A center's e-mailed answer becomes the statement of the request it answers.
  { method: 'POST', path: '/mails/:documentId/statement', handler: handler('statement'), config: advisorOnly },
];

export function startInbox(strapi: Core.Strapi) {
  addAdminRoutes(strapi, '/inbox', inboxRoutes);
}
