/**
 * From the old register's columns to a case: which column fills which field, and which of our
 * choices an old value stands for ("Tlf." → phone). Suggested from the headings and values alone
 * when they are written as the admin writes them (a field's Danish label, a choice's Danish label
 * or stored key); the rest the user maps, and the mapping is saved for the next file.
 * Plain TS, no Strapi import.
 */
import { DateTime } from 'luxon';
import { complaintThemes, TIME_ZONE, fieldName } from '@borgerraadgiver/config';
import { choiceLabelsOf } from '../choices';
import { COMPLAINT } from '../content-types';
import { citizenIdentityFields, personalTextFields } from '../rules/personal-data';
import type { Violation } from '../rules/violation';
import type { Cell, Sheet, SheetRow } from './read';

export type FieldKind = 'text' | 'choice' | 'themes' | 'center' | 'datetime' | 'date' | 'boolean';

/** The case fields an import can fill, in the order the admin shows them. */
export const IMPORT_FIELDS: Record<string, FieldKind> = {
  caseNumber: 'text',
  receivedAt: 'datetime',
  channel: 'choice',
  purpose: 'choice',
  category: 'choice',
  complaintThemes: 'themes',
  handling: 'choice',
  citizenResult: 'choice',
  complainantKind: 'choice',
  caseStatus: 'choice',
  title: 'text',
  description: 'text',
  eventDate: 'date',
  center: 'center',
  formalComplaintToUnit: 'boolean',
  centerHadOpportunity: 'boolean',
  identity: 'choice',
  citizenName: 'text',
  citizenEmail: 'text',
  citizenPhone: 'text',
  citizenAddress: 'text',
  businessName: 'text',
  cvr: 'text',
  outOfScopeReason: 'choice',
  referredTo: 'text',
  dialogOutcome: 'text',
  internalNotes: 'text',
  closedAt: 'datetime',
};

/** Columns whose values the journal never holds: the citizen's identity and the free texts. */
export const PERSONAL_FIELDS: readonly string[] = [...citizenIdentityFields, ...personalTextFields[COMPLAINT]];

/** What an imported case without a description reads (the field is required). */
export const NO_DESCRIPTION = 'Importeret fra det tidligere register uden beskrivelse.';

export interface ImportMapping {
  /** Column heading → field name ('' leaves the column out). */
  columns: Record<string, string>;
  /** Field → old value (as normalised by valueKey) → stored choice key, or a center's documentId. */
  values: Record<string, Record<string, string>>;
}

export interface Center {
  id: number;
  documentId: string;
  name: string;
}

/** How headings and values are compared: case, spacing and a trailing full stop or colon do not matter. */
export function valueKey(value: unknown): string {
  return String(value ?? '')
    .normalize('NFC')
    .toLocaleLowerCase('da')
    .replace(/\s+/g, ' ')
    .replace(/[.:]+$/, '')
    .trim();
}

/** The labels of a choice or themes field by stored key. */
export function choicesOf(field: string): Record<string, string> {
  if (IMPORT_FIELDS[field] === 'themes') return complaintThemes;
  return choiceLabelsOf(COMPLAINT, field) ?? {};
}

/** The saved mapping where it names a column, else the field whose label or name the heading is. */
export function suggestColumns(headers: string[], saved?: ImportMapping | null): Record<string, string> {
  const byKey = new Map<string, string>();
  for (const field of Object.keys(IMPORT_FIELDS)) {
    byKey.set(valueKey(field), field);
    byKey.set(valueKey(fieldName(COMPLAINT, field)), field);
  }
  return Object.fromEntries(headers.map((header) => [header, saved?.columns[header] ?? byKey.get(valueKey(header)) ?? '']));
}

/** A field's choices by their labels' and keys' valueKey (labels first), built once per field. */
const choicesByKey = new Map<string, Map<string, string>>();
function choiceByKey(field: string): Map<string, string> {
  let found = choicesByKey.get(field);
  if (!found) {
    found = new Map();
    for (const [choice, label] of Object.entries(choicesOf(field))) {
      if (!found.has(valueKey(label))) found.set(valueKey(label), choice);
      if (!found.has(valueKey(choice))) found.set(valueKey(choice), choice);
    }
    choicesByKey.set(field, found);
  }
  return found;
}

