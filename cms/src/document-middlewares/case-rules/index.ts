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
  caseDocumentDeletionBlocker,
  caseNumberTaken,
  caseNumberYear,
  checkCalendarDay,
  checkComplaint,
  checkFixedRelations,
  checkOpenStatementRequests,
  checkDueAtUnchanged,
  checkOpinion,
  checkStatementRequest,
  computeDue,
  derivedComplaintFields,
  OPEN_REQUEST_WHERE,
  isBlank,
  toInstant,
  type DateInput,
  type RuleContext,
  type Violation,
} from '../../rules';
import { nextCaseNumber, reserveCaseNumber } from '../../db/case-number';
import { currentImport } from '../../import/scope';
import { followCaseStatus } from './case-status';
import { setHeading } from './headings';
import { changesRelation, relationTarget, storedId, type RelationRef } from './relations';
import { CALENDAR_DAY, loadWorkingCalendar } from '../../db/working-calendar';
import { checkActiveCenter } from '../../input/references';
import { applyCaseDocumentRules } from './case-document';
import { COMPLAINT, STATEMENT_REQUEST, OPINION, CENTER, CASE_DOCUMENT, MEETING, RECOMMENDATION } from '../../content-types';
import { inTransaction } from '../../db/transaction';
import type { DocumentMiddleware } from '../../strapi-types';
import { schemaViolations } from '../../input/boundary';

type Data = Record<string, unknown>;

interface Write {
  strapi: Core.Strapi;
  trx: Knex.Transaction;
  data: Data;
  previous: Data | null;
  context: RuleContext;
}

/** A date field of the document (submitted or stored): text or a Date, as the schema has it. */
const instantOf = (value: unknown) => toInstant(value as DateInput);

const toDetails = (violations: Violation[]) => violations.map(({ path, message }) => ({ path: [path], message, name: 'ValidationError' }));

function reject(violations: Violation[]): never {
  throw new errors.ValidationError(violations[0].message, { errors: toDetails(violations) });
}

async function findOne(strapi: Core.Strapi, uid: UID.ContentType, ref: RelationRef | null | undefined, populate: string[] = []) {
  if (!ref) return null;
  return strapi.db.query(uid).findOne({ where: ref, populate });
}

/** The related document after this write: the submitted target, or the stored one when unchanged. */
async function relatedAfterWrite(write: Write, field: string, uid: UID.ContentType, populate: string[] = []) {
  const target = relationTarget(write.data[field]);
  const stored = write.previous?.[field];
  if (target === undefined) return stored ? findOne(write.strapi, uid, { id: storedId(stored)! }, populate) : null;
  return findOne(write.strapi, uid, target, populate);
}

/**
 * Relations owned by the other side (a request names its complaint) are changed there, where
 * their rules run; from this side they are read-only.
 */
function rejectInverseRelationEdits(data: Data, fields: Record<string, string>) {
  const violations = Object.entries(fields)
    .filter(([field]) => changesRelation(data[field]))
    .map(([path, where]) => ({ path, message: `Tilknytningen ændres på ${where}.` }));
  if (violations.length) reject(violations);
}

