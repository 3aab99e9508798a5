/**
 * Retention in the database: the cases "Sager til anonymisering" lists (due, soon due,
 * postponed), the advisor's postponement, and the daily run that anonymises the due cases.
 * The rules (when a case is due) are ../rules/retention.ts.
 */
import type { Core } from '@strapi/strapi';
import { DateTime } from 'luxon';
import { durationInDanish, localDate, TIME_ZONE, type Policy } from '@borgerraadgiver/config';
import { closedStatuses } from '../rules/complaint-status';
import { toInstant } from '../rules/dates';
import { retentionDueAt, retentionListCutoff, retentionStatus, type RetentionStatus } from '../rules/retention';
import { anonymiseCase } from './anonymise';
import { COMPLAINT } from '../content-types';

export interface RetentionItem {
  id: number;
  documentId: string;
  caseNumber: string | null;
  caseStatus: string;
  /** UTC instants. */
  closedAt: string;
  dueAt: string;
  status: Extract<RetentionStatus, 'due' | 'soon' | 'postponed'>;
  /** Local date, and the advisor's reason, when postponed. */
  retentionHoldUntil: string | null;
  retentionHoldReason: string | null;
  /** The case's version (updatedAt), for the advisor's action on it. */
  updatedAt: string;
}

type RetentionPolicy = Pick<Policy, 'retentionAfterClosure' | 'retentionNotice'>;

/** Closed cases not yet anonymised that are due, due within RETENTION_NOTICE, or postponed; soonest first. */
export async function retentionList(strapi: Core.Strapi, policy: RetentionPolicy, now = new Date()): Promise<RetentionItem[]> {
  const rows = await strapi.db.query(COMPLAINT).findMany({
    where: { anonymisedAt: null, caseStatus: { $in: [...closedStatuses] }, closedAt: { $notNull: true, $lte: retentionListCutoff(now, policy) } },
    select: ['id', 'documentId', 'caseNumber', 'caseStatus', 'closedAt', 'anonymisedAt', 'retentionHoldUntil', 'retentionHoldReason', 'updatedAt'],
    orderBy: { closedAt: 'asc' },
  });
  const items: RetentionItem[] = [];
  for (const row of rows) {
    const status = retentionStatus(row, now, policy);
    if (status !== 'due' && status !== 'soon' && status !== 'postponed') continue;
    const closedAt = toInstant(row.closedAt)!;
    items.push({
      id: row.id,
      documentId: row.documentId,
      caseNumber: row.caseNumber ?? null,
      caseStatus: row.caseStatus,
      closedAt: closedAt.toISOString(),
      dueAt: retentionDueAt(closedAt, policy).toISOString(),
      status,
      retentionHoldUntil: row.retentionHoldUntil ? String(row.retentionHoldUntil).slice(0, 10) : null,
      retentionHoldReason: row.retentionHoldReason ?? null,
      updatedAt: toInstant(row.updatedAt)!.toISOString(),
    });
  }
  return items;
}

/**
 * Anonymises every due case (the daily job). Each case is claimed with the condition that it is
 * still past retention and not postponed, so a postponement or a reopening just before wins.
 * Resolves with the case numbers anonymised by this run.
 */
export async function runRetention(strapi: Core.Strapi, policy: RetentionPolicy, now = new Date()): Promise<string[]> {
  const due = (await retentionList(strapi, policy, now)).filter((item) => item.status === 'due');
  const closedBefore = DateTime.fromJSDate(now, { zone: TIME_ZONE }).minus(policy.retentionAfterClosure.duration).toJSDate();
  const stillDue = {
    caseStatus: { $in: [...closedStatuses] },
    closedAt: { $notNull: true, $lte: closedBefore },
    $or: [{ retentionHoldUntil: null }, { retentionHoldUntil: { $lt: localDate(now) } }],
  };
  const reason = `Opbevaringsperioden på ${durationInDanish(policy.retentionAfterClosure)} efter sagens afslutning er udløbet.`;
  const anonymised: string[] = [];
  for (const item of due) {
    const done = await anonymiseCase(strapi, item.id, { reason, actor: { type: 'system', name: 'Opbevaringsjobbet' }, now, condition: stillDue });
    if (done) anonymised.push(item.caseNumber ?? String(item.id));
  }
  if (anonymised.length) strapi.log.info(`privacy: retention run anonymised ${anonymised.length} case(s)`);
  return anonymised;
}
