/**
 * The input boundary against the real Strapi, on SQLite and (DATABASE_CLIENT=postgres) PostgreSQL:
 * field lengths, normalisation, database errors and Strapi's schema messages as Danish 400s, the
 * request id of a 500, idempotent intake, referential safety, closed end-user routes and what the
 * administrative assistant can search for.
 */
import http from 'http';
import type { AddressInfo } from 'net';
import type { UID } from '@strapi/strapi';
import { startStrapi, TestStrapi } from '../helpers/strapi';
import { dbInputError } from '../../cms/src/input/boundary';
import { validComplaint } from '../helpers/intake';
import { registrationFields } from '../../cms/src/rules/case-stages';

let app: TestStrapi;
beforeAll(async () => {
  app = await startStrapi();
});
afterAll(async () => {
  await app?.stop();
});
beforeEach(() => app.strapi.service('api::public-complaint.public-complaint').resetRateLimit());

const COMPLAINT = 'api::complaint.complaint';
const CENTER = 'api::center.center';
const REQUEST = 'api::statement-request.statement-request';
const OPINION = 'api::opinion.opinion';
type Data = Record<string, unknown>;

const docs = (uid: string) => app.strapi.documents(uid as UID.ContentType);
const create = async (uid: string, data: Data) => docs(uid).create({ data } as never) as Promise<any>;
const daysAgo = (days: number) => new Date(Date.now() - days * 86400000).toISOString().slice(0, 10);
const snapshot = async (uid: string) => JSON.stringify(await app.strapi.db.query(uid as UID.ContentType).findMany({ orderBy: { id: 'asc' } }));
const cm = (uid: string) => `/content-manager/collection-types/${uid}`;
let seq = 0;
const unique = (name: string) => `${name} ${++seq}`;

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${app.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}

const citizen = (overrides: Data = {}) => validComplaint({ formalComplaintToUnit: true, description: 'Jeg har ventet længe på svar.', ...overrides });

const investigated = async (center: string) =>
  create(COMPLAINT, { description: 'Sagen', eventDate: daysAgo(30), center, centerHadOpportunity: true, caseStatus: 'undersoegelse' });

