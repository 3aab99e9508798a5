/**
 * The links that went out (to a center's statement page, an opinion letter, a citizen's case
 * page): one row per minted token (api::statement-link), holding only its SHA-256 hash, the outbox
 * row whose e-mail carried it, the link version at the time (request or citizen; none for a
 * letter) and when it was minted. See token.ts for the scheme.
 */
import type { Core } from '@strapi/strapi';

import { STATEMENT_LINK, NOTIFICATION } from '../content-types';
export { STATEMENT_LINK };

/** Records a minted token's hash for the e-mail of outbox row `notificationId` (in the caller's transaction). */
export async function storeLink(strapi: Core.Strapi, tokenHash: string, notificationId: number, linkVersion: number | null, issuedAt: Date) {
  await strapi.db.query(STATEMENT_LINK).create({ data: { tokenHash, notification: notificationId, linkVersion, issuedAt: issuedAt.toISOString() } });
}

/** The outbox row whose e-mail carried a token, for the case and letter pages: the row with the link's own version. */
export async function rowOfLink(strapi: Core.Strapi, tokenHash: string, kinds: readonly string[]) {
  const link = await strapi.db
    .query(STATEMENT_LINK)
    .findOne({ where: { tokenHash }, populate: { notification: { populate: { complaint: true, opinion: true } } } });
  const row = link?.notification;
  return row && kinds.includes(row.kind) ? { ...row, linkVersion: link.linkVersion, linkIssuedAt: link.issuedAt } : null;
}

/** The link behind a token hash with its e-mail's row and request, or null. */
export async function findLink(strapi: Core.Strapi, tokenHash: string) {
  return strapi.db.query(STATEMENT_LINK).findOne({
    where: { tokenHash },
    populate: { notification: { populate: { statementRequest: { populate: { center: true, complaint: { populate: { institution: true } } } } } } },
  });
}

/** Whether a link of an earlier version of this request was mailed (so a new one "replaces" it). */
export async function linksIssuedBefore(strapi: Core.Strapi, requestId: number, linkVersion: number): Promise<boolean> {
  const sentRows: { id: number }[] = await strapi.db
    .query(NOTIFICATION)
    .findMany({ where: { statementRequest: { id: requestId }, deliveryStatus: 'sent' }, select: ['id'] });
  if (!sentRows.length) return false;
  return (
    (await strapi.db.query(STATEMENT_LINK).count({ where: { notification: { id: { $in: sentRows.map((r) => r.id) } }, linkVersion: { $lt: linkVersion } } })) >
    0
  );
}
