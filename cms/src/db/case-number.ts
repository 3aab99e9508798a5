import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { formatCaseNumber, parseCaseNumber } from '../rules';
import { COMPLAINT } from '../content-types';

const TABLE = 'case_number_counters';

/** The per-year counter behind case numbers; created once, then caught up with existing cases. */
export async function ensureCaseNumberCounter(strapi: Core.Strapi) {
  const knex = strapi.db.connection;
  if (!(await knex.schema.hasTable(TABLE))) {
    await knex.schema.createTable(TABLE, (table) => {
      table.integer('year').primary();
      table.integer('last_number').notNullable();
    });
  }
  const numbers: { caseNumber: string }[] = await strapi.db.query(COMPLAINT).findMany({ select: ['caseNumber'], where: { caseNumber: { $notNull: true } } });
  const highest = new Map<number, number>();
  for (const { caseNumber } of numbers) {
    const parsed = parseCaseNumber(caseNumber);
    if (parsed) highest.set(parsed.year, Math.max(highest.get(parsed.year) ?? 0, parsed.sequence));
  }
  for (const [year, last] of highest) {
    await knex(TABLE)
      .insert({ year, last_number: last })
      .onConflict('year')
      .merge({ last_number: knex.raw('CASE WHEN ?? > ? THEN ?? ELSE ? END', [`${TABLE}.last_number`, last, `${TABLE}.last_number`, last]) });
  }
}

/**
 * The next case number of a year, taken inside the caller's transaction: the row lock of the
 * upsert serialises concurrent registrations, and a rollback gives the number back.
 */
export async function nextCaseNumber(knex: Knex, trx: Knex.Transaction, year: number): Promise<string> {
  const rows = await knex(TABLE)
    .transacting(trx)
    .insert({ year, last_number: 1 })
    .onConflict('year')
    .merge({ last_number: knex.raw('?? + 1', [`${TABLE}.last_number`]) })
    .returning('last_number');
  const row = rows[0] as { last_number: number } | number;
  return formatCaseNumber(year, typeof row === 'number' ? row : Number(row.last_number));
}
