/**
 * Statement e-mails: every write of a statement request, from the admin panel, the REST API or a
 * script, plans, reschedules or cancels its notification rows (the request itself, reminders,
 * overdue notice, escalation) in the same transaction as the write; jobs are enqueued after the
 * commit. Rows are planned after the inner write returns, so nothing is planned for a write the
 * case rules reject. The re-issue checkbox sends a new link.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { LINK_KINDS } from '@borgerraadgiver/config';
import { SCHEDULED_STATEMENT_KINDS } from '../outbox/schedule';
import { dueVersionOf, isOpenRequest, type RequestFacts } from '../rules/links';
import { statementPlan } from '../outbox/plan';
import { loadWorkingCalendar } from '../db/working-calendar';
import { cancelPlanned, insertRows } from '../outbox/writer';
import { statementRequestEmail } from '../outbox/catalogue';
import { STATEMENT_REQUEST } from '../content-types';
import { inTransaction } from '../db/transaction';
import { writtenIds, type DocumentMiddleware, type DocumentNext } from '../strapi-types';

type Data = Record<string, unknown>;

async function loadRequest(strapi: Core.Strapi, where: Record<string, unknown>) {
  return strapi.db.query(STATEMENT_REQUEST).findOne({ where, populate: { center: true, complaint: true } });
}

function closedNote(status: string | null | undefined): string {
  return status === 'besvaret' ? 'Annulleret: redegørelsen er modtaget.' : 'Annulleret: anmodningen er annulleret.';
}

async function onStatementRequestCreate(strapi: Core.Strapi, next: DocumentNext) {
  const result = await next();
  const { documentId } = writtenIds(result);
  const request = documentId ? await loadRequest(strapi, { documentId }) : null;
  if (!request || !isOpenRequest(request) || !request.center?.email) return result;
  const now = new Date();
  const dueVersion = dueVersionOf(request);
  // A request registered as sent outside the system (by letter, earlier) mails nothing itself.
  await insertRows(strapi, [
    ...(request.sentOutsideSystem ? [] : [statementRequestEmail(request, request.center, dueVersion, now)]),
    ...(await statementPlan(strapi, request, await loadWorkingCalendar(strapi), now)).map((row) => ({ ...row, statementRequest: request.id })),
  ]);
  return result;
}

function scheduleKey(request: RequestFacts): string {
  return JSON.stringify([dueVersionOf(request), request?.center?.email ?? null, request?.center?.chiefEmail ?? null]);
}

async function onStatementRequestUpdate(strapi: Core.Strapi, params: { documentId?: string; data?: Data }, next: DocumentNext) {
  const before = params.documentId ? await loadRequest(strapi, { documentId: params.documentId }) : null;
  const data = params.data ?? {};
  // The link version is the system's; only the re-issue checkbox moves it.
  delete data.linkVersion;
  let reissue = false;
  if (data.reissueLink === true || data.reissueLink === 'true') {
    if (before && !isOpenRequest(before)) {
      throw new errors.ValidationError('Et nyt link kan kun sendes, mens anmodningen afventer svar.', {
        errors: [{ path: ['reissueLink'], message: 'Et nyt link kan kun sendes, mens anmodningen afventer svar.', name: 'ValidationError' }],
      });
    }
    reissue = Boolean(before);
    if (before) data.linkVersion = (before.linkVersion ?? 1) + 1;
  }
  if ('reissueLink' in data) data.reissueLink = false;

  const result = await next();
  if (!before) return result;
  const after = await loadRequest(strapi, { id: before.id });
  if (!after) return result;

  if (!isOpenRequest(after)) {
    await cancelPlanned(strapi, { statementRequest: { id: after.id }, kind: { $in: [...LINK_KINDS] } }, closedNote(after.requestStatus));
    return result;
  }
  const now = new Date();
  if (scheduleKey(before) !== scheduleKey(after)) {
    await cancelPlanned(
      strapi,
      { statementRequest: { id: after.id }, kind: { $in: SCHEDULED_STATEMENT_KINDS } },
      'Annulleret: fristen eller modtageren er ændret; nye udsendelser er planlagt.',
    );
    await insertRows(
      strapi,
      (await statementPlan(strapi, after, await loadWorkingCalendar(strapi), now)).map((row) => ({ ...row, statementRequest: after.id })),
    );
  }
  if (reissue && after.center?.email) {
    await insertRows(strapi, [statementRequestEmail(after, after.center, dueVersionOf(after), now, true)]);
  }
  return result;
}

async function onStatementRequestDelete(strapi: Core.Strapi, params: { documentId?: string }, next: DocumentNext) {
  const before = params.documentId ? await loadRequest(strapi, { documentId: params.documentId }) : null;
  if (before) await cancelPlanned(strapi, { statementRequest: { id: before.id } }, 'Annulleret: anmodningen er slettet.');
  return next();
}

export const statementEmails =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (ctx, next) => {
    if (ctx.uid !== STATEMENT_REQUEST) return next();
    const params = ctx.params as { documentId?: string; data?: Data };
    if (ctx.action === 'create') return inTransaction(strapi, () => onStatementRequestCreate(strapi, next));
    if (ctx.action === 'update') return inTransaction(strapi, () => onStatementRequestUpdate(strapi, params, next));
    if (ctx.action === 'delete') return inTransaction(strapi, () => onStatementRequestDelete(strapi, params, next));
    return next();
  };
