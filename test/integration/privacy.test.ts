/**
 * Privacy end to end on the real Strapi app (SQLite, and PostgreSQL with DATABASE_CLIENT=postgres):
 * the retention run keeps every report figure and removes the person; the access export holds
 * everything about one citizen and nothing of another; only the advisor's role may export,
 * anonymise or postpone; a postponed case is kept; runs at the same time anonymise once; CPR
 * numbers are refused on the public form and in the admin's identity fields.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Data, UID } from '@strapi/strapi';
import { startStrapi, TestStrapi } from '../helpers/strapi';
import { loginAs, type AdminClient } from '../helpers/admin-users';
import { ReportFixtures } from '../../bench/report-fixtures';
import { halfYearPeriod, yearPeriod } from '../../cms/src/reports/period';
import { runPrivacyDaily } from '../../cms/src/privacy';
import { storeCitizenMessage } from '../../cms/src/documents/case-file';

const COMPLAINT = 'api::complaint.complaint';
const NOTIFICATION = 'api::notification.notification';
const DAY = 86_400_000;
const at = (iso: string, plusDays = 0) => new Date(new Date(iso).getTime() + plusDays * DAY);

let app: TestStrapi;
let advisor: AdminClient;
let assistant: AdminClient;
const privacy = () => app.strapi.service('api::privacy.privacy') as any;
const reports = () => app.strapi.service('api::report.report') as any;
const complaintRow = (id: Data.ID) => app.strapi.db.query(COMPLAINT).findOne({ where: { id } });
const docs = (uid: string) => app.strapi.documents(uid as UID.ContentType);
/** The journal of a case, oldest first. */
const eventsOf = (complaintId: Data.ID): Promise<any[]> =>
  app.strapi.db
    .query('api::case-event.case-event' as UID.ContentType)
    .findMany({ where: { complaint: { id: complaintId } }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
const eventsOfKind = async (complaintId: Data.ID, kind: string) => (await eventsOf(complaintId)).filter((event) => event.kind === kind);

beforeAll(async () => {
  app = await startStrapi({ DOCUMENT_STORAGE_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'privacy-documents-')) });
  advisor = await loginAs(app, 'Borgerrådgiver', 'Birgit');
  assistant = await loginAs(app, 'Administrativ medarbejder', 'Anders');
});
afterAll(async () => {
  await app?.stop();
});

