/**
 * Property-based test of every write path from outside: the public intake, the statement
 * submission and the admin's create and update of every case content type, with arbitrary
 * Unicode, control characters, wrong types, nested and operator objects, prototype keys and huge
 * strings. Never a 5xx, and a refused write changes no table. On SQLite and PostgreSQL; the number
 * of runs is modest (INPUT_PROPERTY_RUNS) so the suite stays fast. Under CI the seed is fixed, so
 * a run is reproducible and a merge is judged on its own change; elsewhere each run explores new
 * inputs (INPUT_PROPERTY_SEED repeats a reported failure).
 */
import fc from 'fast-check';
import type { UID } from '@strapi/strapi';
import { startStrapi, TestStrapi } from '../helpers/strapi';
import { caseTypes } from '../../cms/src/seed/roles';
import { mintToken } from '../../cms/src/outbox/token';
import { storeLink } from '../../cms/src/outbox/links';
import { validComplaint } from '../helpers/intake';

const RUNS = Number(process.env.INPUT_PROPERTY_RUNS || 6);
const SEED = process.env.INPUT_PROPERTY_SEED ? Number(process.env.INPUT_PROPERTY_SEED) : process.env.CI ? 20261130 : undefined;
if (SEED !== undefined) fc.configureGlobal({ seed: SEED });
jest.setTimeout(300_000);

let app: TestStrapi;
beforeAll(async () => {
  app = await startStrapi({ PUBLIC_COMPLAINT_RATE_LIMIT: '100000', PUBLIC_STATEMENT_RATE_LIMIT: '100000' });
});
afterAll(async () => {
  await app?.stop();
});

const daysAgo = (days: number) => new Date(Date.now() - days * 86400000).toISOString().slice(0, 10);
const docs = (uid: string) => app.strapi.documents(uid as UID.ContentType);
const create = (uid: string, data: Record<string, unknown>) => docs(uid).create({ data } as never) as Promise<any>;

/** Every table the application writes (Strapi's own admin and permission tables left out), as JSON. */
async function snapshot(): Promise<string> {
  const knex = app.strapi.db.connection;
  const tables: string[] =
    knex.client.config.client === 'sqlite' || knex.client.config.client === 'better-sqlite3'
      ? (await knex.raw("SELECT name FROM sqlite_master WHERE type = 'table'")).map((r: any) => r.name)
      : (await knex.raw('SELECT tablename FROM pg_tables WHERE schemaname = current_schema()')).rows.map((r: any) => r.tablename);
  const ours = tables.filter((t) => !/^(strapi_|admin_|up_|i18n_|files|upload_|sqlite_|statement_access_logs)/.test(t)).sort();
  const rows = await Promise.all(ours.map(async (t) => [t, await knex(t).select().orderByRaw('1')]));
  return JSON.stringify(rows);
}

// Values a careless or hostile client sends.
const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({
    unit: fc.constantFrom('\u0000', '\u0007', '\r', '\n', '\t', 'æ', 'ø', 'å', 'a\u030A', '\uD800', '\uDC00', '😀', '\u202E', '%', '\\', "'", '"'),
    maxLength: 30,
  }),
  fc.constantFrom(
    'x'.repeat(256),
    'æ'.repeat(20_001),
    'é'.repeat(60_000),
    '0226-03-14',
    '2999-12-31T23:59:59Z',
    '+275760-09-13',
    'ved ikke',
    'kritik',
    'named',
  ),
);
const value: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: text },
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom(
    { $ne: 1 },
    { $gt: '' },
    { $regex: '.*' },
    { connect: [{ documentId: 'findes-ikke' }] },
    { set: [{ id: 1 }] },
    { __proto__: { admin: true } },
    [1, 'a'],
    { nested: { deeper: ['\u0000'] } },
  ),
  fc.array(text, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), text, { maxKeys: 3 }),
);
const strangeKeys = ['__proto__', 'constructor', 'prototype', 'id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'locale', 'createdBy', '$ne'];
const dataFor = (fields: string[]) =>
  fc.dictionary(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...fields) }, fc.constantFrom(...strangeKeys), fc.string({ maxLength: 10 })), value, {
    maxKeys: 6,
  });

const citizen = () => validComplaint({ formalComplaintToUnit: true, description: 'Jeg har ventet længe.' });

async function send(method: string, url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const answer = await response.text();
  return { status: response.status, body: answer };
}

/** The property: never a 5xx; a refusal leaves every table as it was. */
async function check(write: () => Promise<{ status: number; body: string }>) {
  const before = await snapshot();
  const { status, body } = await write();
  if (status >= 500) throw new Error(`${status}: ${body.slice(0, 500)}`);
  if (status >= 400) expect(await snapshot()).toBe(before);
}

let centerId: string;
beforeAll(async () => {
  centerId = (await create('api::center.center', { name: 'Center for Egenskaber', email: 'leder@example.org', chiefEmail: 'chef@example.org' })).documentId;
});

