/**
 * Two people, one case (SPEC §3), against the real Strapi (cms/dist) on SQLite and, with
 * DATABASE_CLIENT=postgres, PostgreSQL: concurrent saves through the admin API with and without
 * the version they were based on. No accepted change is lost without an event, each event starts
 * from the value the previous one left, and a write based on a stale version is refused with 409
 * and a Danish message naming who changed the case and when, and changes nothing.
 */
import crypto from 'crypto';
import { spawn } from 'child_process';
import type { UID } from '@strapi/strapi';
import { startStrapi, TestStrapi } from '../helpers/strapi';
import { builders, Builders } from '../helpers/builders';

const COMPLAINT = 'api::complaint.complaint';
const REQUEST = 'api::statement-request.statement-request';
const EVENT = 'api::case-event.case-event';
const NOTIFICATION = 'api::notification.notification';
const N = 8;
const DAY = 86400000;
const workerToken = crypto.randomBytes(24).toString('base64url');

let app: TestStrapi;
let build: Builders;
beforeAll(async () => {
  app = await startStrapi({ OUTBOX_WORKER_TOKEN: workerToken, PUBLIC_STATEMENT_RATE_LIMIT: '1000' });
  build = builders(app);
  // The cases' center, named in a refusal below.
  await build.defaultCenter({ name: 'Center for Samtidighed', email: 'leder.samtidig@example.org', chiefEmail: 'chef.samtidig@example.org' });
  await app.adminToken(); // Once, before the concurrent requests.
}, 300_000); // A fresh PostgreSQL schema takes minutes on a loaded machine.
afterAll(async () => {
  await app?.stop();
});

const docs = (uid: string) => app.strapi.documents(uid as UID.ContentType);
const daysAgo = (days: number) => new Date(Date.now() - days * 86400000).toISOString().slice(0, 10);
const cm = (uid: string, documentId: string) => `/content-manager/collection-types/${uid}/${documentId}`;

const stored = (id: number) => app.strapi.db.query(COMPLAINT as UID.ContentType).findOne({ where: { id } }) as Promise<any>;

/** The field's changes in the case's journal after its registration, in the order they were written. */
async function changesOf(complaintId: number, field: string): Promise<{ from: unknown; to: unknown }[]> {
  const events = await app.strapi.db
    .query(EVENT as UID.ContentType)
    .findMany({ where: { complaint: { id: complaintId }, kind: { $ne: 'created' } }, orderBy: [{ id: 'asc' }] });
  return events.filter((e: any) => e.changes?.[field]).map((e: any) => e.changes[field]);
}

/** Each change starts from the value the previous one left: the first from `initial`, the last ending at `final`. */
function expectChain(changes: { from: unknown; to: unknown }[], initial: unknown, final: unknown) {
  let value = initial;
  for (const change of changes) {
    expect(change.from).toEqual(value);
    value = change.to;
  }
  expect(value).toEqual(final);
}

