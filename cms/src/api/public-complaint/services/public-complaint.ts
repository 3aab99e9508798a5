import { errors } from '@strapi/utils';
import { insertRows } from '../../../outbox/writer';
import { complaintReceiptEmail } from '../../../outbox/catalogue';
import { fileOrRemove, fileReceived, storeIncoming, type IncomingFile } from '../../../documents/receive';
import {
  createRateLimiter,
  HONEYPOT_FIELD,
  isHoneypotFilled,
  RATE_LIMITS,
  validateComplaint,
  type PublicCenter,
  type RateLimiter,
} from '@borgerraadgiver/config';
import { withNulls, type FactoryArgs } from '../../../strapi-types';
import { activeFilter } from '../../../input/references';
import { claimKey, findRegistered, isWellFormedKey, recordRegistered, type Registered } from '../../../db/submission-keys';
import { COMPLAINT, CENTER } from '../../../content-types';
import { inTransaction } from '../../../db/transaction';

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

  /**
   * Validates, creates the inquiry through the Document Service (so the case rules run) and plans
   * the receipt email. With a submission key, a repeat within 24 hours returns the first
   * registration (`repeated`) and plans nothing.
   */
  async submit(input: unknown, incoming: IncomingFile[] = [], submissionKey?: string | null): Promise<Registered & { repeated: boolean }> {
    const knex = strapi.db.connection;
    if (submissionKey) {
      if (!isWellFormedKey(submissionKey)) {
        throw new errors.ValidationError('Ugyldig indsendelsesnøgle.', {
          errors: [{ path: ['submissionKey'], message: 'Indsendelsesnøglen skal være 16-255 tegn uden mellemrum. Genindlæs formularen, og send igen.' }],
        });
      }
      const earlier = await findRegistered(knex, submissionKey);
      if (earlier) return { ...earlier, repeated: true };
    }
    if (isHoneypotFilled(input)) {
      throw new errors.ValidationError('Henvendelsen kunne ikke modtages.', {
        errors: [{ path: [HONEYPOT_FIELD], message: 'Dette felt skal være tomt.' }],
      });
    }
    const { data, errors: fieldErrors } = validateComplaint(input);
    if (data?.centerDocumentId) {
      const center = await strapi.documents(CENTER).findOne({ documentId: data.centerDocumentId, fields: ['id', 'active'] });
      if (!center || center.active === false) fieldErrors.push({ path: ['center'], message: 'Vælg et center fra listen, eller vælg "Ved ikke".' });
    }
    if (!data || fieldErrors.length) {
      throw new errors.ValidationError(fieldErrors[0]?.message ?? 'Ugyldige oplysninger.', { errors: fieldErrors });
    }

    const { centerDocumentId, ...fields } = data;
    const now = new Date().toISOString();
    // The citizen's attachments (e.g. the decision complained about) are checked and stored first.
    const files = await storeIncoming(strapi, incoming);
    try {
      return await fileOrRemove(strapi, files, () =>
        inTransaction(strapi, async ({ trx }) => {
          if (submissionKey) await claimKey(knex, trx, submissionKey);
          const complaint = await strapi.documents(COMPLAINT).create({
            data: withNulls(COMPLAINT, { ...fields, center: centerDocumentId ?? null, channel: 'web', caseStatus: 'modtaget', receivedAt: now }),
          });
          await fileReceived(strapi, complaint, files, { source: 'borger', now: new Date(now) });
          if (data.citizenEmail) {
            // Through the outbox writer: same transaction, job enqueued after commit; the workers send it.
            await insertRows(strapi, [complaintReceiptEmail({ id: Number(complaint.id) }, data.citizenEmail, new Date(now))]);
          }
          const registered = { caseNumber: complaint.caseNumber ?? null, documentId: complaint.documentId };
          if (submissionKey) await recordRegistered(knex, trx, submissionKey, registered);
          return { ...registered, repeated: false };
        }),
      );
    } catch (error) {
      // A concurrent duplicate claimed the key first and has committed by now.
      const earlier = submissionKey ? await findRegistered(knex, submissionKey) : null;
      if (earlier) return { ...earlier, repeated: true };
      throw error;
    }
  },

  /** Names and documentIds only, for the form's select. */
  async listCenters(): Promise<PublicCenter[]> {
    const centers = await strapi.documents(CENTER).findMany({ fields: ['name'], filters: activeFilter, sort: 'name:asc', limit: 200 });
    return centers.map((c) => ({ documentId: c.documentId, name: c.name ?? '' }));
  },
});
