/**
 * One-click views of the lists, as content-manager list URLs with their filters. Built at click
 * time: "overdue" compares with now, and an agreed deadline replaces the computed one.
 */
import { closedStatuses } from '../../rules/complaint-status';
import { COMPLAINT, STATEMENT_REQUEST } from '../../content-types';

/** Nested query parameters as the content manager reads them: filters[$and][0][caseStatus][$eq]=… */
function flatten(value: unknown, key: string, out: [string, string][]): [string, string][] {
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flatten(v, key ? `${key}[${k}]` : k, out);
  } else out.push([key, String(value)]);
  return out;
}

const list = (uid: string, filters: object, sort: string) =>
  `/content-manager/collection-types/${uid}?${new URLSearchParams(flatten({ page: 1, pageSize: 50, sort, filters }, '', [])).toString()}`;

export const openCasesView = (status?: string) =>
  list(COMPLAINT, status ? { $and: [{ caseStatus: { $eq: status } }] } : { $and: [{ caseStatus: { $notIn: closedStatuses } }] }, 'receivedAt:ASC');

export const awaitingStatementView = () => list(COMPLAINT, { $and: [{ statementRequests: { requestStatus: { $eq: 'sendt' } } }] }, 'receivedAt:ASC');

export const overdueStatementsView = (now = new Date()) =>
  list(
    STATEMENT_REQUEST,
    {
      $and: [
        { requestStatus: { $eq: 'sendt' } },
        { $or: [{ agreedDueAt: { $lt: now.toISOString() } }, { $and: [{ agreedDueAt: { $null: true } }, { dueAt: { $lt: now.toISOString() } }] }] },
      ],
    },
    'dueAt:ASC',
  );
