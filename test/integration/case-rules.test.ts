/**
 * Every rule, tried through the Document Service (scripts, custom APIs) and through the admin
 * content-manager HTTP API (the path the admin panel uses): a 400 ValidationError that names the
 * field, and nothing written. Runs on SQLite and, with DATABASE_CLIENT=postgres, on PostgreSQL.
 */
import type { UID } from '@strapi/strapi';
import { startStrapi, TestStrapi } from '../helpers/strapi';

let app: TestStrapi;
beforeAll(async () => {
  app = await startStrapi();
});
afterAll(async () => {
  await app?.stop();
});

const COMPLAINT = 'api::complaint.complaint';
const REQUEST = 'api::statement-request.statement-request';
const OPINION = 'api::opinion.opinion';
const JOURNAL = 'api::case-event.case-event';
type Data = Record<string, unknown>;

const docs = (uid: string) => app.strapi.documents(uid as UID.ContentType);
const create = async (uid: string, data: Data) => docs(uid).create({ data } as never) as Promise<any>;
const daysAgo = (days: number) => new Date(Date.now() - days * 86400000).toISOString().slice(0, 10);

let centerId: string;
beforeAll(async () => {
  const center = await create('api::center.center', { name: 'Center for Test', email: 'leder@example.org', chiefEmail: 'chef@example.org' });
  centerId = center.documentId;
});

const complaint = (overrides: Data = {}) =>
  create(COMPLAINT, {
    description: 'Sagen blev ikke behandlet',
    eventDate: daysAgo(30),
    center: centerId,
    centerHadOpportunity: true,
    ...overrides,
  });
const investigated = (overrides: Data = {}) => complaint({ caseStatus: 'undersoegelse', ...overrides });
/** A case received a year ago, for requests registered as sent by letter on a past date (never before the case). */
const receivedLongAgo = { receivedAt: '2025-11-03T09:00:00Z', eventDate: '2025-10-01' };

interface Attempt {
  name: string;
  uid: string;
  /** Creates what the attempt needs; returns the document to update, or nothing for a create. */
  setup?: () => Promise<{ documentId: string } | void>;
  data: (ids: { complaintId?: string }) => Promise<Data> | Data;
  path: string;
}

