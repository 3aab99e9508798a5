/**
 * CSV as Danish spreadsheets read it: semicolon separator, decimal comma, UTF-8 with BOM,
 * CRLF line ends. Text cells that a spreadsheet would run as a formula are prefixed with '.
 */
export type CsvCell = string | number | FixedNumber | null | undefined;

/** A number written with exactly `decimals` decimals ("20,0"), read by spreadsheets as a number. */
export interface FixedNumber {
  value: number;
  decimals: number;
}

const BOM = '\uFEFF';

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return Number.isFinite(value.value) ? value.value.toFixed(value.decimals).replace('.', ',') : '';
  let text = typeof value === 'number' ? (Number.isFinite(value) ? String(value).replace('.', ',') : '') : value;
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return BOM + rows.map((row) => row.map(csvCell).join(';')).join('\r\n') + '\r\n';
}
