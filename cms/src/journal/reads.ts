/**
 * Reads of a case: an admin user opening a complaint, one of its statement requests or opinions
 * in the admin (GET of one document through the content-manager API) is journaled as `opened`,
 * at most once per user, case and minute. List views are not reads of one case.
 */
import type { Core } from '@strapi/strapi';
import { currentAdmin } from './actor';
import { caseOf, COMPLAINT, JOURNALED, OPINION, STATEMENT_REQUEST } from './describe';
import { caseEventSubjects } from '@borgerraadgiver/config';
import { loadRow } from './rows';
import { appendOnce } from './writer';

const READ_TYPES = new Set([COMPLAINT, STATEMENT_REQUEST, OPINION]);

function isAdminDocumentView(strapi: Core.Strapi, uid: string, documentId: string): boolean {
  const request = strapi.requestContext.get() as { method?: string; path?: string } | undefined;
  return request?.method === 'GET' && request.path === `/content-manager/collection-types/${uid}/${documentId}`;
}

export async function recordOpened(
  strapi: Core.Strapi,
  uid: string,
  document: ({ documentId?: string; id?: number } & Record<string, unknown>) | null,
): Promise<void> {
  if (!READ_TYPES.has(uid) || !document?.documentId || !isAdminDocumentView(strapi, uid, document.documentId)) return;
  const admin = currentAdmin(strapi);
  if (!admin) return;
  const row = uid === COMPLAINT ? document : await loadRow(strapi, uid, { documentId: document.documentId });
  const kase = caseOf(uid, row);
  if (!kase) return;
  const at = new Date();
  await appendOnce(strapi, {
    kind: 'opened',
    complaintId: kase.id,
    caseNumber: kase.caseNumber,
    summary: `${caseEventSubjects[JOURNALED[uid]]} åbnet i administrationen.`,
    subjectType: JOURNALED[uid],
    subjectDocumentId: document.documentId,
    actor: admin,
    at,
    dedupeKey: `opened:${admin.id}:${kase.id}:${Math.floor(at.getTime() / 60_000)}`,
  });
}