const attempts: Attempt[] = [
  { name: 'eventDate in the future', uid: COMPLAINT, data: () => ({ description: 'x', eventDate: '2099-01-01' }), path: 'eventDate' },
  {
    name: 'eventDate after receipt',
    uid: COMPLAINT,
    data: () => ({ description: 'x', receivedAt: '2026-01-10T10:00:00Z', eventDate: '2026-01-11' }),
    path: 'eventDate',
  },
  { name: 'a case number chosen by hand', uid: COMPLAINT, data: () => ({ description: 'x', caseNumber: '2026-9999' }), path: 'caseNumber' },
  { name: 'changing the case number', uid: COMPLAINT, setup: () => complaint(), data: () => ({ caseNumber: '1999-0001' }), path: 'caseNumber' },
  { name: 'an illegal status change', uid: COMPLAINT, setup: () => complaint(), data: () => ({ caseStatus: 'afsluttet' }), path: 'caseStatus' },
  { name: 'rejecting without a reason', uid: COMPLAINT, setup: () => complaint(), data: () => ({ caseStatus: 'afvist' }), path: 'outOfScopeReason' },
  {
    name: 'R6 investigating an expired complaint',
    uid: COMPLAINT,
    setup: () => complaint({ eventDate: daysAgo(800) }),
    data: () => ({ caseStatus: 'undersoegelse' }),
    path: 'eventDate',
  },
  {
    name: 'R6 an exception without all conditions',
    uid: COMPLAINT,
    setup: () => complaint({ eventDate: daysAgo(800) }),
    data: () => ({ timeLimitException: true, timeLimitExceptionReason: 'Særlige forhold', exceptionLegalInterest: true, exceptionCanBeClarified: true }),
    path: 'exceptionCanImprove',
  },
  {
    name: 'R5 investigating an out-of-scope matter',
    uid: COMPLAINT,
    setup: () => complaint({ outOfScopeReason: 'privatretlig' }),
    data: () => ({ caseStatus: 'undersoegelse' }),
    path: 'outOfScopeReason',
  },
  {
    name: 'R5 solving an out-of-scope matter by dialogue',
    uid: COMPLAINT,
    setup: () => complaint({ outOfScopeReason: 'serviceniveau' }),
    data: () => ({ caseStatus: 'loest_ved_dialog' }),
    path: 'outOfScopeReason',
  },
  {
    name: 'R7 investigating an anonymous inquiry',
    uid: COMPLAINT,
    setup: () => complaint({ identity: 'anonymous' }),
    data: () => ({ caseStatus: 'undersoegelse' }),
    path: 'specialCaseReason',
  },
  {
    name: 'R8 investigating a confidential inquiry',
    uid: COMPLAINT,
    setup: () => complaint({ identity: 'confidential' }),
    data: () => ({ caseStatus: 'undersoegelse' }),
    path: 'specialCaseReason',
  },
  {
    name: 'R10 investigating before the center could respond',
    uid: COMPLAINT,
    setup: () => complaint({ centerHadOpportunity: false }),
    data: () => ({ caseStatus: 'undersoegelse' }),
    path: 'centerHadOpportunity',
  },
  {
    name: 'R10 a statement request before the center could respond',
    uid: REQUEST,
    data: async () => ({ complaint: (await complaint({ centerHadOpportunity: false })).documentId, questions: 'Q' }),
    path: 'complaint',
  },
  {
    name: 'R8 a statement request about a confidential citizen',
    uid: REQUEST,
    data: async () => ({ complaint: (await complaint({ identity: 'confidential' })).documentId, questions: 'Q' }),
    path: 'complaint',
  },
  {
    name: 'R5 a statement request on an out-of-scope matter',
    uid: REQUEST,
    data: async () => ({ complaint: (await complaint({ outOfScopeReason: 'personalesag' })).documentId, questions: 'Q' }),
    path: 'complaint',
  },
  {
    name: 'R11 an agreed due date without a note',
    uid: REQUEST,
    data: async () => ({ complaint: (await investigated()).documentId, questions: 'Q', agreedDueAt: '2099-01-01T10:00:00Z' }),
    path: 'agreementNote',
  },
  {
    name: 'R11 a hand-edited due date',
    uid: REQUEST,
    setup: async () => create(REQUEST, { complaint: (await investigated()).documentId, questions: 'Q' }),
    data: () => ({ dueAt: '2099-01-01T10:00:00Z' }),
    path: 'dueAt',
  },
  {
    name: 'R11 a request time in the future (the system sends it now)',
    uid: REQUEST,
    data: async () => ({ complaint: (await investigated()).documentId, questions: 'Q', requestedAt: new Date(Date.now() + 30 * 86400_000).toISOString() }),
    path: 'requestedAt',
  },
  {
    name: 'R11 a request registered as sent outside the system, dated in the future',
    uid: REQUEST,
    data: async () => ({
      complaint: (await investigated()).documentId,
      questions: 'Q',
      sentOutsideSystem: true,
      requestedAt: new Date(Date.now() + 30 * 86400_000).toISOString(),
    }),
    path: 'requestedAt',
  },
  {
    name: 'R11 an earlier request time without registering it as sent outside the system',
    uid: REQUEST,
    data: async () => ({ complaint: (await investigated()).documentId, questions: 'Q', requestedAt: new Date(Date.now() - 60 * 86400_000).toISOString() }),
    path: 'requestedAt',
  },
  {
    name: 'changing the time of a request the system sent',
    uid: REQUEST,
    setup: async () => create(REQUEST, { complaint: (await investigated()).documentId, questions: 'Q' }),
    data: () => ({ requestedAt: new Date(Date.now() - 86400_000).toISOString() }),
    path: 'requestedAt',
  },
  {
    name: 'switching off a statutory holiday (it always counts)',
    uid: 'api::closing-day.closing-day',
    setup: async () => app.strapi.db.query('api::closing-day.closing-day').findOne({ where: { date: `${new Date().getUTCFullYear()}-12-25` } }),
    data: () => ({ active: false }),
    path: 'active',
  },
  {
    name: 'R8 a request about a confidential citizen without a summary for the center',
    uid: REQUEST,
    data: async () => ({ complaint: (await investigated({ identity: 'confidential', specialCaseReason: 'Grove fejl' })).documentId, questions: 'Q' }),
    path: 'caseSummary',
  },
  {
    name: 'a statement request on a closed case',
    uid: REQUEST,
    data: async () => ({ complaint: (await complaint({ caseStatus: 'loest_ved_dialog' })).documentId, questions: 'Q' }),
    path: 'complaint',
  },
  {
    name: 'moving a sent request to another center',
    uid: REQUEST,
    setup: async () => create(REQUEST, { complaint: (await investigated()).documentId, questions: 'Q' }),
    data: async () => ({ center: (await create('api::center.center', { name: `Andet center ${Math.random()}`, email: 'andet@example.org' })).documentId }),
    path: 'center',
  },
  {
    name: 'R8 a citizen turning confidential while a request is open',
    uid: COMPLAINT,
    setup: async () => {
      const c = await investigated();
      await create(REQUEST, { complaint: c.documentId, questions: 'Q' });
      return c;
    },
    data: () => ({ identity: 'confidential' }),
    path: 'specialCaseReason',
  },
  {
    name: 'closing a case while a request is open',
    uid: COMPLAINT,
    setup: async () => {
      const c = await investigated();
      await create(REQUEST, { complaint: c.documentId, questions: 'Q' });
      return c;
    },
    data: () => ({ caseStatus: 'loest_ved_dialog' }),
    path: 'caseStatus',
  },
  {
    name: "attaching a request from the complaint's side",
    uid: COMPLAINT,
    setup: () => complaint({ identity: 'anonymous' }),
    data: async () => ({
      statementRequests: { connect: [{ documentId: (await create(REQUEST, { complaint: (await investigated()).documentId, questions: 'Q' })).documentId }] },
    }),
    path: 'statementRequests',
  },
  {
    name: 'R13 criticism without any perspective',
    uid: OPINION,
    data: async () => ({ kind: 'case', outcome: 'kritik', complaint: (await investigated()).documentId, reasoning: 'x' }),
    path: 'legalPerspective',
  },
  {
    name: 'R14 an opinion without reasoning',
    uid: OPINION,
    data: async () => ({ kind: 'case', outcome: 'henstilling', complaint: (await investigated()).documentId, legalPerspective: 'x' }),
    path: 'reasoning',
  },
  { name: 'R14 a case opinion without complaint', uid: OPINION, data: () => ({ kind: 'case', outcome: 'afvisning' }), path: 'complaint' },
  {
    name: 'R15 a general opinion without addressee',
    uid: OPINION,
    data: () => ({ kind: 'general', outcome: 'henstilling', legalPerspective: 'x', reasoning: 'y' }),
    path: 'addressedTo',
  },
  {
    name: 'R5 criticism of an out-of-scope matter',
    uid: OPINION,
    data: async () => ({
      kind: 'case',
      outcome: 'kritik',
      complaint: (await complaint({ outOfScopeReason: 'faglig_vurdering' })).documentId,
      legalPerspective: 'x',
      reasoning: 'y',
    }),
    path: 'outcome',
  },
  {
    name: 'R7 criticism in an anonymous case',
    uid: OPINION,
    data: async () => ({
      kind: 'case',
      outcome: 'kritik',
      complaint: (await complaint({ identity: 'anonymous' })).documentId,
      legalPerspective: 'x',
      reasoning: 'y',
    }),
    path: 'outcome',
  },
];

