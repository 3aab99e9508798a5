/**
 * Delivery failures reach the advisor: the admin home page lists the rows that ended `failed`
 * (admin widget, reading the outbox through the content manager), and once a day (across all
 * instances) one e-mail to the advisor lists the failures not yet reported. Each failure is reported once: the digest's
 * outbox row id is written on the failed rows it lists (`failureDigest`).
 */
import type { Core } from '@strapi/strapi';
import { loadEndpoints, municipality, TIME_ZONE, type DeliveryFailure } from '@borgerraadgiver/config';
import { dailyJobsRule, runOncePerDay } from '../cluster/locks';
import { insertRows, type PopulatedRow } from './writer';
import { deliveryFailuresEmail } from './catalogue';
import { NOTIFICATION } from '../content-types';
import { adminUrl, caseAdminUrl } from '../admin-urls';
import { inTransaction } from '../db/transaction';

const DIGEST = 'delivery_failures';

/**
 * Plans an e-mail to the advisor listing the failed deliveries not reported before. The failed
 * rows are claimed with one conditional UPDATE, so each failure is listed once even when two
 * callers race (PostgreSQL re-checks the condition after the other's commit; SQLite runs one
 * write transaction at a time); a caller left without rows drops its e-mail. Returns how many
 * failures it lists.
 */
export async function queueFailureDigest(strapi: Core.Strapi, now = new Date()): Promise<number> {
  return inTransaction(strapi, async () => {
    const notifications = strapi.db.query(NOTIFICATION);
    const unreported = { deliveryStatus: 'failed', failureDigest: { $null: true }, kind: { $ne: DIGEST } };
    if (!(await notifications.count({ where: unreported }))) return 0;
    const [digest] = await insertRows(strapi, [deliveryFailuresEmail(now)]);
    const { count } = await notifications.updateMany({ where: unreported, data: { failureDigest: digest.documentId } });
    if (!count) await notifications.delete({ where: { id: digest.id } });
    return count;
  });
}

/** The daily run: at most one e-mail a day across every CMS instance (runOncePerDay). */
export async function runFailureDigest(strapi: Core.Strapi, now = new Date()): Promise<number> {
  let listed = 0;
  await runOncePerDay(
    strapi,
    'delivery-failures',
    async () => {
      listed = await queueFailureDigest(strapi, now);
    },
    now,
  );
  return listed;
}

/** The failures a digest row lists, for its e-mail (no complaint content, only case numbers). */
export async function failuresOf(strapi: Core.Strapi, digestDocumentId: string): Promise<DeliveryFailure[]> {
  const rows: PopulatedRow[] = await strapi.db.query(NOTIFICATION).findMany({
    where: { failureDigest: digestDocumentId },
    populate: { statementRequest: { populate: { complaint: true } }, opinion: { populate: { complaint: true } }, complaint: true },
    orderBy: { notBefore: 'asc' },
  });
  const cmsUrl = loadEndpoints(process.env, municipality.email).cmsUrl;
  return rows.map((row) => {
    const complaint = row.statementRequest?.complaint ?? row.opinion?.complaint ?? row.complaint;
    return {
      kind: row.kind,
      recipient: row.recipient,
      caseNumber: complaint?.caseNumber ?? null,
      notBefore: new Date(row.notBefore).toISOString(),
      attempts: row.attempts ?? 0,
      error: row.lastError ? String(row.lastError).slice(0, 300) : (row.statusNote ?? null),
      // The case, where the e-mail and its error are listed; the e-mail's own page when it has no case.
      adminUrl: complaint ? caseAdminUrl(cmsUrl, complaint.documentId) : adminUrl(cmsUrl, NOTIFICATION, row.documentId),
    };
  });
}

/** Daily with the other daily jobs (DAILY_JOBS_CRON, 07:00 Copenhagen time), after the night's retries. */
export function scheduleFailureDigest(strapi: Core.Strapi) {
  strapi.cron.add({
    deliveryFailuresDaily: {
      task: () => runFailureDigest(strapi).catch((error) => strapi.log.warn(`outbox: failure digest failed: ${(error as Error).message}`)),
      options: { rule: dailyJobsRule(), tz: TIME_ZONE },
    },
  });
}
