/**
 * A row lock for the rest of the caller's transaction, taken before anything reads the row's
 * before-values, so that two writes of one document serialise and each starts from what the
 * previous one left.
 *
 * PostgreSQL: SELECT … FOR UPDATE on the document's rows (a second writer waits for the first
 * one's COMMIT and then reads its values). SQLite: the first write of a transaction takes the
 * database's write lock; Knex opens SQLite transactions deferred (BEGIN), so a no-op UPDATE of
 * the row is that first write and the read that follows happens under it (BEGIN IMMEDIATE
 * semantics: another process writing the file waits instead of leaving this one a stale
 * snapshot). Within one process Knex's single SQLite connection already serialises transactions.
 */
import type { Core, UID } from '@strapi/strapi';
import type { Knex } from 'knex';
import { COMPLAINT } from '../content-types';

export interface LockedRow {
  id: number;
  /** The stored version (Strapi's updatedAt). */
  updatedAt: Date | null;
}

/** Locks the rows of document `documentId` of `uid` in transaction `trx`; null when it does not exist. */
export async function lockRow(strapi: Core.Strapi, trx: Knex.Transaction, uid: string, documentId: string): Promise<LockedRow | null> {
  if (strapi.db.dialect.client === 'sqlite') {
    const { tableName } = strapi.db.metadata.get(uid as UID.ContentType);
    await trx(tableName)
      .where('document_id', documentId)
      .update({ id: trx.ref('id') });
  }
  const row = await strapi.db.entityManager
    .createQueryBuilder(uid as UID.ContentType)
    .select(['id', 'updatedAt'])
    .where({ documentId })
    .forUpdate()
    .transacting(trx)
    .first()
    .execute<{ id: number; updatedAt: string | Date | null } | null>();
  if (!row) return null;
  return { id: row.id, updatedAt: row.updatedAt ? new Date(row.updatedAt) : null };
}

/**
 * Locks the case a document of `uid` belongs to (its `complaint` relation), for the types that
 * belong to one. Every write of a case's document takes the case first, then the document, so two
 * writes of one case wait for each other and never deadlock; a path that writes the document
 * directly (the center's answer) calls this before its first write.
 */
export async function lockCaseOf(strapi: Core.Strapi, trx: Knex.Transaction, uid: string, documentId: string): Promise<void> {
  const relation = strapi.db.metadata.get(uid as UID.ContentType).attributes.complaint as { type?: string; target?: string } | undefined;
  if (uid === COMPLAINT || relation?.type !== 'relation' || relation.target !== COMPLAINT) return;
  const row = await strapi.db
    .query(uid as UID.ContentType)
    .findOne({ where: { documentId }, select: ['id'], populate: { complaint: { select: ['documentId'] } } });
  const caseId = (row?.complaint as { documentId?: string } | null | undefined)?.documentId;
  if (caseId) await lockRow(strapi, trx, COMPLAINT, caseId);
}