/** The centers by their names' valueKey, built once per list of centers. */
const centersByKey = new WeakMap<Center[], Map<string, string>>();
function centerByKey(centers: Center[]): Map<string, string> {
  let found = centersByKey.get(centers);
  if (!found) {
    found = new Map();
    for (const center of centers) if (!found.has(valueKey(center.name))) found.set(valueKey(center.name), center.documentId);
    centersByKey.set(centers, found);
  }
  return found;
}

/** The choice key an old value stands for: the saved mapping, else a choice with that label or key. */
export function suggestValue(field: string, raw: string, mapping: ImportMapping, centers: Center[] = []): string | undefined {
  const key = valueKey(raw);
  const saved = mapping.values[field]?.[key];
  if (saved) return saved;
  if (IMPORT_FIELDS[field] === 'center') return centerByKey(centers).get(key);
  return choiceByKey(field).get(key);
}

const themeParts = (raw: string) =>
  raw
    .split(/[;,\n]/)
    .map((part) => part.trim())
    .filter(Boolean);

/** Each mapped choice, themes or center column's distinct values with their suggested choice, for the mapping step. */
export function distinctValues(sheet: Sheet, mapping: ImportMapping, centers: Center[]) {
  const result: Record<string, { value: string; key: string; count: number; suggestion: string | null }[]> = {};
  sheet.headers.forEach((header, column) => {
    const field = mapping.columns[header];
    const kind = IMPORT_FIELDS[field];
    if (kind !== 'choice' && kind !== 'themes' && kind !== 'center') return;
    const counts = new Map<string, number>();
    for (const row of sheet.rows) {
      const text = cellText(row.cells[column]);
      for (const value of kind === 'themes' ? themeParts(text) : text ? [text] : []) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    result[field] = [...counts].map(([value, count]) => ({
      value,
      key: valueKey(value),
      count,
      suggestion: suggestValue(field, value, mapping, centers) ?? null,
    }));
  });
  return result;
}

export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString();
  return String(cell).trim();
}

/** Excel's day 0 of the 1900 date system (its day 60, 29 February 1900, never was; serials after it count from here). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 24 * 60 * 60 * 1000;

type Wall = { year: number; month: number; day: number; hour?: number; minute?: number; second?: number };

/** A serial date's wall-clock time (exceljs gives date-formatted cells as that wall time in UTC). */
function wallOfUtc(date: Date): Wall {
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
  };
}

const fullYear = (year: string) => (year.length === 2 ? 2000 + Number(year) - (Number(year) > (new Date().getFullYear() % 100) + 1 ? 100 : 0) : Number(year));

/**
 * A date as the old register wrote it: an Excel serial (a number, or a date-formatted cell),
 * ISO text (2019-04-03, 2019-04-03 10:15), or Danish text (3-4-2019, 03.04.19, 3/4/2019 kl. 10.15).
 * Without a time it is the start of that day; always Copenhagen time. Null when unreadable.
 */
