/**
 * What Strapi's list view remembers of a list (its last sort, filters and page size, in the
 * browser's localStorage under STRAPI_LIST_VIEW_SETTINGS:<type>[:<instance>]), and what of it we
 * let it keep. Plain functions over a Storage, so they are unit-tested without a browser.
 */
export const LIST_SETTINGS = 'STRAPI_LIST_VIEW_SETTINGS:';

/** The part of the browser's localStorage used here; its items are also its own keys. */
export interface ListStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The operators Strapi's filter menu offers; a remembered filter with another one was not chosen there. */
const MENU_OPERATORS = new Set([
  '$eq',
  '$eqi',
  '$ne',
  '$nei',
  '$lt',
  '$lte',
  '$gt',
  '$gte',
  '$contains',
  '$containsi',
  '$notContains',
  '$notContainsi',
  '$startsWith',
  '$startsWithi',
  '$endsWith',
  '$endsWithi',
  '$null',
  '$notNull',
]);

/** One filter as the list shows it: a field (or a relation's field) with one menu operator and one value. */
function isShownFilter(filter: unknown, depth = 0): boolean {
  if (!filter || typeof filter !== 'object' || Array.isArray(filter)) return false;
  const entries = Object.entries(filter);
  if (entries.length !== 1) return false;
  const [key, value] = entries[0];
  if (MENU_OPERATORS.has(key)) return depth > 0 && (value === null || ['string', 'number', 'boolean'].includes(typeof value));
  return !key.startsWith('$') && depth < 2 && isShownFilter(value, depth + 1);
}

/** Forgets a list's remembered filters unless every one is shown as a filter the user can remove. */
export function forgetHiddenFilters(model: string, storage: ListStorage) {
  for (const key of Object.keys(storage)) {
    if (!key.startsWith(`${LIST_SETTINGS}${model}`)) continue;
    let saved: { filters?: unknown } & Record<string, unknown>;
    try {
      saved = JSON.parse(storage.getItem(key) ?? '');
    } catch {
      continue;
    }
    const filters = saved?.filters as Record<string, unknown> | undefined;
    if (!filters) continue;
    const and = filters.$and;
    if (Object.keys(filters).length === 1 && Array.isArray(and) && and.every((filter) => isShownFilter(filter))) continue;
    const { filters: _hidden, ...rest } = saved;
    if (Object.keys(rest).length) storage.setItem(key, JSON.stringify(rest));
    else storage.removeItem(key);
  }
}
