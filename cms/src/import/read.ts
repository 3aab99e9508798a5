/**
 * Reads the old register's export: an .xlsx workbook (its first sheet) through exceljs, or a CSV
 * as Danish Excel writes it (`;` or `,`, UTF-8 with or without BOM, or Windows-1252) through
 * csv-parse and iconv-lite. The first non-empty row holds the column headings; empty rows are
 * left out but keep their row numbers, so a message points at the row the user sees.
 */
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';

/** A cell as read: text, a number (an Excel serial date stays a number), a date from a date-formatted cell, or empty. */
export type Cell = string | number | boolean | Date | null;

export interface SheetRow {
  /** The row's number in the file (1 = the heading row of a file that starts with it). */
  number: number;
  cells: Cell[];
}

export interface Sheet {
  headers: string[];
  rows: SheetRow[];
}

export class ImportFileError extends Error {}

const isEmpty = (cell: Cell) => cell === null || (typeof cell === 'string' && cell.trim() === '');

/** exceljs's cell value (rich text, formula, hyperlink, error) as a plain cell. */
function excelCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return excelCell((value.result ?? null) as ExcelJS.CellValue);
  if ('text' in value) return excelCell(value.text as ExcelJS.CellValue);
  return null;
}

async function readXlsx(buffer: Buffer): Promise<Cell[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new ImportFileError('Filen kan ikke læses som et Excel-regneark (.xlsx).');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ImportFileError('Regnearket har ingen ark.');
  const rows: Cell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const values = row.values as ExcelJS.CellValue[];
    rows[number - 1] = values.slice(1).map(excelCell);
  });
  return Array.from(rows, (row) => row ?? []);
}

/** UTF-8 when the bytes are valid UTF-8, else Windows-1252 (what Danish Excel writes as "CSV"). */
export function decodeText(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buffer);
  } catch {
    return iconv.decode(buffer, 'win1252');
  }
}

/** The separator of the heading line: the one of `;`, `,` and tab that occurs most outside quotes. */
function delimiterOf(text: string): string {
  const line = (text.split(/\r?\n/).find((candidate) => candidate.trim() !== '') ?? '').replace(/"[^"]*"/g, '');
  const counts = [';', ',', '\t'].map((delimiter) => [delimiter, line.split(delimiter).length - 1] as const);
  return counts.reduce((best, candidate) => (candidate[1] > best[1] ? candidate : best))[0];
}

function readCsv(buffer: Buffer): Cell[][] {
  const text = decodeText(buffer);
  try {
    return parse(text, { delimiter: delimiterOf(text), bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    throw new ImportFileError(`CSV-filen kan ikke læses: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Reads a file by its name's extension (.xlsx, else CSV). */
export async function readSheet(buffer: Buffer, fileName: string): Promise<Sheet> {
  const table = /\.xlsx$/i.test(fileName) ? await readXlsx(buffer) : readCsv(buffer);
  const headerIndex = table.findIndex((row) => row.some((cell) => !isEmpty(cell)));
  if (headerIndex < 0) throw new ImportFileError('Filen er tom.');
  const headers = table[headerIndex].map((cell) => (cell === null ? '' : String(cell).trim()));
  const rows: SheetRow[] = [];
  table.slice(headerIndex + 1).forEach((cells, offset) => {
    if (cells.every(isEmpty)) return;
    rows.push({ number: headerIndex + offset + 2, cells: headers.map((_, column) => cells[column] ?? null) });
  });
  return { headers, rows };
}
