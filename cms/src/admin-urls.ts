/**
 * Where the admin shows a record: the content manager's edit page. E-mails to the office open the
 * case itself whenever there is one (its statements, opinions and e-mails are on the case page).
 */
import { COMPLAINT } from './content-types';

/** The admin path of a record, relative to the admin panel (as the admin's router links it). */
export const adminPath = (uid: string, documentId: string) => `/content-manager/collection-types/${uid}/${documentId}`;

/** The full address of a record's page in the admin, for e-mails. */
export const adminUrl = (cmsUrl: string, uid: string, documentId: string) => `${cmsUrl.replace(/\/$/, '')}/admin${adminPath(uid, documentId)}`;

/** The case's page, for e-mails about anything that belongs to a case. */
export const caseAdminUrl = (cmsUrl: string, caseDocumentId: string) => adminUrl(cmsUrl, COMPLAINT, caseDocumentId);