describe.each([
  ['the edit view (whole document)', true],
  ['one field', false],
])('%s: N concurrent saves of one case', (_name, wholeDocument) => {
  const body = async (c: any, eventDate: string) => {
    if (!wholeDocument) return { eventDate };
    // The content manager sends every field of the form, as it was loaded, with the one edit.
    const loaded = (await app.admin('GET', cm(COMPLAINT, c.documentId))).body.data;
    const { id: _id, documentId: _documentId, createdAt: _c, updatedAt: _u, createdBy: _cb, updatedBy: _ub, ...form } = loaded;
    for (const [field, value] of Object.entries(form)) if (value && typeof value === 'object') delete form[field];
    return { ...form, eventDate };
  };

  test('without a version: every save is accepted and journaled, and the journal chains', async () => {
    const c = await build.complaint();
    const dates = Array.from({ length: N }, (_, i) => daysAgo(40 + i));
    const bodies = await Promise.all(dates.map((date) => body(c, date)));
    const responses = await Promise.all(bodies.map((data) => app.admin('PUT', cm(COMPLAINT, c.documentId), data)));
    expect(responses.map((r) => r.status)).toEqual(dates.map(() => 200));

    const changes = await changesOf(c.id, 'eventDate');
    // Each save set a value no other set, so each accepted save is one change.
    expect(changes).toHaveLength(N);
    expect(changes.map((change) => change.to).sort()).toEqual([...dates].sort());
    expectChain(changes, daysAgo(30), (await stored(c.id)).eventDate);
  });

  test('with the version they were based on: one is accepted, the others get 409 and change nothing', async () => {
    const c = await build.complaint();
    const version = (await app.admin('GET', cm(COMPLAINT, c.documentId))).body.data.updatedAt;
    const dates = Array.from({ length: N }, (_, i) => daysAgo(60 + i));
    const bodies = await Promise.all(dates.map((date) => body(c, date)));
    const responses = await Promise.all(bodies.map((data) => app.admin('PUT', cm(COMPLAINT, c.documentId), { ...data, updatedAt: version })));

    const accepted = responses.flatMap((r, i) => (r.status === 200 ? [dates[i]] : []));
    expect(accepted).toHaveLength(1);
    for (const refused of responses.filter((r) => r.status !== 200)) {
      expect(refused.status).toBe(409);
      expect(refused.body.error.name).toBe('ConflictError');
      expect(refused.body.error.message).toMatch(
        /^Sagen er ændret af Test Admin den \d+\. \w+ \d{4} kl\. \d\d\.\d\d, efter at du hentede den\. Dine ændringer er ikke gemt\./,
      );
    }
    const row = await stored(c.id);
    expect(row.eventDate).toBe(accepted[0]);
    expect(await changesOf(c.id, 'eventDate')).toEqual([{ from: daysAgo(30), to: accepted[0] }]);
  });
});

describe('one save at a time', () => {
  test('a stale version gets 409 naming who changed the case and when; the current version is accepted', async () => {
    const c = await build.complaint();
    const v0 = (await app.admin('GET', cm(COMPLAINT, c.documentId))).body.data.updatedAt;
    // Someone else changes the case first: a script, journaled as the system.
    await docs(COMPLAINT).update({ documentId: c.documentId, data: { channel: 'letter' } } as never);
    const before = await stored(c.id);

    const stale = await app.admin('PUT', cm(COMPLAINT, c.documentId), { channel: 'phone', updatedAt: v0 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/^Sagen er ændret af Systemet den /);
    expect(stale.body.error.details).toMatchObject({ documentId: c.documentId, basedOn: v0, changedBy: 'Systemet' });
    expect(new Date(stale.body.error.details.updatedAt).getTime()).toBe(new Date(before.updatedAt).getTime());
    expect(await stored(c.id)).toEqual(before);

    const current = await app.admin('PUT', cm(COMPLAINT, c.documentId), { channel: 'phone', updatedAt: stale.body.error.details.updatedAt });
    expect(current.status).toBe(200);
    expect(await changesOf(c.id, 'channel')).toEqual([
      { from: 'web', to: 'letter' },
      { from: 'letter', to: 'phone' },
    ]);
  });

  test('a version that cannot be read is a Danish 400', async () => {
    const c = await build.complaint();
    const response = await app.admin('PUT', cm(COMPLAINT, c.documentId), { channel: 'phone', updatedAt: 'i går' });
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors[0]).toMatchObject({ path: ['updatedAt'], message: expect.stringMatching(/kan ikke læses/) });
  });

  test('a write of another document in the same request is not held to the case version', async () => {
    // Answering the request moves the case's status (a nested write of the complaint): only the request's version applies.
    const c = await build.complaint({ caseStatus: 'undersoegelse' });
    const request = await build.statementRequest(c, { questions: 'Hvorfor?' });
    const version = (await app.admin('GET', cm(REQUEST, request.documentId))).body.data.updatedAt;
    const answered = await app.admin('PUT', cm(REQUEST, request.documentId), { requestStatus: 'annulleret', updatedAt: version });
    expect(answered.status).toBe(200);
    const again = await app.admin('PUT', cm(REQUEST, request.documentId), { questions: 'Hvorfor ikke?', updatedAt: version });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/^Anmodningen om redegørelse er ændret af Test Admin/);
  });
});

