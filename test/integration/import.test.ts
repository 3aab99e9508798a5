/**
 * The import of the old register against the real app (SQLite, and PostgreSQL with
 * DATABASE_CLIENT=postgres): realistic files, the dry run, the rules, the journal, idempotency,
 * a corrected file, the reports by the original dates, retention, the admin routes and the command.
 */
import { execFile } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { promisify } from 'util';
import { startStrapi, type TestStrapi } from '../helpers/strapi';
import { loginAs, type AdminClient } from '../helpers/admin-users';
import { danishExcelCsv, excelSerial, workbook } from '../helpers/import-files';
import { mappingFor } from '../../cms/src/import';
import { readSheet } from '../../cms/src/import/read';
import { importSheet, loadCenters } from '../../cms/src/import/run';
import { convertRow } from '../../cms/src/import/mapping';
import { runImportRow } from '../../cms/src/import/scope';
import { SEARCH_TABLE } from '../../cms/src/search/store';
import { runAs } from '../../cms/src/journal';
import { yearPeriod } from '../../cms/src/reports/period';
import { COMPLAINT, CASE_EVENT } from '../../cms/src/content-types';

let app: TestStrapi;
let advisor: AdminClient;
let assistant: AdminClient;

beforeAll(async () => {
  app = await startStrapi();
  advisor = await loginAs(app, 'Borgerrådgiver', 'Birthe');
  assistant = await loginAs(app, 'Administrativ medarbejder', 'Anders');
});
afterAll(async () => {
  await app?.stop();
});

const HEADERS = [
  'Sagsnummer',
  'Modtaget',
  'Kanal',
  'Formål',
  'Center',
  'Kategori',
  'Klagetemaer',
  'Behandlingsform',
  'Status',
  'Afvisningsgrund',
  'Afsluttet',
  'Navn',
  'Telefon',
  'Henvendelsens indhold',
];
const dialogue = [
  '2019-0042',
  '03-04-2019',
  'Tlf.',
  'Klage',
  'Center for Børn og Familie',
  'Formel sagsbehandling',
  'Vejledning',
  'Dialog med enheden',
  'Løst ved dialog',
  '',
  '10-04-2019',
  'Åse Ærø',
  '12345678',
  'Klage over sagsbehandlingstiden på børneområdet',
];
const rejected = [
  '',
  '15-05-2019',
  'Brev',
  'Rådgivning',
  'Center for Plan og Byg',
  '',
  '',
  '',
  'Afvist',
  'Grundløs, upræcis eller uden tilstrækkelig interesse',
  '20-05-2019',
  'Søren Østergård',
  '',
  'Spørgsmål om et hegn',
];
const closedWithoutDate = [
  '2019-0050',
  '01-06-2019',
  'E-mail',
  'Klage',
  'Center for Plan og Byg',
  '',
  '',
  '',
  'Afsluttet',
  '',
  '',
  '',
  '',
  'Klage over byggesag',
];
const open = [
  '2020-0007',
  '02-03-2020',
  'Telefon',
  'Klage',
  'Center for Job og Borgerservice',
  '',
  '',
  '',
  'Dialog med center',
  '',
  '',
  'Jens Jensen',
  '',
  'Klage over ydelse',
];
const blank = HEADERS.map(() => '');
const csv = (rows: string[][]) => danishExcelCsv([HEADERS, ...rows]);

const actor = { type: 'admin' as const, id: 1, name: 'Birthe Test' };
async function runImport(bytes: Buffer, file: string, dryRun = false) {
  const sheet = await readSheet(bytes, file);
  const mapping = await mappingFor(app.strapi, sheet.headers);
  return runAs(actor, () => importSheet(app.strapi, sheet, { file, mapping, dryRun }));
}
const complaint = (caseNumber: string) => app.strapi.db.query(COMPLAINT).findOne({ where: { caseNumber }, populate: ['center'] });
const eventsOf = async (caseNumber: string) =>
  app.strapi.db.query(CASE_EVENT).findMany({ where: { complaint: { caseNumber } }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });

