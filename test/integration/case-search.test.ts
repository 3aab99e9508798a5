/**
 * Finding cases on the real Strapi app (SQLite, and PostgreSQL with DATABASE_CLIENT=postgres):
 * Danish stemming over every text of a case, ranking, snippets, filters; the assistant's search
 * never matches or shows the citizen's identity or the case file's documents; an anonymised
 * case's text leaves the index in the anonymisation's transaction; "Lignende sager"; the
 * catch-up of cases without an index row after the boot; a frequent word's ranked matches.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { UID } from '@strapi/strapi';
import { startStrapi, TestStrapi } from '../helpers/strapi';
import { loginAs, type AdminClient } from '../helpers/admin-users';
import { storeCitizenMessage } from '../../cms/src/documents/case-file';
import { anonymiseCase } from '../../cms/src/privacy/anonymise';
import { Client } from 'pg';
import { CATCH_UP_LOCK, searchRoutes, startCatchUp } from '../../cms/src/search';
import { RANKED_CANDIDATES } from '../../cms/src/search/query';
import { clusterLockKey, withClusterLock } from '../../cms/src/cluster/locks';
import { ReportFixtures } from '../../bench/report-fixtures';

const COMPLAINT = 'api::complaint.complaint';
const REQUEST = 'api::statement-request.statement-request';
const OPINION = 'api::opinion.opinion';
const RECOMMENDATION = 'api::recommendation.recommendation';
const MEETING = 'api::meeting.meeting';

let app: TestStrapi;
let advisor: AdminClient;
let assistant: AdminClient;
const docs = (uid: string) => app.strapi.documents(uid as UID.ContentType);
const create = (uid: string, data: Record<string, unknown>) => docs(uid).create({ data } as never) as Promise<any>;
const cases: Record<string, any> = {};
let jobcenter: any;
let borgerservice: any;

/** The case numbers a search finds, in rank order. */
async function found(client: AdminClient, query: string) {
  const response = await client.request('GET', `/search/cases?${query}`);
  expect(response.status).toBe(200);
  expect(response.body.meta.total).toBe(response.body.data.length);
  return response.body.data.map((hit: any) => hit.caseNumber);
}

beforeAll(async () => {
  app = await startStrapi({ DOCUMENT_STORAGE_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'search-documents-')) });
  advisor = await loginAs(app, 'Borgerrådgiver', 'Birgit');
  assistant = await loginAs(app, 'Administrativ medarbejder', 'Anders');
  jobcenter = await create('api::center.center', { name: 'Jobcenter', email: 'job@example.org', chiefEmail: 'jobchef@example.org' });
  borgerservice = await create('api::center.center', { name: 'Borgerservice', email: 'bs@example.org', chiefEmail: 'bschef@example.org' });
  const complaint = (data: Record<string, unknown>) =>
    create(COMPLAINT, { eventDate: '2025-12-01', center: jobcenter.documentId, centerHadOpportunity: true, channel: 'web', ...data });

  // Through the Document Service, as the admin writes them.
  cases.afslag = await complaint({ title: 'Klage over sagsbehandling', description: 'Jeg fik afslaget uden begrundelse.', receivedAt: '2026-01-05T09:00:00Z' });
  cases.ventetid = await complaint({
    title: 'Lang ventetid',
    description: 'Afslagene kommer altid for sent, og ventetiden er lang.',
    receivedAt: '2026-02-05T09:00:00Z',
    complaintThemes: ['sagsbehandlingstid'],
  });
  cases.fortrolig = await complaint({
    title: 'Henvendelse om hjælpemidler',
    description: 'Borgeren ønsker en ny kørestol.',
    identity: 'confidential',
    citizenName: 'Gertrud Skovgaard',
    citizenEmail: 'gertrud@example.org',
    receivedAt: '2026-03-05T09:00:00Z',
    center: borgerservice.documentId,
    channel: 'phone',
  });
  cases.redegoerelse = await complaint({ title: 'Manglende svar', description: 'Ingen har svaret.', receivedAt: '2026-03-10T09:00:00Z' });

  // The texts around the cases, each in its own content type.
  const request = await create(REQUEST, { complaint: cases.redegoerelse.documentId, center: jobcenter.documentId, questions: 'Hvorfor blev der ikke svaret?' });
  await app.strapi.db
    .query(REQUEST)
    .update({ where: { documentId: request.documentId }, data: { responseText: 'Centret beklager forsinkelsen i postfordelingen.' } });
  const opinion = await app.strapi.db.query(OPINION).create({
    data: { kind: 'case', complaint: cases.afslag.id, outcome: 'kritik', reasoning: 'Begrundelsespligten i forvaltningsloven blev tilsidesat.' },
  });
  await app.strapi.db.query(RECOMMENDATION).create({ data: { opinion: opinion.id, text: 'Centret bør genoptage sagen om boligstøtte.' } });
  await app.strapi.db.query(MEETING).create({ data: { complaint: cases.ventetid.id, role: 'bisidder', notes: 'Mødet handlede om kontanthjælp.' } });
  await storeCitizenMessage(app.strapi, cases.fortrolig, 'Min nabo Rasmussen kender også til kørestolen.');
});
afterAll(async () => {
  await app?.stop();
});

