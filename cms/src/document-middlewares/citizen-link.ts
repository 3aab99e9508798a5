/**
 * The citizen's link version is the system's: only the revoke checkbox on a case moves it (which
 * makes the citizen's case link stop working).
 */
import type { Core } from '@strapi/strapi';
import { COMPLAINT } from '../content-types';
import { inTransaction } from '../db/transaction';
import type { DocumentMiddleware } from '../strapi-types';

export const citizenLink =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (ctx, next) => {
    if (ctx.uid !== COMPLAINT || ctx.action !== 'update') return next();
    const params = ctx.params as { documentId?: string; data?: Record<string, unknown> };
    return inTransaction(strapi, async () => {
      const data = params.data ?? {};
      const before = params.documentId ? await strapi.db.query(COMPLAINT).findOne({ where: { documentId: params.documentId } }) : null;
      delete data.citizenLinkVersion;
      if (before && (data.revokeCitizenLink === true || data.revokeCitizenLink === 'true')) data.citizenLinkVersion = (before.citizenLinkVersion ?? 1) + 1;
      if ('revokeCitizenLink' in data) data.revokeCitizenLink = false;
      return next();
    });
  };
