/**
 * Writes outbox rows (api::notification.notification) inside the caller's transaction and
 * enqueues their jobs only after it commits. Rows are written with the query engine, below the
 * Document Service, so the admin panel's read-only guard (document-middlewares/read-only.ts) never blocks them.
 */
import type { Core } from '@strapi/strapi';
import { loadPolicy, municipality, notificationKinds } from '@borgerraadgiver/config';
import { recordNotifications } from '../journal';
import { enqueueRows } from './queue';
import { NotificationKind, PlannedRow, type OpinionFacts } from './schedule';
import type { RequestFacts } from '../rules/links';
import { NOTIFICATION } from '../content-types';
import { afterCommit } from '../db/transaction';

export interface NewRow extends PlannedRow {
  statementRequest?: number;
  opinion?: number;
  complaint?: number;
  linkVersion?: number;
  subject?: string;
  /** A statement request mailed again with a new link (the earlier links stop working). */
  linkReissued?: boolean;
}

export interface StoredRow {
  id: number;
  documentId: string;
  kind: NotificationKind;
  deliveryStatus: string;
  notBefore: string;
  [key: string]: unknown;
}

/** A case as an outbox row's relations populate it. */
type RowCase = {
  id: number;
  documentId: string;
  caseNumber?: string | null;
  caseStatus?: string | null;
  identity?: string | null;
  citizenEmail?: string | null;
};

/** A stored outbox row with its relations, each present as far as the query populates it. */
export interface PopulatedRow extends StoredRow {
  recipient: string;
  dueVersion?: string | null;
  linkVersion?: number | null;
  attempts?: number | null;
  lastError?: string | null;
  statusNote?: string | null;
  statementRequest?: ({ id: number; documentId: string; complaint?: RowCase | null } & RequestFacts) | null;
  opinion?: ({ id: number; documentId: string; complaint?: RowCase | null; center?: { name?: string | null } | null } & OpinionFacts) | null;
  complaint?: RowCase | null;
}

export async function insertRows(strapi: Core.Strapi, rows: NewRow[]): Promise<StoredRow[]> {
  const created: StoredRow[] = [];
  for (const row of rows) {
    created.push(
      await strapi.db.query(NOTIFICATION).create({
        data: {
          kind: row.kind,
          heading: notificationKinds[row.kind],
          recipient: row.recipient,
          notBefore: row.notBefore.toISOString(),
          dueVersion: row.dueVersion,
          deliveryStatus: 'planned',
          attempts: 0,
          subject: row.subject ?? null,
          linkReissued: row.linkReissued ?? false,
          linkVersion: row.linkVersion ?? null,
          statementRequest: row.statementRequest ?? null,
          opinion: row.opinion ?? null,
          complaint: row.complaint ?? null,
        },
      }),
    );
  }
  if (created.length) await recordNotifications(strapi, { id: { $in: created.map((row) => row.id) } }, 'notification_planned');
  await scheduleDelivery(strapi, created);
  return created;
}

/** Enqueue jobs for rows once the transaction they were written in has committed. */
export async function scheduleDelivery(strapi: Core.Strapi, rows: { documentId: string; notBefore: string | Date; deliveryStatus?: string }[]) {
  const planned = rows.filter((row) => !row.deliveryStatus || row.deliveryStatus === 'planned');
  if (planned.length) await afterCommit(strapi, () => enqueueRows(planned, strapi.log));
}

/** Cancels the still-planned rows matching `where` (a sent row is history and stays as it is). */
export async function cancelPlanned(strapi: Core.Strapi, where: Record<string, unknown>, note: string): Promise<number> {
  const rows: { id: number }[] = await strapi.db.query(NOTIFICATION).findMany({ where: { ...where, deliveryStatus: 'planned' }, select: ['id'] });
  if (!rows.length) return 0;
  const { count } = await strapi.db.query(NOTIFICATION).updateMany({
    where: { id: { $in: rows.map((row) => row.id) }, deliveryStatus: 'planned' },
    data: { deliveryStatus: 'cancelled', statusNote: note },
  });
  await recordNotifications(strapi, { id: { $in: rows.map((row) => row.id) }, deliveryStatus: 'cancelled', statusNote: note }, 'notification_cancelled');
  return count;
}

export const advisorEmail = () => municipality.email;
export const policy = () => loadPolicy();
