/**
 * CSV as Danish spreadsheets read it: semicolon separator, decimal comma, UTF-8 with BOM,
 * CRLF line ends. Text cells that a spreadsheet would run as a formula are prefixed with '.
 */
export type CsvCell = string | number | null | undefined;

const BOM = '\uFEFF';

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'number' ? (Number.isFinite(value) ? String(value).replace('.', ',') : '') : value;
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return BOM + rows.map((row) => row.map(csvCell).join(';')).join('\r\n') + '\r\n';
}
