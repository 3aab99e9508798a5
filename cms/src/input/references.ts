/**
 * Referential safety: nothing the record depends on is deleted, whatever the path (one document
 * or a bulk delete in the admin, the Document Service from a script). A center or institution
 * that anything refers to is marked inactive instead; a statement request is cancelled and an
 * opinion withdrawn instead.
 */
import type { Core, UID } from '@strapi/strapi';
import type { Violation } from '../rules/violation';
import type { Attributes } from '../journal/changes';
import { CENTER, INSTITUTION, STATEMENT_REQUEST, OPINION } from '../content-types';

/** Only what is active may be chosen for something new; a center without the flag (older data) is active. */
export const activeFilter = { $or: [{ active: true }, { active: { $null: true } }] };

interface Dependent {
  uid: string;
  field: string;
  label: string;
}

/** Every owning relation of an api:: content type that points at `target`. */
function dependentsOf(strapi: Core.Strapi, target: string): Dependent[] {
  const found: Dependent[] = [];
  for (const [uid, contentType] of Object.entries(strapi.contentTypes)) {
    if (!uid.startsWith('api::')) continue;
    for (const [field, attribute] of Object.entries(contentType.attributes as Attributes)) {
      // Strapi's virtual `localizations` relation points every type at itself; it holds nothing.
      if (attribute.type === 'relation' && attribute.target === target && !attribute.mappedBy && !attribute.unstable_virtual) {
        found.push({ uid, field, label: contentType.info.displayName });
      }
    }
  }
  return found;
}

/** Why a document may not be deleted, or null. */
async function deletionRefusal(strapi: Core.Strapi, uid: string, documentId: string): Promise<Violation | null> {
  if (uid === STATEMENT_REQUEST) {
    return {
      path: 'requestStatus',
      message: 'En sendt anmodning om redegørelse kan ikke slettes. Sæt status til »Annulleret« i stedet; så stopper påmindelserne, og linket lukkes.',
    };
  }
  if (uid === OPINION) {
    return { path: 'withdrawnAt', message: 'En afgivet udtalelse kan ikke slettes. Udfyld »Tilbagekaldt« med dato og begrundelse i stedet.' };
  }
  if (uid !== CENTER && uid !== INSTITUTION) return null;
  const row = await strapi.db.query(uid as UID.ContentType).findOne({ where: { documentId }, select: ['id', 'name'] });
  if (!row) return null;
  const counts: string[] = [];
  for (const dependent of dependentsOf(strapi, uid)) {
    const count = await strapi.db.query(dependent.uid as UID.ContentType).count({ where: { [dependent.field]: { id: row.id } } });
    if (count) counts.push(`${count} × ${dependent.label}`);
  }
  if (!counts.length) return null;
  const [what, it] = uid === CENTER ? ['Centret', 'det'] : ['Institutionen', 'den'];
  return {
    path: 'active',
    message: `${what} »${row.name}« kan ikke slettes, fordi ${it} indgår i: ${counts.join(', ')}. Fjern fluebenet »Aktiv« i stedet; så vises det ikke i formularen og ved nye anmodninger, men bliver i rapporterne.`,
  };
}

/** The violation when a delete would orphan part of the record. */
export async function checkDeletion(strapi: Core.Strapi, uid: string, params: unknown): Promise<Violation | null> {
  const documentId = (params as { documentId?: unknown } | undefined)?.documentId;
  return typeof documentId === 'string' ? deletionRefusal(strapi, uid, documentId) : null;
}

/** A new statement request may not go to an inactive center. */
export function checkActiveCenter(center: { active?: boolean | null; name?: string } | null, isNew: boolean): Violation[] {
  return isNew && center?.active === false
    ? [{ path: 'center', message: `Centret »${center.name ?? ''}« er markeret som inaktivt. Vælg et aktivt center, eller markér centret som aktivt igen.` }]
    : [];
}
