/**
 * Fields a staff member may not read are not searchable, filterable or sortable either: otherwise
 * the administrative assistant, who may not see citizens' names, could search for a name and
 * learn from the hit count whether that citizen complained. Applied to the Document Service's
 * reads made for the admin panel's content manager: the free-text search (`_q`) covers only the readable text
 * fields, and a filter or sort on an unreadable field (also through a relation) is refused with
 * the same answer whatever the value.
 */
import type { Core, UID } from '@strapi/strapi';
import type { Violation } from '../rules/violation';
import type { Attributes } from '../journal/changes';

const READ = 'plugin::content-manager.explorer.read';
const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);
const SEARCHED_TYPES = new Set(['string', 'text', 'richtext', 'email', 'uid', 'enumeration']);
/**
 * Fields every row has, outside Strapi's field-level permissions (a permission lists only the
 * schema's own fields): the default sort of a list (newest first) and the system's own filters
 * use them, and they tell nothing about a citizen.
 */
const SYSTEM_FIELDS = new Set(['id', 'documentId', 'createdAt', 'updatedAt']);

const readable = (ability: Ability, uid: string, field: string) => SYSTEM_FIELDS.has(field) || ability.can(READ, uid, field);

interface Ability {
  can(action: string, subject: string, field?: string): boolean;
}

type Params = { _q?: unknown; filters?: unknown; sort?: unknown; [key: string]: unknown };

/** The admin user's permissions when the request being served is the admin panel's content manager. */
function currentAbility(strapi: Core.Strapi): Ability | null {
  const ctx = strapi.requestContext.get() as { path?: string; state?: { userAbility?: Ability } } | undefined;
  return ctx?.path?.startsWith('/content-manager/') ? (ctx.state?.userAbility ?? null) : null;
}

function attributesOf(strapi: Core.Strapi, uid: string): Attributes {
  return (strapi.contentTypes[uid as UID.ContentType]?.attributes ?? {}) as Attributes;
}

/** The first unreadable field a filter tree touches, as a dotted path. */
function hiddenInFilters(strapi: Core.Strapi, ability: Ability, uid: string, filters: unknown, prefix = ''): string | null {
  if (Array.isArray(filters)) {
    for (const item of filters) {
      const found = hiddenInFilters(strapi, ability, uid, item, prefix);
      if (found) return found;
    }
    return null;
  }
  if (!filters || typeof filters !== 'object') return null;
  const attributes = attributesOf(strapi, uid);
  for (const [key, value] of Object.entries(filters)) {
    if (key.startsWith('$')) {
      const found = hiddenInFilters(strapi, ability, uid, value, prefix);
      if (found) return found;
      continue;
    }
    const attribute = attributes[key];
    if (!attribute) continue;
    if (!readable(ability, uid, key)) return `${prefix}${key}`;
    if (attribute.type === 'relation' && attribute.target) {
      const found = hiddenInFilters(strapi, ability, attribute.target, value, `${prefix}${key}.`);
      if (found) return found;
    }
  }
  return null;
}

/** Sort given as 'a:asc', 'a.b:desc', ['a', ...], { a: 'asc' } or [{ a: { b: 'asc' } }], as dotted paths. */
function sortPaths(sort: unknown, prefix = ''): string[] {
  if (typeof sort === 'string') return sort.split(',').map((part) => `${prefix}${part.split(':')[0].trim()}`);
  if (Array.isArray(sort)) return sort.flatMap((item) => sortPaths(item, prefix));
  if (sort && typeof sort === 'object') {
    return Object.entries(sort).flatMap(([key, value]) => (value && typeof value === 'object' ? sortPaths(value, `${prefix}${key}.`) : [`${prefix}${key}`]));
  }
  return [];
}

function hiddenPath(strapi: Core.Strapi, ability: Ability, uid: string, path: string): boolean {
  let current = uid;
  for (const key of path.split('.')) {
    const attribute = attributesOf(strapi, current)[key];
    if (!attribute) return false;
    if (!readable(ability, current, key)) return true;
    if (attribute.type !== 'relation') return false;
    // A relation without a target (a morph) finds no attributes next: the path ends there.
    current = attribute.target ?? '';
  }
  return false;
}

/**
 * Restricts a read's search, filters and sort to what the admin user may read; returns the
 * violation when the read names an unreadable field. Leaves reads outside admin requests alone.
 */
export function restrictQuery(strapi: Core.Strapi, uid: string, action: string, params: Params | undefined): Violation | null {
  if (!params || !READ_ACTIONS.has(action) || !uid.startsWith('api::')) return null;
  const ability = currentAbility(strapi);
  if (!ability) return null;
  const refused = (path: string): Violation => ({
    path: path.split('.')[0],
    message: 'Du kan ikke søge, filtrere eller sortere på et felt, du ikke har adgang til at se.',
  });
  const hiddenFilter = hiddenInFilters(strapi, ability, uid, params.filters);
  if (hiddenFilter) return refused(hiddenFilter);
  const hiddenSort = sortPaths(params.sort).find((path) => hiddenPath(strapi, ability, uid, path));
  if (hiddenSort) return refused(hiddenSort);

  if (typeof params._q === 'string' && params._q !== '') {
    const attributes = attributesOf(strapi, uid);
    const searchable = Object.keys(attributes).filter((field) => SEARCHED_TYPES.has(attributes[field].type) && attributes[field].searchable !== false);
    const readable = searchable.filter((field) => ability.can(READ, uid, field));
    if (readable.length !== searchable.length) {
      // The same search as Strapi's (contains, case-insensitive), over the readable fields only.
      const q = params._q;
      const search: Record<string, unknown>[] = [...readable.map((field) => ({ [field]: { $containsi: q } })), ...(/^\d+$/.test(q) ? [{ id: Number(q) }] : [])];
      if (!search.length) search.push({ id: { $null: true } });
      delete params._q;
      params.filters = params.filters ? { $and: [params.filters, { $or: search }] } : { $or: search };
    }
  }
  return null;
}
