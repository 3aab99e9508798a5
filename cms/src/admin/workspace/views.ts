/**
 * One-click views of the lists, as content-manager list URLs with their filters. Built at click
 * time: "overdue" compares with now, and an agreed deadline replaces the computed one.
 *
 * The admin parses its URL with qs's default depth of 5 brackets: anything deeper becomes one
 * literal key ("Invalid key …"), which the list then remembers. Filters here stay within that
 * depth (a unit test parses every view the way the admin does).
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
      requestStatus: { $eq: 'sendt' },
      $or: [{ agreedDueAt: { $lt: now.toISOString() } }, { agreedDueAt: { $null: true }, dueAt: { $lt: now.toISOString() } }],
    },
    'dueAt:ASC',
  );

/**
 * Views whose filter the list cannot show as a filter of its own (an "either deadline" $or): the
 * list says what it shows instead, by the parameter that only that view sets.
 */
export const unlistedFilterViews = [
  {
    uid: STATEMENT_REQUEST,
    param: 'filters[$or][0][agreedDueAt][$lt]',
    text: 'Viser kun overskredne redegørelser: frist eller aftalt frist er passeret, og centret har ikke svaret.',
  },
];

/** Every shortcut of the home page, for the widget and for the tests that open each one. */
export const shortcutViews = () => [
  { label: 'Åbne sager', to: openCasesView() },
  { label: 'Sager, der afventer en redegørelse', to: awaitingStatementView() },
  // "Overdue" is measured against the time the home page was opened.
  { label: 'Overskredne redegørelser (aftalte frister tæller)', to: overdueStatementsView() },
];

/** The advisor's intake page (its menu link's path). */
export const INTAKE_PATH = 'ny-henvendelse';

/** The advisor's intake, with how the inquiry came chosen; `quick` for a quick contact. */
export const intakeView = (channel: string, quick = false) => `/${INTAKE_PATH}?${new URLSearchParams({ kanal: channel, ...(quick ? { kort: '1' } : {}) })}`;

/** The intake's form on a registered case: "Ret registreringen". */
export const registrationView = (documentId: string) => `/${INTAKE_PATH}?${new URLSearchParams({ sag: documentId })}`;