/** The admin sends relations as { connect: [...] }; scalar fields as they are. */
const asAdminBody = (data: Data) =>
  Object.fromEntries(
    Object.entries(data).map(([key, value]) =>
      ['complaint', 'center'].includes(key) && typeof value === 'string' ? [key, { connect: [{ documentId: value }], disconnect: [] }] : [key, value],
    ),
  );

const snapshot = async (uid: string) => JSON.stringify(await app.strapi.db.query(uid as UID.ContentType).findMany({ orderBy: { id: 'asc' } }));

describe.each(['Document Service', 'admin content-manager API'])('refused through the %s', (route) => {
  test.each(attempts.map((a) => [a.name, a] as const))('%s', async (_name, attempt) => {
    const target = attempt.setup ? await attempt.setup() : undefined;
    const data = await attempt.data({});
    const before = await snapshot(attempt.uid);
    const journalBefore = await snapshot(JOURNAL);
    const counterBefore = await app.strapi.db.connection('case_number_counters').select();

    let status: number;
    let errors: { path: string[]; message: string }[];
    if (route === 'Document Service') {
      const write = target ? docs(attempt.uid).update({ documentId: target.documentId, data } as never) : docs(attempt.uid).create({ data } as never);
      const error: any = await write.then(
        () => null,
        (e) => e,
      );
      expect(error?.name).toBe('ValidationError');
      status = 400;
      errors = error.details.errors;
    } else {
      const base = `/content-manager/collection-types/${attempt.uid}`;
      const response = target ? await app.admin('PUT', `${base}/${target.documentId}`, asAdminBody(data)) : await app.admin('POST', base, asAdminBody(data));
      status = response.status;
      errors = response.body?.error?.details?.errors ?? [];
    }

    expect(status).toBe(400);
    expect(errors.map((e) => e.path.join('.'))).toContain(attempt.path);
    for (const e of errors) expect(e.message).toMatch(/[æøåÆØÅ]|[a-z]{4} [a-z]{2,}/);
    expect(await snapshot(attempt.uid)).toBe(before);
    // A refused write leaves no trace in the case journal either.
    expect(await snapshot(JOURNAL)).toBe(journalBefore);
    expect(await app.strapi.db.connection('case_number_counters').select()).toEqual(counterBefore);
  });
});

