import { DateTime } from 'luxon';
import { loadPolicy, WorkingCalendar } from '@borgerraadgiver/config';
import { checkComplaint, derivedComplaintFields, type RuleContext } from '../../cms/src/rules';
import { readSheet } from '../../cms/src/import/read';
import { convertRow, parseDateCell, suggestColumns, type ImportMapping } from '../../cms/src/import/mapping';
import { danishExcelCsv, excelSerial, workbook } from '../helpers/import-files';

const centers = [{ id: 1, documentId: 'c1', name: 'Center for Børn og Familie' }];
const local = (value: DateTime | null) => value?.setZone('Europe/Copenhagen').toFormat('yyyy-MM-dd HH:mm') ?? null;

test('a Danish Excel CSV in Windows-1252 with semicolons: æøå, quoted separators, empty rows keep their row numbers', async () => {
  const bytes = danishExcelCsv([
    ['Modtaget', 'Kanal', 'Henvendelsens indhold'],
    ['03-04-2019', 'Telefon', 'Klage over sagsbehandlingen; især tonen i Ærøskøbing'],
    ['', '', ''],
    ['04.04.2019', 'Brev', 'Første "linje"\nanden linje'],
  ]);
  expect(bytes.includes(Buffer.from('Ærø', 'utf8'))).toBe(false);
  const sheet = await readSheet(bytes, 'sager.csv');
  expect(sheet.headers).toEqual(['Modtaget', 'Kanal', 'Henvendelsens indhold']);
  expect(sheet.rows).toEqual([
    { number: 2, cells: ['03-04-2019', 'Telefon', 'Klage over sagsbehandlingen; især tonen i Ærøskøbing'] },
    { number: 4, cells: ['04.04.2019', 'Brev', 'Første "linje"\nanden linje'] },
  ]);
});

test('a UTF-8 CSV with BOM and commas', async () => {
  const sheet = await readSheet(Buffer.from('\uFEFFModtaget,Formål\n2019-04-03,Rådgivning\n', 'utf8'), 'sager.csv');
  expect(sheet).toEqual({ headers: ['Modtaget', 'Formål'], rows: [{ number: 2, cells: ['2019-04-03', 'Rådgivning'] }] });
});

test('an .xlsx with dates as serials, as date cells and as text, and empty rows', async () => {
  const sheet = await readSheet(
    await workbook([
      ['Modtaget', 'Kanal'],
      [excelSerial(2019, 4, 3, 10, 15), 'Telefon'],
      [null, null],
      [new Date(Date.UTC(2020, 0, 31, 9, 0)), 'Brev'],
      ['5-6-2021', 'E-mail'],
    ]),
    'sager.xlsx',
  );
  expect(sheet.rows.map((row) => row.number)).toEqual([2, 4, 5]);
  expect(sheet.rows.map((row) => local(parseDateCell(row.cells[0])))).toEqual(['2019-04-03 10:15', '2020-01-31 09:00', '2021-06-05 00:00']);
});

test.each`
  text                      | expected
  ${'03-04-2019'}           | ${'2019-04-03 00:00'}
  ${'3.4.19'}               | ${'2019-04-03 00:00'}
  ${'3/4/2019 kl. 10.15'}   | ${'2019-04-03 10:15'}
  ${'2019-04-03 10:15'}     | ${'2019-04-03 10:15'}
  ${'43558'}                | ${'2019-04-03 00:00'}
  ${'2019-04-03T08:15:00Z'} | ${'2019-04-03 10:15'}
  ${'32-01-2019'}           | ${null}
  ${'i går'}                | ${null}
`('the date "$text" reads as $expected (Copenhagen time)', ({ text, expected }) => {
  expect(local(parseDateCell(text))).toBe(expected);
});