test('the routes are admin routes', () => {
  expect(searchRoutes.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /cases', 'GET /cases/:documentId/similar']);
});

test('an inflected Danish word finds every form, in every text of the case, best match first', async () => {
  // "afslag" finds "afslaget" (description) and "afslagene"; the case that says it more ranks first.
  expect((await found(advisor, 'q=afslag')).sort()).toEqual([cases.afslag.caseNumber, cases.ventetid.caseNumber].sort());
  expect(await found(advisor, 'q=afslagene')).toHaveLength(2);
  // A statement's answer, an opinion's reasoning, a recommendation, a meeting's notes.
  expect(await found(advisor, 'q=postfordeling')).toEqual([cases.redegoerelse.caseNumber]);
  expect(await found(advisor, 'q=forvaltningslov')).toEqual([cases.afslag.caseNumber]);
  expect(await found(advisor, 'q=boligst%C3%B8tten')).toEqual([cases.afslag.caseNumber]);
  expect(await found(advisor, 'q=kontanthj%C3%A6lpen')).toEqual([cases.ventetid.caseNumber]);
  // All words must be there.
  expect(await found(advisor, 'q=afslag%20kontanthj%C3%A6lp')).toEqual([cases.ventetid.caseNumber]);
  expect(await found(advisor, 'q=ingenting%20skrevet')).toEqual([]);
  // Ranking: two hits beat one.
  await app.strapi.db.query(COMPLAINT).update({ where: { id: cases.afslag.id }, data: { internalNotes: 'Afslag efter afslag, og endnu et afslag.' } });
  expect(await found(advisor, 'q=afslag')).toEqual([cases.afslag.caseNumber, cases.ventetid.caseNumber]);
});

test('snippets mark the hits and escape the text', async () => {
  await app.strapi.db.query(COMPLAINT).update({ where: { id: cases.ventetid.id }, data: { dialogOutcome: 'Aftalt <b>svar</b> & ny frist for afslaget.' } });
  const { body } = await advisor.request('GET', '/search/cases?q=frist');
  expect(body.data).toHaveLength(1);
  expect(body.data[0]).toMatchObject({ documentId: cases.ventetid.documentId, caseNumber: cases.ventetid.caseNumber, centerName: 'Jobcenter' });
  expect(body.data[0].snippet).toBe('Resultat af dialogen: Aftalt &lt;b&gt;svar&lt;/b&gt; &amp; ny <mark>frist</mark> for afslaget.');
});

test('filters: center, status, theme, channel and period', async () => {
  expect(await found(advisor, `q=k%C3%B8restol&center=${borgerservice.documentId}`)).toEqual([cases.fortrolig.caseNumber]);
  expect(await found(advisor, `q=k%C3%B8restol&center=${jobcenter.documentId}`)).toEqual([]);
  expect(await found(advisor, 'q=afslag&theme=sagsbehandlingstid')).toEqual([cases.ventetid.caseNumber]);
  expect(await found(advisor, 'q=afslag&from=2026-02-01&to=2026-02-28')).toEqual([cases.ventetid.caseNumber]);
  expect(await found(advisor, 'channel=phone')).toEqual([cases.fortrolig.caseNumber]);
  expect((await found(advisor, 'status=modtaget&to=2026-01-31')).length).toBe(1);
  for (const bad of ['status=ukendt', 'from=2026-13-01', 'from=2026-02-01&to=2026-01-01', 'pageSize=1000', 'theme=nej', 'center=%27x']) {
    const response = await advisor.request('GET', `/search/cases?${bad}`);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/[æøå]|skal|findes/);
  }
});

