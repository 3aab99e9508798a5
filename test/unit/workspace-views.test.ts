/**
 * The home page's shortcuts open their lists: the admin reads a list URL with qs at its default
 * depth (the copy Strapi's admin bundles), so a filter nested deeper turns into a literal key the
 * server refuses ("Invalid key …") and the list remembers. Each view must parse back to the
 * filters it was built from.
 */
import qs from 'qs';
import { awaitingStatementView, openCasesView, overdueStatementsView, shortcutViews } from '../../cms/src/admin/workspace/views';

const now = new Date('2026-12-05T23:00:00Z');
const parse = (to: string) => qs.parse(to.split('?')[1]);
const keys = (value: unknown): string[] => (value && typeof value === 'object' ? Object.entries(value).flatMap(([key, inner]) => [key, ...keys(inner)]) : []);

test.each([
  ['open cases', openCasesView()],
  ['open cases of one status', openCasesView('visitation')],
  ['awaiting a statement', awaitingStatementView()],
  ['overdue statements', overdueStatementsView(now)],
  ...shortcutViews().map((view) => [view.label, view.to]),
])('%s parses without literal bracket keys', (_name, to) => {
  const query = parse(to);
  expect(keys(query.filters).filter((key) => key.includes('['))).toEqual([]);
  expect(query).toMatchObject({ page: '1', pageSize: '50' });
});

test('overdue: an agreed deadline replaces the computed one', () => {
  expect(parse(overdueStatementsView(now)).filters).toEqual({
    requestStatus: { $eq: 'sendt' },
    $or: [{ agreedDueAt: { $lt: now.toISOString() } }, { agreedDueAt: { $null: 'true' }, dueAt: { $lt: now.toISOString() } }],
  });
});
