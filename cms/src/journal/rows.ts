/**
 * Loads a journaled row the way describe.ts needs it: its own fields and its owning to-one
 * relations with their document id and label (and, for a recommendation, the opinion's case).
 */
import type { Core, UID } from '@strapi/strapi';
import { relationFields, type Attributes } from './changes';
import { RECOMMENDATION } from './describe';

type Populate = Record<string, { select: string[]; populate?: Populate }>;

const CASE_SELECT = ['id', 'documentId', 'caseNumber'];
const cache = new Map<string, Populate>();

export function attributesOf(strapi: Core.Strapi, uid: string): Attributes {
  return strapi.contentType(uid as UID.ContentType).attributes as unknown as Attributes;
}

function populateFor(strapi: Core.Strapi, uid: string): Populate {
  const cached = cache.get(uid);
  if (cached) return cached;
  const attributes = attributesOf(strapi, uid);
  const populate: Populate = {};
  for (const field of relationFields(attributes)) {
    const target = (attributes[field] as { target?: string }).target!;
    const targetAttributes = attributesOf(strapi, target);
    populate[field] = { select: ['id', 'documentId', ...['name', 'caseNumber'].filter((name) => name in targetAttributes)] };
  }
  if (uid === RECOMMENDATION && populate.opinion) populate.opinion.populate = { complaint: { select: CASE_SELECT } };
  cache.set(uid, populate);
  return populate;
}

export async function loadRow(strapi: Core.Strapi, uid: string, where: Record<string, unknown>): Promise<Record<string, unknown> | null> {
  return strapi.db.query(uid as UID.ContentType).findOne({ where, populate: populateFor(strapi, uid) });
}

/** loadRow for many rows at once, by id. */
export async function loadRows(strapi: Core.Strapi, uid: string, ids: readonly number[]): Promise<Record<string, unknown>[]> {
  if (!ids.length) return [];
  return strapi.db.query(uid as UID.ContentType).findMany({ where: { id: { $in: [...ids] } }, populate: populateFor(strapi, uid) });
}
