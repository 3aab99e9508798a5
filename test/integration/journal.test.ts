/**
 * The case journal against the real Strapi (cms/dist) on SQLite and, with DATABASE_CLIENT=postgres,
 * PostgreSQL: each write path gives exactly its events (script, admin panel, public intake, the
 * center's link, the workers' delivery reports), reads are recorded once per user, case and
 * minute, nothing can change the journal, identity values never reach it, a rolled-back write
 * leaves nothing, concurrent writes keep every event, and cases from before the journal are
 * backfilled once. (Refused rule violations: see case-rules.test.ts.)
 */
import { notificationKinds } from '@borgerraadgiver/config';
import crypto from 'crypto';
import type { UID } from '@strapi/strapi';
import { startStrapi, TestStrapi } from '../helpers/strapi';
import { builders, Builders } from '../helpers/builders';
import { submitComplaint } from '../helpers/intake';
import { backfillHeadings } from '../../cms/src/document-middlewares/case-rules/headings';

const workerToken = crypto.randomBytes(24).toString('base64url');
const COMPLAINT = 'api::complaint.complaint';
const REQUEST = 'api::statement-request.statement-request';
const OPINION = 'api::opinion.opinion';
const EVENT = 'api::case-event.case-event';
const NOTIFICATION = 'api::notification.notification';
const DANISH_REFUSAL = /Sagens journal skrives kun af systemet/;

let app: TestStrapi;
let build: Builders;
let centerId: string;
beforeAll(async () => {
  app = await startStrapi({ OUTBOX_WORKER_TOKEN: workerToken, PUBLIC_COMPLAINT_RATE_LIMIT: '1000', PUBLIC_STATEMENT_RATE_LIMIT: '1000' });
  build = builders(app);
  // The cases' center, named in the journal's summaries.
  const center = await build.defaultCenter({ name: 'Center for Journaltest', email: 'leder.journal@example.org', chiefEmail: 'chef.journal@example.org' });
  centerId = center.documentId;
}, 300_000); // A fresh PostgreSQL schema takes minutes on a loaded machine.
afterAll(async () => {
  await app?.stop();
});

const IDENTITY = {
  citizenName: 'Bodil Identitetsen',
  citizenEmail: 'bodil.identitetsen@example.org',
  citizenPhone: '31 41 59 26',
  citizenAddress: 'Skjultvej 3, 4320 Lejre',
};
const identityStrings = ['Bodil', 'Identitetsen', 'bodil.identitetsen', '31 41 59 26', 'Skjultvej'];

const docs = (uid: string) => app.strapi.documents(uid as UID.ContentType);
const daysAgo = (days: number) => new Date(Date.now() - days * 86400000).toISOString().slice(0, 10);
const connect = (documentId: string) => ({ connect: [{ documentId }], disconnect: [] });
const cm = (uid: string, documentId = '') => `/content-manager/collection-types/${uid}${documentId ? `/${documentId}` : ''}`;

/** The events of a case, oldest first. */
async function eventsOf(complaintId: number): Promise<any[]> {
  return app.strapi.db.query(EVENT as UID.ContentType).findMany({ where: { complaint: { id: complaintId } }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
}
const kinds = (events: any[]) => events.map((e) => e.kind);
const allEvents = () => app.strapi.db.query(EVENT as UID.ContentType).findMany({});

async function worker(path: string, body?: unknown) {
  const response = await fetch(`${app.url}/api/outbox${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${workerToken}` },
    body: JSON.stringify(body ?? {}),
  });
  return (await response.json()) as any;
}

