/** Applies the case file's rules (../rules/case-document) to a write of a case document. */
import type { Core } from '@strapi/strapi';
import { loadDocumentSettings } from '@borgerraadgiver/config';
import { checkCaseDocument, type Violation } from '../../rules';
import { relationTarget, storedId } from './relations';
import { CASE_DOCUMENT, COMPLAINT } from '../../content-types';

const FILE = 'plugin::upload.file';

type Data = Record<string, unknown>;

/** Bytes of a stored file (the upload plugin keeps kilobytes). */
const bytesOf = (file: { size?: number | string } | null | undefined) => Math.round(Number(file?.size ?? 0) * 1024);

export async function applyCaseDocumentRules(strapi: Core.Strapi, data: Data, previous: Data | null, now: Date): Promise<Violation[]> {
  const fileRef = relationTarget(data.file);
  const file = fileRef === undefined ? (previous?.file ?? null) : fileRef && (await strapi.db.query(FILE).findOne({ where: fileRef }));
  const complaintRef = relationTarget(data.complaint);
  const complaint =
    complaintRef === undefined
      ? (previous?.complaint ?? null)
      : complaintRef && (await strapi.db.query(COMPLAINT).findOne({ where: complaintRef, select: ['id'] }));
  const next = { ...previous, ...data, file, complaint };
  const fileChanged = Boolean(previous) && storedId(previous?.file) !== storedId(file);

  let caseBytes = 0;
  if (complaint && file) {
    const others = await strapi.db
      .query(CASE_DOCUMENT)
      .findMany({ where: { complaint: { id: complaint.id }, ...(previous ? { id: { $ne: previous.id } } : {}) }, populate: { file: { select: ['size'] } } });
    caseBytes = others.reduce((sum: number, document: { file?: { size?: number | string } | null }) => sum + bytesOf(document.file), 0) + bytesOf(file);
  }
  const violations = checkCaseDocument(next, previous, caseBytes, loadDocumentSettings().maxCaseBytes, fileChanged);
  if (!violations.length) {
    if (file) data.sizeBytes = bytesOf(file);
    if (!previous && !data.registeredAt) data.registeredAt = now.toISOString();
    if (!previous && !data.title && file?.name) data.title = file.name;
  }
  return violations;
}
