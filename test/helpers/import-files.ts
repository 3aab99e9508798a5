/**
 * Files as a municipality's old register gives them: Danish Excel's CSV (semicolons, Windows-1252)
 * and .xlsx workbooks with dates both as Excel serials and as text. Built byte by byte here, so the
 * tests show exactly what is read.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

/** The CSV text as Danish Excel writes it: `;`, CRLF, quotes only where needed, Windows-1252 bytes. */
export function danishExcelCsv(rows: string[][]): Buffer {
  const quote = (value: string) => (/[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return iconv.encode(rows.map((row) => row.map(quote).join(';')).join('\r\n') + '\r\n', 'win1252');
}

/** An .xlsx workbook of one sheet; a cell may be text, a number (an Excel serial date), a Date (a date-formatted cell) or empty. */
export async function workbook(rows: (string | number | Date | null)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Henvendelser');
  rows.forEach((row, index) => {
    const added = sheet.getRow(index + 1);
    row.forEach((value, column) => {
      if (value === null) return;
      const cell = added.getCell(column + 1);
      cell.value = value;
      if (value instanceof Date) cell.numFmt = 'dd-mm-yyyy hh:mm';
    });
    added.commit();
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Excel's serial number of a date (days since 30 December 1899, the time as the fraction). */
export function excelSerial(year: number, month: number, day: number, hour = 0, minute = 0): number {
  return (Date.UTC(year, month - 1, day, hour, minute) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** `n` rows of realistic old inquiries, all valid, numbered BR-<n>; the headings are the admin's labels. */
export function generatedRows(n: number, centers: string[]): string[][] {
  const headers = [
    'Sagsnummer',
    'Modtaget',
    'Kanal',
    'Formål',
    'Center',
    'Kategori',
    'Klagetemaer',
    'Status',
    'Afvisningsgrund',
    'Afsluttet',
    'Navn',
    'Henvendelsens indhold',
  ];
  const channels = ['Telefon', 'E-mail', 'Brev', 'Personligt møde'];
  const statuses = [
    ['Løst ved dialog', 2],
    ['Henvist', 1],
    ['Afvist', 3],
  ] as const;
  const rows = [headers];
  for (let i = 0; i < n; i++) {
    const year = 2019 + (i % 6);
    const month = 1 + (i % 12);
    const day = 1 + (i % 27);
    const [status, days] = statuses[i % statuses.length];
    const closedDay = day + days;
    rows.push([
      `BR-${String(i + 1).padStart(6, '0')}`,
      `${String(day).padStart(2, '0')}-${String(month).padStart(2, '0')}-${year}`,
      channels[i % channels.length],
      i % 5 === 0 ? 'Rådgivning' : 'Klage',
      centers[i % centers.length],
      'Formel sagsbehandling',
      i % 2 ? 'Vejledning; Begrundelse' : 'Lang sagsbehandlingstid eller manglende svar',
      status,
      status === 'Afvist' ? 'Grundløs, upræcis eller uden tilstrækkelig interesse' : '',
      `${String(closedDay).padStart(2, '0')}-${String(month).padStart(2, '0')}-${year}`,
      `Borger ${i + 1} Ærø`,
      `Henvendelse nr. ${i + 1} om sagsbehandlingen på ${centers[i % centers.length]}.`,
    ]);
  }
  return rows;
}