test("headings written as the admin's labels and values written as the choices' labels map without a saved mapping", () => {
  const headers = ['Sagsnummer', 'Modtaget', 'Kanal', 'Center', 'Klagetemaer', 'Status', 'Afsluttet', 'Navn', 'Gammelt felt'];
  const mapping: ImportMapping = { columns: suggestColumns(headers), values: {} };
  expect(mapping.columns).toEqual({
    Sagsnummer: 'caseNumber',
    Modtaget: 'receivedAt',
    Kanal: 'channel',
    Center: 'center',
    Klagetemaer: 'complaintThemes',
    Status: 'caseStatus',
    Afsluttet: 'closedAt',
    Navn: 'citizenName',
    'Gammelt felt': '',
  });
  const row = {
    number: 2,
    cells: ['BR-17', '03-04-2019', 'telefon', 'center for børn og familie', 'Vejledning; Begrundelse', 'Løst ved dialog', '10-04-2019', 'Åse Ørum', 'x'],
  };
  expect(convertRow(row, headers, mapping, centers)).toEqual({
    number: 2,
    caseNumber: 'BR-17',
    errors: [],
    data: {
      caseNumber: 'BR-17',
      receivedAt: '2019-04-02T22:00:00.000Z',
      channel: 'phone',
      center: 'c1',
      complaintThemes: ['vejledning', 'begrundelse'],
      caseStatus: 'loest_ved_dialog',
      closedAt: '2019-04-09T22:00:00.000Z',
      citizenName: 'Åse Ørum',
      description: 'Importeret fra det tidligere register uden beskrivelse.',
    },
  });
});

test('old values map through the saved mapping; what maps to nothing is a Danish reason on the field', () => {
  const headers = ['Dato', 'Kanal', 'Center', 'Klaget først'];
  const mapping: ImportMapping = {
    columns: { Dato: 'receivedAt', Kanal: 'channel', Center: 'center', 'Klaget først': 'formalComplaintToUnit' },
    values: { channel: { tlf: 'phone' } },
  };
  expect(convertRow({ number: 3, cells: ['1-2-2020', 'Tlf.', 'Børn', 'Ja'] }, headers, mapping, centers)).toMatchObject({
    data: { channel: 'phone', formalComplaintToUnit: true },
    errors: [{ path: 'center', message: 'Kolonnen "Center": "Børn" er ikke et center i systemet. Tilknyt værdien et center.' }],
  });
  expect(convertRow({ number: 4, cells: ['', 'Fax', null, 'måske'] }, headers, mapping, centers).errors).toEqual([
    { path: 'channel', message: 'Kolonnen "Kanal": "Fax" er ikke en mulighed for kanal. Tilknyt værdien en af mulighederne.' },
    { path: 'formalComplaintToUnit', message: 'Kolonnen "Klaget først": "måske" er hverken ja eller nej.' },
    { path: 'receivedAt', message: 'Datoen for modtagelsen mangler; den skal med, for at sagen tæller i det rigtige år.' },
  ]);
});

describe('the case rules for a case from the old register', () => {
  const context: RuleContext = { now: new Date('2026-11-27T10:00:00Z'), policy: loadPolicy({}), calendar: new WorkingCalendar(), imported: true };
  const base = { receivedAt: '2019-04-03T08:00:00Z', caseNumber: 'BR-17' };
  test.each`
    state                                                                        | expected
    ${{ caseStatus: 'afsluttet', closedAt: '2019-04-10T08:00:00Z' }}             | ${[]}
    ${{ caseStatus: 'udtalelse_afgivet', centerHadOpportunity: true }}           | ${[]}
    ${{ caseStatus: 'afsluttet' }}                                               | ${['closedAt: En sag med status "Afsluttet" skal have datoen, den blev afsluttet.']}
    ${{ caseStatus: 'henvist', closedAt: '2019-04-01T08:00:00Z' }}               | ${['closedAt: Sagen kan ikke være afsluttet, før henvendelsen blev modtaget.']}
    ${{ caseStatus: 'tilbagetrukket', closedAt: '2027-01-01T08:00:00Z' }}        | ${['closedAt: Afslutningsdatoen kan ikke ligge i fremtiden.']}
    ${{ caseStatus: 'loest_ved_dialog', closedAt: '2019-04-03T00:00:00+02:00' }} | ${[]}
  `('$state: $expected', ({ state, expected }) => {
    const violations = checkComplaint({ ...base, ...state }, null, context).map((v) => `${v.path}: ${v.message}`);
    expect(violations).toEqual(expected);
    // The same state outside an import: the number is the system's, and the workflow applies.
    expect(checkComplaint({ ...base, ...state }, null, { ...context, imported: false }).map((v) => v.path)).toContain('caseNumber');
  });

  test('an imported case gets no first-action time and keeps its closure date', () => {
    const state = { ...base, caseStatus: 'loest_ved_dialog' as const, closedAt: '2019-04-10T08:00:00Z' };
    expect(derivedComplaintFields(state, null, context.now, true)).toEqual({});
    expect(derivedComplaintFields(state, null, context.now)).toEqual({ firstActionAt: context.now.toISOString() });
  });
});
