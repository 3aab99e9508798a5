/** The homepage widget's lists: statements past their deadline and deadlines of the coming days. */
import type { Knex } from 'knex';
import { rows, sqlFor } from './dialect';
import { effectiveDueSql, openRequestSql } from '../../rules/links';

export interface DeadlineItem {
  documentId: string;
  caseNumber: string | null;
  complaintDocumentId: string | null;
  centerName: string | null;
  requestedAt: string | null;
  dueAt: string;
  /** Whole and fractional days past the deadline (negative: days left). */
  daysOverdue: number;
}

/** A row of the statement deadlines' query. */
interface DeadlineRow {
  document_id: unknown;
  requested_at: unknown;
  due: unknown;
  case_number: string | null;
  complaint_document_id: string | null;
  center_name: string | null;
}

export async function statementDeadlines(knex: Knex, now: Date, aheadDays = 7, limit = 50): Promise<{ overdue: DeadlineItem[]; dueSoon: DeadlineItem[] }> {
  const sql = sqlFor(knex);
  const due = effectiveDueSql('s');
  const select = (where: string, bindings: unknown[]) =>
    rows<DeadlineRow>(
      knex,
      `SELECT s.document_id AS document_id, s.requested_at AS requested_at, ${due} AS due,
              c.case_number AS case_number, c.document_id AS complaint_document_id, ce.name AS center_name
         FROM statement_requests s
         LEFT JOIN statement_requests_complaint_lnk sl ON sl.statement_request_id = s.id
         LEFT JOIN complaints c ON c.id = sl.complaint_id
         LEFT JOIN statement_requests_center_lnk scl ON scl.statement_request_id = s.id
         LEFT JOIN centers ce ON ce.id = scl.center_id
        WHERE ${openRequestSql('s')} AND ${where}
        ORDER BY ${due} LIMIT ${Number(limit)}`,
      bindings,
    );
  const ahead = new Date(now.getTime() + aheadDays * 86_400_000);
  const toItem = (x: DeadlineRow): DeadlineItem => {
    const dueAt = sql.toDate(x.due)!;
    return {
      documentId: String(x.document_id),
      caseNumber: x.case_number ?? null,
      complaintDocumentId: x.complaint_document_id ?? null,
      centerName: x.center_name ?? null,
      requestedAt: sql.toDate(x.requested_at)?.toISOString() ?? null,
      dueAt: dueAt.toISOString(),
      daysOverdue: Math.round(((now.getTime() - dueAt.getTime()) / 86_400_000) * 10) / 10,
    };
  };
  const overdue = (await select(`${due} < ?`, [sql.instant(now)])).map(toItem);
  const dueSoon = (await select(`${due} >= ? AND ${due} < ?`, [sql.instant(now), sql.instant(ahead)])).map(toItem);
  return { overdue, dueSoon };
}
