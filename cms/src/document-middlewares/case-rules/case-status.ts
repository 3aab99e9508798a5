/**
 * The case status follows what happens on the case (rules/case-actions statusAfter): a statement
 * request sent starts the investigation, and names it the case's handling form (handlingAfter); an
 * issued opinion ends it. Called by the case-rules middleware after the write, inside its
 * transaction; the change is an ordinary update of the case, so the case rules check it and the
 * journal records it like any other.
 */
import type { Core, UID } from '@strapi/strapi';
import { handlingAfter, statusAfter, type CaseStatusEvent } from '../../rules';
import { COMPLAINT, OPINION, STATEMENT_REQUEST } from '../../content-types';

const events: Partial<Record<string, CaseStatusEvent>> = {
  [STATEMENT_REQUEST]: 'statement_requested',
  [OPINION]: 'opinion_issued',
};

export async function followCaseStatus(strapi: Core.Strapi, uid: string, action: string, written: { id?: number } | null | undefined) {
  const event = events[uid];
  if (!event || action !== 'create' || !written?.id) return;
  const row = await strapi.db.query(uid as UID.ContentType).findOne({ where: { id: written.id }, populate: ['complaint'] });
  const complaint = row?.complaint;
  if (!complaint || (event === 'opinion_issued' && row.kind === 'general')) return;
  const caseStatus = statusAfter(event, complaint.caseStatus);
  const handling = handlingAfter(event, complaint.handling);
  const data = { ...(caseStatus ? { caseStatus } : {}), ...(handling ? { handling } : {}) };
  if (Object.keys(data).length) await strapi.documents(COMPLAINT).update({ documentId: complaint.documentId, data });
}