test('a case with a statement request cannot be deleted', async () => {
  const c = await investigated();
  await create(REQUEST, { complaint: c.documentId, questions: 'Q' });
  const before = await snapshot(COMPLAINT);
  const journalBefore = await snapshot(JOURNAL);
  const response = await app.admin('DELETE', `/content-manager/collection-types/${COMPLAINT}/${c.documentId}`);
  expect(response.status).toBe(400);
  expect(response.body.error.message).toContain('kan ikke slettes');
  expect(await snapshot(COMPLAINT)).toBe(before);
  expect(await snapshot(JOURNAL)).toBe(journalBefore);
});

test('the due date stays as computed when the calendar changes later', async () => {
  const request = await create(REQUEST, {
    complaint: (await investigated(receivedLongAgo)).documentId,
    questions: 'Q',
    sentOutsideSystem: true,
    requestedAt: '2025-12-01T09:00:00Z',
  });
  expect(new Date(request.dueAt).toISOString()).toBe('2025-12-15T22:59:59.999Z');
  await create('api::closing-day.closing-day', { date: '2025-12-15', name: 'Senere lukkedag', kind: 'lukkedag', active: true });
  const saved = await app.admin('PUT', `/content-manager/collection-types/${REQUEST}/${request.documentId}`, { dueAt: request.dueAt, questions: 'Q2' });
  expect(saved.status).toBe(200);
  expect(saved.body.data.dueAt).toBe(request.dueAt);
});

test('case data cannot be duplicated from the admin (the copy would carry the case number)', async () => {
  const original = await complaint();
  const before = await snapshot(COMPLAINT);
  const journalBefore = await snapshot(JOURNAL);
  const response = await app.admin('POST', `/content-manager/collection-types/${COMPLAINT}/clone/${original.documentId}`, {});
  expect(response.status).toBe(400);
  expect(response.body.error.message).toContain('kan ikke kopieres');
  expect(await snapshot(COMPLAINT)).toBe(before);
  expect(await snapshot(JOURNAL)).toBe(journalBefore);
});