describe('each write path gives exactly its events', () => {
  test('a script creates a case: one created event by the system, with the initial values', async () => {
    const c = await build.complaint({ ...IDENTITY, channel: 'phone' });
    const events = await eventsOf(c.id);
    expect(kinds(events)).toEqual(['created']);
    expect(events[0]).toMatchObject({
      actorType: 'system',
      actorName: 'Systemet',
      caseNumber: c.caseNumber,
      subjectType: 'complaint',
      subjectDocumentId: c.documentId,
    });
    expect(events[0].changes).toMatchObject({
      caseStatus: { from: null, to: 'modtaget' },
      channel: { from: null, to: 'phone' },
      center: { from: null, to: { documentId: centerId, label: 'Center for Journaltest' } },
    });
    expect(events[0].changes.citizenName).toBeUndefined();
    expect(events[0].summary).toBe(`Henvendelse ${c.caseNumber} registreret (Telefon, klage).`);
  });

  test('the admin changes status, fields and identity: the admin user is the actor; identity only as changed', async () => {
    const c = await build.complaint({ ...IDENTITY, category: null }); // The category is set below.
    const response = await app.admin('PUT', cm(COMPLAINT, c.documentId), {
      caseStatus: 'visitation',
      category: 'betjening',
      citizenEmail: 'ny.adresse@example.org',
      citizenName: 'Bodil Nytnavn',
    });
    expect(response.status).toBe(200);
    const events = await eventsOf(c.id);
    expect(kinds(events)).toEqual(['created', 'status_changed', 'field_changed']);
    const [, status, fields] = events;
    const me = await app.strapi.db.query('admin::user').findOne({ where: { email: 'test-admin@example.org' } });
    for (const event of [status, fields]) expect(event).toMatchObject({ actorType: 'admin', actorId: me.id, actorName: 'Test Admin' });
    expect(status.changes).toEqual({ caseStatus: { from: 'modtaget', to: 'visitation' }, firstActionAt: { from: null, to: expect.any(String) } });
    expect(status.summary).toBe('Status ændret fra Modtaget til Visitation.');
    expect(fields.changes).toEqual({ category: { from: null, to: 'betjening' }, citizenName: { changed: true }, citizenEmail: { changed: true } });
    expect(JSON.stringify(events)).not.toMatch(/Nytnavn|ny\.adresse/);

    // Saving without a change is no event.
    expect((await app.admin('PUT', cm(COMPLAINT, c.documentId), { category: 'betjening' })).status).toBe(200);
    expect(await eventsOf(c.id)).toHaveLength(3);
  });

  test('the public intake: created and the receipt planned, by the citizen', async () => {
    const { status, body } = await submitComplaint(app.url, {
      eventDate: daysAgo(5),
      description: 'Bodil Identitetsen skriver om sin sag.',
      citizenName: IDENTITY.citizenName,
      citizenEmail: IDENTITY.citizenEmail,
      citizenPhone: IDENTITY.citizenPhone,
    });
    expect(status).toBe(201);
    const data = body.data!;
    const c = await app.strapi.db.query(COMPLAINT as UID.ContentType).findOne({ where: { caseNumber: data.caseNumber } });
    const events = await eventsOf(c.id);
    expect(kinds(events)).toEqual(['created', 'notification_planned']);
    for (const event of events) expect(event).toMatchObject({ actorType: 'citizen', actorId: null });
    expect(events[1].summary).toBe('E-mail sendes: kvittering for henvendelsen til borgeren.');
  });

  test('statement requested, delivered by the workers, answered by the center by link, then nothing more to send', async () => {
    // Already an investigation in status and handling form: the request changes neither.
    const c = await build.complaint({ caseStatus: 'undersoegelse', handling: 'undersoegelse' });
    const created = await app.admin('POST', cm(REQUEST), { complaint: connect(c.documentId), questions: 'Redegør for forløbet.' });
    expect(created.status).toBe(201);
    const request = created.body.data;
    const rows: any[] = await app.strapi.db
      .query(NOTIFICATION as UID.ContentType)
      .findMany({ where: { statementRequest: { id: request.id } }, orderBy: { id: 'asc' } });
    let events = await eventsOf(c.id);
    expect(kinds(events)).toEqual(['created', 'statement_requested', ...rows.map(() => 'notification_planned')]);
    expect(events[1]).toMatchObject({ actorType: 'admin', subjectType: 'statement_request', subjectDocumentId: request.documentId });
    expect(events[1].summary).toMatch(/^Redegørelse anmodet fra Center for Journaltest med frist \d+\. \w+ \d{4}\.$/);
    expect(events.slice(2).map((e) => e.subjectDocumentId)).toEqual(rows.map((row) => row.documentId));

    // The workers claim and report the request e-mail.
    const mail = rows.find((row) => row.kind === 'statement_request');
    // Each e-mail is named by its kind (its page's heading, its pickers), not by the stored key.
    expect(rows.map((row) => row.heading)).toEqual(rows.map((row) => notificationKinds[row.kind as keyof typeof notificationKinds]));
    // A kind reworded in config renames the e-mails written before (at the next start).
    await app.strapi.db.query(NOTIFICATION as UID.ContentType).update({ where: { id: rows[0].id }, data: { heading: 'Et gammelt navn' } });
    await backfillHeadings(app.strapi);
    expect((await app.strapi.db.query(NOTIFICATION as UID.ContentType).findOne({ where: { id: rows[0].id } })).heading).toBe(rows[0].heading);
    const claimed = await worker(`/notifications/${mail.documentId}/claim`);
    expect(claimed.data.action).toBe('send');
    expect((await worker(`/notifications/${mail.documentId}/result`, { ok: true, messageId: '<1@test>' })).data.updated).toBe(true);
    events = await eventsOf(c.id);
    expect(events.at(-1)).toMatchObject({
      kind: 'notification_sent',
      actorType: 'worker',
      subjectDocumentId: mail.documentId,
      summary: 'E-mail sendt: anmodning om redegørelse til Center for Journaltest.',
    });

    // The center answers through its link.
    const token = claimed.data.message.link.split('/').pop();
    const before = events.length;
    const answer = await fetch(`${app.url}/api/public/statements/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data: { text: 'Sådan gik det til.', respondentName: 'Lene Leder', respondentTitle: 'Afdelingsleder' } }),
    });
    expect(answer.status).toBe(200);
    const answered = (await eventsOf(c.id)).slice(before);
    const planned = rows.filter((row) => row.kind !== 'statement_request');
    expect(kinds(answered)).toEqual(['statement_received', ...planned.map(() => 'notification_cancelled'), 'notification_planned']);
    for (const event of answered) expect(event).toMatchObject({ actorType: 'center', actorName: 'Center for Journaltest' });
    expect(answered[0].summary).toBe('Redegørelse modtaget fra Center for Journaltest (Lene Leder, Afdelingsleder).');
    expect(answered[0].changes).toMatchObject({ requestStatus: { from: 'sendt', to: 'besvaret' }, responseText: { changed: true } });
    expect(answered.at(-1).summary).toBe('E-mail sendes: besked om modtaget redegørelse til borgerrådgiveren.');
  });

  test('a link re-issued, a failed delivery, a cancelled request', async () => {
    const c = await build.complaint({ caseStatus: 'undersoegelse' });
    const request = (await app.admin('POST', cm(REQUEST), { complaint: connect(c.documentId), questions: 'Q' })).body.data;
    const start = (await eventsOf(c.id)).length;

    expect((await app.admin('PUT', cm(REQUEST, request.documentId), { reissueLink: true })).status).toBe(200);
    let events = (await eventsOf(c.id)).slice(start);
    expect(kinds(events)).toEqual(['link_reissued', 'notification_planned']);
    expect(events[1].summary).toBe('E-mail sendes: nyt link til redegørelsen til Center for Journaltest.');

    const [mail] = await app.strapi.db.query(NOTIFICATION as UID.ContentType).findMany({ where: { documentId: events[1].subjectDocumentId } });
    expect((await worker(`/notifications/${mail.documentId}/claim`)).data.action).toBe('send');
    await worker(`/notifications/${mail.documentId}/result`, { ok: false, error: 'mailbox unavailable bodil.identitetsen@example.org', final: true });
    events = (await eventsOf(c.id)).slice(start);
    expect(events.at(-1)).toMatchObject({
      kind: 'notification_failed',
      actorType: 'worker',
      summary: 'E-mail kunne ikke sendes: nyt link til redegørelsen til Center for Journaltest.',
    });

    const mark = (await eventsOf(c.id)).length;
    expect((await app.admin('PUT', cm(REQUEST, request.documentId), { requestStatus: 'annulleret' })).status).toBe(200);
    events = (await eventsOf(c.id)).slice(mark);
    expect(kinds(events)[0]).toBe('statement_cancelled');
    expect(
      kinds(events)
        .slice(1)
        .every((kind) => kind === 'notification_cancelled'),
    ).toBe(true);
    expect(events.length).toBeGreaterThan(1);
    expect(events[1].summary).toMatch(/^E-mail annulleret: .+ – anmodningen er annulleret\.$/);
  });

  test('opinion issued and changed, recommendation added and followed up, meeting registered, deletion', async () => {
    const c = await build.complaint({ caseStatus: 'undersoegelse' });
    const opinion = await build.opinion(c, { legalPerspective: 'Forvaltningsloven § 7' });
    await docs(OPINION).update({ documentId: opinion.documentId, data: { outcome: 'kritik' } } as never);
    const recommendation: any = await docs('api::recommendation.recommendation').create({
      data: { opinion: opinion.documentId, text: 'Vejled bedre.' },
    } as never);
    await docs('api::recommendation.recommendation').update({ documentId: recommendation.documentId, data: { followUpStatus: 'gennemfoert' } } as never);
    const meeting: any = await docs('api::meeting.meeting').create({
      data: { complaint: c.documentId, heldAt: '2026-03-02T09:30:00.000Z', role: 'bisidder', place: 'Hjemme hos Bodil Identitetsen' },
    } as never);
    await docs('api::meeting.meeting').delete({ documentId: meeting.documentId } as never);

    // The opinion's letter is filed and its e-mails planned after the opinion's commit; those are journaled as well, in between.
    const events = (await eventsOf(c.id)).filter((e) => !e.kind.startsWith('notification_') && e.kind !== 'document_added');
    // The case status follows the issued opinion, in the opinion's write (before its own event).
    expect(kinds(events)).toEqual([
      'created',
      'status_changed',
      'opinion_issued',
      'opinion_changed',
      'recommendation_added',
      'recommendation_followup',
      'meeting_registered',
      'deleted',
    ]);
    expect(events[1].summary).toBe('Status ændret fra Undersøgelse til Udtalelse afgivet.');
    expect(events[1].changes).toEqual({ caseStatus: { from: 'undersoegelse', to: 'udtalelse_afgivet' } });
    expect(events[2].summary).toBe('Udtalelse afgivet: Henstilling.');
    expect(events[3].changes).toEqual({ outcome: { from: 'henstilling', to: 'kritik' } });
    expect(events[5].summary).toBe('Opfølgning på anbefaling: Gennemført.');
    expect(events[6].summary).toBe('Møde registreret 2. marts 2026 kl. 10.30 (bisidder).');
    expect(events[7]).toMatchObject({ subjectType: 'meeting', subjectDocumentId: meeting.documentId });
  });
});

test('a rolled-back write leaves no event', async () => {
  const before = (await allEvents()).length;
  await expect(
    app.strapi.db.transaction(async () => {
      await build.complaint();
      throw new Error('afbrudt');
    }),
  ).rejects.toThrow('afbrudt');
  expect(await allEvents()).toHaveLength(before);
});

test('concurrent writes to one case keep every event', async () => {
  const c = await build.complaint();
  const fields = ['formalComplaintToUnit', 'exceptionLegalInterest', 'exceptionCanBeClarified', 'exceptionCanImprove', 'timeLimitException'];
  const results = await Promise.allSettled(
    fields.map((field) =>
      docs(COMPLAINT).update({
        documentId: c.documentId,
        data: { [field]: true, ...(field === 'timeLimitException' ? { timeLimitExceptionReason: 'Særlige forhold' } : {}) },
      } as never),
    ),
  );
  const saved = results.filter((result) => result.status === 'fulfilled').length;
  const changes = (await eventsOf(c.id)).filter((e) => e.kind === 'field_changed');
  expect(changes).toHaveLength(saved);
  expect(saved).toBeGreaterThanOrEqual(fields.length - 1);
  const row: any = await app.strapi.db.query(COMPLAINT as UID.ContentType).findOne({ where: { id: c.id } });
  for (const field of fields.slice(0, 4)) expect(Boolean(row[field])).toBe(changes.some((e) => field in e.changes));
});

describe('reads', () => {
  test('opening a case, its request or opinion in the admin is recorded once per user, case and minute; lists are not', async () => {
    const c = await build.complaint({ caseStatus: 'undersoegelse' });
    const request = (await app.admin('POST', cm(REQUEST), { complaint: connect(c.documentId), questions: 'Q' })).body.data;
    const count = async () => (await eventsOf(c.id)).filter((e) => e.kind === 'opened');

    expect((await app.admin('GET', `${cm(COMPLAINT)}?page=1&pageSize=10`)).status).toBe(200);
    expect(await count()).toHaveLength(0);

    const opened = await app.admin('GET', cm(COMPLAINT, c.documentId));
    expect(opened.status).toBe(200);
    await app.admin('GET', cm(COMPLAINT, c.documentId));
    await app.admin('GET', cm(REQUEST, request.documentId));
    const reads = await count();
    const me = await app.strapi.db.query('admin::user').findOne({ where: { email: 'test-admin@example.org' } });
    // Two when the minute turned between the calls; never more.
    expect(reads.length).toBeGreaterThanOrEqual(1);
    expect(reads.length).toBeLessThanOrEqual(2);
    expect(reads[0]).toMatchObject({
      actorType: 'admin',
      actorId: me.id,
      actorName: 'Test Admin',
      subjectType: 'complaint',
      summary: 'Henvendelse åbnet i administrationen.',
    });

    // A script reading the case is not a user opening it.
    await docs(COMPLAINT).findOne({ documentId: c.documentId } as never);
    expect(await count()).toHaveLength(reads.length);
  });
});

describe('nothing can change the journal', () => {
  let event: any;
  beforeAll(async () => {
    const c = await build.complaint();
    [event] = await eventsOf(c.id);
  });

  test('the Document Service refuses create, update and delete', async () => {
    for (const write of [
      () => docs(EVENT).create({ data: { kind: 'created', at: new Date().toISOString(), actorType: 'system', summary: 'x' } } as never),
      () => docs(EVENT).update({ documentId: event.documentId, data: { summary: 'omskrevet' } } as never),
      () => docs(EVENT).delete({ documentId: event.documentId } as never),
    ]) {
      const error: any = await write().then(
        () => null,
        (e) => e,
      );
      expect(error?.name).toBe('PolicyError');
      expect(error.message).toMatch(DANISH_REFUSAL);
    }
  });

  test('the query engine refuses update and delete, and creates outside the journal writer', async () => {
    for (const write of [
      () => app.strapi.db.query(EVENT as UID.ContentType).update({ where: { id: event.id }, data: { summary: 'omskrevet' } }),
      () => app.strapi.db.query(EVENT as UID.ContentType).updateMany({ where: {}, data: { summary: 'omskrevet' } }),
      () => app.strapi.db.query(EVENT as UID.ContentType).delete({ where: { id: event.id } }),
      () => app.strapi.db.query(EVENT as UID.ContentType).deleteMany({ where: {} }),
      () =>
        app.strapi.db.query(EVENT as UID.ContentType).create({ data: { kind: 'created', at: new Date().toISOString(), actorType: 'system', summary: 'x' } }),
    ]) {
      await expect(write()).rejects.toThrow(DANISH_REFUSAL);
    }
  });

  test('the admin content-manager API refuses with a Danish 403', async () => {
    for (const [method, path, body] of [
      ['POST', cm(EVENT), { kind: 'created', at: new Date().toISOString(), actorType: 'system', summary: 'x' }],
      ['PUT', cm(EVENT, event.documentId), { summary: 'omskrevet' }],
      ['DELETE', cm(EVENT, event.documentId), undefined],
      ['POST', `${cm(EVENT)}/actions/bulkDelete`, { documentIds: [event.documentId] }],
      ['POST', `${cm(EVENT)}/clone/${event.documentId}`, {}],
    ] as const) {
      const response = await app.admin(method, path, body);
      expect(response.status).toBe(403);
      expect(response.body.error.message).toMatch(DANISH_REFUSAL);
    }
    // It can be read there.
    expect((await app.admin('GET', cm(EVENT, event.documentId))).status).toBe(200);
  });

  test('the REST API refuses with a Danish 403, even with a full-access API token', async () => {
    const token = await app.strapi.service('admin::api-token').create({ name: `journal-test-${Date.now()}`, type: 'full-access', lifespan: null });
    const rest = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${app.url}/api${path}`, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token.accessKey}` },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json().catch(() => null)) as any };
    };
    for (const [method, path, body] of [
      ['POST', '/case-events', { data: { kind: 'created', at: new Date().toISOString(), actorType: 'system', summary: 'x' } }],
      ['PUT', `/case-events/${event.documentId}`, { data: { summary: 'omskrevet' } }],
      ['DELETE', `/case-events/${event.documentId}`, undefined],
    ] as const) {
      const response = await rest(method, path, body);
      expect(response.status).toBe(403);
      expect(response.body.error.message).toMatch(DANISH_REFUSAL);
    }
    // Without a token the journal is not readable at all.
    expect((await fetch(`${app.url}/api/case-events`)).status).toBe(403);
  });

  afterAll(async () => {
    const [stored]: any[] = await app.strapi.db.query(EVENT as UID.ContentType).findMany({ where: { id: event.id } });
    expect(stored).toEqual(event);
  });
});

test('the timeline API: newest first, reads only, CSV export that is itself journaled', async () => {
  const c = await build.complaint();
  await app.admin('PUT', cm(COMPLAINT, c.documentId), { caseStatus: 'visitation' });
  await app.admin('GET', cm(COMPLAINT, c.documentId));
  const timeline = await app.admin('GET', `/case-journal/${c.documentId}`);
  expect(timeline.status).toBe(200);
  expect(timeline.body.data.map((e: any) => e.kind)).toEqual(['opened', 'status_changed', 'created']);
  expect(timeline.body.data[1].details).toEqual(['Status: Modtaget → Visitation', expect.stringMatching(/^Første handling: \d+\. \w+ \d{4} kl\. \d\d\.\d\d$/)]);
  const reads = await app.admin('GET', `/case-journal/${c.documentId}?filter=opened`);
  expect(reads.body.data.map((e: any) => e.actorName)).toEqual(['Test Admin']);

  const csv = await fetch(`${app.url}/case-journal/${c.documentId}/csv`, { headers: { authorization: `Bearer ${await app.adminToken()}` } });
  expect(csv.status).toBe(200);
  expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
  // A spreadsheet needs the BOM to read UTF-8 (fetch's text() would drop it).
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer());
  expect(text.split('\r\n')[0]).toBe('\uFEFFTidspunkt;Hændelse;Beskrivelse;Aktør;Aktørtype;Vedrører;Ændringer');
  expect(text).toContain('Status ændret fra Modtaget til Visitation.');
  expect((await eventsOf(c.id)).at(-1)).toMatchObject({ kind: 'exported', actorType: 'admin', actorName: 'Test Admin' });

  expect((await fetch(`${app.url}/case-journal/${c.documentId}`)).status).toBe(401);
  expect((await app.admin('GET', '/case-journal/findes-ikke')).status).toBe(404);
});

test('cases registered before the journal get one created event from their stored times, once', async () => {
  const c = await build.complaint();
  // A case from before the journal: written below the journal, with no events.
  const [old] = await app.strapi.db
    .connection('complaints')
    .insert({
      document_id: `old${Date.now()}`,
      case_number: '2019-0042',
      received_at: new Date('2019-05-01T08:00:00Z'),
      channel: 'letter',
      purpose: 'klage',
      case_status: 'afsluttet',
      identity: 'named',
      complainant_kind: 'citizen',
      description: 'x',
      created_at: new Date(),
      updated_at: new Date(),
    })
    .returning('id');
  const oldId = typeof old === 'object' ? old.id : old;
  const { backfillCreatedEvents } = require('../../cms/dist/src/journal');
  expect(await backfillCreatedEvents(app.strapi)).toBe(1);
  expect(await backfillCreatedEvents(app.strapi)).toBe(0);
  const [event] = await eventsOf(oldId);
  expect(event).toMatchObject({
    kind: 'created',
    actorType: 'system',
    caseNumber: '2019-0042',
    summary: 'Henvendelse 2019-0042 registreret (Brev, klage), før journalen blev indført.',
  });
  expect(new Date(event.at).toISOString()).toBe('2019-05-01T08:00:00.000Z');
  expect(await eventsOf(c.id)).toHaveLength(1);
});

test('no identity or contact value of a citizen appears in any event', async () => {
  const text = JSON.stringify(await allEvents());
  for (const value of identityStrings) expect(text).not.toContain(value);
});
