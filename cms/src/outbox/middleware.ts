/**
 * The outbox's Document Service middleware: every write of a statement request or an opinion,
 * from the admin panel, the REST API or a script, plans, reschedules or cancels its notification
 * rows in the same transaction as the write itself; jobs are enqueued after the commit. A change
 * of the working-day calendar re-plans the planned day-based rows (replan.ts).
 * It also keeps the outbox and the access log read-only in the admin panel.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { LINK_KINDS } from '@borgerraadgiver/config';
import { opinionVersionOf, plannedOpinionRows, SCHEDULED_STATEMENT_KINDS } from './schedule';
import { dueVersionOf, isOpenRequest } from '../rules/links';
import { statementPlan } from './plan';
import { CALENDAR_DAY, loadWorkingCalendar } from '../db/working-calendar';
import { replanAfterCalendarChange } from './replan';
import { advisorEmail, afterCommit, cancelPlanned, insertRows, policy, scheduleDelivery } from './writer';
import { citizenReachable, issueOpinionLetter } from '../letters/issue';
import { isClosedStatus } from '../rules/complaint-status';
import { STATEMENT_ACCESS_LOG as ACCESS_LOG, COMPLAINT, INBOUND_MAIL, NOTIFICATION, OPINION, STATEMENT_REQUEST } from '../content-types';
import { inTransaction } from '../db/transaction';
import { currentImport } from '../import/scope';

const READ_ONLY: Record<string, string> = {
  [NOTIFICATION]: 'Udsendelser skrives af systemet og kan ikke oprettes, ændres eller slettes her.',
  [ACCESS_LOG]: 'Adgangsloggen skrives af systemet og kan ikke oprettes, ændres eller slettes her.',
  [INBOUND_MAIL]: 'Indgående e-mails skrives af indbakken. Brug handlingerne på e-mailen for at knytte den til en sag.',
};
const WRITE_ACTIONS = new Set(['create', 'update', 'delete', 'clone', 'publish', 'unpublish', 'discardDraft']);

type Data = Record<string, any>;

function fromAdminPanel(strapi: Core.Strapi): boolean {
  const ctx = strapi.requestContext.get() as { request?: { url?: string } } | undefined;
  const url = ctx?.request?.url ?? '';
  return url.startsWith('/content-manager') || url.startsWith('/api/notifications') || url.startsWith('/api/statement-access-logs');
}

export async function loadRequest(strapi: Core.Strapi, where: Record<string, unknown>) {
  return strapi.db.query(STATEMENT_REQUEST).findOne({ where, populate: { center: true, complaint: true } });
}

function closedNote(status: string | null | undefined): string {
  return status === 'besvaret' ? 'Annulleret: redegørelsen er modtaget.' : 'Annulleret: anmodningen er annulleret.';
}

async function onStatementRequestCreate(strapi: Core.Strapi, next: () => Promise<any>) {
  const result = await next();
  const request = result?.documentId ? await loadRequest(strapi, { documentId: result.documentId }) : null;
  if (!request || !isOpenRequest(request) || !request.center?.email) return result;
  const now = new Date();
  const dueVersion = dueVersionOf(request);
  // A request registered as sent outside the system (by letter, earlier) mails nothing itself.
  await insertRows(strapi, [
    ...(request.sentOutsideSystem
      ? []
      : [
          {
            kind: 'statement_request' as const,
            recipient: request.center.email,
            notBefore: now,
            dueVersion: dueVersion ?? '',
            statementRequest: request.id,
            linkVersion: request.linkVersion ?? 1,
          },
        ]),
    ...(await statementPlan(strapi, request, await loadWorkingCalendar(strapi), now)).map((row) => ({ ...row, statementRequest: request.id })),
  ]);
  return result;
}

function scheduleKey(request: any): string {
  return JSON.stringify([dueVersionOf(request), request?.center?.email ?? null, request?.center?.chiefEmail ?? null]);
}

async function onStatementRequestUpdate(strapi: Core.Strapi, params: { documentId?: string; data?: Data }, next: () => Promise<any>) {
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
    await insertRows(strapi, [
      {
        kind: 'statement_request',
        recipient: after.center.email,
        notBefore: now,
        dueVersion: dueVersionOf(after) ?? '',
        statementRequest: after.id,
        linkVersion: after.linkVersion,
        subject: 'Nyt link',
      },
    ]);
  }
  return result;
}

async function onStatementRequestDelete(strapi: Core.Strapi, params: { documentId?: string }, next: () => Promise<any>) {
  const before = params.documentId ? await loadRequest(strapi, { documentId: params.documentId }) : null;
  if (before) await cancelPlanned(strapi, { statementRequest: { id: before.id } }, 'Annulleret: anmodningen er slettet.');
  return next();
}

async function onOpinionWrite(strapi: Core.Strapi, action: string, params: { documentId?: string }, next: () => Promise<any>) {
  const before = action === 'update' && params.documentId ? await strapi.db.query(OPINION).findOne({ where: { documentId: params.documentId } }) : null;
  if (action === 'delete') {
    if (before) await cancelPlanned(strapi, { opinion: { id: before.id } }, 'Annulleret: udtalelsen er slettet.');
    return next();
  }
  const result = await next();
  const documentId = result?.documentId ?? params.documentId;
  const after = documentId ? await strapi.db.query(OPINION).findOne({ where: { documentId } }) : null;
  if (!after) return result;
  // Issuing the opinion produces its letter, once the opinion itself is committed.
  if (action === 'create') await afterCommit(strapi, () => issueOpinionLetter(strapi, after.id));
  if (before && opinionVersionOf(before) === opinionVersionOf(after)) return result;
  if (before) await cancelPlanned(strapi, { opinion: { id: after.id }, kind: 'opinion_followup' }, 'Annulleret: opfølgningen er ændret eller modtaget.');
  await insertRows(
    strapi,
    plannedOpinionRows(after, policy(), await loadWorkingCalendar(strapi), advisorEmail()).map((row) => ({ ...row, opinion: after.id })),
  );
  return result;
}

/** A case that closes tells its reachable citizen how it ended (their case page has the details). */
async function onComplaintUpdate(strapi: Core.Strapi, params: { documentId?: string; data?: Data }, next: () => Promise<any>) {
  const data = params.data ?? {};
  const before = params.documentId ? await strapi.db.query(COMPLAINT).findOne({ where: { documentId: params.documentId } }) : null;
  // The citizen's link version is the system's; only the revoke checkbox moves it.
  delete data.citizenLinkVersion;
  if (before && (data.revokeCitizenLink === true || data.revokeCitizenLink === 'true')) data.citizenLinkVersion = (before.citizenLinkVersion ?? 1) + 1;
  if ('revokeCitizenLink' in data) data.revokeCitizenLink = false;
  const result = await next();
  const after = before && (await strapi.db.query(COMPLAINT).findOne({ where: { id: before.id } }));
  // A case from the old register corrected by a re-import closed long ago: its citizen is not written to.
  if (after && !isClosedStatus(before.caseStatus) && isClosedStatus(after.caseStatus) && citizenReachable(after) && !currentImport()) {
    await insertRows(strapi, [
      { kind: 'case_closed', recipient: after.citizenEmail, notBefore: new Date(), dueVersion: after.caseStatus, complaint: after.id },
    ]);
  }
  return result;
}

