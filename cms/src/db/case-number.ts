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
  for (const [year, last] of highest) await raiseCounter(knex, knex(TABLE), year, last);
}

/** Moves a year's counter up to `last` (never down). */
function raiseCounter(knex: Knex, table: Knex.QueryBuilder, year: number, last: number) {
  const column = `${TABLE}.last_number`;
  return table
    .insert({ year, last_number: last })
    .onConflict('year')
    .merge({ last_number: knex.raw('CASE WHEN ?? > ? THEN ?? ELSE ? END', [column, last, column, last]) });
}

/**
 * The next case number of a year, taken inside the caller's transaction: the row lock of the
 * upsert serialises concurrent registrations, and a rollback gives the number back.
 */
export async function nextCaseNumber(knex: Knex, trx: Knex.Transaction, year: number): Promise<string> {
  return (await nextCaseNumbers(knex, trx, year, 1))[0];
}

/** The next `count` case numbers of a year at once (an import's batch), consecutive, as nextCaseNumber takes one. */
export async function nextCaseNumbers(knex: Knex, trx: Knex.Transaction, year: number, count: number): Promise<string[]> {
  if (count < 1) return [];
  const rows = await knex(TABLE)
    .transacting(trx)
    .insert({ year, last_number: count })
    .onConflict('year')
    .merge({ last_number: knex.raw('?? + ?', [`${TABLE}.last_number`, count]) })
    .returning('last_number');
  const row = rows[0] as { last_number: number } | number;
  const last = typeof row === 'number' ? row : Number(row.last_number);
  return Array.from({ length: count }, (_, i) => formatCaseNumber(year, last - count + 1 + i));
}

/**
 * A number given elsewhere (a case from the old register): when it has our form, the year's
 * counter moves past it, so that the next number assigned here does not collide with it.
 */
export async function reserveCaseNumber(knex: Knex, trx: Knex.Transaction, caseNumber: string): Promise<void> {
  await reserveCaseNumbers(knex, trx, [caseNumber]);
}

/** reserveCaseNumber for many numbers at once: each year's counter moves past the highest of them. */
export async function reserveCaseNumbers(knex: Knex, trx: Knex.Transaction, caseNumbers: readonly string[]): Promise<void> {
  const highest = new Map<number, number>();
  for (const caseNumber of caseNumbers) {
    const parsed = parseCaseNumber(caseNumber);
    if (parsed) highest.set(parsed.year, Math.max(highest.get(parsed.year) ?? 0, parsed.sequence));
  }
  for (const [year, last] of highest) await raiseCounter(knex, knex(TABLE).transacting(trx), year, last);
}