describe('a Danish Excel CSV (Windows-1252, semicolons)', () => {
  test('the saved mapping is used for old values ("Tlf." → Telefon); the dry run writes nothing and says per row what would happen', async () => {
    const saved = await advisor.request('PUT', '/import/mappings/standard', { columns: {}, values: { channel: { tlf: 'phone' } } });
    expect(saved.status).toBe(200);
    const { summary, rows } = await runImport(csv([dialogue, rejected, closedWithoutDate, blank, open]), 'register.csv', true);
    expect(summary).toEqual({ total: 4, created: 3, updated: 0, unchanged: 0, refused: 1, skipped: 0 });
    expect(rows.map((row) => [row.row, row.outcome, row.caseNumber])).toEqual([
      [2, 'created', '2019-0042'],
      [3, 'created', null],
      [4, 'refused', '2019-0050'],
      [6, 'created', '2020-0007'],
    ]);
    expect(rows[2].messages).toEqual(['En sag med status "Afsluttet" skal have datoen, den blev afsluttet.']);
    expect(await app.strapi.db.query(COMPLAINT).count({})).toBe(0);
    expect(Number((await app.strapi.db.connection('import_records').count({ n: '*' }))[0].n)).toBe(0);
  });

  test('the import keeps old case numbers (ours continue after them), the dates and outcomes as they were, and reports the row that breaks a rule', async () => {
    const { summary } = await runImport(csv([dialogue, rejected, closedWithoutDate, blank, open]), 'register.csv');
    expect(summary).toMatchObject({ created: 3, refused: 1 });
    const first = await complaint('2019-0042');
    expect(first).toMatchObject({
      channel: 'phone',
      purpose: 'klage',
      category: 'sagsbehandling',
      complaintThemes: ['vejledning'],
      handling: 'dialog',
      caseStatus: 'loest_ved_dialog',
      citizenName: 'Åse Ærø',
      citizenPhone: '12345678',
      firstActionAt: null,
      center: { name: 'Center for Børn og Familie' },
    });
    expect(new Date(first.receivedAt).toISOString()).toBe('2019-04-02T22:00:00.000Z');
    expect(new Date(first.closedAt).toISOString()).toBe('2019-04-09T22:00:00.000Z');
    expect(await complaint('2019-0043')).toMatchObject({ caseStatus: 'afvist', outOfScopeReason: 'grundloes', citizenName: 'Søren Østergård' });
    expect(await complaint('2019-0050')).toBeNull();
    // A case registered in the system afterwards gets the next number of its year.
    const next = await app.strapi.documents(COMPLAINT).create({ data: { receivedAt: '2019-06-01T10:00:00.000Z', description: 'Ny henvendelse' } as never });
    expect(next.caseNumber).toBe('2019-0044');
    await app.strapi.documents(COMPLAINT).delete({ documentId: next.documentId });
  });

  test('journaled as imported: registered on the day it was received, and the source row without its personal values', async () => {
    const events = await eventsOf('2019-0042');
    expect(events.map((event: any) => [event.kind, new Date(event.at).toISOString().slice(0, 10)])).toEqual([
      ['created', '2019-04-02'],
      ['imported', new Date().toISOString().slice(0, 10)],
    ]);
    expect(events[0]).toMatchObject({ changes: null, actorName: 'Birthe Test' });
    expect(events[1].summary).toBe('Importeret fra register.csv, række 2.');
    expect(events[1].changes).toMatchObject({
      channel: { from: null, to: 'phone' },
      caseStatus: { from: null, to: 'loest_ved_dialog' },
      citizenName: { changed: true },
      citizenPhone: { changed: true },
      description: { changed: true },
    });
    const journal = JSON.stringify(await app.strapi.db.query(CASE_EVENT).findMany({}));
    for (const personal of ['Åse', '12345678', 'Søren', 'børneområdet', 'hegn']) expect(journal).not.toContain(personal);
  });

  test('importing the same file again changes nothing', async () => {
    const before = await app.strapi.db.query(CASE_EVENT).count({});
    const { summary } = await runImport(csv([dialogue, rejected, closedWithoutDate, blank, open]), 'register.csv');
    expect(summary).toEqual({ total: 4, created: 0, updated: 0, unchanged: 3, refused: 1, skipped: 0 });
    expect(await app.strapi.db.query(CASE_EVENT).count({})).toBe(before);
    expect(await app.strapi.db.query(COMPLAINT).count({})).toBe(3);
  });

  test('a corrected file updates only what the import wrote and nobody has changed since, and brings in the corrected row', async () => {
    const first = await complaint('2019-0042');
    await app.strapi.documents(COMPLAINT).update({ documentId: first.documentId, data: { channel: 'letter' } });
    const corrected = [...dialogue];
    corrected[2] = 'E-mail';
    corrected[7] = 'Mægling';
    const fixed = [...closedWithoutDate];
    fixed[10] = '12-06-2019';
    const { summary, rows } = await runImport(csv([corrected, rejected, fixed, open]), 'register-rettet.csv');
    expect(summary).toEqual({ total: 4, created: 1, updated: 1, unchanged: 2, refused: 0, skipped: 0 });
    expect(rows[0]).toMatchObject({ outcome: 'updated', caseNumber: '2019-0042', messages: ['Kanal er ændret i systemet siden importen og er ikke rettet.'] });
    expect(await complaint('2019-0042')).toMatchObject({ channel: 'letter', handling: 'maegling' });
    expect(await complaint('2019-0050')).toMatchObject({ caseStatus: 'afsluttet' });
    const events = await eventsOf('2019-0042');
    expect(events.at(-1)).toMatchObject({ kind: 'imported', changes: { handling: { from: 'dialog', to: 'maegling' } } });
    expect(events.filter((event: any) => event.kind === 'status_changed')).toEqual([]);
  });

  test('imported cases count in the reports by their original dates and outcomes, and in the five-year trend', async () => {
    const statistics = (year: number) => app.strapi.service('api::report.report').statistics(yearPeriod(year), new Date());
    const y2019 = await statistics(2019);
    expect([y2019.outcomes.resolvedByDialogue.current, y2019.outcomes.rejected.current]).toEqual([1, 1]);
    const now = await statistics(new Date().getFullYear());
    expect([now.outcomes.resolvedByDialogue.current, now.outcomes.rejected.current]).toEqual([0, 0]);
    const trend = Object.fromEntries((await statistics(2023)).trend.rows.map((row: any) => [row.key, row.values]));
    expect(trend).toMatchObject({ inquiries: [3, 1, 0, 0, 0], loest_ved_dialog: [1, 0, 0, 0, 0] });
  });
});