export function registerOutboxMiddleware(strapi: Core.Strapi) {
  strapi.documents.use(async (ctx, next) => {
    const params = ctx.params as { documentId?: string; data?: Data };
    if (READ_ONLY[ctx.uid] && WRITE_ACTIONS.has(ctx.action) && fromAdminPanel(strapi)) {
      throw new errors.ForbiddenError(READ_ONLY[ctx.uid]);
    }
    if (ctx.uid === STATEMENT_REQUEST) {
      if (ctx.action === 'create') return inTransaction(strapi, () => onStatementRequestCreate(strapi, next));
      if (ctx.action === 'update') return inTransaction(strapi, () => onStatementRequestUpdate(strapi, params, next));
      if (ctx.action === 'delete') return inTransaction(strapi, () => onStatementRequestDelete(strapi, params, next));
    }
    if (ctx.uid === COMPLAINT && ctx.action === 'update') return inTransaction(strapi, () => onComplaintUpdate(strapi, params, next));
    if (ctx.uid === CALENDAR_DAY && (ctx.action === 'create' || ctx.action === 'update' || ctx.action === 'delete')) {
      return inTransaction(strapi, async () => {
        const result = await next();
        await replanAfterCalendarChange(strapi);
        return result;
      });
    }
    if (ctx.uid === OPINION && (ctx.action === 'create' || ctx.action === 'update' || ctx.action === 'delete')) {
      return inTransaction(strapi, () => onOpinionWrite(strapi, ctx.action, params, next));
    }
    if (ctx.uid === NOTIFICATION && ctx.action === 'create') {
      // Rows written through the Document Service by other modules (e.g. the complaint receipt of
      // the public intake) are delivered the same way as ours: enqueued after their commit.
      const result: any = await next();
      if (result?.documentId) await scheduleDelivery(strapi, [result]);
      return result;
    }
    return next();
  });
}
