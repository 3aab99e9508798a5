/**
 * What a staff member may read, applied to what leaves the CMS rather than to each route. The
 * seeded roles (../seed/roles) state per content type which fields a role may read; Strapi applies
 * that to the type a content-manager route is about, but not to the same type where it travels:
 * a case populated into a statement request's list, a relation picker, our own admin routes. This
 * walks every admin response body and removes, from every object of a content type, the fields the
 * signed-in user's permissions do not let them read:
 *  - by the schema where the type is known: the content manager's model and, from there, every
 *    relation and media field at any depth;
 *  - by shape everywhere else: an object carrying a field name that belongs to one content type
 *    only (a case's `citizenName`, …) is that type, wherever it appears.
 */
import type { Core, UID } from '@strapi/strapi';

export const READ = 'plugin::content-manager.explorer.read';

export interface Ability {
  can(action: string, subject: string, field?: string): boolean;
}

type Json = Record<string, unknown>;
type Attribute = { type: string; target?: string; component?: string; components?: string[]; repeatable?: boolean };

/** Types whose fields the filter governs: this app's own, and the files behind documents. */
const governed = (uid: string) => uid.startsWith('api::') || uid === 'plugin::upload.file';

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Field names that belong to exactly one governed content type: seeing one names the type. */
function distinctiveFields(strapi: Core.Strapi): Map<string, string> {
  const owners = new Map<string, Set<string>>();
  for (const [uid, schema] of Object.entries(strapi.contentTypes)) {
    for (const field of Object.keys(schema.attributes)) owners.set(field, (owners.get(field) ?? new Set()).add(uid));
  }
  for (const [uid, schema] of Object.entries(strapi.components)) {
    for (const field of Object.keys(schema.attributes)) owners.set(field, (owners.get(field) ?? new Set()).add(uid));
  }
  const distinctive = new Map<string, string>();
  for (const [field, uids] of owners) {
    const [uid] = [...uids];
    if (uids.size === 1 && governed(uid)) distinctive.set(field, uid);
  }
  return distinctive;
}

/**
 * Strapi's own fields of every document: its permissions never list them, Strapi answers them to
 * whoever reads the document, and the edit view's save sends `updatedAt` back as its version (SPEC §3).
 */
const systemFields = new Set(['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'locale', 'createdBy', 'updatedBy']);

let cachedDistinctive: { strapi: Core.Strapi; fields: Map<string, string> } | null = null;

/** Removes what `ability` may not read from `body` (in place); `rootUid` is the type the route is about, when known. */
export function filterReadable(strapi: Core.Strapi, ability: Ability, body: unknown, rootUid?: string): void {
  if (cachedDistinctive?.strapi !== strapi) cachedDistinctive = { strapi, fields: distinctiveFields(strapi) };
  const distinctive = cachedDistinctive.fields;
  const hiddenCache = new Map<string, Set<string>>();
  const attributesOf = (uid: string): Record<string, Attribute> =>
    ((strapi.contentTypes[uid as UID.ContentType] ?? strapi.components[uid as UID.Component])?.attributes ?? {}) as Record<string, Attribute>;

  /** The fields of `uid` this user may not read: all of them when the type may not be read at all. */
  const hidden = (uid: string): Set<string> => {
    let fields = hiddenCache.get(uid);
    if (!fields) {
      const all = Object.keys(attributesOf(uid));
      fields = new Set(
        strapi.contentTypes[uid as UID.ContentType] && governed(uid) ? all.filter((field) => !systemFields.has(field) && !ability.can(READ, uid, field)) : [],
      );
      hiddenCache.set(uid, fields);
    }
    return fields;
  };

  const walk = (value: unknown, uid: string | undefined, depth: number): void => {
    if (depth > 64) return;
    if (Array.isArray(value)) {
      for (const item of value) walk(item, uid, depth + 1);
      return;
    }
    if (!isObject(value)) return;
    const attributes = uid ? attributesOf(uid) : {};
    // An untyped object is the type one of its fields names, when the user reads that type at all
    // (a type they may not read is our own routes' business, which check it); its hidden fields go.
    const typed =
      uid ??
      Object.keys(value)
        .map((key) => distinctive.get(key))
        .find((found) => found && hidden(found).size > 0 && ability.can(READ, found));
    const hiddenFields = typed ? hidden(typed) : new Set<string>();
    for (const key of Object.keys(value)) {
      const child = value[key];
      // By shape, a structure under a field's name (the journal's { from, to } of a change) is not the value itself.
      if (hiddenFields.has(key) && (uid !== undefined || !isObject(child))) {
        delete value[key];
        continue;
      }
      const attribute = uid ? attributes[key] : undefined;
      if (attribute?.type === 'relation' || attribute?.type === 'media') {
        walk(child, attribute.type === 'media' ? 'plugin::upload.file' : attribute.target, depth + 1);
      } else if (attribute?.type === 'component') {
        walk(child, attribute.component, depth + 1);
      } else if (uid && (key === 'results' || key === 'data') && !attribute) {
        // Strapi wraps a populated relation or a page of them: { results | data: [...] }.
        walk(child, uid, depth + 1);
      } else {
        walk(child, undefined, depth + 1);
      }
    }
  };
  walk(body, rootUid, 0);
}