describe('an .xlsx workbook', () => {
  test('dates as Excel serials, as date cells and as text; empty rows; the time limit counts from the received date, not today', async () => {
    const bytes = await workbook([
      ['Modtaget', 'Kanal', 'Status', 'Afsluttet', 'Dato for afgørelse eller forhold', 'Henvendelsens indhold'],
      [excelSerial(2018, 3, 5, 9, 30), 'Telefon', 'Løst ved dialog', excelSerial(2018, 3, 9), '01-11-2017', 'Inden for fristen'],
      [null, null, null, null, null, null],
      [new Date(Date.UTC(2018, 5, 1, 13, 0)), 'Brev', 'Henvist', '2018-06-04', null, 'Henvist til Ankestyrelsen'],
      ['7/9/2018', 'E-mail', 'Løst ved dialog', '10/9/2018', '01-01-2017', 'Forældet klage'],
      ['01-01-2099', 'E-mail', 'Modtaget', null, null, 'Fremtiden'],
    ]);
    const { summary, rows } = await runImport(bytes, 'gamle-sager.xlsx');
    expect(summary).toMatchObject({ total: 4, created: 2, refused: 2 });
    expect(rows.map((row) => [row.row, row.outcome])).toEqual([
      [2, 'created'],
      [4, 'created'],
      [5, 'refused'],
      [6, 'refused'],
    ]);
    expect(rows[2].messages[0]).toMatch(/^Klagen er indgivet efter klagefristen/);
    expect(rows[3].messages).toEqual(['Modtagelsestidspunktet kan ikke ligge i fremtiden.']);
    const [serial, dated] = await Promise.all(rows.slice(0, 2).map((row) => complaint(row.caseNumber!)));
    expect(new Date(serial.receivedAt).toISOString()).toBe('2018-03-05T08:30:00.000Z');
    expect(serial.caseNumber).toBe('2018-0001');
    expect(new Date(dated.receivedAt).toISOString()).toBe('2018-06-01T11:00:00.000Z');
    expect(dated.description).toBe('Henvist til Ankestyrelsen');
  });
});

