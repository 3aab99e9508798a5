/**
 * The home page's shortcuts open their lists: the admin reads a list URL with qs at its default
 * depth (the copy Strapi's admin bundles), so a filter nested deeper turns into a literal key the
 * server refuses ("Invalid key …") and the list remembers. Each view must parse back to the
 * filters it was built from.
 */
import qs from 'qs';
import { awaitingStatementView, openCasesView, overdueStatementsView, shortcutViews } from '../../cms/src/admin/workspace/views';
import { forgetHiddenFilters } from '../../cms/src/admin/workspace/rememberedViews';

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

/** localStorage as the browser has it: the items are the object's own keys. */
class MemoryStorage {
  [key: string]: unknown;
  getItem(key: string) {
    return Object.prototype.hasOwnProperty.call(this, key) ? String(this[key]) : null;
  }
  setItem(key: string, value: string) {
    this[key] = value;
  }
  removeItem(key: string) {
    delete this[key];
  }
}

describe('a remembered list view keeps only the filters the list shows', () => {
  const REQUEST = 'api::statement-request.statement-request';
  const COMPLAINT = 'api::complaint.complaint';
  const remembered = (to: string) => {
    const { filters, sort, pageSize } = parse(to);
    return JSON.stringify({ filters, sort, pageSize });
  };

  test.each([
    ['the overdue shortcut (either deadline: no filter of its own on screen)', REQUEST, overdueStatementsView(now), false],
    ['the open cases shortcut (a list of statuses)', COMPLAINT, openCasesView(), false],
    ['one status, as the filter menu makes it', COMPLAINT, openCasesView('visitation'), true],
    ["a relation's field, as the filter menu makes it", COMPLAINT, awaitingStatementView(), true],
  ])('%s', (_name, model, to, kept) => {
    const storage = new MemoryStorage();
    const key = `STRAPI_LIST_VIEW_SETTINGS:${model}:instance-uuid`;
    const other = `STRAPI_LIST_VIEW_SETTINGS:api::center.center:instance-uuid`;
    storage.setItem(key, remembered(to));
    storage.setItem(other, remembered(openCasesView()));
    forgetHiddenFilters(model, storage);
    const after = JSON.parse(storage.getItem(key)!);
    expect(after).toMatchObject({ sort: parse(to).sort, pageSize: '50' });
    expect(after.filters).toEqual(kept ? parse(to).filters : undefined);
    // Another list's memory is that list's business.
    expect(storage.getItem(other)).toBe(remembered(openCasesView()));
  });

  test('nothing left to remember: the entry goes', () => {
    const storage = new MemoryStorage();
    storage.setItem(`STRAPI_LIST_VIEW_SETTINGS:${REQUEST}`, JSON.stringify({ filters: { $or: [{ dueAt: { $lt: 'x' } }] } }));
    forgetHiddenFilters(REQUEST, storage);
    expect(storage.getItem(`STRAPI_LIST_VIEW_SETTINGS:${REQUEST}`)).toBeNull();
  });
});
