/**
 * Two people, one case (SPEC §3, concurrent staff writes). Every update or deletion of case data,
 * from any path, first locks the document's row in the write's own transaction, so the outbox,
 * the case rules and the journal read their before-values under the lock and a case's events
 * chain. A write that carries the version it was based on (`updatedAt`, as the admin's edit view,
 * the case page's next steps and the privacy actions send it) and finds a newer one stored is
 * refused with 409 and a Danish message naming who changed it and when; nothing is written. A
 * write without a version (a script, the REST API) is accepted and journaled truthfully.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import createError from 'http-errors';
import { errors } from '@strapi/utils';
import { adminUserName } from '../journal/actor';
import { danishDateTime } from '@borgerraadgiver/config';
import { JOURNALED } from '../journal/describe';
import type { SubjectType } from '../journal/model';
import { lockCaseOf, lockRow, type LockedRow } from '../db/row-lock';
import { inTransaction } from '../db/transaction';
import { CASE_EVENT } from '../content-types';
import type { DocumentMiddleware } from '../strapi-types';

/** What the message calls the changed document, and the pronoun for it. */
const subjects: Record<SubjectType, [string, string]> = {
  complaint: ['Sagen', 'den'],
  statement_request: ['Anmodningen om redegørelse', 'den'],
  opinion: ['Udtalelsen', 'den'],
  recommendation: ['Anbefalingen', 'den'],
  meeting: ['Mødet', 'det'],
  case_document: ['Sagsdokumentet', 'det'],
  notification: ['Udsendelsen', 'den'],
  inbound_mail: ['Den indgående e-mail', 'den'],
};

/** The version a write was based on, from what a client sent; undefined when it sent none. */
function parseVersion(value: unknown): Date | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const version = typeof value === 'string' || typeof value === 'number' ? new Date(value) : null;
  if (!version || Number.isNaN(version.getTime())) {
    const message = 'Versionen, ændringen bygger på (updatedAt), kan ikke læses. Hent sagen igen.';
    throw new errors.ValidationError(message, { errors: [{ path: ['updatedAt'], message, name: 'ValidationError' }] });
  }
  return version;
}

/** Who made the stored version: the journal's last write event on the document, else Strapi's updatedBy. */
async function changedBy(strapi: Core.Strapi, uid: string, documentId: string, since: Date): Promise<string> {
  const event = await strapi.db.query(CASE_EVENT).findOne({
    where: { subjectType: JOURNALED[uid], subjectDocumentId: documentId, kind: { $ne: 'opened' }, at: { $gt: since.toISOString() } },
    select: ['actorName'],
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
  });
  if (event?.actorName) return event.actorName;
  const row = await strapi.db.query(uid as 'api::complaint.complaint').findOne({ where: { documentId }, populate: { updatedBy: true } });
  return row?.updatedBy ? adminUserName(row.updatedBy) : 'en anden bruger eller systemet';
}

/** The 409 for a write based on `basedOn` that finds `stored`. */
async function conflict(strapi: Core.Strapi, uid: string, documentId: string, basedOn: Date, stored: Date) {
  const who = await changedBy(strapi, uid, documentId, basedOn);
  const [subject, it] = subjects[JOURNALED[uid]] ?? ['Dokumentet', 'det'];
  const message =
    `${subject} er ændret af ${who} den ${danishDateTime(stored)}, efter at du hentede ${it}. ` +
    'Dine ændringer er ikke gemt. Se den nuværende udgave, og indfør dine ændringer igen.';
  return createError(409, message, { details: { documentId, basedOn: basedOn.toISOString(), updatedAt: stored.toISOString(), changedBy: who } });
}

/**
 * Locks the document's row in `trx` and, when the write carries the version it was based on,
 * refuses it with 409 if a newer one is stored. Null when the document does not exist.
 */
export async function lockForWrite(strapi: Core.Strapi, trx: Knex.Transaction, uid: string, documentId: string, basedOn?: unknown): Promise<LockedRow | null> {
  const version = parseVersion(basedOn);
  const row = await lockRow(strapi, trx, uid, documentId);
  if (row?.updatedAt && version && row.updatedAt.getTime() > version.getTime()) throw await conflict(strapi, uid, documentId, version, row.updatedAt);
  return row;
}

interface RequestContext {
  params?: { id?: unknown; documentId?: unknown };
  request?: { method?: string; body?: unknown };
}

/**
 * The version the current HTTP request's write of `documentId` was based on: `updatedAt` in the
 * body of the content manager's PUT of that document (its body is the data), or `data.updatedAt`
 * of a REST API PUT. Writes the request causes on other documents carry none.
 */
function requestedVersion(strapi: Core.Strapi, documentId: string): unknown {
  const ctx = strapi.requestContext.get() as RequestContext | undefined;
  if (ctx?.request?.method !== 'PUT' || (ctx.params?.id ?? ctx.params?.documentId) !== documentId) return undefined;
  const body = ctx.request.body as { updatedAt?: unknown; data?: { updatedAt?: unknown } } | undefined;
  return body?.updatedAt ?? body?.data?.updatedAt;
}

/**
 * The Document Service middleware: every update and deletion of case data runs in one
 * transaction that starts by locking the document's row (and checking the version it carries).
 * Registered outside the outbox and the case rules, so everything they read is read under the lock.
 */
export const concurrency =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (ctx, next) => {
    const documentId = (ctx.params as { documentId?: unknown } | undefined)?.documentId;
    if (!JOURNALED[ctx.uid] || (ctx.action !== 'update' && ctx.action !== 'delete') || typeof documentId !== 'string') return next();
    return inTransaction(strapi, async ({ trx }) => {
      // The case first, then its document (anonymising locks the case, then writes its requests).
      await lockCaseOf(strapi, trx, ctx.uid, documentId);
      await lockForWrite(strapi, trx, ctx.uid, documentId, ctx.action === 'update' ? requestedVersion(strapi, documentId) : undefined);
      return next();
    });
  };
