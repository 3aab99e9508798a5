/**
 * The one Strapi hook for the case rules: every create and update of case data, from the admin
 * panel, the REST API or a script, passes through the Document Service and therefore here. The
 * rules themselves are plain modules in ../rules; this file only loads state and applies them.
 */
import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { loadPolicy, type Policy } from '@borgerraadgiver/config';
import type { Knex } from 'knex';
import {
  caseNumberYear,
  checkComplaint,
  checkDueAtUnchanged,
  checkOpinion,
  checkStatementRequest,
  computeDue,
  derivedComplaintFields,
  toInstant,
  type RuleContext,
  type Violation,
} from '../rules';
import { nextCaseNumber } from './case-number';
import { relationTarget, type RelationRef } from './relations';
import { loadWorkingCalendar } from './working-calendar';

const COMPLAINT = 'api::complaint.complaint';
const STATEMENT_REQUEST = 'api::statement-request.statement-request';
const OPINION = 'api::opinion.opinion';
const CENTER = 'api::center.center';

type Data = Record<string, any>;

interface Write {
  strapi: Core.Strapi;
  trx: Knex.Transaction;
  data: Data;
  previous: Data | null;
  context: RuleContext;
}

function reject(violations: Violation[]): never {
  throw new errors.ValidationError(violations[0].message, {
    errors: violations.map(({ path, message }) => ({ path: [path], message, name: 'ValidationError' })),
  });
}

async function findOne(strapi: Core.Strapi, uid: UID.ContentType, ref: RelationRef | null | undefined, populate: string[] = []) {
  if (!ref) return null;
  return strapi.db.query(uid).findOne({ where: ref, populate });
}

/** The related document after this write: the submitted target, or the stored one when unchanged. */
async function relatedAfterWrite(write: Write, field: string, uid: UID.ContentType, populate: string[] = []) {
  const target = relationTarget(write.data[field]);
  if (target === undefined) return write.previous?.[field] ? findOne(write.strapi, uid, { id: write.previous[field].id }, populate) : null;
  return findOne(write.strapi, uid, target, populate);
}

async function onComplaint(write: Write) {
  const { data, previous, context } = write;
  const next = { ...previous, ...data };
  const violations = checkComplaint(next, previous, context);
  if (violations.length) reject(violations);
  Object.assign(data, derivedComplaintFields(next, previous, context.now));
  if (!previous) {
    const receivedAt = toInstant(data.receivedAt) ?? context.now;
    data.caseNumber = await nextCaseNumber(write.strapi.db.connection, write.trx, caseNumberYear(receivedAt));
  }
}

async function onStatementRequest(write: Write) {
  const { data, previous, context } = write;
  const complaint = await relatedAfterWrite(write, 'complaint', COMPLAINT, ['center']);
  let center = await relatedAfterWrite(write, 'center', CENTER);
  if (!center && complaint?.center) {
    center = complaint.center;
    data.center = complaint.center.documentId;
  }
  const next: Data = { ...previous, ...data, complaint, center };
  // Compare the complaint by identity so an unchanged relation is not re-checked.
  const previousState = previous && { ...previous, complaint: previous.complaint?.id === complaint?.id ? complaint : previous.complaint };
  const violations = checkStatementRequest(next, previousState, context);

  const requestedAt = toInstant(next.requestedAt) ?? context.now;
  const due = computeDue(requestedAt, context);
  const requestedAtChanged = previous && toInstant(previous.requestedAt)?.getTime() !== requestedAt.getTime();
  if ('dueAt' in data && !requestedAtChanged) violations.push(...checkDueAtUnchanged(data.dueAt, due.at));
  if (violations.length) reject(violations);

  if (!previous) data.requestedAt = requestedAt.toISOString();
  data.dueAt = due.at.toISOString();
  data.dueAtExplanation = due.explanation;
  if (next.requestStatus === 'besvaret' && !next.respondedAt) data.respondedAt = context.now.toISOString();
}

async function onOpinion(write: Write) {
  const { data, previous, context } = write;
  const complaint = await relatedAfterWrite(write, 'complaint', COMPLAINT, ['center']);
  const violations = checkOpinion({ ...previous, ...data, complaint }, context);
  if (violations.length) reject(violations);
  if (!previous && !data.issuedAt) data.issuedAt = context.now.toISOString();
  // A case opinion concerns the complaint's center unless the advisor names another.
  if (complaint?.center && !previous?.center && !relationTarget(data.center)) data.center = complaint.center.documentId;
}

const handlers: Partial<Record<string, { populate: string[]; apply: (write: Write) => Promise<void> }>> = {
  [COMPLAINT]: { populate: [], apply: onComplaint },
  [STATEMENT_REQUEST]: { populate: ['complaint', 'center'], apply: onStatementRequest },
  [OPINION]: { populate: ['complaint', 'center'], apply: onOpinion },
};

export function registerCaseRules(strapi: Core.Strapi, policy: Policy = loadPolicy()) {
  strapi.documents.use(async (ctx, next) => {
    const handler = handlers[ctx.uid];
    if (handler && ctx.action === 'clone') {
      // A copy would carry the case number, deadlines and links of the original.
      reject([{ path: 'id', message: 'Sagsdata kan ikke kopieres. Opret en ny registrering i stedet.' }]);
    }
    if (!handler || (ctx.action !== 'create' && ctx.action !== 'update')) return next();
    const params = ctx.params as { data?: Data; documentId?: string };
    params.data = params.data ?? {};
    // One transaction around the checks, the derived fields and the write itself.
    return strapi.db.transaction(async ({ trx }) => {
      const previous = ctx.action === 'update'
        ? await strapi.db.query(ctx.uid).findOne({ where: { documentId: params.documentId }, populate: handler.populate })
        : null;
      const context: RuleContext = { now: new Date(), policy, calendar: await loadWorkingCalendar(strapi) };
      await handler.apply({ strapi, trx, data: params.data!, previous, context });
      return next();
    });
  });
}
