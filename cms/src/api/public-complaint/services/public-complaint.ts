import { errors } from '@strapi/utils';
import { insertRows } from '../../../outbox/writer';
import { fileReceived, removeStored, storeIncoming, type IncomingFile } from '../../../documents/receive';
import { createRateLimiter, RATE_LIMITS, type RateLimiter } from '@borgerraadgiver/config';
import { HONEYPOT_FIELD, isHoneypotFilled, validateComplaint } from '../validation';
import type { FactoryArgs } from '../../../strapi-types';

const COMPLAINT = 'api::complaint.complaint';
let limiter: RateLimiter | null = null;
/** Submissions per IP per 10 minutes, counted in Redis across all instances; made on first use, after the environment is set. */
const complaintLimiter = () => (limiter ??= createRateLimiter(RATE_LIMITS.publicComplaint));

export default ({ strapi }: FactoryArgs) => ({
  async checkRateLimit(ip: string) {
    if ((await complaintLimiter().hit(ip)) !== null) {
      throw new errors.RateLimitError('Der er sendt for mange henvendelser på kort tid. Prøv igen om 10 minutter.');
    }
  },

  resetRateLimit() {
    return complaintLimiter().reset();
  },

  /** Validates, creates the inquiry through the Document Service (so the case rules run) and plans the receipt email. */
  async submit(input: unknown, incoming: IncomingFile[] = []): Promise<{ caseNumber: string | null; documentId: string }> {
    if (isHoneypotFilled(input)) {
      throw new errors.ValidationError('Henvendelsen kunne ikke modtages.', {
        errors: [{ path: [HONEYPOT_FIELD], message: 'Dette felt skal være tomt.' }],
      });
    }
    const { data, errors: fieldErrors } = validateComplaint(input);
    if (data?.centerDocumentId) {
      const center = await strapi.documents('api::center.center').findOne({ documentId: data.centerDocumentId, fields: ['id'] });
      if (!center) fieldErrors.push({ path: ['center'], message: 'Vælg et center fra listen, eller vælg "Ved ikke".' });
    }
    if (!data || fieldErrors.length) {
      throw new errors.ValidationError(fieldErrors[0]?.message ?? 'Ugyldige oplysninger.', { errors: fieldErrors });
    }

    const { centerDocumentId, ...fields } = data;
    const now = new Date().toISOString();
    // The citizen's attachments (e.g. the decision complained about) are checked and stored first.
    const files = await storeIncoming(strapi, incoming);
    return strapi.db.transaction(async () => {
      const complaint = await strapi.documents(COMPLAINT).create({
        data: { ...fields, center: centerDocumentId ?? null, channel: 'web', caseStatus: 'modtaget', receivedAt: now },
      });
      await fileReceived(strapi, complaint, files, { source: 'borger', now: new Date(now) });
      if (data.citizenEmail) {
        // Through the outbox writer: same transaction, job enqueued after commit; the workers send it.
        await insertRows(strapi, [
          { kind: 'complaint_receipt', recipient: data.citizenEmail, subject: 'Kvittering for din henvendelse til borgerrådgiveren', complaint: Number(complaint.id), notBefore: new Date(now), dueVersion: '' },
        ]);
      }
      return { caseNumber: complaint.caseNumber ?? null, documentId: complaint.documentId };
    }).catch(async (error: unknown) => {
      await removeStored(strapi, files);
      throw error;
    });
  },

  /** Names and documentIds only, for the form's select. */
  async listCenters(): Promise<{ documentId: string; name: string }[]> {
    const centers = await strapi.documents('api::center.center').findMany({ fields: ['name'], sort: 'name:asc', limit: 200 });
    return centers.map((c) => ({ documentId: c.documentId, name: c.name }));
  },
});