describe('retention run', () => {
  const NOW = new Date('2026-06-15T10:00:00Z');
  /** Closed more than five years before NOW: due. */
  const due: number[] = [];
  /** Closed later, or open: kept. */
  const kept: number[] = [];
  let meetingId: number;
  let receiptIds: number[];

  /** Each report compares with the previous period too: 2018–2023 and 2025–2026 in all. */
  const everyReport = async () => {
    const periods = [yearPeriod(2019), yearPeriod(2021), yearPeriod(2023), yearPeriod(2026), halfYearPeriod(2019, 2)];
    const all = [];
    for (const period of periods) all.push(await reports().statistics(period, NOW));
    return all;
  };

  beforeAll(async () => {
    const knex = app.strapi.db.connection;
    const f = new ReportFixtures(knex);
    const [a, b] = await f.centers(['Center for Alfa', 'Center for Beta']);
    type Case = {
      center: number | null;
      receivedAt: string;
      status: string;
      closedAfter: number | null;
      category?: string;
      reason?: string;
      channel?: string;
      identity?: string;
      purpose?: string;
    };
    const cases: Case[] = [
      { center: a, receivedAt: '2019-02-01T09:00:00Z', status: 'loest_ved_dialog', closedAfter: 5, category: 'sagsbehandling' },
      { center: a, receivedAt: '2019-05-01T09:00:00Z', status: 'afvist', closedAfter: 1, reason: 'faglig_vurdering', channel: 'email' },
      { center: b, receivedAt: '2019-09-01T09:00:00Z', status: 'afsluttet', closedAfter: 90, category: 'betjening', channel: 'phone' },
      { center: null, receivedAt: '2020-01-15T09:00:00Z', status: 'tilbagetrukket', closedAfter: 3, identity: 'confidential' },
      { center: b, receivedAt: '2020-06-01T09:00:00Z', status: 'henvist', closedAfter: 10, purpose: 'raadgivning' },
      { center: a, receivedAt: '2021-03-01T09:00:00Z', status: 'loest_ved_dialog', closedAfter: 20 }, // closed 21 March 2021: due
      { center: a, receivedAt: '2021-08-01T09:00:00Z', status: 'afsluttet', closedAfter: 30, category: 'diskrimination' }, // closed 31 August 2021: kept
      { center: b, receivedAt: '2022-02-01T09:00:00Z', status: 'afvist', closedAfter: 2, reason: 'foraeldet' },
      { center: b, receivedAt: '2025-04-01T09:00:00Z', status: 'undersoegelse', closedAfter: null, category: 'faktisk_forvaltning' },
      { center: a, receivedAt: '2026-02-01T09:00:00Z', status: 'modtaget', closedAfter: null },
    ];
    const ids = await f.complaints(
      cases.map((c, i) => ({
        center: c.center,
        receivedAt: at(c.receivedAt),
        purpose: c.purpose,
        channel: c.channel,
        category: c.category ?? null,
        outOfScopeReason: c.reason ?? null,
        identity: c.identity,
        status: c.status,
        caseNumber: `${c.receivedAt.slice(0, 4)}-${String(i + 1).padStart(4, '0')}`,
        firstActionAt: at(c.receivedAt, 1),
        closedAt: c.closedAfter === null ? null : at(c.receivedAt, c.closedAfter),
      })),
    );
    ids.forEach((id, i) => (i <= 5 ? due : kept).push(id));
    const statements = await f.statements([
      { center: b, complaint: ids[2], requestedAt: at('2019-09-10T10:00:00Z'), dueAt: at('2019-09-24T10:00:00Z'), respondedAt: at('2019-09-30T10:00:00Z') },
      { center: a, complaint: ids[6], requestedAt: at('2021-08-05T10:00:00Z'), dueAt: at('2021-08-19T10:00:00Z'), respondedAt: at('2021-08-18T10:00:00Z') },
      { center: b, complaint: ids[8], requestedAt: at('2025-04-10T10:00:00Z'), dueAt: at('2025-04-24T10:00:00Z') },
    ]);
    const [o1, o2] = await f.opinions([
      { outcome: 'kritik', issuedAt: at('2019-11-01T10:00:00Z'), complaint: ids[2] },
      { outcome: 'ingen_kritik', issuedAt: at('2021-08-25T10:00:00Z'), complaint: ids[6], center: a },
      { kind: 'general', outcome: 'henstilling', issuedAt: at('2020-03-01T10:00:00Z') },
    ]);
    await f.recommendations([
      { opinion: o1, center: b, followUpStatus: 'gennemfoert', caseReopened: true },
      { opinion: o2, followUpStatus: 'afventer' },
    ]);

    // The person in every case: identity, contact, their story, the center's statement, the advisor's opinion.
    for (const [i, id] of ids.entries()) {
      await app.strapi.db.query(COMPLAINT).update({
        where: { id },
        data: {
          title: `Klage fra Borger ${i}`,
          description: `Borger ${i} fortæller om sin sag.`,
          citizenName: `Borger ${i}`,
          citizenEmail: `borger${i}@example.org`,
          citizenPhone: `2000000${i}`,
          citizenAddress: `Vejen ${i}, 4320 Lejre`,
          internalNotes: `Noter om Borger ${i}`,
          dialogOutcome: i % 2 ? 'Løst ved opringning til Borger' : null,
        },
      });
    }
    await knex('statement_requests').whereIn('id', statements).update({ response_text: 'Redegørelse om borgeren', case_summary: 'Resumé om borgeren' });
    await knex('opinions').whereIn('id', [o1, o2]).update({ reasoning: 'Borgeren blev behandlet forkert', legal_perspective: 'Forvaltningsloven' });
    meetingId = (
      await app.strapi.db.query('api::meeting.meeting').create({
        data: { complaint: ids[2], heldAt: at('2019-10-01T10:00:00Z'), role: 'bisidder', place: 'Borgerens hjem, Vejen 2', notes: 'Borgeren var ked af det' },
      })
    ).id;
    receiptIds = [];
    for (const [i, id] of [
      [0, ids[0]],
      [8, ids[8]],
    ]) {
      const row = await app.strapi.db.query(NOTIFICATION).create({
        data: {
          kind: 'complaint_receipt',
          recipient: `borger${i}@example.org`,
          subject: 'Kvittering',
          complaint: id,
          notBefore: at('2019-02-01T09:00:00Z'),
          deliveryStatus: 'sent',
          sentAt: at('2019-02-01T09:01:00Z'),
          lastError: null,
        },
      });
      receiptIds.push(row.id);
    }
  });

  test('a closed case past retention loses its person and every report figure stays the same', async () => {
    const before = await everyReport();
    expect(before[0].inquiries).toBeDefined();
    const list = await privacy().retention(NOW);
    expect(list.retentionAfterClosure).toBe('5 år');

    const anonymised = await privacy().runRetention(NOW);
    expect(anonymised.sort()).toEqual(['2019-0001', '2019-0002', '2019-0003', '2020-0004', '2020-0005', '2021-0006']);
    expect(await everyReport()).toEqual(before);

    for (const id of due) {
      const row = await complaintRow(id);
      expect(row).toMatchObject({
        citizenName: null,
        citizenEmail: null,
        citizenPhone: null,
        citizenAddress: null,
        description: '[Anonymiseret]',
        title: '[Anonymiseret]',
        internalNotes: '[Anonymiseret]',
      });
      expect(row.anonymisedAt).toBeTruthy();
      expect(row.caseNumber).toMatch(/^20(19|20|21)-/);
    }
    for (const id of kept) expect(await complaintRow(id)).toMatchObject({ citizenName: expect.stringMatching(/^Borger/), anonymisedAt: null });

    const statement = await app.strapi.db.query('api::statement-request.statement-request').findOne({ where: { complaint: { id: due[2] } } });
    expect(statement).toMatchObject({ responseText: '[Anonymiseret]', caseSummary: '[Anonymiseret]', questions: '[Anonymiseret]', requestStatus: 'besvaret' });
    const opinion = await app.strapi.db.query('api::opinion.opinion').findOne({ where: { complaint: { id: due[2] } }, populate: ['recommendations'] });
    expect(opinion).toMatchObject({ reasoning: '[Anonymiseret]', legalPerspective: '[Anonymiseret]', outcome: 'kritik' });
    expect(opinion.recommendations[0]).toMatchObject({ text: 'Anbefaling', followUpStatus: 'gennemfoert' });
    const general = await app.strapi.db.query('api::opinion.opinion').findOne({ where: { kind: 'general' } });
    expect(general.outcome).toBe('henstilling');
    expect(await app.strapi.db.query('api::meeting.meeting').findOne({ where: { id: meetingId } })).toMatchObject({
      place: '[Anonymiseret]',
      notes: '[Anonymiseret]',
      role: 'bisidder',
    });
    const [oldReceipt, newReceipt] = await Promise.all(receiptIds.map((id) => app.strapi.db.query(NOTIFICATION).findOne({ where: { id } })));
    expect(oldReceipt).toMatchObject({ recipient: null, deliveryStatus: 'sent' });
    expect(newReceipt.recipient).toBe('borger8@example.org');
    const kept2021 = await app.strapi.db.query('api::statement-request.statement-request').findOne({ where: { complaint: { id: kept[0] } } });
    expect(kept2021.responseText).toBe('Redegørelse om borgeren');

    // Journaled once per case, by the system, with the reason; nothing for the cases kept.
    for (const id of due) {
      const events = await eventsOfKind(id, 'anonymised');
      expect(events).toEqual([
        expect.objectContaining({
          actorType: 'system',
          actorName: 'Opbevaringsjobbet',
          actorId: null,
          summary: expect.stringMatching(/^Sagen er anonymiseret\. Begrundelse: Opbevaringsperioden på 5 år/),
        }),
      ]);
      expect(new Date(events[0].at).toISOString()).toBe(NOW.toISOString());
    }
    for (const id of kept) expect(await eventsOfKind(id, 'anonymised')).toEqual([]);
  }, 300_000);

  test('the daily job, run twice or by two instances at once, anonymises once', async () => {
    const later = new Date(NOW.getTime() + DAY);
    expect(await privacy().runRetention(later)).toEqual([]);
    // The case closed 31 August 2021 falls due on 31 August 2026. Two instances' cron fire at
    // once: one has the day's run and anonymises it, the other skips; a second run that day too.
    const dueDay = new Date('2026-09-01T05:00:00Z');
    const runs = await Promise.all([runPrivacyDaily(app.strapi, dueDay), runPrivacyDaily(app.strapi, dueDay)]);
    expect(runs.filter((run) => run !== null)).toEqual([['2021-0007']]);
    expect(await runPrivacyDaily(app.strapi, new Date('2026-09-01T15:00:00Z'))).toBeNull();
    // Without the day's claim, two runs at the same moment (on PostgreSQL on two connections)
    // still anonymise each case once: the case closed 3 February 2022 is due in February 2027.
    const due2022 = new Date('2027-02-10T10:00:00Z');
    const [first, second] = await Promise.all([privacy().runRetention(due2022), privacy().runRetention(due2022)]);
    expect([...first, ...second]).toEqual(['2022-0008']);
    for (const id of [...due, kept[0], kept[1]]) expect(await eventsOfKind(id, 'anonymised')).toHaveLength(1);
  });
});

