/**
 * Recognises database errors that the input caused (too long, unstorable character, date or number
 * out of range, malformed value, duplicate of a unique value) on PostgreSQL and SQLite. Anything
 * else is our bug and stays a 500. Plain TypeScript, no Strapi import.
 */
export type DbInputErrorKind = 'too_long' | 'invalid_text' | 'out_of_range' | 'invalid_value' | 'unique';

export interface DbInputError {
  kind: DbInputErrorKind;
  /** The table and column when the database names them (unique violations). */
  table?: string;
  column?: string;
}

const POSTGRES_CODES: Record<string, DbInputErrorKind> = {
  '22001': 'too_long', // string_data_right_truncation
  '22021': 'invalid_text', // character_not_in_repertoire (e.g. NUL in text)
  '22P05': 'invalid_text', // untranslatable_character (NUL in json)
  '22008': 'out_of_range', // datetime_field_overflow
  '22003': 'out_of_range', // numeric_value_out_of_range
  '22007': 'invalid_value', // invalid_datetime_format
  '22P02': 'invalid_value', // invalid_text_representation
  '23505': 'unique', // unique_violation
};

/** Strapi's query layer refuses a date, datetime or time it cannot parse before the database sees it. */
const STRAPI_PARSE_ERRORS = new Set(['InvalidDateFormat', 'InvalidDatetimeFormat', 'InvalidTimeFormat']);

/** The error a query threw, or null when the input did not cause it. */
export function classifyDbError(error: unknown): DbInputError | null {
  if (!error || typeof error !== 'object') return null;
  const { code, table, detail, message, name } = error as { code?: unknown; table?: unknown; detail?: unknown; message?: unknown; name?: unknown };
  if (typeof name === 'string' && STRAPI_PARSE_ERRORS.has(name)) return { kind: 'invalid_value' };
  if (typeof code !== 'string') return null;
  const postgres = POSTGRES_CODES[code];
  if (postgres) {
    if (postgres !== 'unique') return { kind: postgres };
    // detail: Key (case_number)=(2026-0001) already exists.
    const column = typeof detail === 'string' ? /^Key \(([^,)]+)\)/.exec(detail)?.[1] : undefined;
    return { kind: 'unique', table: typeof table === 'string' ? table : undefined, column };
  }
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    // message: UNIQUE constraint failed: complaints.case_number
    const match = typeof message === 'string' ? /constraint failed: ([\w]+)\.([\w]+)/.exec(message) : null;
    return { kind: 'unique', table: match?.[1], column: match?.[2] };
  }
  if (code === 'SQLITE_TOOBIG') return { kind: 'too_long' };
  if (code === 'SQLITE_MISMATCH') return { kind: 'invalid_value' };
  return null;
}

/** The Danish message for a field, by kind. */
export function dbErrorMessage(kind: DbInputErrorKind, label: string): string {
  switch (kind) {
    case 'too_long':
      return `${label} er for lang til at blive gemt. Gør teksten kortere.`;
    case 'invalid_text':
      return `${label} indeholder et tegn, der ikke kan gemmes. Skriv teksten igen uden specialtegn.`;
    case 'out_of_range':
      return `${label} ligger uden for det tilladte interval.`;
    case 'invalid_value':
      return `${label} har en ugyldig værdi.`;
    case 'unique':
      return `${label} findes allerede. Vælg en anden værdi.`;
  }
}