test('public intake: arbitrary input is a 201 or a 4xx, and a refusal writes nothing', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.boolean(),
      dataFor(Object.keys(citizen()).concat(['submissionKey', 'website', 'businessName', 'cvr'])),
      fc.option(text),
      async (withBase, data, key) => {
        const body = { data: withBase ? { ...citizen(), ...data } : data };
        await check(() =>
          send('POST', `${app.url}/api/public/complaints`, body, typeof key === 'string' && /^[\x21-\x7E]*$/.test(key) ? { 'idempotency-key': key } : {}),
        );
      },
    ),
    { numRuns: RUNS * 2 },
  );
  // Not only a JSON object: arrays, scalars and operator objects as the body or as data.
  for (const body of [[], 'x', 1, null, { data: [] }, { data: { $ne: 1 } }, { data: null }, { __proto__: { data: citizen() } }]) {
    await check(() => send('POST', `${app.url}/api/public/complaints`, body));
  }
});

test('statement submission: arbitrary input is a 200 or a 4xx, and a refusal writes nothing', async () => {
  const newToken = async () => {
    const complaint = await create('api::complaint.complaint', {
      description: 'Sagen',
      eventDate: daysAgo(30),
      center: centerId,
      centerHadOpportunity: true,
      caseStatus: 'undersoegelse',
    });
    const request = await create('api::statement-request.statement-request', { complaint: complaint.documentId, questions: 'Hvad skete der?' });
    // As the worker does when it mails the request: a minted token whose hash is stored for the row.
    const { token, hash } = mintToken();
    const row = await app.strapi.db
      .query('api::notification.notification')
      .findOne({ where: { statementRequest: { id: request.id }, kind: 'statement_request' } });
    await storeLink(app.strapi, hash, row.id, request.linkVersion ?? 1, new Date());
    return token;
  };
  let token = await newToken();
  await fc.assert(
    fc.asyncProperty(fc.boolean(), dataFor(['text', 'respondentName', 'respondentTitle']), async (withBase, data) => {
      const body = { data: withBase ? { text: 'Redegørelse', respondentName: 'Lise Leder', ...data } : data };
      let status = 0;
      await check(async () => {
        const answer = await send('POST', `${app.url}/api/public/statements/${token}`, body);
        status = answer.status;
        return answer;
      });
      if (status === 200) token = await newToken();
    }),
    { numRuns: RUNS * 2 },
  );
  // The link works: a well-formed statement through it is accepted.
  expect((await send('POST', `${app.url}/api/public/statements/${token}`, { data: { text: 'Redegørelse', respondentName: 'Lise Leder' } })).status).toBe(200);
});

describe('admin create and update of every case content type', () => {
  const fixtures: Record<string, () => Promise<Record<string, unknown>>> = {
    'api::complaint.complaint': async () => ({ description: 'Sagen', eventDate: daysAgo(20), center: centerId }),
    'api::statement-request.statement-request': async () => ({
      complaint: (
        await create('api::complaint.complaint', {
          description: 'Sagen',
          eventDate: daysAgo(30),
          center: centerId,
          centerHadOpportunity: true,
          caseStatus: 'undersoegelse',
        })
      ).documentId,
      questions: 'Hvad skete der?',
    }),
    'api::opinion.opinion': async () => ({ kind: 'general', outcome: 'henstilling', legalPerspective: 'x', reasoning: 'y', addressedTo: 'Kommunaldirektøren' }),
    'api::recommendation.recommendation': async () => ({ text: 'Skriv hurtigere svar.' }),
    'api::meeting.meeting': async () => ({ heldAt: new Date().toISOString(), role: 'bisidder' }),
    'api::improvement-activity.improvement-activity': async () => ({ kind: 'undervisning', title: 'Kursus', date: daysAgo(3) }),
    'api::center.center': async () => ({ name: `Center ${Math.random()}`, email: 'c@example.org' }),
    'api::institution.institution': async () => ({ name: 'Skolen', center: centerId }),
    'api::closing-day.closing-day': async () => ({
      date: `20${10 + Math.floor(Math.random() * 80)}-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`,
      name: 'Lukkedag',
      kind: 'lukkedag',
    }),
  };

  // A case document enters with its file through the case file's upload checks, tested there.
  const written = caseTypes.filter((uid) => uid !== 'api::case-document.case-document');

  test('every case content type written in the admin has a fixture', () => {
    expect(Object.keys(fixtures).sort()).toEqual([...written].sort());
  });

  test.each([...written])('%s', async (uid) => {
    const fields = Object.keys(app.strapi.contentTypes[uid as UID.ContentType].attributes);
    const base = `/content-manager/collection-types/${uid}`;
    const target = await create(uid, await fixtures[uid]());
    const token = await app.adminToken();
    await fc.assert(
      fc.asyncProperty(fc.boolean(), dataFor(fields), async (isUpdate, data) => {
        await check(() =>
          isUpdate
            ? send('PUT', `${app.url}${base}/${target.documentId}`, data, { authorization: `Bearer ${token}` })
            : send('POST', `${app.url}${base}`, data, { authorization: `Bearer ${token}` }),
        );
        // Whatever was sent, the document keeps its identity (an update once renamed or orphaned it).
        expect((await send('GET', `${app.url}${base}/${target.documentId}`, undefined, { authorization: `Bearer ${token}` })).status).toBe(200);
      }),
      { numRuns: RUNS },
    );
  });
});
