/**
 * The outbox, the access log and the incoming e-mails are written by the system: the admin panel
 * (and their REST routes) may read them, never write them. The system's own writes use the query
 * engine or run outside a request from those routes.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { STATEMENT_ACCESS_LOG as ACCESS_LOG, INBOUND_MAIL, NOTIFICATION } from '../content-types';
import type { DocumentMiddleware } from '../strapi-types';

const READ_ONLY: Record<string, string> = {
  [NOTIFICATION]: 'Udsendelser skrives af systemet og kan ikke oprettes, ændres eller slettes her.',
  [ACCESS_LOG]: 'Adgangsloggen skrives af systemet og kan ikke oprettes, ændres eller slettes her.',
  [INBOUND_MAIL]: 'Indgående e-mails skrives af indbakken. Brug handlingerne på e-mailen for at knytte den til en sag.',
};
const WRITE_ACTIONS = new Set(['create', 'update', 'delete', 'clone', 'publish', 'unpublish', 'discardDraft']);

function fromAdminPanel(strapi: Core.Strapi): boolean {
  const ctx = strapi.requestContext.get() as { request?: { url?: string } } | undefined;
  const url = ctx?.request?.url ?? '';
  return url.startsWith('/content-manager') || url.startsWith('/api/notifications') || url.startsWith('/api/statement-access-logs');
}

export const readOnly =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (ctx, next) => {
    if (READ_ONLY[ctx.uid] && WRITE_ACTIONS.has(ctx.action) && fromAdminPanel(strapi)) {
      throw new errors.ForbiddenError(READ_ONLY[ctx.uid]);
    }
    return next();
  };