describe('the case page and the privacy actions carry the case version', () => {
  const versionOf = async (c: any) => (await app.admin('GET', cm(COMPLAINT, c.documentId))).body.data.updatedAt as string;

  test('a next step taken on a stale case is refused and writes nothing', async () => {
    const c = await build.complaint({ caseStatus: 'undersoegelse' });
    const v0 = await versionOf(c);
    await docs(COMPLAINT).update({ documentId: c.documentId, data: { channel: 'letter' } } as never);
    const step = (updatedAt: string) =>
      app.admin('POST', `/workspace/cases/${c.documentId}/steps/registerMeeting`, {
        data: { heldAt: new Date().toISOString(), role: 'bisidder', updatedAt },
      });
    const stale = await step(v0);
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/^Sagen er ændret af Systemet den /);
    expect(await app.strapi.db.query('api::meeting.meeting' as UID.ContentType).count({ where: { complaint: { id: c.id } } })).toBe(0);
    expect((await step(await versionOf(c))).status).toBe(200);
    expect(await app.strapi.db.query('api::meeting.meeting' as UID.ContentType).count({ where: { complaint: { id: c.id } } })).toBe(1);
  });

  test('postponements at once chain in the journal; one based on a stale version is refused', async () => {
    const c = await build.complaint({ caseStatus: 'loest_ved_dialog' });
    await app.strapi.db.query(COMPLAINT as UID.ContentType).update({ where: { id: c.id }, data: { closedAt: new Date(Date.now() - 6 * 366 * DAY) } });
    const v0 = await versionOf(c);
    const days = Array.from({ length: N }, (_, i) => new Date(Date.now() + (30 + i) * DAY).toISOString().slice(0, 10));
    const postpone = (until: string, updatedAt?: string) =>
      app.admin('POST', `/privacy/retention/${c.documentId}/postpone`, { until, reason: 'Verserende sag ved Ankestyrelsen', updatedAt });
    const responses = await Promise.all(days.map((until) => postpone(until)));
    expect(responses.map((r) => r.status)).toEqual(days.map(() => 200));
    const row = await stored(c.id);
    expectChain(await changesOf(c.id, 'retentionHoldUntil'), null, String(row.retentionHoldUntil).slice(0, 10));

    const stale = await postpone(days[0], v0);
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/^Sagen er ændret af Test Admin den /);
    // A postponement is a new version: an edit based on the case before it is refused, not saved over it.
    expect((await app.admin('PUT', cm(COMPLAINT, c.documentId), { retentionHoldUntil: null, updatedAt: v0 })).status).toBe(409);
    expect(await stored(c.id)).toEqual(row);

    const anonymise = (updatedAt: string) => app.admin('POST', `/privacy/anonymise/${c.documentId}`, { reason: 'Borgeren har bedt om sletning.', updatedAt });
    expect((await anonymise(v0)).status).toBe(409);
    expect((await stored(c.id)).anonymisedAt).toBeNull();
    expect((await anonymise(await versionOf(c))).status).toBe(200);
    expect((await stored(c.id)).anonymisedAt).not.toBeNull();
  });
});