describe('the advisor and the citizen', () => {
  let anna1: any;
  let anna2: any;
  let annaByName: any;
  let bo: any;

  beforeAll(async () => {
    const center = await docs('api::center.center').create({
      data: { name: 'Center for Eksport', email: 'leder@example.org', chiefEmail: 'chef@example.org' } as never,
    });
    const received = await fetch(`${app.url}/api/public/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        data: {
          purpose: 'klage',
          eventDate: new Date(Date.now() - 10 * DAY).toISOString().slice(0, 10),
          description: 'Annas første klage om hjemmeplejen.',
          identity: 'named',
          complainantKind: 'citizen',
          citizenName: 'Anna Ørsted',
          citizenEmail: 'anna@example.org',
          citizenPhone: '+45 11 22 33 44',
          center: center.documentId,
          consent: true,
        },
      }),
    });
    expect(received.status).toBe(201);
    const { caseNumber } = ((await received.json()) as any).data;
    anna1 = await docs(COMPLAINT).findFirst({ filters: { caseNumber } as never });
    anna2 = await docs(COMPLAINT).create({
      data: {
        description: 'Annas anden henvendelse.',
        channel: 'phone',
        citizenName: 'A. Jensen',
        citizenPhone: '11223344',
        internalNotes: 'Ringede igen',
        center: center.documentId,
      } as never,
    });
    annaByName = await docs(COMPLAINT).create({
      data: { description: 'En anden Anna Ørsted.', channel: 'letter', citizenName: ' ANNA ØRSTED', citizenAddress: 'Andetsteds 3' } as never,
    });
    bo = await docs(COMPLAINT).create({
      data: {
        description: 'Bos klage om vejen.',
        channel: 'email',
        citizenName: 'Bo Hansen',
        citizenEmail: 'bo@example.org',
        center: center.documentId,
      } as never,
    });
    await docs('api::meeting.meeting').create({
      data: { complaint: anna2.documentId, heldAt: new Date().toISOString(), role: 'bisidder', place: 'Rådhuset i Hvalsø', notes: 'Møde med Anna' } as never,
    });
    await storeCitizenMessage(app.strapi, anna1, 'Annas besked om hjemmeplejen');
    await storeCitizenMessage(app.strapi, bo, 'Bos besked om vejen');
    // Bo's case gets a history in which his person could end up: his identity and story changed,
    // a meeting at his home, a document from the advisor named after him.
    await docs(COMPLAINT).update({
      documentId: bo.documentId,
      data: {
        citizenEmail: 'bo.hansen@example.org',
        citizenPhone: '55 66 77 88',
        description: 'Bos klage om vejen, uddybet.',
        internalNotes: 'Bo Hansen ringede',
      } as never,
    });
    await docs('api::meeting.meeting').create({
      data: {
        complaint: bo.documentId,
        heldAt: new Date().toISOString(),
        role: 'moede',
        place: 'Hos Bo Hansen, Vejen 9',
        notes: 'Bo Hansen viste vejen',
      } as never,
    });
    const form = new FormData();
    form.append('files', new Blob(['Referat af samtale med Bo Hansen.\n'], { type: 'text/plain' }), 'samtale-bo-hansen.txt');
    const uploaded = await fetch(`${app.url}/upload`, { method: 'POST', headers: { authorization: `Bearer ${await app.adminToken()}` }, body: form });
    expect(uploaded.status).toBe(201);
    const file = ((await uploaded.json()) as any)[0];
    const added = await advisor.request('POST', `/content-manager/collection-types/api::case-document.case-document`, {
      complaint: bo.documentId,
      file: file.id,
      title: 'Telefonnotat: Bo Hansen',
      direction: 'intern',
      source: 'borgerraadgiver',
      note: 'Bo Hansen vil klage igen',
    });
    expect(added.status).toBe(201);
  });

  test('matches are found on e-mail, phone or name for the advisor to confirm', async () => {
    const response = await advisor.request('GET', `/privacy/matches/${anna1.documentId}`);
    expect(response.status).toBe(200);
    const matches = Object.fromEntries(response.body.data.matches.map((m: any) => [m.caseNumber, m.matchedOn]));
    expect(matches).toEqual({ [anna2.caseNumber]: ['phone'], [annaByName.caseNumber]: ['name'] });
  });

  test('the export holds everything about the citizen in the confirmed cases and nothing of another citizen', async () => {
    expect((await advisor.request('GET', `/content-manager/collection-types/${COMPLAINT}/${anna1.documentId}`)).status).toBe(200);
    const response = await advisor.request('GET', `/privacy/export/${anna1.documentId}?format=json&cases=${anna2.documentId}`);
    expect(response.status).toBe(200);
    const data = response.body.data;
    expect(data.cases.map((c: any) => c.caseNumber)).toEqual([anna1.caseNumber, anna2.caseNumber]);
    expect(data.cases[0]).toMatchObject({
      citizenName: 'Anna Ørsted',
      citizenEmail: 'anna@example.org',
      description: 'Annas første klage om hjemmeplejen.',
      center: 'Center for Eksport',
      channel: 'web',
    });
    expect(data.cases[0].emails).toEqual([expect.objectContaining({ recipient: 'anna@example.org', subject: expect.stringContaining('Kvittering') })]);
    expect(data.cases[1]).toMatchObject({ internalNotes: 'Ringede igen', matchedOn: ['phone'] });
    expect(data.cases[1].meetings).toEqual([expect.objectContaining({ place: 'Rådhuset i Hvalsø', notes: 'Møde med Anna' })]);
    expect(data.cases[0].documents).toEqual([
      expect.objectContaining({ title: expect.stringContaining('Besked fra borgeren'), source: 'borger', fileName: expect.stringMatching(/\.txt$/) }),
    ]);
    // The case's journal, and who on the staff opened it and when.
    expect(data.cases[0].events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'Oprettet', actor: 'Borger via webformularen', summary: expect.stringContaining(anna1.caseNumber) }),
        expect.objectContaining({ kind: 'Dokument tilføjet', summary: 'Dokument modtaget fra borgeren.' }),
      ]),
    );
    expect(data.cases[0].events.map((event: any) => event.kind)).not.toContain('Åbnet');
    expect(data.cases[0].openedBy).toEqual([{ at: expect.any(String), name: 'Birgit Test', subject: 'Henvendelse' }]);
    expect(data.cases[1].events).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'Møde registreret' })]));
    expect(data.cases[1].openedBy).toEqual([]);
    const text = JSON.stringify(data);
    for (const other of ['Bo Hansen', 'bo@example.org', 'Bos klage', 'Andetsteds', annaByName.caseNumber, bo.caseNumber]) expect(text).not.toContain(other);

    const html = await advisor.fetch(`/privacy/export/${anna1.documentId}?format=html&cases=${anna2.documentId}`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toContain('text/html');
    const page = await html.text();
    expect(page).toContain('Indsigt i personoplysninger');
    expect(page).toContain('Anna Ørsted');
    expect(page).toContain('Ret til indsigt');
    expect(page).toContain('Medarbejdere, der har åbnet sagen');
    expect(page).toContain('Birgit Test');
    expect(page).not.toContain('Bo Hansen');

    // Each export is journaled on every case it covers, by the advisor, without naming the other cases.
    for (const kase of [anna1, anna2]) {
      const exported = await eventsOfKind(kase.id, 'exported');
      expect(exported).toHaveLength(2);
      for (const event of exported) {
        expect(event).toMatchObject({ actorType: 'admin', actorName: 'Birgit Test', summary: expect.stringContaining('sammen med én anden sag') });
        expect(event.summary).not.toContain((kase === anna1 ? anna2 : anna1).caseNumber);
      }
    }

    const foreign = await advisor.request('GET', `/privacy/export/${anna1.documentId}?cases=${bo.documentId}`);
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.details.errors[0].path).toEqual(['cases']);
    expect(await eventsOfKind(bo.id, 'exported')).toEqual([]);
  });

  test('the assistant role cannot export, anonymise or see the retention list', async () => {
    for (const [method, path, body] of [
      ['GET', `/privacy/export/${anna1.documentId}`],
      ['GET', `/privacy/matches/${anna1.documentId}`],
      ['POST', `/privacy/anonymise/${bo.documentId}`, { reason: 'Test' }],
      ['GET', '/privacy/retention'],
      ['POST', `/privacy/retention/${bo.documentId}/postpone`, { until: '2030-01-01', reason: 'Test' }],
    ] as [string, string, unknown][]) {
      const response = await assistant.request(method, path, body);
      expect([path, response.status]).toEqual([path, 403]);
    }
    expect((await eventsOf(bo.id)).filter((event) => ['exported', 'anonymised', 'retention_postponed'].includes(event.kind))).toEqual([]);
    expect((await fetch(`${app.url}/privacy/retention`)).status).toBe(401);
    expect((await assistant.request('GET', '/privacy/access')).body.data).toEqual({ export: false, anonymise: false });
    expect((await advisor.request('GET', '/privacy/access')).body.data).toEqual({ export: true, anonymise: true });
    expect(await complaintRow(bo.id)).toMatchObject({ citizenName: 'Bo Hansen', anonymisedAt: null });
  });

  test('early erasure: a closed case is anonymised now, once, with a reason', async () => {
    const open = await advisor.request('POST', `/privacy/anonymise/${bo.documentId}`, { reason: 'Borgeren har bedt om sletning.' });
    expect(open.status).toBe(400);
    expect(open.body.error.details.errors[0].path).toEqual(['caseStatus']);
    await docs(COMPLAINT).update({ documentId: bo.documentId, data: { caseStatus: 'tilbagetrukket' } as never });
    const noReason = await advisor.request('POST', `/privacy/anonymise/${bo.documentId}`, { reason: ' ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details.errors[0].path).toEqual(['reason']);

    const document = await app.strapi.db
      .query('api::case-document.case-document')
      .findOne({ where: { complaint: { id: bo.id }, source: 'borger' }, populate: ['file'] });
    const storedFile = path.join(process.env.DOCUMENT_STORAGE_DIR!, document.file.url.split('/').pop().slice(0, 2), document.file.url.split('/').pop());
    expect(fs.existsSync(storedFile)).toBe(true);
    const done = await advisor.request('POST', `/privacy/anonymise/${bo.documentId}`, { reason: 'Borgeren har bedt om sletning.' });
    expect(done.status).toBe(200);
    expect(done.body.data).toMatchObject({ caseNumber: bo.caseNumber, anonymised: true });
    const again = await advisor.request('POST', `/privacy/anonymise/${bo.documentId}`, { reason: 'Igen' });
    expect(again.body.data).toMatchObject({ anonymised: false, anonymisedAt: done.body.data.anonymisedAt });
    expect(await complaintRow(bo.id)).toMatchObject({
      citizenName: null,
      citizenEmail: null,
      description: '[Anonymiseret]',
      caseStatus: 'tilbagetrukket',
      caseNumber: bo.caseNumber,
    });
    // The case file: the document keeps its kind and date, loses its title and its stored file.
    expect(await app.strapi.db.query('api::case-document.case-document').findOne({ where: { id: document.id }, populate: ['file'] })).toMatchObject({
      title: '[Anonymiseret]',
      source: 'borger',
      file: null,
    });
    expect(fs.existsSync(storedFile)).toBe(false);
    expect(await app.strapi.db.query('plugin::upload.file').findOne({ where: { id: document.file.id } })).toBeNull();
    // Every document of the case: title, note and file gone, the registration kept.
    const documents = await app.strapi.db
      .query('api::case-document.case-document')
      .findMany({ where: { complaint: { id: bo.id } }, populate: ['file'], orderBy: { id: 'asc' } });
    expect(documents.map((d: any) => [d.title, d.note, d.file, d.direction, d.source])).toEqual([
      ['[Anonymiseret]', null, null, 'modtaget', 'borger'],
      ['[Anonymiseret]', '[Anonymiseret]', null, 'intern', 'borgerraadgiver'],
    ]);

    // The journal: one anonymised event by the advisor with the reason; the earlier history is
    // still there (documents registered, the meeting, identity changed) and holds nothing of Bo.
    const events = await eventsOf(bo.id);
    expect(events.filter((event) => event.kind === 'anonymised')).toEqual([
      expect.objectContaining({
        actorType: 'admin',
        actorName: 'Birgit Test',
        actorId: expect.any(Number),
        summary: 'Sagen er anonymiseret. Begrundelse: Borgeren har bedt om sletning.',
      }),
    ]);
    expect(events.filter((event) => event.kind === 'document_added').map((event) => [event.actorType, event.summary])).toEqual([
      ['system', 'Dokument modtaget fra borgeren.'],
      ['admin', 'Internt dokument lagt i sagen.'],
    ]);
    expect(events.map((event) => event.kind)).toEqual(expect.arrayContaining(['created', 'field_changed', 'meeting_registered', 'status_changed']));
    expect(events.find((event) => event.kind === 'field_changed').changes).toMatchObject({ citizenEmail: { changed: true }, description: { changed: true } });
    const journal = JSON.stringify(events);
    for (const personal of ['Bo Hansen', 'Hansen', 'bo@example.org', 'bo.hansen', '55 66 77 88', 'Bos ', 'Vejen 9', 'samtale-bo'])
      expect([personal, journal.includes(personal)]).toEqual([personal, false]);

    // The person cannot be put back through the admin.
    const back = await advisor.request('PUT', `/content-manager/collection-types/${COMPLAINT}/${bo.documentId}`, { citizenName: 'Bo Hansen' });
    expect(back.status).toBe(400);
    expect(back.body.error.details.errors[0].path).toEqual(['citizenName']);
    expect(await advisor.request('GET', `/privacy/matches/${anna1.documentId}`)).toMatchObject({ status: 200 });
  });

  test('a postponed case is kept by the retention run, and listed with its reason', async () => {
    const old = await app.strapi
      .documents(COMPLAINT)
      .create({ data: { description: 'Gammel sag', citizenName: 'Carl Carlsen', caseStatus: 'loest_ved_dialog' } as never });
    const sixYearsAgo = new Date(Date.now() - 6 * 366 * DAY);
    await app.strapi.db.query(COMPLAINT).update({ where: { id: old.id }, data: { closedAt: sixYearsAgo } });

    const listed = await advisor.request('GET', '/privacy/retention');
    expect(listed.status).toBe(200);
    expect(listed.body.data.cases.find((c: any) => c.caseNumber === old.caseNumber)).toMatchObject({ status: 'due' });

    const tooLate = await advisor.request('POST', `/privacy/retention/${old.documentId}/postpone`, { until: '2999-01-01', reason: 'Verserende retssag' });
    expect(tooLate.status).toBe(400);
    expect(tooLate.body.error.details.errors[0].path).toEqual(['until']);
    const until = new Date(Date.now() + 90 * DAY).toISOString().slice(0, 10);
    expect(await eventsOfKind(old.id, 'retention_postponed')).toEqual([]);
    const postponed = await advisor.request('POST', `/privacy/retention/${old.documentId}/postpone`, { until, reason: 'Verserende sag ved Ankestyrelsen' });
    expect(postponed.status).toBe(200);
    const [event, ...more] = await eventsOfKind(old.id, 'retention_postponed');
    expect(more).toEqual([]);
    expect(event).toMatchObject({
      actorType: 'admin',
      actorName: 'Birgit Test',
      subjectType: 'complaint',
      subjectDocumentId: old.documentId,
      summary: expect.stringMatching(/^Anonymiseringen er udsat til \d+\. \S+ \d{4}\. Begrundelse: Verserende sag ved Ankestyrelsen$/),
      changes: { retentionHoldUntil: { from: null, to: until }, retentionHoldReason: { changed: true } },
    });

    expect(await privacy().runRetention()).not.toContain(old.caseNumber);
    expect(await complaintRow(old.id)).toMatchObject({ citizenName: 'Carl Carlsen', anonymisedAt: null });
    expect(String((await complaintRow(old.id)).retentionHoldUntil).slice(0, 10)).toBe(until);
    const after = await advisor.request('GET', '/privacy/retention');
    expect(after.body.data.cases.find((c: any) => c.caseNumber === old.caseNumber)).toMatchObject({
      status: 'postponed',
      retentionHoldUntil: until,
      retentionHoldReason: 'Verserende sag ved Ankestyrelsen',
    });

    // The hold cannot be set or lifted by editing the case.
    const edit = await advisor.request('PUT', `/content-manager/collection-types/${COMPLAINT}/${old.documentId}`, { retentionHoldUntil: null });
    expect(edit.status).toBe(400);
    expect(edit.body.error.details.errors[0].path).toEqual(['retentionHoldUntil']);
  });

  test('CPR numbers are refused on the public form and in the identity fields in the admin', async () => {
    const form = await fetch(`${app.url}/api/public/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data: { purpose: 'raadgivning', description: 'Mit CPR-nummer er 010203-1234', identity: 'anonymous', consent: true } }),
    });
    expect(form.status).toBe(400);
    const body: any = await form.json();
    expect(body.error.details.errors[0]).toMatchObject({ path: ['description'], message: expect.stringContaining('CPR-nummer') });

    const admin = await advisor.request('PUT', `/content-manager/collection-types/${COMPLAINT}/${anna2.documentId}`, { citizenAddress: 'Vejen 1, 0102031234' });
    expect(admin.status).toBe(400);
    expect(admin.body.error.details.errors[0]).toMatchObject({ path: ['citizenAddress'], message: expect.stringContaining('CPR-nummer') });
    expect((await complaintRow(anna2.id)).citizenAddress).toBeNull();
  });
});