describe('field lengths and normalisation', () => {
  test('"Henvist til" of 300 characters is a Danish 400 on the field, not a 500', async () => {
    const complaint = await create(COMPLAINT, { description: 'x' });
    const before = await snapshot(COMPLAINT);
    const response = await app.admin('PUT', `${cm(COMPLAINT)}/${complaint.documentId}`, { referredTo: 'å'.repeat(300) });
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors[0]).toMatchObject({
      path: ['referredTo'],
      message: '»Henvist til« må højst være 255 tegn. Du har skrevet 300 tegn.',
    });
    expect(response.body.error.details.errors[0].value).toBeUndefined();
    expect(await snapshot(COMPLAINT)).toBe(before);
    const ok = await app.admin('PUT', `${cm(COMPLAINT)}/${complaint.documentId}`, { referredTo: 'å'.repeat(255) });
    expect(ok.status).toBe(200);
  });

  test('NUL and control characters are removed from the public form and from an internal note; text is stored in NFC', async () => {
    const { status, body } = await post('/api/public/complaints', { data: citizen({ description: 'Første\u0000 linje\r\nanden a\u030A linje\u0007' }) });
    expect(status).toBe(201);
    const [stored] = (await docs(COMPLAINT).findMany({ filters: { caseNumber: body.data.caseNumber } } as never)) as any[];
    expect(stored.description).toBe('Første linje\nanden å linje');

    const note = await app.admin('PUT', `${cm(COMPLAINT)}/${stored.documentId}`, { internalNotes: 'Notat\u0000 med\u001b NUL' });
    expect(note.status).toBe(200);
    expect(((await docs(COMPLAINT).findOne({ documentId: stored.documentId } as never)) as any).internalNotes).toBe('Notat med NUL');
  });

  test('a lone surrogate is refused in Danish, publicly and in the admin', async () => {
    const publicAnswer = await post('/api/public/complaints', { data: citizen({ description: 'Tekst \uD800 her' }) });
    expect(publicAnswer.status).toBe(400);
    expect(publicAnswer.body.error.details.errors[0].path).toEqual(['description']);
    const admin = await app.admin('POST', cm(COMPLAINT), { description: 'a\uDC00' });
    expect(admin.status).toBe(400);
    expect(admin.body.error.details.errors[0]).toMatchObject({ path: ['description'], message: expect.stringContaining('ugyldigt tegn') });
  });

  test.each(['0226-03-14', '2999-01-01', '1899-12-31'])('the date %s is refused in Danish', async (eventDate) => {
    const response = await app.admin('POST', cm(COMPLAINT), { description: 'x', eventDate });
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors[0]).toMatchObject({ path: ['eventDate'], message: expect.stringContaining('mellem år 1900 og 2100') });
  });

  test("Strapi's own schema messages are Danish: a required field, a wrong choice, a duplicate name", async () => {
    const missing = await app.admin('POST', cm(CENTER), { email: 'a@example.org' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.errors[0]).toEqual({ path: ['name'], message: '»Navn« skal udfyldes.', name: 'ValidationError' });
    expect(missing.body.error.message).toBe('»Navn« skal udfyldes.');

    const choice = await app.admin('POST', cm(COMPLAINT), { description: 'x', purpose: 'noget andet' });
    expect(choice.status).toBe(400);
    expect(choice.body.error.details.errors[0].message).toMatch(/^»Formål« har en værdi, der ikke findes på listen/);

    const name = unique('Dobbelt center');
    expect((await app.admin('POST', cm(CENTER), { name, email: 'a@example.org' })).status).toBe(201);
    const duplicate = await app.admin('POST', cm(CENTER), { name, email: 'b@example.org' });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.error.details.errors[0]).toMatchObject({ path: ['name'], message: '»Navn« findes allerede. Vælg en anden værdi.' });
  });

  test('a field the case form hides (a condition false for what is sent) is checked all the same: every intake fact', async () => {
    const stored = await create(COMPLAINT, { description: 'Skjulte felter', citizenEmail: 'borger@example.org', identity: 'named' });
    const attributes = (app.strapi.contentTypes as any)[COMPLAINT].attributes as Record<string, { type: string; enum?: string[]; maxLength?: number }>;
    /** A value Strapi refuses for the field, by its kind; none for a kind it checks nothing of. */
    const invalid = (attribute: { type: string; maxLength?: number }): unknown => {
      if (attribute.type === 'enumeration') return 'findes-ikke';
      if (attribute.type === 'email') return 'navn@';
      if (attribute.type === 'boolean') return 'måske';
      if (['string', 'text'].includes(attribute.type)) return 'x'.repeat((attribute.maxLength ?? 255) + 1);
      return undefined;
    };
    const checked = registrationFields.filter((field) => invalid(attributes[field]) !== undefined);
    expect(checked).toEqual(expect.arrayContaining(['channel', 'identity', 'citizenEmail', 'citizenName', 'formalComplaintToUnit']));
    for (const field of checked) {
      // The edit view sends the case number with every save: the intake's conditions are false.
      const refused = await app.admin('PUT', `${cm(COMPLAINT)}/${stored.documentId}`, { caseNumber: stored.caseNumber, [field]: invalid(attributes[field]) });
      expect([field, refused.status]).toEqual([field, 400]);
      expect(refused.body.error.details.errors.map((e: { path: string[] }) => e.path[0])).toContain(field);
      expect(refused.body.error.message).not.toMatch(/must|should|invalid|required/i);
    }
    expect(await docs(COMPLAINT).findOne({ documentId: stored.documentId })).toMatchObject({ citizenEmail: 'borger@example.org', identity: 'named' });
  });

  test('a database error the input caused becomes a 400 on the field (paths below the Document Service)', async () => {
    const complaint = await create(COMPLAINT, { description: 'x' });
    const data = { referredTo: 'x'.repeat(300) };
    const error: any = await app.strapi.db
      .query(COMPLAINT as UID.ContentType)
      .update({ where: { id: complaint.id }, data })
      .then(
        () => null,
        (e) => e,
      );
    if (process.env.DATABASE_CLIENT === 'postgres') {
      // PostgreSQL enforces varchar(255) and names no column: the boundary finds the field from the data.
      expect(dbInputError(app.strapi, error, COMPLAINT, data)?.details).toEqual({
        errors: [{ path: ['referredTo'], message: '»Henvist til« er for lang til at blive gemt. Gør teksten kortere.', name: 'ValidationError' }],
      });
      const nul: any = await app.strapi.db
        .query(COMPLAINT as UID.ContentType)
        .update({ where: { id: complaint.id }, data: { internalNotes: 'a\u0000b' } })
        .then(
          () => null,
          (e) => e,
        );
      expect(dbInputError(app.strapi, nul, COMPLAINT, { internalNotes: 'a\u0000b' })?.details.errors[0].path).toEqual(['internalNotes']);
    } else {
      expect(error).toBeNull(); // SQLite stores any length; the schema's maxLength is what keeps both databases alike.
    }
    const duplicate: any = await app.strapi.db
      .connection('case_number_counters')
      .insert({ year: 1999, last_number: 1 })
      .then(() => app.strapi.db.connection('case_number_counters').insert({ year: 1999, last_number: 2 }))
      .then(
        () => null,
        (e) => e,
      );
    expect(dbInputError(app.strapi, duplicate)?.message).toContain('findes allerede');
  });

  test('an unexpected failure is a 500 with a request id in the body and the header, never the details', async () => {
    const service = app.strapi.service('api::public-complaint.public-complaint') as any;
    const original = service.listCenters;
    service.listCenters = async () => {
      throw new Error('database on fire');
    };
    try {
      const response = await fetch(`${app.url}/api/public/centers`);
      const body: any = await response.json();
      expect(response.status).toBe(500);
      expect(body.error.details.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.headers.get('x-request-id')).toBe(body.error.details.requestId);
      expect(JSON.stringify(body)).not.toContain('fire');
    } finally {
      service.listCenters = original;
    }
  });

  test('a wrong content type or a body that is not JSON gets its own answer', async () => {
    const plain = await fetch(`${app.url}/api/public/complaints`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hej' });
    expect(plain.status).toBe(415);
    expect(((await plain.json()) as any).error.message).toContain('JSON');
    // Multipart is how files come along; its data is read like JSON and validated alike.
    const form = new FormData();
    form.set('data', JSON.stringify({ description: 'x' }));
    expect((await fetch(`${app.url}/api/public/complaints`, { method: 'POST', body: form })).status).toBe(400);
    expect((await post('/api/public/complaints', '{"data": {')).status).toBe(400);
  });
});