describe('the admin page', () => {
  const upload = async (pathname: string, fields: Record<string, string>, bytes: Buffer, name: string) => {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    form.append('file', new Blob([new Uint8Array(bytes)]), name);
    const response = await fetch(`${app.url}${pathname}`, { method: 'POST', headers: { authorization: `Bearer ${await app.adminToken()}` }, body: form });
    return { status: response.status, body: (await response.json()) as any };
  };

  test('only the advisor may import', async () => {
    expect((await advisor.request('GET', '/import/mappings')).body).toEqual({ data: ['standard'] });
    for (const [method, pathname] of [
      ['GET', '/import/mappings'],
      ['PUT', '/import/mappings/standard'],
      ['POST', '/import/inspect'],
      ['POST', '/import/runs'],
      ['GET', '/import/runs/x'],
    ]) {
      const response = await assistant.request(method, pathname, method === 'GET' ? undefined : {});
      expect({ pathname, status: response.status, message: response.body?.error?.message }).toEqual({
        pathname,
        status: 403,
        message: 'Kun borgerrådgiveren kan importere sager fra det tidligere register.',
      });
    }
  });

  test('inspect suggests the mapping; a dry run and an import run in the background with progress', async () => {
    const bytes = csv([rejected, ['2020-0099', ...open.slice(1)]]);
    const inspected = await upload('/import/inspect', {}, bytes, 'register.csv');
    expect(inspected.status).toBe(200);
    expect(inspected.body.data).toMatchObject({ headers: HEADERS, rowCount: 2, mapping: { columns: { Kanal: 'channel', Telefon: 'citizenPhone' } } });
    expect(inspected.body.data.values.channel).toEqual([
      { value: 'Brev', key: 'brev', count: 1, suggestion: 'letter' },
      { value: 'Telefon', key: 'telefon', count: 1, suggestion: 'phone' },
    ]);
    const mapping = JSON.stringify(inspected.body.data.mapping);
    const poll = async (id: string) => {
      for (;;) {
        const { body } = await advisor.request('GET', `/import/runs/${id}`);
        if (body.data.status !== 'running') return body.data;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    const dry = await upload('/import/runs', { mapping, dryRun: 'true' }, bytes, 'register.csv');
    expect(dry.status).toBe(202);
    expect(await poll(dry.body.data.id)).toMatchObject({ status: 'done', dryRun: true, total: 2, done: 2, summary: { created: 1, unchanged: 1 } });
    expect(await complaint('2020-0099')).toBeNull();
    const real = await upload('/import/runs', { mapping, dryRun: 'false' }, bytes, 'register.csv');
    expect(await poll(real.body.data.id)).toMatchObject({ status: 'done', dryRun: false, summary: { created: 1, unchanged: 1 } });
    expect(await complaint('2020-0099')).toMatchObject({ caseStatus: 'dialog' });
    const events = await eventsOf('2020-0099');
    expect(events.map((event: any) => [event.kind, event.actorName])).toEqual([
      ['created', 'Test Admin'],
      ['imported', 'Test Admin'],
    ]);
    const bad = await upload('/import/inspect', {}, Buffer.from('not a workbook'), 'sager.xlsx');
    expect(bad).toEqual({
      status: 400,
      body: expect.objectContaining({ error: expect.objectContaining({ message: 'Filen kan ikke læses som et Excel-regneark (.xlsx).' }) }),
    });
  });
});

test('the retention job treats imported cases like any other: closed more than five years ago, they are anonymised, and a re-import leaves them alone', async () => {
  const anonymised: string[] = await app.strapi.service('api::privacy.privacy').runRetention(new Date());
  expect(anonymised).toEqual(expect.arrayContaining(['2018-0001', '2019-0042', '2019-0043', '2019-0050']));
  expect(anonymised).not.toContain('2020-0007');
  expect(await complaint('2019-0042')).toMatchObject({ citizenName: null, citizenPhone: null });
  const record = await app.strapi.db.connection('import_records').where({ case_number: '2019-0042' }).first();
  expect(record.field_hashes).toBeNull();
  const changed = [...dialogue];
  changed[7] = 'Undersøgelse';
  const { rows } = await runImport(csv([changed]), 'register.csv');
  expect(rows[0]).toMatchObject({ outcome: 'skipped', messages: ['Sag 2019-0042 er anonymiseret og rettes ikke.'] });
});

const sqliteOnly = process.env.DATABASE_CLIENT === 'postgres' ? test.skip : test;
sqliteOnly(
  'the command: npm run import -- <file> [--dry-run]',
  async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-command-'));
    const file = path.join(dir, 'register.csv');
    // A fresh database has no saved mapping: the channel written as its label.
    fs.writeFileSync(file, csv([[...dialogue.slice(0, 2), 'Telefon', ...dialogue.slice(3)], closedWithoutDate]));
    const env = { ...process.env, DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, 'data.db') };
    const command = (...args: string[]) =>
      promisify(execFile)('node', [path.resolve(__dirname, '../../scripts/import.mjs'), ...args], { env }).then(
        (result) => ({ code: 0, stdout: result.stdout }),
        (error) => ({ code: error.code as number, stdout: error.stdout as string }),
      );
    try {
      const dry = await command(file, '--dry-run');
      expect(dry.code).toBe(2);
      expect(dry.stdout).toContain('Række 2: Oprettes (2019-0042)\n');
      expect(dry.stdout).toContain('Række 3: Afvist (2019-0050) — En sag med status "Afsluttet" skal have datoen, den blev afsluttet.');
      expect(dry.stdout).toContain('Prøvekørsel, intet er gemt: 2 rækker, 1 oprettes, 0 rettes, 0 uændret, 0 sprunget over, 1 afvist');
      const real = await command(file);
      expect(real.stdout).toContain('Import: 2 rækker, 1 oprettet');
      expect((await command()).code).toBe(64);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
  300_000,
);

test('two imports of the same file at once create each case once', async () => {
  const rows = Array.from({ length: 30 }, (_, i) => {
    const row = [...open];
    row[0] = `2021-${String(i + 1).padStart(4, '0')}`;
    row[1] = `0${1 + (i % 9)}-02-2021`;
    return row;
  });
  const bytes = csv(rows);
  const [a, b] = await Promise.all([runImport(bytes, 'samtidig.csv'), runImport(bytes, 'samtidig.csv')]);
  expect(a.summary.created + b.summary.created).toBe(30);
  expect(a.summary.refused + b.summary.refused).toBe(0);
  expect(await app.strapi.db.query(COMPLAINT).count({ where: { caseNumber: { $startsWith: '2021-' } } })).toBe(30);
  expect(Number((await app.strapi.db.connection('import_records').where('case_number', 'like', '2021-%').count({ n: '*' }))[0].n)).toBe(30);
});

test('an imported case is the case the Document Service creates from the same row: its fields, its search index entry and its journal', async () => {
  // Text the boundary normalises (a decomposed Å) and dates as Excel serials.
  const row = [
    '2016-0042',
    excelSerial(2016, 4, 3, 10, 15),
    'Telefon',
    'Klage',
    'Center for Børn og Familie',
    'Formel sagsbehandling',
    'Vejledning',
    'Dialog med enheden',
    'Løst ved dialog',
    '',
    excelSerial(2016, 4, 10),
    'A\u030Ase Ærø',
    '12345678',
    'Klage over sagsbehandlingstiden\u00a0på børneområdet',
  ];
  const file = 'sammenligning.xlsx';
  const sheet = await readSheet(await workbook([HEADERS, row]), file);
  const mapping = await mappingFor(app.strapi, sheet.headers);
  const { rows } = await runAs(actor, () => importSheet(app.strapi, sheet, { file, mapping, dryRun: false }));
  expect(rows).toMatchObject([{ outcome: 'created', caseNumber: '2016-0042' }]);
  // The same row through the Document Service, as an import row, under another old number.
  const { data } = convertRow(sheet.rows[0], sheet.headers, mapping, await loadCenters(app.strapi));
  await runAs(actor, () =>
    runImportRow({ file, row: 2 }, () => app.strapi.documents(COMPLAINT).create({ data: { ...data, caseNumber: '2016-0043' } as never })),
  );

  const load = (caseNumber: string) => app.strapi.db.query(COMPLAINT).findOne({ where: { caseNumber }, populate: { center: { select: ['documentId'] } } });
  const [imported, reference] = [await load('2016-0042'), await load('2016-0043')];
  const fields = ({ id: _id, documentId: _documentId, caseNumber: _caseNumber, createdAt: _created, updatedAt: _updated, publishedAt, ...rest }: any) => ({
    ...rest,
    published: Boolean(publishedAt),
  });
  expect(fields(imported)).toEqual(fields(reference));
  expect(imported).toMatchObject({ citizenName: 'Åse Ærø', center: expect.anything() });

  const indexed = async (kase: any) => {
    const stored = await app.strapi.db.connection(SEARCH_TABLE).where({ complaint_id: kase.id }).first();
    const segments: { label: string; text: string }[] = typeof stored.segments === 'string' ? JSON.parse(stored.segments) : stored.segments;
    return segments.map((segment) => ({ ...segment, text: segment.text.replace(kase.caseNumber, '«nr»') }));
  };
  expect((await indexed(imported)).length).toBeGreaterThan(2);
  expect(await indexed(imported)).toEqual(await indexed(reference));

  const journal = async (kase: any) =>
    (await eventsOf(kase.caseNumber)).map(
      ({
        id: _id,
        documentId: _documentId,
        createdAt: _created,
        updatedAt: _updated,
        publishedAt: _published,
        at,
        caseNumber,
        subjectDocumentId,
        dedupeKey,
        summary,
        ...event
      }: any) => ({
        ...event,
        day: new Date(at).toISOString().slice(0, 10),
        caseNumber: caseNumber === kase.caseNumber,
        subject: subjectDocumentId === kase.documentId,
        dedupeKey: dedupeKey?.replace(String(kase.id), '«id»') ?? null,
        summary: summary.replace(kase.caseNumber, '«nr»'),
      }),
    );
  expect((await journal(imported)).map((event) => event.kind)).toEqual(['created', 'imported']);
  expect(await journal(imported)).toEqual(await journal(reference));

  // A row that Strapi's schema refuses is refused with the Document Service's words.
  const bad = await readSheet(
    await workbook([
      ['receivedAt', 'title', 'citizenEmail'],
      ['03-04-2016', 'x'.repeat(201), 'navn@'],
    ]),
    file,
  );
  const badMapping = await mappingFor(app.strapi, bad.headers);
  const refused = await runAs(actor, () => importSheet(app.strapi, bad, { file, mapping: badMapping, dryRun: false }));
  const badData = convertRow(bad.rows[0], bad.headers, badMapping, []).data;
  const error: any = await runImportRow({ file, row: 2 }, () => app.strapi.documents(COMPLAINT).create({ data: badData as never })).catch((caught) => caught);
  expect(refused.rows[0]).toMatchObject({ outcome: 'refused', messages: [...new Set(error.details.errors.map((item: any) => item.message))] });
  expect(refused.rows[0].messages).toHaveLength(2);
});
