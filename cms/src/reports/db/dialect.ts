/**
 * The few places where SQLite and PostgreSQL differ for reporting. Strapi stores datetimes as
 * epoch milliseconds in SQLite and as UTC `timestamp without time zone` in PostgreSQL; dates
 * (YYYY-MM-DD) and enumerations are plain text in both.
 */
import type { Knex } from 'knex';

export type Dialect = 'sqlite' | 'postgres';

export function dialectOf(knex: Knex): Dialect {
  const client = String((knex.client as { config?: { client?: unknown } }).config?.client ?? '');
  if (/sqlite/.test(client)) return 'sqlite';
  if (/^(pg|postgres|postgresql)$/.test(client)) return 'postgres';
  throw new Error(`reports: unsupported database client "${client}"`);
}

export interface Sql {
  dialect: Dialect;
  /** A bind value for a datetime column. */
  instant(date: Date): number | string;
  /** SQL for the seconds from `earlier` to `later` (both SQL expressions). */
  secondsBetween(later: string, earlier: string): string;
  /** A placeholder for a bound datetime used as an expression (not compared to a column). */
  instantParam: string;
  /** Reads a datetime column value back as a Date. */
  toDate(value: unknown): Date | null;
  /** A FROM item with one row per element of a JSON array column (`alias.value`, text); none when it is not an array. */
  jsonArrayElements(column: string, alias: string): string;
  /** The text at a path of keys in a JSON column, NULL when absent. */
  jsonText(column: string, path: string[]): string;
}

export function sqlFor(knex: Knex): Sql {
  const dialect = dialectOf(knex);
  if (dialect === 'sqlite') {
    return {
      dialect,
      instant: (date) => date.getTime(),
      secondsBetween: (later, earlier) => `((${later}) - (${earlier})) / 1000.0`,
      instantParam: '?',
      toDate: (value) =>
        value === null || value === undefined ? null : new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : (value as number | string)),
      // JSON is stored as text; json_each fails on text that is not JSON, so that counts as no elements.
      jsonText: (column, path) => `json_extract(${column}, '$.${path.join('.')}')`,
      jsonArrayElements: (column, alias) =>
        `json_each(CASE WHEN NOT json_valid(${column}) THEN '[]' WHEN json_type(${column}) = 'array' THEN ${column} ELSE '[]' END) AS ${alias}`,
    };
  }
  return {
    dialect,
    // A zone in a literal for `timestamp without time zone` is ignored: the UTC wall time is what is stored.
    instant: (date) => date.toISOString(),
    // date_part gives double precision (EXTRACT gives numeric, which sorts much slower).
    secondsBetween: (later, earlier) => `date_part('epoch', (${later}) - (${earlier}))`,
    instantParam: 'CAST(? AS timestamp)',
    toDate: (value) => {
      if (value === null || value === undefined) return null;
      if (value instanceof Date) return value;
      return new Date(String(value).replace(' ', 'T') + (/[zZ]|[+-]\d\d:?\d\d$/.test(String(value)) ? '' : 'Z'));
    },
    jsonText: (column, path) => `(${column}${path.map((key, i) => `${i === path.length - 1 ? '->>' : '->'}'${key}'`).join('')})`,
    jsonArrayElements: (column, alias) =>
      `jsonb_array_elements_text(CASE WHEN jsonb_typeof(${column}) = 'array' THEN ${column} ELSE '[]'::jsonb END) AS ${alias}(value)`,
  };
}

/** Rows of a raw query, whatever the driver returns. */
export async function rows<T = Record<string, unknown>>(knex: Knex, sql: string, bindings: readonly unknown[]): Promise<T[]> {
  const result = await knex.raw(sql, bindings as Knex.RawBinding[]);
  return (Array.isArray(result) ? result : result.rows) as T[];
}

export const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
export const numOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
export const idOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
export const textOrNull = (value: unknown): string | null => (value === null || value === undefined || value === '' ? null : String(value));