describe('idempotent intake (SPEC §3)', () => {
  const receipts = async (caseNumber: string) => {
    const [complaint] = (await docs(COMPLAINT).findMany({ filters: { caseNumber } } as never)) as any[];
    return docs('api::notification.notification').count({ filters: { complaint: { documentId: complaint.documentId }, kind: 'complaint_receipt' } } as never);
  };

  test('the same form sent twice (a double click) is one case with one receipt', async () => {
    const data = citizen({ submissionKey: 'form-key-0123456789abcdef' });
    const first = await post('/api/public/complaints', { data });
    const second = await post('/api/public/complaints', { data });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.data.caseNumber).toBe(first.body.data.caseNumber);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await receipts(first.body.data.caseNumber)).toBe(1);
  });

  test('concurrent duplicates with an Idempotency-Key register one case', async () => {
    const before = await docs(COMPLAINT).count({});
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => post('/api/public/complaints', { data: citizen() }, { 'idempotency-key': 'json-client-key-0000000001' })),
    );
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.data.caseNumber)).size).toBe(1);
    expect(await docs(COMPLAINT).count({})).toBe(before + 1);
    expect(await receipts(answers[0].body.data.caseNumber)).toBe(1);
  });

  test('when the CMS answers too slowly, the site sends again with the same key and shows the one case number', async () => {
    // Between site and CMS: a proxy that holds the first answer past the site's timeout, after the CMS has registered it.
    let calls = 0;
    const proxy = http.createServer(async (req, res) => {
      const attempt = ++calls;
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const headers = { 'content-type': String(req.headers['content-type']), 'idempotency-key': String(req.headers['idempotency-key'] ?? '') };
      const upstream = await fetch(`${app.url}${req.url}`, { method: req.method, headers, body: Buffer.concat(chunks) });
      const answer = await upstream.text();
      if (attempt === 1) await new Promise((resolve) => setTimeout(resolve, 1_500));
      res.writeHead(upstream.status, { 'content-type': 'application/json' }).end(answer);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const saved = { url: process.env.CMS_URL, timeout: process.env.CMS_TIMEOUT_MS };
    Object.assign(process.env, { CMS_URL: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, CMS_TIMEOUT_MS: '700' });
    try {
      const { submitComplaint } = require('../../site/src/lib/cms');
      const before = await docs(COMPLAINT).count({});
      const result = await submitComplaint(citizen({ citizenEmail: 'langsom@example.org' }), 'site-form-key-slow-cms-0001');
      expect(result.ok).toBe(true);
      expect(calls).toBeGreaterThanOrEqual(2);
      expect(await docs(COMPLAINT).count({})).toBe(before + 1);
      expect(await receipts(result.caseNumber)).toBe(1);
    } finally {
      Object.assign(process.env, { CMS_URL: saved.url ?? '', CMS_TIMEOUT_MS: saved.timeout ?? '' });
      if (!saved.url) delete process.env.CMS_URL;
      if (!saved.timeout) delete process.env.CMS_TIMEOUT_MS;
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });

  test('after 24 hours the key is forgotten; a malformed key is a 400', async () => {
    const key = 'old-key-000000000000000001';
    const first = await post('/api/public/complaints', { data: citizen() }, { 'idempotency-key': key });
    await app.strapi.db.connection('intake_submission_keys').update({ created_at_ms: Date.now() - 25 * 3600 * 1000 });
    const later = await post('/api/public/complaints', { data: citizen() }, { 'idempotency-key': key });
    expect(later.status).toBe(201);
    expect(later.body.data.caseNumber).not.toBe(first.body.data.caseNumber);
    const bad = await post('/api/public/complaints', { data: citizen() }, { 'idempotency-key': 'kort' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0].path).toEqual(['submissionKey']);
  });
});

describe('referential safety', () => {
  let centerId: string;
  beforeAll(async () => {
    centerId = (await create(CENTER, { name: unique('Center med sager'), email: 'leder@example.org', chiefEmail: 'chef@example.org' })).documentId;
  });

  test('a center with cases and an open request cannot be deleted, alone or in bulk; nothing changes', async () => {
    const complaint = await investigated(centerId);
    await create(REQUEST, { complaint: complaint.documentId, questions: 'Q' });
    const empty = await create(CENTER, { name: unique('Tomt center'), email: 'tom@example.org' });
    const before = [await snapshot(CENTER), await snapshot(COMPLAINT), await snapshot(REQUEST)];

    const single = await app.admin('DELETE', `${cm(CENTER)}/${centerId}`);
    expect(single.status).toBe(400);
    expect(single.body.error.message).toMatch(/kan ikke slettes, fordi det indgår i: .*Henvendelse.*Anmodning om redegørelse/);
    const bulk = await app.admin('POST', `${cm(CENTER)}/actions/bulkDelete`, { documentIds: [empty.documentId, centerId] });
    expect(bulk.status).toBe(400);
    const service: any = await docs(CENTER)
      .delete({ documentId: centerId } as never)
      .then(
        () => null,
        (e) => e,
      );
    expect(service?.name).toBe('ValidationError');
    expect([await snapshot(CENTER), await snapshot(COMPLAINT), await snapshot(REQUEST)]).toEqual(before);

    expect((await app.admin('DELETE', `${cm(CENTER)}/${empty.documentId}`)).status).toBe(200);
  });

  test('an institution with cases cannot be deleted', async () => {
    const institution = await create('api::institution.institution', { name: unique('Skolen'), center: centerId });
    await create(COMPLAINT, { description: 'x', institution: institution.documentId });
    const response = await app.admin('DELETE', `${cm('api::institution.institution')}/${institution.documentId}`);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('Institutionen');
  });

  test('a sent statement request is cancelled, not deleted; an issued opinion is withdrawn, not deleted', async () => {
    const complaint = await investigated(centerId);
    const request = await create(REQUEST, { complaint: complaint.documentId, questions: 'Q' });
    const refused = await app.admin('DELETE', `${cm(REQUEST)}/${request.documentId}`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('Annulleret');
    const opinion = await create(OPINION, {
      kind: 'general',
      outcome: 'henstilling',
      legalPerspective: 'x',
      reasoning: 'y',
      addressedTo: 'Kommunaldirektøren',
    });
    const refusedOpinion = await app.admin('DELETE', `${cm(OPINION)}/${opinion.documentId}`);
    expect(refusedOpinion.status).toBe(400);
    const withdrawn = await app.admin('PUT', `${cm(OPINION)}/${opinion.documentId}`, {
      withdrawnAt: new Date().toISOString(),
      withdrawalReason: 'Bygger på en fejl',
    });
    expect(withdrawn.status).toBe(200);
  });

  test('an inactive center is hidden from the form, refused at intake and for new requests, and kept', async () => {
    const center = await create(CENTER, { name: unique('Nedlagt center'), email: 'ned@example.org' });
    const complaint = await investigated(center.documentId);
    expect((await app.admin('PUT', `${cm(CENTER)}/${center.documentId}`, { active: false })).status).toBe(200);

    const listed: any = await (await fetch(`${app.url}/api/public/centers`)).json();
    expect(listed.data.map((c: any) => c.documentId)).not.toContain(center.documentId);
    const intake = await post('/api/public/complaints', { data: citizen({ center: center.documentId }) });
    expect(intake.status).toBe(400);
    expect(intake.body.error.details.errors[0].path).toEqual(['center']);
    const request: any = await create(REQUEST, { complaint: complaint.documentId, questions: 'Q' }).then(
      () => null,
      (e) => e,
    );
    expect(request?.details.errors[0]).toMatchObject({ path: ['center'], message: expect.stringContaining('inaktivt') });
    expect(await docs(COMPLAINT).count({ filters: { center: { documentId: center.documentId } } } as never)).toBe(1);
  });
});

describe('no door that nobody uses', () => {
  test('users-permissions serves no end-user route', async () => {
    for (const [method, path] of [
      ['POST', '/api/auth/local/register'],
      ['POST', '/api/auth/local'],
      ['POST', '/api/auth/forgot-password'],
      ['POST', '/api/auth/reset-password'],
      ['GET', '/api/users/me'],
      ['GET', '/api/users'],
      ['GET', '/api/roles'],
      ['GET', '/api/connect/github'],
      ['GET', '/api/auth/email-confirmation'],
    ]) {
      const response = await fetch(`${app.url}${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: method === 'POST' ? JSON.stringify({ username: 'x', email: 'x@example.org', password: 'Password-1234' }) : undefined,
      });
      // 405 where the admin panel's static GET route matches the path.
      expect([path, [404, 405].includes(response.status)]).toEqual([path, true]);
    }
  });

  test('without an admin session, every route the CMS exposes is closed except the public ones of SPEC §3', async () => {
    const routes = app.strapi.server
      .listRoutes()
      .flatMap((layer: any) =>
        (layer.methods as string[])
          .filter((m) => ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(m))
          .map((method) => ({ method, path: layer.path as string })),
      );
    expect(routes.length).toBeGreaterThan(50);
    expect(routes.filter((r) => r.path.startsWith('/api/auth') || r.path.startsWith('/api/users') || r.path.startsWith('/api/connect'))).toEqual([]);

    // Open by design: the public site's API and the admin panel's own sign-in flow.
    const open = [
      /^GET \/api\/public\/(site-content|centers)$/,
      /^(GET|POST) \/api\/public\/(complaints|statements)/,
      /^(GET|POST) \/admin\/(init|project-type|login|register-admin|registration-info|register|forgot-password|reset-password|renew-token|logout|access-token|providers|telemetry-properties)/,
      /^GET \/admin\/?(\(\.\*\))?$/,
      /^GET \/admin\/:path\*$/, // the admin panel's page (index.html) when it is built
      /^GET \/(\(\.\*\)|favicon\.ico|uploads)/,
      /^[A-Z]+ \/_health$/, // Strapi's health check: 204, no body
      /^GET \/api\/health$/, // the load balancer's check: { status: 'ok' }, nothing else
      /^GET \/content-manager\/preview\/script$/, // a static script of the admin panel
      /^GET \/i18n\/iso-locales$/,
    ];
    const answered: string[] = [];
    for (const { method, path } of routes) {
      const concrete = path.replace(/:[A-Za-z_]+(\([^)]*\))?/g, 'x').replace(/\(\.\*\)/g, 'x');
      const response = await fetch(`${app.url}${concrete}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: ['POST', 'PUT', 'PATCH'].includes(method) ? '{}' : undefined,
        redirect: 'manual',
      });
      await response.arrayBuffer();
      if (response.status < 300 && !open.some((pattern) => pattern.test(`${method} ${path}`))) answered.push(`${method} ${path} → ${response.status}`);
      expect(response.status).not.toBe(500);
    }
    expect(answered).toEqual([]);
  });
});

describe('the administrative assistant cannot search for what she may not read', () => {
  let assistant: string;
  const as = async (token: string, path: string) => {
    const response = await fetch(`${app.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, body: (await response.json()) as any };
  };
  beforeAll(async () => {
    const role = await app.strapi.service('admin::role').findOne({ name: 'Administrativ medarbejder' });
    const email = 'assistent@example.org';
    const password = 'Assistent-1234';
    await app.strapi.service('admin::user').create({ email, firstname: 'Ada', lastname: 'Assistent', password, isActive: true, roles: [role.id] });
    const login: any = await (
      await fetch(`${app.url}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) })
    ).json();
    assistant = login.data.token;
    await create(COMPLAINT, {
      description: 'Om skolevejen',
      citizenName: 'Birthe Sørensen-Unik',
      citizenEmail: 'birthe.unik@example.org',
      citizenPhone: '12345678',
      citizenAddress: 'Unikvej 7',
    });
  });

  const list = (query: string) => `${cm(COMPLAINT)}?page=1&pageSize=10&${query}`;
  const answer = async (token: string, query: string) => {
    const { status, body } = await as(token, list(query));
    return { status, total: body?.pagination?.total, error: body?.error?.message };
  };

  test.each`
    field               | value
    ${'citizenName'}    | ${'Birthe Sørensen-Unik'}
    ${'citizenEmail'}   | ${'birthe.unik@example.org'}
    ${'citizenPhone'}   | ${'12345678'}
    ${'citizenAddress'} | ${'Unikvej 7'}
  `('$field: search, filter and sort answer as for a value nobody has', async ({ field, value }) => {
    const nobody = 'Ingen-har-denne-vaerdi';
    expect(await answer(assistant, `_q=${encodeURIComponent(value)}`)).toEqual(await answer(assistant, `_q=${nobody}`));
    const filter = (v: string) => `filters[$and][0][${field}][$eq]=${encodeURIComponent(v)}`;
    expect(await answer(assistant, filter(value))).toEqual(await answer(assistant, filter(nobody)));
    const viaRelation = (v: string) => `filters[$and][0][complaint][${field}][$containsi]=${encodeURIComponent(v)}`;
    expect(await as(assistant, `${cm(REQUEST)}?${viaRelation(value)}`)).toEqual(await as(assistant, `${cm(REQUEST)}?${viaRelation(nobody)}`));
    expect((await answer(assistant, `sort=${field}:ASC`)).status).toBe(400);
  });

  test('the assistant still searches what she may read; the advisor searches everything', async () => {
    expect((await answer(assistant, '_q=skolevejen')).total).toBeGreaterThanOrEqual(1);
    const advisor = await app.adminToken();
    expect((await answer(advisor, `_q=${encodeURIComponent('Sørensen-Unik')}`)).total).toBe(1);
  });
});
