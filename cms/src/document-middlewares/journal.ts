/**
 * The journal's Document Service middleware, registered just outside the case rules so it sees
 * what they derive: every create, update and delete of case data, from any path, is journaled in
 * the same transaction as the write (a refused or rolled-back write leaves no event); an admin
 * user's opening of a case is recorded; and no Document Service call may write the journal.
 */
import type { Core } from '@strapi/strapi';
import { caseOf, COMPLAINT, describeWrite, importedEvents, JOURNALED } from '../journal/describe';
import { currentImport } from '../import/scope';
import { CASE_EVENT } from '../journal/model';
import { recordNotifications } from '../journal/notifications';
import { recordOpened } from '../journal/reads';
import { attributesOf, loadRow } from '../journal/rows';
import { appendEvents, refusal } from '../journal/writer';
import { NOTIFICATION } from '../content-types';
import { inTransaction } from '../db/transaction';
import { writtenIds, type DocumentMiddleware, type DocumentNext } from '../strapi-types';

type Context = Parameters<DocumentMiddleware>[0];

const WRITES = new Set(['create', 'update', 'delete']);
const JOURNAL_WRITES = new Set(['create', 'update', 'delete', 'clone', 'publish', 'unpublish', 'discardDraft']);

async function journalWrite(strapi: Core.Strapi, ctx: Context, inner: DocumentNext) {
  const action = ctx.action as 'create' | 'update' | 'delete';
  const params = ctx.params as { documentId?: string; data?: Record<string, unknown> } | undefined;
  return inTransaction(strapi, async () => {
    const documentId: string | undefined = params?.documentId;
    const before = action !== 'create' && documentId ? await loadRow(strapi, ctx.uid, { documentId }) : null;
    const result = await inner();
    const afterId = writtenIds(result).documentId ?? documentId;
    const after = action !== 'delete' && afterId ? await loadRow(strapi, ctx.uid, { documentId: afterId }) : null;
    if (action !== 'create' && !before) return result;
    // The rules add what they derive to the data, so its keys are everything this write set.
    const written = action === 'update' ? Object.keys(params?.data ?? {}) : undefined;
    const described = describeWrite({ uid: ctx.uid, action, attributes: attributesOf(strapi, ctx.uid), before, after, written });
    const source = ctx.uid === COMPLAINT && action !== 'delete' ? currentImport() : undefined;
    const events = source ? importedEvents(described, after!, source, action as 'create' | 'update', Object.keys(params?.data ?? {})) : described;
    // A deleted case cannot be linked to; its events keep the case number.
    const kase = action === 'delete' && ctx.uid === COMPLAINT ? null : caseOf(ctx.uid, after ?? before);
    await appendEvents(
      strapi,
      events.map((event) => ({
        ...event,
        complaintId: kase?.id ?? null,
        caseNumber: kase?.caseNumber ?? caseOf(ctx.uid, before)?.caseNumber ?? null,
        // A case's creation is recorded once, also against the backfill of existing cases (backfill.ts).
        dedupeKey: event.kind === 'created' && kase ? `created:${kase.id}` : null,
      })),
    );
    return result;
  });
}

export function journal(strapi: Core.Strapi): DocumentMiddleware {
  return async (ctx, next) => {
    if (ctx.uid === CASE_EVENT && JOURNAL_WRITES.has(ctx.action)) throw refusal();
    if (JOURNALED[ctx.uid] && WRITES.has(ctx.action)) return journalWrite(strapi, ctx, next);
    if (JOURNALED[ctx.uid] && ctx.action === 'findOne') {
      const result = await next();
      await recordOpened(strapi, ctx.uid, result as ({ documentId?: string } & Record<string, unknown>) | null);
      return result;
    }
    if (ctx.uid === NOTIFICATION && ctx.action === 'create') {
      // Outbox rows written through the Document Service instead of the outbox writer.
      return inTransaction(strapi, async () => {
        const result = await next();
        const { id } = writtenIds(result);
        if (id) await recordNotifications(strapi, { id }, 'notification_planned');
        return result;
      });
    }
    // Every other write of our content types commits through inTransaction, so a failed COMMIT is an error.
    if (WRITES.has(ctx.action) && ctx.uid.startsWith('api::')) return inTransaction(strapi, async () => next());
    return next();
  };
}