test("the center's statement arriving while the advisor saves the request: the answer is never saved over, never a deadlock", async () => {
  const worker = async (path: string) =>
    (await (await fetch(`${app.url}/api/outbox${path}`, { method: 'POST', headers: { authorization: `Bearer ${workerToken}` } })).json()) as any;
  const prepared = async () => {
    const c = await build.complaint({ caseStatus: 'undersoegelse' });
    const request = (await app.admin('POST', `/content-manager/collection-types/${REQUEST}`, { complaint: c.documentId, questions: 'Hvorfor?' })).body.data;
    const [mail] = await app.strapi.db
      .query(NOTIFICATION as UID.ContentType)
      .findMany({ where: { statementRequest: { id: request.id }, kind: 'statement_request' } });
    const token = (await worker(`/notifications/${mail.documentId}/claim`)).data.message.link.split('/').pop();
    const version = (await app.admin('GET', cm(REQUEST, request.documentId))).body.data.updatedAt;
    return { request, token, version };
  };
  const rounds = [];
  for (let i = 0; i < N; i++) rounds.push(await prepared());

  // The advisor's form still shows the request unanswered; the center answers at the same moment, N cases at once.
  const outcomes = await Promise.all(
    rounds.map(({ request, token, version }) =>
      Promise.all([
        app.admin('PUT', cm(REQUEST, request.documentId), { questions: 'Hvorfor ikke?', requestStatus: 'sendt', responseText: null, updatedAt: version }),
        fetch(`${app.url}/api/public/statements/${token}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ data: { text: 'Sådan gik det til.', respondentName: 'Lene Leder', respondentTitle: 'Afdelingsleder' } }),
        }),
      ]),
    ),
  );
  for (const [i, [save, answer]] of outcomes.entries()) {
    const { request } = rounds[i];
    expect([save.status, answer.status]).toEqual([expect.any(Number), 200]);
    const row: any = await app.strapi.db.query(REQUEST as UID.ContentType).findOne({ where: { id: request.id } });
    expect(row).toMatchObject({ requestStatus: 'besvaret', responseText: 'Sådan gik det til.' });
    if (save.status === 200) expect(row.questions).toBe('Hvorfor ikke?');
    else {
      expect(save.status).toBe(409);
      expect(save.body.error.message).toMatch(/^Anmodningen om redegørelse er ændret af Center for Samtidighed den /);
      expect(row.questions).toBe('Hvorfor?');
    }
    const events = await app.strapi.db.query(EVENT as UID.ContentType).findMany({ where: { subjectDocumentId: request.documentId }, orderBy: [{ id: 'asc' }] });
    expectChain(
      events.filter((e: any) => e.changes?.requestStatus).map((e: any) => e.changes.requestStatus),
      null,
      'besvaret',
    );
  }
});

// SQLite: another process (a script, an import) holding the database's write lock while a save
// starts. The save waits for it and then reads what it committed: its transaction takes the write
// lock before it reads (a deferred one would read a snapshot and then fail with SQLITE_BUSY).
(process.env.DATABASE_CLIENT === 'postgres' ? test.skip : test)(
  'SQLite: a save waits for another process writing the case, and starts from its value',
  async () => {
    const c = await build.complaint({ channel: 'web' });
    const script = `
    const db = new (require('better-sqlite3'))(process.argv[1]);
    db.exec('BEGIN IMMEDIATE');
    db.prepare('UPDATE complaints SET channel = ? WHERE id = ?').run('letter', Number(process.argv[2]));
    console.log('locked');
    setTimeout(() => { db.exec('COMMIT'); db.close(); }, 1500);`;
    const other = spawn(process.execPath, ['-e', script, process.env.DATABASE_FILENAME!, String(c.id)], { cwd: `${__dirname}/../../cms` });
    await new Promise<void>((resolve, reject) => {
      other.stdout.on('data', (chunk) => String(chunk).includes('locked') && resolve());
      other.on('error', reject);
      other.on('exit', (code) => reject(new Error(`the other process exited with ${code}`)));
    });
    const saved = await app.admin('PUT', cm(COMPLAINT, c.documentId), { channel: 'phone' });
    expect(saved.status).toBe(200);
    expect(await changesOf(c.id, 'channel')).toEqual([{ from: 'letter', to: 'phone' }]);
    expect((await stored(c.id)).channel).toBe('phone');
  },
);

// A case's writes lock the case before the document of it they change, in every path: anonymising
// (the case, then its requests) and a save of one of its requests (the journal's event refers to
// the case) at the same moment wait for each other instead of deadlocking.
test('anonymising a case while its statement request is saved: both answer, neither is a deadlock', async () => {
  const rounds = await Promise.all(
    Array.from({ length: N }, async (_, i) => {
      const c = await build.complaint({ caseStatus: 'undersoegelse', citizenName: `Borger ${i}` });
      const request = (await app.admin('POST', `/content-manager/collection-types/${REQUEST}`, { complaint: c.documentId, questions: 'Hvorfor?' })).body.data;
      await app.strapi.db.query(COMPLAINT as UID.ContentType).update({ where: { id: c.id }, data: { caseStatus: 'loest_ved_dialog', closedAt: new Date() } });
      const version = (await app.admin('GET', cm(COMPLAINT, c.documentId))).body.data.updatedAt;
      const [anonymised, saved] = await Promise.all([
        app.admin('POST', `/privacy/anonymise/${c.documentId}`, { reason: 'Borgeren har bedt om sletning.', updatedAt: version }),
        app.admin('PUT', cm(REQUEST, request.documentId), { questions: `Hvorfor ikke, ${i}?` }),
      ]);
      return { anonymised: [anonymised.status, anonymised.body?.error?.message], saved: [saved.status, saved.body?.error?.message] };
    }),
  );
  // A deadlock is a 500 on one side; a refusal names its reason (shown when this fails).
  expect(rounds.filter(({ anonymised, saved }) => ![200, 409].includes(anonymised[0]) || ![200, 400, 409].includes(saved[0]))).toEqual([]);
});

// PostgreSQL, the order made certain: the case is held by another transaction while the advisor's
// save queues for it, then the center's answer arrives. Released, the save holds the case and needs
// the request; the answer must not already hold the request while it waits for the case (it takes
// the case first, as every write of a case's document does).
(process.env.DATABASE_CLIENT === 'postgres' ? test : test.skip)(
  'PostgreSQL: a save queued for the case, then the center answers: both answer, no deadlock',
  async () => {
    const c = await build.complaint({ caseStatus: 'undersoegelse' });
    const request = (await app.admin('POST', `/content-manager/collection-types/${REQUEST}`, { complaint: c.documentId, questions: 'Hvorfor?' })).body.data;
    const [mail] = await app.strapi.db
      .query(NOTIFICATION as UID.ContentType)
      .findMany({ where: { statementRequest: { id: request.id }, kind: 'statement_request' } });
    const claimed: any = await (
      await fetch(`${app.url}/api/outbox/notifications/${mail.documentId}/claim`, { method: 'POST', headers: { authorization: `Bearer ${workerToken}` } })
    ).json();
    const token = claimed.data.message.link.split('/').pop();
    const knex = app.strapi.db.connection;
    /** Waits until `n` sessions wait for a lock. */
    const waiting = async (n: number) => {
      for (let i = 0; i < 200; i++) {
        const { rows } = await knex.raw("select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()");
        if (rows[0].n >= n) return;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error(`fewer than ${n} sessions waited for a lock`);
    };
    const holder = await knex.transaction();
    await holder('complaints').where({ id: c.id }).forUpdate().select('id');
    const save = app.admin('PUT', cm(REQUEST, request.documentId), { questions: 'Hvorfor ikke?' });
    await waiting(1);
    const answer = fetch(`${app.url}/api/public/statements/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data: { text: 'Sådan gik det til.', respondentName: 'Lene Leder', respondentTitle: 'Afdelingsleder' } }),
    });
    await waiting(2);
    await holder.commit();
    const [saved, answered] = await Promise.all([save, answer]);
    expect([saved.status, saved.body?.error?.message ?? null, answered.status]).toEqual([200, null, 200]);
    const row: any = await app.strapi.db.query(REQUEST as UID.ContentType).findOne({ where: { id: request.id } });
    expect(row).toMatchObject({ questions: 'Hvorfor ikke?', requestStatus: 'besvaret', responseText: 'Sådan gik det til.' });
  },
);