describe('what the rules fill in', () => {
  test('case numbers are sequential per year and unique under concurrent registration', async () => {
    const created = await Promise.all(
      // A year no other case of this file is received in.
      Array.from({ length: 12 }, (_, i) => create(COMPLAINT, { description: `samtidig ${i}`, receivedAt: '2024-06-01T10:00:00Z', eventDate: '2024-05-01' })),
    );
    const numbers = created.map((c) => c.caseNumber).sort();
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(4, '0')}`));
  });

  test('the due date follows the working-day calendar and says how (statutory holidays of a year without rows)', async () => {
    // No holiday rows are seeded for 2025: the statutory holidays are computed all the same.
    const request = await create(REQUEST, {
      complaint: (await investigated(receivedLongAgo)).documentId,
      questions: 'Q',
      sentOutsideSystem: true,
      requestedAt: '2025-12-11T09:00:00Z',
    });
    expect(new Date(request.dueAt).toISOString()).toBe('2025-12-29T22:59:59.999Z');
    expect(request.dueAtExplanation).toContain('Juledag');
  });

  test('a request the system sends is requested now and counts from now', async () => {
    const before = Date.now();
    const request = await create(REQUEST, {
      complaint: (await investigated()).documentId,
      questions: 'Q',
      requestedAt: new Date(before + 30_000).toISOString(),
    });
    expect(new Date(request.requestedAt).getTime()).toBeGreaterThanOrEqual(before);
    expect(new Date(request.requestedAt).getTime()).toBeLessThanOrEqual(Date.now());
    expect(request.sentOutsideSystem).toBe(false);
  });

  test("the center defaults to the complaint's center", async () => {
    const request = (await docs(REQUEST).create({
      data: { complaint: (await investigated()).documentId, questions: 'Q' },
      populate: ['center'],
    } as never)) as any;
    expect(request.center.documentId).toBe(centerId);
  });

  test('an active closing day moves the due date', async () => {
    await create('api::closing-day.closing-day', { date: '2025-12-29', name: 'Ekstra lukkedag', kind: 'lukkedag', active: true });
    const request = await create(REQUEST, {
      complaint: (await investigated(receivedLongAgo)).documentId,
      questions: 'Q',
      sentOutsideSystem: true,
      requestedAt: '2025-12-11T09:00:00Z',
    });
    expect(new Date(request.dueAt).toISOString()).toBe('2025-12-30T22:59:59.999Z');
  });

  test('an explicit exception makes a public holiday a working day on its one date', async () => {
    await create('api::closing-day.closing-day', { date: '2025-12-26', name: 'Åbent på 2. juledag', kind: 'arbejdsdag', active: true });
    // 12 Dec 2025 + 14 days is Friday 26 Dec (Boxing Day), now a working day; Christmas Day still counts.
    const request = await create(REQUEST, {
      complaint: (await investigated(receivedLongAgo)).documentId,
      questions: 'Q',
      sentOutsideSystem: true,
      requestedAt: '2025-12-12T09:00:00Z',
    });
    expect(new Date(request.dueAt).toISOString()).toBe('2025-12-26T22:59:59.999Z');
    const christmas = await create(REQUEST, {
      complaint: (await investigated(receivedLongAgo)).documentId,
      questions: 'Q',
      sentOutsideSystem: true,
      requestedAt: '2025-12-11T10:00:00Z',
    });
    expect(christmas.dueAtExplanation).toContain('Juledag');
    expect(new Date(christmas.dueAt).toISOString()).toBe('2025-12-26T22:59:59.999Z');
  });

  test('an agreed due date with a note is accepted from the admin', async () => {
    const target = await investigated();
    const response = await app.admin(
      'POST',
      `/content-manager/collection-types/${REQUEST}`,
      asAdminBody({ complaint: target.documentId, questions: 'Q', agreedDueAt: '2099-01-01T10:00:00.000Z', agreementNote: 'Aftalt pr. telefon' }),
    );
    expect(response.status).toBe(201);
    expect(response.body.data.agreedDueAt).toBe('2099-01-01T10:00:00.000Z');
  });

  test('a complaint moves through the workflow and records first action and closure', async () => {
    const c = await complaint();
    const update = (data: Data) => app.admin('PUT', `/content-manager/collection-types/${COMPLAINT}/${c.documentId}`, data);
    expect((await update({ caseStatus: 'visitation' })).status).toBe(200);
    expect((await update({ caseStatus: 'undersoegelse' })).status).toBe(200);
    const issued = await update({ caseStatus: 'udtalelse_afgivet' });
    expect(issued.body.data.firstActionAt).toBeTruthy();
    expect(issued.body.data.closedAt).toBeNull();
    expect((await update({ caseStatus: 'afsluttet' })).body.data.closedAt).toBeTruthy();
  });

  test("a refused save names every error at once: the rules and Strapi's own field checks together", async () => {
    const c = await complaint();
    const before = await snapshot(COMPLAINT);
    // CVR is the rules' check, the e-mail and the title's length Strapi's.
    const refused = await app.admin('PUT', `/content-manager/collection-types/${COMPLAINT}/${c.documentId}`, {
      cvr: '123',
      citizenEmail: 'ikke-en-adresse',
      title: 'x'.repeat(201),
    });
    expect(refused.status).toBe(400);
    const errors: { path: string[]; message: string }[] = refused.body.error.details.errors;
    expect(errors.map((e) => e.path[0]).sort()).toEqual(['citizenEmail', 'cvr', 'title']);
    for (const e of errors) expect(e.message).toMatch(/[æøåÆØÅ]|[a-z]{4} [a-z]{2,}/);
    expect(errors.find((e) => e.path[0] === 'citizenEmail')!.message).toMatch(/gyldig e-mailadresse/);
    expect(await snapshot(COMPLAINT)).toBe(before);
    // Only Strapi's checks failing: the same Danish answer, nothing written.
    const format = await app.admin('PUT', `/content-manager/collection-types/${COMPLAINT}/${c.documentId}`, { citizenEmail: 'ikke-en-adresse' });
    expect(format.status).toBe(400);
    expect(format.body.error.details.errors.map((e: any) => e.path[0])).toEqual(['citizenEmail']);
  });
});

describe('the case status follows the next step', () => {
  const statusOf = async (documentId: string) => ((await docs(COMPLAINT).findOne({ documentId } as never)) as any).caseStatus;

  test('a statement request sent starts the investigation; the issued opinion ends it', async () => {
    const c = await complaint({ caseStatus: 'visitation', handling: 'dialog' });
    const request = await app.admin(
      'POST',
      `/content-manager/collection-types/${REQUEST}`,
      asAdminBody({ complaint: c.documentId, questions: 'Hvordan blev sagen behandlet?' }),
    );
    expect(request.status).toBe(201);
    expect(await statusOf(c.documentId)).toBe('undersoegelse');
    // The dialog became an investigation: the report counts it there.
    expect(((await docs(COMPLAINT).findOne({ documentId: c.documentId } as never)) as any).handling).toBe('undersoegelse');
    await docs(REQUEST).update({ documentId: request.body.data.documentId, data: { requestStatus: 'besvaret', responseText: 'Svar' } } as never);
    const opinion = await app.admin(
      'POST',
      `/content-manager/collection-types/${OPINION}`,
      asAdminBody({ complaint: c.documentId, outcome: 'kritik', legalPerspective: 'Forvaltningsloven', reasoning: 'Begrundelse' }),
    );
    expect(opinion.status).toBe(201);
    expect(await statusOf(c.documentId)).toBe('udtalelse_afgivet');
  });

  test('a refused request leaves the status as it was', async () => {
    const c = await complaint({ caseStatus: 'visitation', identity: 'confidential' });
    const request = await app.admin('POST', `/content-manager/collection-types/${REQUEST}`, asAdminBody({ complaint: c.documentId, questions: 'Q' }));
    expect(request.status).toBe(400);
    expect(await statusOf(c.documentId)).toBe('visitation');
  });

  test('a second request on a case under investigation keeps the status, and a mediation stays one', async () => {
    const c = await investigated({ handling: 'maegling' });
    await create(REQUEST, { complaint: c.documentId, questions: 'Q' });
    expect(await statusOf(c.documentId)).toBe('undersoegelse');
    expect(((await docs(COMPLAINT).findOne({ documentId: c.documentId } as never)) as any).handling).toBe('maegling');
  });
});

describe('the case page: overview and next steps through the admin', () => {
  const RECOMMENDATION = 'api::recommendation.recommendation';
  const step = (documentId: string, name: string, data: Data) => app.admin('POST', `/workspace/cases/${documentId}/steps/${name}`, { data });
  const overview = async (documentId: string) => (await app.admin('GET', `/workspace/cases/${documentId}`)).body.data.overview;

  test('offers what the rules allow and says why not', async () => {
    const notYet = await complaint({ caseStatus: 'visitation', centerHadOpportunity: false });
    const { nextSteps: steps, requestNeeds } = await overview(notYet.documentId);
    // R10 is asked for in the request's own dialog, not a detour through the form.
    expect(steps.requestStatement).toBeNull();
    expect(requestNeeds).toEqual({ centerHadOpportunity: true, center: false });
    expect(steps.registerMeeting).toBeNull();
    expect(steps.reopen).toMatch(/Kun en lukket sag/);
    expect(steps.issueOpinion).toMatch(/Udtalelser afgives i sager under undersøgelse/);
    expect((await overview((await complaint({ caseStatus: 'visitation' })).documentId)).nextSteps.requestStatement).toBeNull();
    expect((await app.admin('GET', '/workspace/cases/findes-ikke')).status).toBe(404);
  });

  test('the panels of the case page come in one answer: overview, journal and similar cases, for the version of the case', async () => {
    const c = await complaint({ caseStatus: 'visitation' });
    const { body } = await app.admin('GET', `/workspace/cases/${c.documentId}`);
    expect(body.data.overview.documentId).toBe(c.documentId);
    expect(body.data.journal.map((event: any) => event.kind)).toContain('created');
    expect(Array.isArray(body.data.similar)).toBe(true);
    expect(Date.parse(body.data.updatedAt)).toBe(Date.parse(c.updatedAt));
  });

  test('the request dialog records R10 and the center on the case, or nothing at all', async () => {
    const c = await complaint({ caseStatus: 'visitation', centerHadOpportunity: false, center: null });
    const before = await snapshot(REQUEST);
    const refused = await step(c.documentId, 'requestStatement', { questions: 'Hvorfor?\nHvornår?' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.errors.map((e: any) => e.path[0])).toContain('centerHadOpportunity');
    expect(await snapshot(REQUEST)).toBe(before);
    expect((await overview(c.documentId)).requestNeeds).toEqual({ centerHadOpportunity: true, center: true });

    const sent = await step(c.documentId, 'requestStatement', { questions: 'Hvorfor?\nHvornår?', centerHadOpportunity: true, center: centerId });
    expect(sent.status).toBe(200);
    const stored = (await docs(COMPLAINT).findOne({ documentId: c.documentId, populate: ['center', 'statementRequests'] } as never)) as any;
    expect(stored).toMatchObject({ centerHadOpportunity: true, caseStatus: 'undersoegelse' });
    expect(stored.center.documentId).toBe(centerId);
    expect(stored.statementRequests).toHaveLength(1);
  });

  test('a closed case is reopened', async () => {
    const c = await complaint({ caseStatus: 'visitation' });
    expect((await step(c.documentId, 'reject', { outOfScopeReason: 'grundloes' })).status).toBe(200);
    const closed = await overview(c.documentId);
    expect(closed.nextSteps.reopen).toBeNull();
    // The case's own dates stand in the overview (not as read-only fields in the form).
    expect(closed.closedAt).toEqual(expect.any(String));
    expect(closed.firstActionAt).toEqual(expect.any(String));
    expect((await step(c.documentId, 'reopen', {})).status).toBe(200);
    const view = await overview(c.documentId);
    expect(view.caseStatus).toBe('genoptaget');
    expect(view.nextSteps.reopen).toMatch(/Kun en lukket sag/);
  });

  test("a request goes to the case's center, is named by the case, and the overview shows its deadline and e-mail", async () => {
    const c = await complaint({ caseStatus: 'visitation' });
    const sent = await step(c.documentId, 'requestStatement', { questions: 'Hvorfor?' });
    expect(sent.status).toBe(200);
    const request = (await docs(REQUEST).findOne({ documentId: sent.body.data.documentId, populate: ['center', 'complaint'] } as never)) as any;
    expect(request.center.documentId).toBe(centerId);
    expect(request.heading).toMatch(new RegExp(`^${c.caseNumber} · Redegørelse · frist \\d{2}\\.\\d{2}\\.\\d{4} · Sendt$`));
    const view = await overview(c.documentId);
    expect(view.caseStatus).toBe('undersoegelse');
    expect(view.requests[0]).toMatchObject({ requestStatus: 'sendt', overdue: false, response: null });
    expect(view.requests[0].label).toMatch(/^Redegørelse · frist \d{2}\.\d{2}\.\d{4} · Sendt$/);
    expect(view.requests[0].dueAtExplanation).toBeTruthy();
    expect(view.notifications.map((n: any) => n.label)).toContainEqual(expect.stringMatching(/^Anmodning om redegørelse · \d{2}\.\d{2}\.\d{4} · /));
    expect(JSON.stringify(view)).not.toMatch(/leder@example\.org|recipient/);
    expect(view.nextSteps.issueOpinion).toMatch(/åben anmodning/);
  });

  test('a request already sent by letter is registered from the dialog: no e-mail, the deadline from when it was sent', async () => {
    const c = await complaint({ caseStatus: 'visitation', receivedAt: '2026-10-28T09:00:00Z', eventDate: '2026-10-01' });
    const sentAt = '2026-11-02T09:00:00.000Z';
    // Without when it was sent: refused with the other missing answers, nothing written.
    const before = await snapshot(REQUEST);
    const refused = await step(c.documentId, 'requestStatement', { sentOutsideSystem: true });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.errors.map((e: any) => e.path[0]).sort()).toEqual(['questions', 'requestedAt']);
    expect(await snapshot(REQUEST)).toBe(before);
    // Not before the case was received.
    const early = await step(c.documentId, 'requestStatement', { questions: 'Hvorfor?', sentOutsideSystem: true, requestedAt: '2026-10-20T09:00:00.000Z' });
    expect(early.status).toBe(400);
    expect(early.body.error.details.errors.map((e: any) => [e.path[0], e.message])).toEqual([
      ['requestedAt', 'Anmodningen kan ikke være sendt, før henvendelsen blev modtaget (28. oktober 2026). Ret datoen.'],
    ]);
    expect(await snapshot(REQUEST)).toBe(before);
    const sent = await step(c.documentId, 'requestStatement', { questions: 'Hvorfor?', sentOutsideSystem: true, requestedAt: sentAt });
    expect(sent.status).toBe(200);
    const request = (await docs(REQUEST).findOne({ documentId: sent.body.data.documentId } as never)) as any;
    expect(request).toMatchObject({ sentOutsideSystem: true, requestStatus: 'sendt' });
    expect(new Date(request.requestedAt).toISOString()).toBe(sentAt);
    // Two weeks from 2 November 2026 (a Monday) is 16 November, a working day.
    expect(request.dueAt).toMatch(/^2026-11-16/);
    const view = await overview(c.documentId);
    expect(view.notifications.map((n: any) => n.kind)).not.toContain('statement_request');
    // Without the box, a time given is not taken: the system sends the request now.
    const other = await complaint({ caseStatus: 'visitation' });
    const now = await step(other.documentId, 'requestStatement', { questions: 'Hvorfor?', requestedAt: sentAt });
    const sentNow = (await docs(REQUEST).findOne({ documentId: now.body.data.documentId } as never)) as any;
    expect(sentNow.sentOutsideSystem).toBeFalsy();
    expect(new Date(sentNow.requestedAt).getTime()).toBeGreaterThan(Date.parse(sentAt));
  });

  test('an opinion is issued with its recommendations linked, or not at all', async () => {
    const c = await investigated();
    const before = await snapshot(RECOMMENDATION);
    const refused = await step(c.documentId, 'issueOpinion', { outcome: 'kritik', legalPerspective: 'x', recommendations: ['Ny procedure'] });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.errors.map((e: any) => e.path.join('.'))).toContain('reasoning');
    expect(await snapshot(RECOMMENDATION)).toBe(before);

    const issued = await step(c.documentId, 'issueOpinion', {
      outcome: 'henstilling',
      legalPerspective: 'x',
      reasoning: 'y',
      recommendations: ['Ny procedure', ' ', 'Bedre vejledning'],
    });
    expect(issued.status).toBe(200);
    const opinion = (await docs(OPINION).findOne({ documentId: issued.body.data.documentId, populate: ['recommendations', 'complaint'] } as never)) as any;
    expect(opinion.complaint.documentId).toBe(c.documentId);
    expect(opinion.recommendations.map((r: any) => r.heading).sort()).toEqual([`${c.caseNumber} · Bedre vejledning`, `${c.caseNumber} · Ny procedure`]);
    expect((await overview(c.documentId)).caseStatus).toBe('udtalelse_afgivet');
  });

  test('rejecting asks for the reason; closing follows the workflow', async () => {
    const c = await complaint({ caseStatus: 'visitation' });
    const refused = await step(c.documentId, 'reject', {});
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.errors[0].path).toEqual(['outOfScopeReason']);
    expect((await step(c.documentId, 'reject', { outOfScopeReason: 'grundloes' })).status).toBe(200);
    expect((await overview(c.documentId)).nextSteps.close).toBeNull();
    expect((await step(c.documentId, 'close', {})).status).toBe(200);
    expect((await overview(c.documentId)).caseStatus).toBe('afsluttet');
    expect((await step(c.documentId, 'unknown', {})).status).toBe(404);
  });

  test('a meeting is named by its case, role and date; the case shows when and where', async () => {
    const c = await complaint();
    const held = await step(c.documentId, 'registerMeeting', { heldAt: '2026-11-26T09:00:00Z', role: 'observatoer', place: 'Rådhuset' });
    expect(held.status).toBe(200);
    expect((await overview(c.documentId)).meetings[0].label).toBe('Møde · Observatør · 26.11.2026, 10.00 · Rådhuset');
    expect(((await docs('api::meeting.meeting').findOne({ documentId: held.body.data.documentId } as never)) as any).heading).toBe(
      `${c.caseNumber} · Møde · Observatør · 26.11.2026`,
    );
  });

  test('the next deadline per case counts an agreed deadline', async () => {
    const c = await investigated(receivedLongAgo);
    await create(REQUEST, {
      complaint: c.documentId,
      questions: 'Q',
      sentOutsideSystem: true,
      requestedAt: new Date(Date.now() - 40 * 86400000).toISOString(),
      agreedDueAt: '2099-01-01T10:00:00.000Z',
      agreementNote: 'Aftalt',
    });
    const late = await investigated(receivedLongAgo);
    await create(REQUEST, {
      complaint: late.documentId,
      questions: 'Q',
      sentOutsideSystem: true,
      requestedAt: new Date(Date.now() - 40 * 86400000).toISOString(),
    });
    const { data } = (await app.admin('GET', '/workspace/deadlines')).body;
    expect(data[c.documentId]).toEqual({ dueAt: '2099-01-01T10:00:00.000Z', overdue: false });
    expect(data[late.documentId].overdue).toBe(true);
    const open = (await app.admin('GET', '/workspace/open-cases')).body.data;
    expect(open.find((row: any) => row.status === 'undersoegelse')).toMatchObject({ label: 'Undersøgelse' });
  });
});