export function parseDateCell(cell: Cell): DateTime | null {
  let wall: Wall | null = null;
  if (cell instanceof Date) wall = wallOfUtc(cell);
  else if (typeof cell === 'number' || (typeof cell === 'string' && /^\d{5}(\.\d+)?$/.test(cell.trim()))) {
    const serial = Number(cell);
    if (serial >= 1 && serial < 2958466) wall = wallOfUtc(new Date(EXCEL_EPOCH + Math.round(serial * DAY_MS)));
  } else if (typeof cell === 'string') {
    const text = cell.trim();
    const time = String.raw`(?:[ T]+(?:kl\.?\s*)?(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?`;
    const iso = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${time}$`).exec(text);
    const danish = new RegExp(String.raw`^(\d{1,2})[-./](\d{1,2})[-./](\d{4}|\d{2})${time}$`).exec(text);
    const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : danish ? [danish[3], danish[2], danish[1]] : [];
    const match = iso ?? danish;
    if (match) {
      wall = {
        year: fullYear(year!),
        month: Number(month),
        day: Number(day),
        hour: Number(match[4] ?? 0),
        minute: Number(match[5] ?? 0),
        second: Number(match[6] ?? 0),
      };
    } else {
      const parsed = DateTime.fromISO(text, { zone: TIME_ZONE });
      if (parsed.isValid) return parsed;
    }
  }
  if (!wall) return null;
  const parsed = DateTime.fromObject(wall, { zone: TIME_ZONE });
  return parsed.isValid && parsed.year >= 1900 && parsed.year <= 2100 ? parsed : null;
}

const YES = new Set(['ja', 'j', 'x', '1', 'sand', 'true', 'yes', 'y']);
const NO = new Set(['nej', 'n', '0', 'falsk', 'false', 'no']);

export interface ConvertedRow {
  number: number;
  /** The case as the Document Service receives it (only what the row fills). */
  data: Record<string, unknown>;
  /** The row's own mistakes (before any rule runs), each on the column's field. */
  errors: Violation[];
  /** The old register's case number, if the row has one. */
  caseNumber: string | null;
}

/** One row through the mapping. */
export function convertRow(row: SheetRow, headers: string[], mapping: ImportMapping, centers: Center[]): ConvertedRow {
  const data: Record<string, unknown> = {};
  const errors: Violation[] = [];
  headers.forEach((header, column) => {
    const field = mapping.columns[header];
    const kind = IMPORT_FIELDS[field];
    const cell = row.cells[column];
    const text = cellText(cell);
    if (!kind || (text === '' && typeof cell !== 'boolean')) return;
    const fail = (message: string) => errors.push({ path: field, message: `Kolonnen "${header}": ${message}` });
    switch (kind) {
      case 'text':
        data[field] = text;
        break;
      case 'datetime':
      case 'date': {
        const parsed = parseDateCell(cell);
        if (!parsed) fail(`"${text}" er ikke en dato, som kan læses (skriv fx 03-04-2019 eller 2019-04-03).`);
        else data[field] = kind === 'date' ? parsed.toISODate() : parsed.toUTC().toISO();
        break;
      }
      case 'boolean': {
        const key = typeof cell === 'boolean' ? String(cell) : valueKey(text);
        if (YES.has(key)) data[field] = true;
        else if (NO.has(key)) data[field] = false;
        else fail(`"${text}" er hverken ja eller nej.`);
        break;
      }
      case 'themes': {
        const themes = themeParts(text).map((part) => [part, suggestValue(field, part, mapping)] as const);
        const unknown = themes.filter(([, theme]) => !theme).map(([part]) => `"${part}"`);
        if (unknown.length) fail(`${unknown.join(', ')} er ikke et tema på listen. Tilknyt værdien et tema.`);
        else data[field] = themes.map(([, theme]) => theme);
        break;
      }
      case 'center': {
        const documentId = suggestValue(field, text, mapping, centers);
        if (!documentId) fail(`"${text}" er ikke et center i systemet. Tilknyt værdien et center.`);
        else data[field] = documentId;
        break;
      }
      case 'choice': {
        const choice = suggestValue(field, text, mapping);
        if (!choice) fail(`"${text}" er ikke en mulighed for ${fieldName(COMPLAINT, field).toLowerCase()}. Tilknyt værdien en af mulighederne.`);
        else data[field] = choice;
        break;
      }
    }
  });
  if (!data.receivedAt && !errors.some((error) => error.path === 'receivedAt')) {
    errors.push({ path: 'receivedAt', message: 'Datoen for modtagelsen mangler; den skal med, for at sagen tæller i det rigtige år.' });
  }
  if (!data.description) data.description = NO_DESCRIPTION;
  const caseNumber = typeof data.caseNumber === 'string' ? data.caseNumber : null;
  return { number: row.number, data, errors, caseNumber };
}