async function onComplaint(write: Write) {
  const { data, previous, context } = write;
  rejectInverseRelationEdits(data, { statementRequests: 'anmodningen om redegørelse', opinions: 'udtalelsen', meetings: 'mødet', documents: 'sagsdokumentet' });
  const next = { ...previous, ...data };
  const violations = checkComplaint(next, previous, context);
  if (previous) {
    const openRequests = await write.strapi.db.query(STATEMENT_REQUEST).count({ where: { complaint: { id: previous.id }, ...OPEN_REQUEST_WHERE } });
    violations.push(...checkOpenStatementRequests(next, openRequests, context));
  }
  if (violations.length) reject(violations);
  Object.assign(data, derivedComplaintFields(next, previous, context.now, context.imported));
  if (!previous && context.imported && !isBlank(data.caseNumber)) {
    // A case from the old register keeps its number; ours continue after it.
    if (await write.strapi.db.query(COMPLAINT).findOne({ where: { caseNumber: data.caseNumber }, select: ['id'] })) {
      reject([caseNumberTaken(String(data.caseNumber))]);
    }
    await reserveCaseNumber(write.strapi.db.connection, write.trx, String(data.caseNumber));
  } else if (!previous) {
    const receivedAt = instantOf(data.receivedAt) ?? context.now;
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
  const violations = checkStatementRequest(next, previous, context);
  violations.push(...checkActiveCenter(center, !previous));
  if (previous) {
    violations.push(...checkFixedRelations({ complaint: storedId(previous.complaint) !== complaint?.id, center: storedId(previous.center) !== center?.id }));
  }

  // The due date is fixed when the request is made; it is computed again only for a new request time.
  // A request the system sends is requested now; one sent outside the system at its given time.
  const requestedAt = !previous && !next.sentOutsideSystem ? context.now : (instantOf(next.requestedAt) ?? context.now);
  const requestedAtChanged = !previous || instantOf(previous.requestedAt)?.getTime() !== requestedAt.getTime();
  if (previous && !requestedAtChanged && 'dueAt' in data) violations.push(...checkDueAtUnchanged(data.dueAt as DateInput, instantOf(previous.dueAt)!));
  if (violations.length) reject(violations);

  if (requestedAtChanged) {
    const due = computeDue(requestedAt, context);
    data.requestedAt = requestedAt.toISOString();
    data.dueAt = due.at.toISOString();
    data.dueAtExplanation = due.explanation;
  } else {
    data.dueAt = previous!.dueAt;
    data.dueAtExplanation = previous!.dueAtExplanation;
  }
  if (!previous) data.sentOutsideSystem = Boolean(next.sentOutsideSystem);
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

async function onCaseDocument(write: Write) {
  const violations = await applyCaseDocumentRules(write.strapi, write.data, write.previous, write.context.now);
  if (violations.length) reject(violations);
}

async function onCalendarDay(write: Write) {
  const violations = checkCalendarDay({ ...write.previous, ...write.data });
  if (violations.length) reject(violations);
}

async function onCenter(write: Write) {
  rejectInverseRelationEdits(write.data, { complaints: 'henvendelsen' });
}

const handlers: Partial<Record<string, { populate: string[]; apply: (write: Write) => Promise<void> }>> = {
  [COMPLAINT]: { populate: [], apply: onComplaint },
  [CENTER]: { populate: [], apply: onCenter },
  [CALENDAR_DAY]: { populate: [], apply: onCalendarDay },
  [STATEMENT_REQUEST]: { populate: ['complaint', 'center'], apply: onStatementRequest },
  [OPINION]: { populate: ['complaint', 'center'], apply: onOpinion },
  [CASE_DOCUMENT]: { populate: ['complaint', 'file'], apply: onCaseDocument },
  // No rules of their own; the middleware gives them their heading.
  [MEETING]: { populate: ['complaint'], apply: async () => undefined },
  [RECOMMENDATION]: { populate: ['opinion'], apply: async () => undefined },
};

/** A case with a statement request or an opinion is part of the record (and of links sent to a center). */
async function refuseDeletingInvestigatedCase(strapi: Core.Strapi, documentId: string | undefined) {
  const complaint =
    documentId && (await strapi.db.query(COMPLAINT).findOne({ where: { documentId }, populate: ['statementRequests', 'opinions', 'documents'] }));
  if (complaint && (complaint.statementRequests?.length || complaint.opinions?.length)) {
    reject([{ path: 'id', message: `Sag ${complaint.caseNumber} har anmodninger om redegørelse eller udtalelser og kan ikke slettes.` }]);
  }
  // Its documents would be left without a case, out of reach of the access export and anonymisation.
  if (complaint && complaint.documents?.length) {
    reject([{ path: 'id', message: `Sag ${complaint.caseNumber} har dokumenter i sagen og kan ikke slettes.` }]);
  }
}

/** Received and sent documents are part of the record (R11's files, the center's answer, the letter). */
async function refuseDeletingCaseDocument(strapi: Core.Strapi, documentId: string | undefined) {
  const document = documentId && (await strapi.db.query(CASE_DOCUMENT).findOne({ where: { documentId } }));
  const blocker = document && caseDocumentDeletionBlocker(document);
  if (blocker) reject([{ path: 'id', message: blocker }]);
}

/** The journal middleware, registered just outside, records every write these rules let through, in the same transaction. */
export const caseRules =
  (strapi: Core.Strapi, policy: Policy = loadPolicy()): DocumentMiddleware =>
  async (ctx, next) => {
    const handler = handlers[ctx.uid];
    if (handler && ctx.action === 'clone') {
      // A copy would carry the case number, deadlines and links of the original.
      reject([{ path: 'id', message: 'Sagsdata kan ikke kopieres. Opret en ny registrering i stedet.' }]);
    }
    if (ctx.uid === COMPLAINT && ctx.action === 'delete') await refuseDeletingInvestigatedCase(strapi, (ctx.params as { documentId?: string }).documentId);
    if (ctx.uid === CASE_DOCUMENT && ctx.action === 'delete') await refuseDeletingCaseDocument(strapi, (ctx.params as { documentId?: string }).documentId);
    if (!handler || (ctx.action !== 'create' && ctx.action !== 'update')) return next();
    const params = ctx.params as { data?: Data; documentId?: string };
    params.data = params.data ?? {};
    // One transaction around the checks, the derived fields and the write itself.
    return inTransaction(strapi, async ({ trx }) => {
      const previous =
        ctx.action === 'update' ? await strapi.db.query(ctx.uid).findOne({ where: { documentId: params.documentId }, populate: handler.populate }) : null;
      const context: RuleContext = { now: new Date(), policy, calendar: await loadWorkingCalendar(strapi), imported: currentImport() !== undefined };
      // Strapi's field checks beside the rules: a refusal names every error of the save at once.
      const malformed = await schemaViolations(strapi, ctx.uid, params.data!, previous);
      try {
        await handler.apply({ strapi, trx, data: params.data!, previous, context });
      } catch (error) {
        if (malformed.length && error instanceof errors.ValidationError) {
          const ruleErrors = (error.details as { errors?: unknown[] })?.errors ?? [];
          throw new errors.ValidationError(error.message, { errors: [...ruleErrors, ...toDetails(malformed)] });
        }
        throw error;
      }
      if (malformed.length) reject(malformed);
      await setHeading(strapi, ctx.uid, params.data!, previous);
      const written = await next();
      await followCaseStatus(strapi, ctx.uid, ctx.action, written as { id?: number });
      return written;
    });
  };