test("the assistant's search never matches or shows what she may not read", async () => {
  // The advisor finds the confidential citizen by name and e-mail, and the citizen's message in the case file.
  expect(await found(advisor, 'q=Gertrud%20Skovgaard')).toEqual([cases.fortrolig.caseNumber]);
  expect(await found(advisor, 'q=gertrud%40example.org')).toEqual([cases.fortrolig.caseNumber]);
  expect(await found(advisor, 'q=Rasmussen')).toEqual([cases.fortrolig.caseNumber]);
  // For the assistant they are words nobody wrote: the same answer as nonsense.
  const nonsense = await assistant.request('GET', '/search/cases?q=xyzzyqwerty');
  for (const q of ['Gertrud%20Skovgaard', 'Skovgaard', 'gertrud%40example.org', 'Rasmussen']) {
    const response = await assistant.request('GET', `/search/cases?q=${q}`);
    expect(response).toEqual(nonsense);
  }
  // Mixed with a word she may read, the hidden word still matches nothing.
  expect(await found(assistant, 'q=k%C3%B8restol%20Skovgaard')).toEqual([]);
  // What she may read she finds, and its snippet quotes only that.
  const { body } = await assistant.request('GET', '/search/cases?q=k%C3%B8restol');
  expect(body.data.map((hit: any) => hit.caseNumber)).toEqual([cases.fortrolig.caseNumber]);
  expect(body.data[0].snippet).toContain('<mark>kørestol</mark>');
  expect(JSON.stringify(body)).not.toMatch(/Gertrud|Skovgaard|Rasmussen|gertrud@/);
  // The advisor's snippet for the message quotes it.
  const advisorHit = (await advisor.request('GET', '/search/cases?q=Rasmussen')).body.data[0];
  expect(advisorHit.snippet).toContain('<mark>Rasmussen</mark>');
});

test("anonymisation removes the case's text from the index in its own transaction", async () => {
  const knex = app.strapi.db.connection;
  // A failed anonymisation (rolled back) leaves the index as it was.
  await expect(
    app.strapi.db.transaction(async () => {
      await anonymiseCase(app.strapi, cases.fortrolig.id, { reason: 'Test', actor: { type: 'system', name: 'Test' } });
      throw new Error('rolled back');
    }),
  ).rejects.toThrow('rolled back');
  expect(await found(advisor, 'q=Gertrud')).toEqual([cases.fortrolig.caseNumber]);

  expect(await anonymiseCase(app.strapi, cases.fortrolig.id, { reason: 'Test', actor: { type: 'system', name: 'Test' } })).toBe(true);
  for (const q of ['Gertrud', 'gertrud%40example.org', 'Rasmussen', 'k%C3%B8restol', 'hj%C3%A6lpemidler']) expect(await found(advisor, `q=${q}`)).toEqual([]);
  const row = await knex('case_search').where({ complaint_id: cases.fortrolig.id }).first();
  expect(JSON.stringify(row)).not.toMatch(/Gertrud|Skovgaard|Rasmussen|kørestol/i);
  // The case is still there, by its number.
  expect(await found(advisor, `q=${cases.fortrolig.caseNumber}`)).toEqual([cases.fortrolig.caseNumber]);
});

