/**
 * The link rows of an owning to-one relation for many rows at once, as Strapi's query engine
 * writes them for one row on create (entity-manager attachRelations): the pair, and the position
 * on the other side's list (its inverse order column) after what that target already has.
 * For bulk inserts (createMany), which write no relations.
 */
import type { Core, UID } from '@strapi/strapi';
import type { Knex } from 'knex';

interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  inverseOrderColumnName?: string;
  on?: Record<string, unknown>;
}

/** Links each `[id, targetId]` pair of new rows through `uid`'s relation `field` (a manyToOne with a join table). */
export async function linkToOne(strapi: Core.Strapi, trx: Knex.Transaction, uid: string, field: string, pairs: readonly [number, number][]): Promise<void> {
  if (!pairs.length) return;
  const attribute = strapi.db.metadata.get(uid as UID.ContentType).attributes[field] as {
    relation?: string;
    joinTable?: JoinTable;
    inversedBy?: string;
  };
  if (!attribute?.joinTable || attribute.relation !== 'manyToOne') throw new Error(`${uid}.${field} is not a manyToOne relation with a join table`);
  const { name, joinColumn, inverseJoinColumn, inverseOrderColumnName, on } = attribute.joinTable;
  // A bidirectional one keeps the order of the target's list of these rows.
  const ordered = Boolean(attribute.inversedBy && inverseOrderColumnName);
  const next = new Map<number, number>();
  if (ordered) {
    const targets = [...new Set(pairs.map(([, target]) => target))];
    const max: { target: number; max: number | null }[] = await trx(name)
      .select({ target: inverseJoinColumn.name })
      .max({ max: inverseOrderColumnName! })
      .whereIn(inverseJoinColumn.name, targets)
      .where(on ?? {})
      .groupBy(inverseJoinColumn.name);
    for (const row of max) next.set(Number(row.target), Number(row.max ?? 0));
  }
  const rows = pairs.map(([id, target]) => {
    const row: Record<string, unknown> = { [joinColumn.name]: id, [inverseJoinColumn.name]: target, ...on };
    if (ordered) {
      const position = (next.get(target) ?? 0) + 1;
      next.set(target, position);
      row[inverseOrderColumnName!] = position;
    }
    return row;
  });
  for (let i = 0; i < rows.length; i += 500) await trx(name).insert(rows.slice(i, i + 500));
}