test('two writes to one case at once: the index has both texts', async () => {
  const first = await create(REQUEST, { complaint: cases.ventetid.documentId, center: jobcenter.documentId, questions: 'Første spørgsmål?' });
  const second = await create(REQUEST, { complaint: cases.ventetid.documentId, center: jobcenter.documentId, questions: 'Andet spørgsmål?' });
  const answer = (documentId: string, text: string) =>
    app.strapi.db.transaction(async () => {
      await app.strapi.db.query(REQUEST).update({ where: { documentId }, data: { responseText: text } });
      // Both transactions are open at once (on PostgreSQL; SQLite has one writer at a time).
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
  await Promise.all([answer(first.documentId, 'Centret henviser til fjernvarmen.'), answer(second.documentId, 'Centret henviser til snerydningen.')]);
  expect(await found(advisor, 'q=fjernvarme')).toEqual([cases.ventetid.caseNumber]);
  expect(await found(advisor, 'q=snerydning')).toEqual([cases.ventetid.caseNumber]);
});

test('a deleted text leaves the index with it', async () => {
  const meeting = await app.strapi.db.query(MEETING).findOne({ where: { complaint: { id: cases.ventetid.id } } });
  await app.strapi.db.query(MEETING).delete({ where: { id: meeting.id } });
  expect(await found(advisor, 'q=kontanthj%C3%A6lp')).toEqual([]);
});

test('"Lignende sager": earlier cases of the same center or theme with similar text', async () => {
  const later = await create(COMPLAINT, {
    eventDate: '2025-12-01',
    center: jobcenter.documentId,
    centerHadOpportunity: true,
    title: 'Afslag igen',
    description: 'Afslaget på boligstøtte kom uden begrundelse.',
    receivedAt: '2026-04-01T09:00:00Z',
  });
  const other = await create(COMPLAINT, {
    eventDate: '2025-12-01',
    center: borgerservice.documentId,
    centerHadOpportunity: true,
    description: 'Afslaget på boligstøtte kom uden begrundelse.',
    receivedAt: '2026-04-02T09:00:00Z',
  });
  const similar = (await advisor.request('GET', `/search/cases/${later.documentId}/similar`)).body.data;
  // The case with the same words in the same center ranks first; the other center's case is not related, the later ones are not earlier.
  expect(similar[0].caseNumber).toBe(cases.afslag.caseNumber);
  expect(similar.map((hit: any) => hit.caseNumber)).not.toContain(other.caseNumber);
  expect(similar.map((hit: any) => hit.caseNumber)).not.toContain(later.caseNumber);
  const assistantSimilar = await assistant.request('GET', `/search/cases/${later.documentId}/similar`);
  expect(assistantSimilar.body.data.map((hit: any) => hit.caseNumber)).toEqual(similar.map((hit: any) => hit.caseNumber));
  expect((await advisor.request('GET', '/search/cases/nosuchcase/similar')).status).toBe(404);
});

/** Holds the catch-up's lock as another instance would: a session of its own on PostgreSQL. */
async function holdCatchUpLock(): Promise<() => Promise<void>> {
  if (process.env.DATABASE_CLIENT !== 'postgres') {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    await new Promise<void>((held) => void withClusterLock(app.strapi, CATCH_UP_LOCK, () => (held(), gate)));
    return async () => release();
  }
  const other = new Client({ host: '127.0.0.1', user: process.env.DATABASE_USERNAME || 'postgres', database: process.env.DATABASE_NAME });
  await other.connect();
  await other.query('SELECT pg_advisory_lock($1, $2)', clusterLockKey(CATCH_UP_LOCK));
  return () => other.end();
}

test('cases without an index row are indexed after the boot, by one instance at a time, while search answers', async () => {
  const knex = app.strapi.db.connection;
  const postgres = process.env.DATABASE_CLIENT === 'postgres';
  // Cases loaded around the app (an upgrade, the old register): no index rows.
  const ids = await new ReportFixtures(knex).complaints(
    Array.from({ length: RANKED_CANDIDATES + 20 }, (_, i) => ({
      center: jobcenter.id,
      receivedAt: new Date(Date.UTC(2025, 0, 1, 0, i)),
      description: `Indlæst sag nummer ${i} om fjernvarmeregningen.`,
    })),
  );
  const unindexed = async () => {
    await knex('case_search').whereIn('complaint_id', ids).delete();
    if (!postgres) await knex('case_search_fts').whereIn('rowid', ids).delete();
  };
  await unindexed();
  expect(await found(advisor, 'q=fjernvarmeregning')).toEqual([]);

  // Another instance is catching up: this one does not wait for it, and search answers meanwhile.
  const release = await holdCatchUpLock();
  const catchUp = startCatchUp(app.strapi, { batchSize: 100, retryMs: 50 });
  let finished = false;
  void catchUp.done.then(() => (finished = true));
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(finished).toBe(false);
  expect(await found(advisor, 'q=fjernvarmeregning')).toEqual([]);
  expect(await found(advisor, 'q=postfordeling')).toEqual([cases.redegoerelse.caseNumber]);
  // That instance stops before it is done: this one takes over.
  await release();
  expect(await catchUp.done).toBe(ids.length);

  // A word in more cases than are ranked: the latest registered are ranked and paged, the total estimated on PostgreSQL.
  const first = (await advisor.request('GET', '/search/cases?q=fjernvarmeregning&pageSize=100')).body;
  expect(first.data).toHaveLength(100);
  expect(first.data[0].snippet).toContain('<mark>fjernvarmeregningen</mark>');
  expect(first.meta).toMatchObject({ ranked: RANKED_CANDIDATES + 1, estimated: postgres });
  if (postgres) expect(first.meta.total).toBeGreaterThan(RANKED_CANDIDATES);
  else expect(first.meta.total).toBe(ids.length);
  const last = (await advisor.request('GET', `/search/cases?q=fjernvarmeregning&pageSize=100&page=${Math.ceil((RANKED_CANDIDATES + 1) / 100)}`)).body;
  expect(last.data).toHaveLength((RANKED_CANDIDATES + 1) % 100);
  const after = (await advisor.request('GET', `/search/cases?q=fjernvarmeregning&pageSize=100&page=${Math.ceil((RANKED_CANDIDATES + 1) / 100) + 1}`)).body;
  expect(after).toMatchObject({ data: [], meta: { total: first.meta.total, ranked: RANKED_CANDIDATES + 1 } });

  // Two instances starting at once: each case is indexed once, and both finish.
  await unindexed();
  const both = await Promise.all([startCatchUp(app.strapi, { retryMs: 50 }).done, startCatchUp(app.strapi, { retryMs: 50 }).done]);
  expect(both[0] + both[1]).toBe(ids.length);
  expect(Number((await knex('case_search').whereIn('complaint_id', ids).count({ n: '*' }))[0].n)).toBe(ids.length);
});

test('without an admin token, no search', async () => {
  expect((await fetch(`${app.url}/search/cases?q=afslag`)).status).toBe(401);
});
