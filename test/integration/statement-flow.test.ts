/**
 * Statement requests end to end, against the real Strapi (cms/dist), real Redis and a real SMTP
 * server: the outbox rows written with the request, delivery by two competing workers, the
 * emailed links, the public statement API (GET/POST, 404/409/410/400), re-issue, rescheduling,
 * and the confidential citizen who must not appear anywhere a center can see.
 * Policy durations are shortened to seconds through the environment.
 */
import crypto from 'crypto';
import type { UID } from '@strapi/strapi';
import { startStrapi, TestStrapi } from '../helpers/strapi';
import { builders, Builders, Overrides } from '../helpers/builders';
import { startSmtp, TestSmtp, ReceivedMail } from '../helpers/smtp';
import { deletePrefix, uniquePrefix } from '../helpers/redis';
import { startWorkers, Workers } from '../../workers/src/app';
import { CmsClient } from '../../workers/src/cms-client';
import { loadWorkerSettings } from '../../workers/src/settings';

const prefix = uniquePrefix('statement-flow');
const workerToken = crypto.randomBytes(24).toString('base64url');
const ADVISOR = 'borgerraadgiveren@lejre.dk';
const REQUEST = 'api::statement-request.statement-request';
const NOTIFICATION = 'api::notification.notification';

let app: TestStrapi;
let smtp: TestSmtp;
const workers: Workers[] = [];

beforeAll(async () => {
  smtp = await startSmtp();
  app = await startStrapi({
    STATEMENT_DEADLINE: 'PT8S',
    STATEMENT_REMINDER_BEFORE: 'PT4S',
    STATEMENT_ESCALATE_AFTER: 'PT3S',
    STATEMENT_LINK_VALID_AFTER_DUE: 'PT1H',
    OPINION_FEEDBACK_AFTER: 'PT3S',
    PUBLIC_STATEMENT_RATE_LIMIT: '1000',
    OUTBOX_QUEUE_PREFIX: prefix,
    OUTBOX_WORKER_TOKEN: workerToken,
    OUTBOX_RETRY_DELAY_MS: '200',
    OUTBOX_MAX_ATTEMPTS: '15',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    PUBLIC_SITE_URL: 'http://site.test',
    MAIL_FROM: ADVISOR,
  });
  // Two competing workers, each with its own Redis connections and CMS client.
  for (let i = 0; i < 2; i++) {
    workers.push(await startWorkers({ settings: loadWorkerSettings(), cms: new CmsClient(app.url, workerToken), schedule: false, concurrency: 4 }));
  }
});

afterAll(async () => {
  // The outbox modules this file imports directly (failures.ts) enqueue through their own connection.
  await (await import('../../cms/src/outbox/queue')).closeQueue();
  for (const w of workers) await w.close();
  await app?.stop();
  await smtp?.stop();
  await deletePrefix(prefix);
});

const docs = (uid: string) => app.strapi.documents(uid as UID.ContentType);
const connect = (documentId: string) => ({ connect: [{ documentId }], disconnect: [] });

const CONFIDENTIAL = {
  citizenName: 'Karen Fortrolighed',
  citizenEmail: 'karen.fortrolighed@example.org',
  citizenPhone: '23 45 67 89',
  citizenAddress: 'Hemmeligvej 7, 4320 Lejre',
};
const identityStrings = ['Karen', 'Fortrolighed', 'karen.fortrolighed', '23 45 67 89', '23456789', 'Hemmeligvej'];

let build: Builders;
beforeAll(async () => {
  build = builders(app);
  // The cases' center, whose leader and chief receive the e-mails below.
  await build.defaultCenter({ name: 'Center for Flowtest', email: 'leder.flow@example.org', chiefEmail: 'chef.flow@example.org' });
});

/** The cases of this file: under investigation, from a named citizen whose name and description the tests look for. */
const FLOW_CASE = {
  description: 'Ansøgningen blev ikke behandlet inden for fristen.',
  citizenName: 'Niels Navngiven',
  caseStatus: 'undersoegelse',
} satisfies Overrides<'api::complaint.complaint'>;

/** Creates a statement request the way the admin panel does. */
async function requestStatement(complaintId: string, extra: Record<string, unknown> = {}) {
  const response = await app.admin('POST', `/content-manager/collection-types/${REQUEST}`, {
    complaint: connect(complaintId),
    questions: 'Redegør for sagsforløbet og for, hvorfor fristen ikke blev overholdt.',
    ...extra,
  });
  expect([200, 201]).toContain(response.status);
  return response.body.data as { documentId: string; id: number };
}

async function rowsOf(requestId: number) {
  return (await app.strapi.db
    .query(NOTIFICATION as UID.ContentType)
    .findMany({ where: { statementRequest: { id: requestId } }, orderBy: { id: 'asc' } })) as any[];
}

/** Waits until `done` holds: polled, for an event the test cannot subscribe to. */
async function eventually(done: () => Promise<unknown>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const mailsFor = (caseNumber: string) => smtp.messages.filter((m) => m.subject.includes(caseNumber));
const tokenOf = (mail: ReceivedMail) => mail.link!.split('/').pop()!;
const getStatement = (token: string) =>
  fetch(`${app.url}/api/public/statements/${token}`).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));
const postStatement = (token: string, data: unknown) =>
  fetch(`${app.url}/api/public/statements/${token}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ data }) }).then(
    async (r) => ({ status: r.status, body: (await r.json()) as any }),
  );

test('a request plans its rows in one transaction, and two workers deliver request, reminder, overdue and (after it) escalation once each', async () => {
  const c = await build.complaint({
    ...FLOW_CASE,
    identity: 'confidential',
    specialCaseReason: 'Mistanke om gentagne fejl, der rammer en bredere kreds.',
    ...CONFIDENTIAL,
    description: 'Karen Fortrolighed (tlf. 23456789) klager over behandlingen af sin ansøgning.',
  });
  const created = await requestStatement(c.documentId, { caseSummary: 'En borger klager over, at en ansøgning ikke blev behandlet inden for fristen.' });
  const request: any = await app.strapi.db.query(REQUEST as UID.ContentType).findOne({ where: { documentId: created.documentId } });
  expect(request.dueAt).toBeTruthy();

  const planned = await rowsOf(request.id);
  // The escalation is planned only once the overdue notice has gone out.
  expect(planned.map((r) => r.kind).sort()).toEqual(['statement_overdue', 'statement_reminder', 'statement_request']);
  const dueVersion = new Date(request.dueAt).toISOString();
  for (const row of planned.filter((r) => r.kind !== 'statement_request')) expect(row.dueVersion).toBe(dueVersion);
  // Every row has a job under its documentId right after the commit.
  for (const row of planned) expect(await workers[0].outboxQueue.getJob(row.documentId)).toBeTruthy();

  await smtp.waitFor(() => mailsFor(c.caseNumber).length >= 4, 40_000);
  const own = mailsFor(c.caseNumber);
  expect(own.map((m) => m.to.join()).sort()).toEqual(['chef.flow@example.org', 'leder.flow@example.org', 'leder.flow@example.org', 'leder.flow@example.org']);
  expect(own.map((m) => m.subject).join('\n')).toMatch(/Anmodning om redegørelse[\s\S]*Påmindelse[\s\S]*overskredet[\s\S]*mangler/);

  // Sent once each, whichever of the two workers claimed it.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect(mailsFor(c.caseNumber)).toHaveLength(4);
  expect(new Set(own.map((m) => m.messageId)).size).toBe(4);
  const rows = await rowsOf(request.id);
  expect(rows.map((r) => [r.kind, r.deliveryStatus, r.attempts])).toEqual(
    expect.arrayContaining([...planned, { kind: 'statement_escalation' }].map((r) => [r.kind, 'sent', 1])),
  );
  for (const row of rows) expect(row.messageId).toBeTruthy();
  const overdue = rows.find((r) => r.kind === 'statement_overdue');
  const escalation = rows.find((r) => r.kind === 'statement_escalation');
  expect(escalation.recipient).toBe('chef.flow@example.org');
  // STATEMENT_ESCALATE_AFTER (PT3S) after the overdue notice really went out.
  expect(new Date(escalation.notBefore).getTime() - new Date(overdue.sentAt).getTime()).toBe(3000);
  expect(own.find((m) => m.to.includes('chef.flow@example.org'))!.decoded).toContain('Afdelingslederen fik');

  // Every email, reminders included, carries its own working link; nothing identifies the citizen.
  expect(new Set(own.map((m) => m.link)).size).toBe(4);
  for (const mail of own) {
    expect(mail.link).toMatch(/^http:\/\/site\.test\/redegoerelse\/[A-Za-z0-9_-]{43}$/);
    for (const secret of identityStrings) expect(mail.decoded).not.toContain(secret);
    const view = await getStatement(tokenOf(mail));
    expect(view.status).toBe(200);
    expect(view.body.data.caseNumber).toBe(c.caseNumber);
    const json = JSON.stringify(view.body);
    for (const secret of identityStrings) expect(json).not.toContain(secret);
    expect(view.body.data.complaint.complainantName).toBeNull();
    expect(view.body.data.complaint.description).toBe('En borger klager over, at en ansøgning ikke blev behandlet inden for fristen.');
  }
  // Only hashes are stored: the e-mail's page keeps what was sent (subject, text) without the personal link.
  for (const row of rows) for (const mail of own) expect(JSON.stringify(row)).not.toContain(tokenOf(mail));
  expect(rows.map((row) => row.subject).sort()).toEqual(own.map((mail) => mail.subject).sort());
  for (const row of rows) expect(row.sentText).toContain('[personligt link, gemmes ikke]');
});

test('GET twice (mail scanners), then POST: stored once, advisor notified, reminders cancelled, second POST 409', async () => {
  const c = await build.complaint(FLOW_CASE);
  const created = await requestStatement(c.documentId);
  const [mail] = await smtp.waitFor(() => mailsFor(c.caseNumber).length >= 1);
  const token = tokenOf(mailsFor(c.caseNumber)[0]);
  expect(mail).toBeTruthy();

  const first = await getStatement(token);
  const second = await getStatement(token);
  expect(first.status).toBe(200);
  expect(second.body).toEqual(first.body);
  expect(first.body.data).toMatchObject({
    state: 'afventer',
    canSubmit: true,
    caseNumber: c.caseNumber,
    center: { name: 'Center for Flowtest' },
    response: null,
  });
  expect(first.body.data.complaint.complainantName).toBe('Niels Navngiven');
  const stored: any = await app.strapi.db.query(REQUEST as UID.ContentType).findOne({ where: { documentId: created.documentId } });
  expect(stored.requestStatus).toBe('sendt');

  const bad = await postStatement(token, { text: '   ', respondentName: '' });
  expect(bad.status).toBe(400);
  expect(bad.body.error.details.errors.map((e: any) => e.path[0]).sort()).toEqual(['respondentName', 'text']);
  expect(bad.body.error.message).toMatch(/Skriv/);

  const posted = await postStatement(token, {
    text: 'Sagen blev forsinket af sygdom. Vi har nu ændret vores rutiner.',
    respondentName: 'Lise Leder',
    respondentTitle: 'Afdelingsleder',
  });
  expect(posted.status).toBe(200);
  expect(posted.body.data.state).toBe('besvaret');
  const answered: any = await app.strapi.db.query(REQUEST as UID.ContentType).findOne({ where: { documentId: created.documentId } });
  expect(answered).toMatchObject({ requestStatus: 'besvaret', respondentName: 'Lise Leder', respondentTitle: 'Afdelingsleder' });
  expect(answered.responseText).toContain('ændret vores rutiner');
  expect(answered.respondedAt).toBeTruthy();

  const again = await postStatement(token, { text: 'Igen', respondentName: 'Lise Leder' });
  expect(again.status).toBe(409);
  expect(again.body.error.message).toMatch(/allerede indsendt/);
  const afterwards = await getStatement(token);
  expect(afterwards.status).toBe(200);
  expect(afterwards.body.data).toMatchObject({ state: 'besvaret', canSubmit: false, response: { respondentName: 'Lise Leder' } });

  const receipt = await smtp.waitFor(() =>
    smtp.messages.some((m) => m.to.includes(ADVISOR) && m.subject.includes(`Redegørelse modtaget i sag ${c.caseNumber}`)),
  );
  expect(receipt.filter((m) => m.to.includes(ADVISOR) && m.subject.includes(c.caseNumber))).toHaveLength(1);
  // The advisor's e-mail opens the case, where the statement reads in full.
  expect(receipt.find((m) => m.to.includes(ADVISOR) && m.subject.includes(c.caseNumber))!.decoded).toContain(
    `/admin/content-manager/collection-types/api::complaint.complaint/${c.documentId}`,
  );
  const rows = await rowsOf(answered.id);
  // Reminder and overdue notice were planned (the escalation would follow the overdue notice); both cancelled.
  expect(rows.filter((r) => ['statement_reminder', 'statement_overdue', 'statement_escalation'].includes(r.kind)).map((r) => r.deliveryStatus)).toEqual([
    'cancelled',
    'cancelled',
  ]);
  expect(rows.find((r) => r.kind === 'statement_received')).toMatchObject({ recipient: ADVISOR });

  // Audit: every open and submission, with a hashed IP, no token.
  const log: any[] = await app.strapi.db
    .query('api::statement-access-log.statement-access-log' as UID.ContentType)
    .findMany({ where: { statementRequest: { id: answered.id } } });
  expect(log.filter((l) => l.action === 'view').length).toBeGreaterThanOrEqual(3);
  expect(
    log
      .filter((l) => l.action === 'submit')
      .map((l) => l.outcome)
      .sort(),
  ).toEqual([200, 400, 409]);
  for (const entry of log) {
    expect(entry.ipHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(entry)).not.toContain(token);
    expect(JSON.stringify(entry)).not.toContain('127.0.0.1');
  }
  // Nothing is sent later for this request: its cancelled reminder and overdue notice come due, and the workers skip them.
  const cancelledJobs = rows.filter((r) => r.deliveryStatus === 'cancelled').map((r) => r.documentId as string);
  await eventually(async () => (await Promise.all(cancelledJobs.map((id) => workers[0].outboxQueue.getJob(id)))).every((job) => job?.finishedOn));
  expect(mailsFor(c.caseNumber).filter((m) => m.to.includes('leder.flow@example.org'))).toHaveLength(1);
});

test('unknown token 404; cancelled, expired and replaced links 410', async () => {
  expect((await getStatement(crypto.randomBytes(32).toString('base64url'))).status).toBe(404);
  expect((await getStatement('kort')).status).toBe(404);
  const unknownPost = await postStatement(crypto.randomBytes(32).toString('base64url'), { text: 'x', respondentName: 'y' });
  expect(unknownPost.status).toBe(404);
  expect(unknownPost.body.error.message).toMatch(/Linket findes ikke/);

  // Cancelled.
  const cancelledCase = await build.complaint(FLOW_CASE);
  const cancelled = await requestStatement(cancelledCase.documentId);
  await smtp.waitFor(() => mailsFor(cancelledCase.caseNumber).length >= 1);
  const cancelledToken = tokenOf(mailsFor(cancelledCase.caseNumber)[0]);
  expect((await getStatement(cancelledToken)).status).toBe(200);
  const update = await app.admin('PUT', `/content-manager/collection-types/${REQUEST}/${cancelled.documentId}`, { requestStatus: 'annulleret' });
  expect(update.status).toBe(200);
  const gone = await getStatement(cancelledToken);
  expect(gone.status).toBe(410);
  expect(gone.body.error.details.reason).toBe('cancelled');
  expect((await postStatement(cancelledToken, { text: 'x', respondentName: 'y' })).status).toBe(410);

  // Expired: a link mailed two hours ago for a request due 8 s after it; links work 1 h after the due date.
  const expiredCase = await build.complaint(FLOW_CASE);
  const expiring = await requestStatement(expiredCase.documentId);
  await smtp.waitFor(() => mailsFor(expiredCase.caseNumber).some((m) => m.subject.startsWith('Anmodning')));
  const expiredToken = tokenOf(mailsFor(expiredCase.caseNumber).find((m) => m.subject.startsWith('Anmodning'))!);
  expect((await getStatement(expiredToken)).status).toBe(200);
  // Time passes: the request and its link move two hours back (below the rules, as the clock would).
  const twoHoursAgo = (value: string) => new Date(new Date(value).getTime() - 2 * 3600_000).toISOString();
  const stored: any = await app.strapi.db.query(REQUEST as UID.ContentType).findOne({ where: { documentId: expiring.documentId } });
  await app.strapi.db
    .query(REQUEST as UID.ContentType)
    .update({ where: { id: stored.id }, data: { requestedAt: twoHoursAgo(stored.requestedAt), dueAt: twoHoursAgo(stored.dueAt) } });
  for (const link of await app.strapi.db
    .query('api::statement-link.statement-link' as UID.ContentType)
    .findMany({ where: { notification: { statementRequest: { id: stored.id } } } })) {
    await app.strapi.db
      .query('api::statement-link.statement-link' as UID.ContentType)
      .update({ where: { id: link.id }, data: { issuedAt: twoHoursAgo(link.issuedAt) } });
  }
  const expired = await getStatement(expiredToken);
  expect(expired.status).toBe(410);
  expect(expired.body.error.details.reason).toBe('expired');

  // Re-issued from the admin: a new email with a new link; the old link stops working.
  const reissueCase = await build.complaint(FLOW_CASE);
  const reissued = await requestStatement(reissueCase.documentId);
  await smtp.waitFor(() => mailsFor(reissueCase.caseNumber).length >= 1);
  const oldToken = tokenOf(mailsFor(reissueCase.caseNumber)[0]);
  const tick = await app.admin('PUT', `/content-manager/collection-types/${REQUEST}/${reissued.documentId}`, { reissueLink: true });
  expect(tick.status).toBe(200);
  await smtp.waitFor(() => mailsFor(reissueCase.caseNumber).some((m) => m.subject.startsWith('Nyt link')));
  const newToken = tokenOf(mailsFor(reissueCase.caseNumber).find((m) => m.subject.startsWith('Nyt link'))!);
  const old = await getStatement(oldToken);
  expect(old.status).toBe(410);
  expect(old.body.error.details.reason).toBe('replaced');
  expect((await getStatement(newToken)).status).toBe(200);
  const afterReissue: any = await app.strapi.db.query(REQUEST as UID.ContentType).findOne({ where: { documentId: reissued.documentId } });
  expect(afterReissue.reissueLink).toBe(false);
  expect(afterReissue.linkVersion).toBe(2);
  expect(mailsFor(reissueCase.caseNumber).find((m) => m.subject.startsWith('Nyt link'))!.decoded).toContain('erstatter de links');
});

test('a request sent outside the system 2 hours ago mails no request; one overdue notice, whose link works; re-issued after expiry, the new link works', async () => {
  // Received the day before: the request by letter 2 hours ago is the same day or after, whatever the hour.
  const c = await build.complaint({ ...FLOW_CASE, receivedAt: new Date(Date.now() - 86400_000).toISOString() });
  const created = await requestStatement(c.documentId, { sentOutsideSystem: true, requestedAt: new Date(Date.now() - 2 * 3600_000).toISOString() });
  const request: any = await app.strapi.db.query(REQUEST as UID.ContentType).findOne({ where: { documentId: created.documentId } });
  expect(request.sentOutsideSystem).toBe(true);
  // Long past due (8 s after the request): the one notice that applies now, the overdue notice; no escalation yet.
  expect((await rowsOf(request.id)).map((r) => r.kind)).toEqual(['statement_overdue']);
  const [overdue] = (await smtp.waitFor(() => mailsFor(c.caseNumber).length >= 1)).filter((m) => m.subject.includes(c.caseNumber));
  expect(overdue.subject).toMatch(/Fristen er overskredet/);
  // Its link was mailed now, so it works for STATEMENT_LINK_VALID_AFTER_DUE from now, though the due date is 2 h past.
  const view = await getStatement(tokenOf(overdue));
  expect(view.status).toBe(200);
  expect(new Date(view.body.data.linkExpiresAt).getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);

  // Re-issued after the links of the due date expired: the new link works on arrival.
  const tick = await app.admin('PUT', `/content-manager/collection-types/${REQUEST}/${created.documentId}`, { reissueLink: true });
  expect(tick.status).toBe(200);
  const fresh = (await smtp.waitFor(() => mailsFor(c.caseNumber).some((m) => m.subject.startsWith('Nyt link')))).find(
    (m) => m.subject.startsWith('Nyt link') && m.subject.includes(c.caseNumber),
  )!;
  expect((await getStatement(tokenOf(fresh))).status).toBe(200);
  expect((await getStatement(tokenOf(overdue))).body.error.details.reason).toBe('replaced');
  // The escalation followed only the overdue notice, STATEMENT_ESCALATE_AFTER later; nothing else went out.
  await smtp.waitFor(() => mailsFor(c.caseNumber).length >= 3);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  expect(
    mailsFor(c.caseNumber)
      .map((m) => m.to.join())
      .sort(),
  ).toEqual(['chef.flow@example.org', 'leder.flow@example.org', 'leder.flow@example.org']);
  expect(mailsFor(c.caseNumber).some((m) => m.subject.startsWith('Anmodning'))).toBe(false);
});

test('changing the due date cancels the planned rows and plans new ones with the new version', async () => {
  const c = await build.complaint(FLOW_CASE);
  const created = await requestStatement(c.documentId);
  const request: any = await app.strapi.db.query(REQUEST as UID.ContentType).findOne({ where: { documentId: created.documentId } });
  const agreed = new Date(Date.now() + 10 * 86400_000);
  const response = await app.admin('PUT', `/content-manager/collection-types/${REQUEST}/${created.documentId}`, {
    agreedDueAt: agreed.toISOString(),
    agreementNote: 'Aftalt med afdelingslederen pr. telefon.',
  });
  expect(response.status).toBe(200);
  const rows = await rowsOf(request.id);
  const scheduled = rows.filter((r) => r.kind !== 'statement_request');
  // Nothing of the first due date is still planned: cancelled, or already out (a worker may be
  // sending the first reminder, seconds after the request in this file's policy, at this moment).
  expect(
    scheduled
      .filter((r) => r.dueVersion === new Date(request.dueAt).toISOString())
      .filter((r) => !['cancelled', 'sending', 'sent'].includes(r.deliveryStatus))
      .map((r) => [r.kind, r.deliveryStatus]),
  ).toEqual([]);
  const fresh = scheduled.filter((r) => r.dueVersion === agreed.toISOString());
  expect(fresh.map((r) => [r.kind, r.deliveryStatus]).sort()).toEqual([
    ['statement_overdue', 'planned'],
    ['statement_reminder', 'planned'],
  ]);
  // Sub-day policy in this file: plain offsets from the agreed date (day-based timing: test/unit/workers-schedule.test.ts).
  expect(new Date(fresh.find((r) => r.kind === 'statement_reminder').notBefore).getTime()).toBe(agreed.getTime() - 4000);
  expect(new Date(fresh.find((r) => r.kind === 'statement_overdue').notBefore).getTime()).toBe(agreed.getTime());
  for (const row of fresh) expect(await workers[0].outboxQueue.getJob(row.documentId)).toBeTruthy();
});

test('a refused write leaves no outbox rows; the outbox is read-only in the admin panel', async () => {
  const before = await app.strapi.db.query(NOTIFICATION as UID.ContentType).count();
  const c = await build.complaint({
    ...FLOW_CASE,
    centerHadOpportunity: false,
    caseStatus: 'visitation',
  });
  const refused = await app.admin('POST', `/content-manager/collection-types/${REQUEST}`, { complaint: connect(c.documentId), questions: 'Q' });
  expect(refused.status).toBe(400);
  expect(await app.strapi.db.query(NOTIFICATION as UID.ContentType).count()).toBe(before);

  const list = await app.admin('GET', `/content-manager/collection-types/${NOTIFICATION}`);
  expect(list.status).toBe(200);
  const row = list.body.results[0];
  const edit = await app.admin('PUT', `/content-manager/collection-types/${NOTIFICATION}/${row.documentId}`, { recipient: 'angriber@example.org' });
  expect(edit.status).toBe(403);
  const create = await app.admin('POST', `/content-manager/collection-types/${NOTIFICATION}`, {
    kind: 'statement_request',
    recipient: 'x@example.org',
    notBefore: new Date().toISOString(),
  });
  expect(create.status).toBe(403);
  const del = await app.admin('DELETE', `/content-manager/collection-types/${NOTIFICATION}/${row.documentId}`);
  expect(del.status).toBe(403);
});

test('the worker routes refuse callers without the worker token', async () => {
  const response = await fetch(`${app.url}/api/outbox/reconcile`, { method: 'POST' });
  expect(response.status).toBe(401);
  const wrong = await fetch(`${app.url}/api/outbox/reconcile`, { method: 'POST', headers: { authorization: 'Bearer wrong' } });
  expect(wrong.status).toBe(401);
});

test('R15: an opinion that asks for feedback is followed up with its addressee; a complaint receipt written by another module is delivered', async () => {
  const opinion = await build.opinion(null, {
    title: 'Partshøring i byggesager',
    legalPerspective: 'Forvaltningslovens § 19.',
    reasoning: 'Partshøring mangler.',
    addresseeEmail: 'direktion@example.org',
    feedbackRequested: true,
  });
  const rows: any[] = await app.strapi.db.query(NOTIFICATION as UID.ContentType).findMany({ where: { opinion: { id: opinion.id } } });
  expect(rows.map((r) => [r.kind, r.recipient, r.deliveryStatus])).toEqual([['opinion_followup', 'direktion@example.org', 'planned']]);
  const [followup] = (await smtp.waitFor(() => smtp.messages.some((m) => m.to.includes('direktion@example.org')))).filter((m) =>
    m.to.includes('direktion@example.org'),
  );
  expect(followup.subject).toMatch(/Opfølgning på borgerrådgiverens udtalelse/);
  expect(followup.decoded).toContain('Partshøring i byggesager');

  const c = await build.complaint({
    ...FLOW_CASE,
    citizenEmail: 'niels@example.org',
  });
  await docs(NOTIFICATION).create({
    data: { kind: 'complaint_receipt', recipient: 'niels@example.org', complaint: c.documentId, notBefore: new Date().toISOString() },
  } as never);
  const receipts = (await smtp.waitFor(() => smtp.messages.some((m) => m.to.includes('niels@example.org')))).filter((m) => m.to.includes('niels@example.org'));
  expect(receipts).toHaveLength(1);
  expect(receipts[0].subject).toContain(c.caseNumber);
  expect(receipts[0].decoded).not.toContain('Ansøgningen blev ikke behandlet');
  expect(receipts[0].decoded).not.toContain('Niels Navngiven');
});

test('the public statement API is rate-limited per IP and refuses oversized bodies', async () => {
  process.env.PUBLIC_STATEMENT_RATE_LIMIT = '1'; // read per request; Strapi runs in this process
  try {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await getStatement(crypto.randomBytes(32).toString('base64url'))).status);
    expect(statuses).toContain(429);
    const limited = await fetch(`${app.url}/api/public/statements/${crypto.randomBytes(32).toString('base64url')}`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await limited.json()) as any).error.message).toMatch(/For mange forespørgsler/);
  } finally {
    process.env.PUBLIC_STATEMENT_RATE_LIMIT = '1000';
  }
  const huge = await fetch(`${app.url}/api/public/statements/${crypto.randomBytes(32).toString('base64url')}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ data: { text: 'x'.repeat(400 * 1024), respondentName: 'y' } }),
  });
  expect(huge.status).toBe(413);
});

test('a send the SMTP server stored but answered with an error: the retry carries a new link, and both links work', async () => {
  const center = await build.center({ name: 'Center for Genforsøg', email: 'leder.retry@example.org', chiefEmail: null });
  let failed = 0;
  smtp.behaviour.errorAfterData = (mail) => (mail.to.includes('leder.retry@example.org') && failed++ === 0 ? 451 : null);
  try {
    const c = await build.complaint({
      ...FLOW_CASE,
      center: center.documentId,
    });
    const created = await requestStatement(c.documentId);
    const mails = (await smtp.waitFor(() => mailsFor(c.caseNumber).length >= 2)).filter((m) => m.subject.includes(c.caseNumber));
    expect(mails.slice(0, 2).map((m) => m.subject.startsWith('Anmodning'))).toEqual([true, true]);
    expect(mails[0].link).not.toBe(mails[1].link);
    // The first e-mail may have reached the center: its link works as well as the retry's.
    for (const mail of mails.slice(0, 2)) expect((await getStatement(tokenOf(mail))).status).toBe(200);
    const request: any = await app.strapi.db.query(REQUEST as UID.ContentType).findOne({ where: { documentId: created.documentId } });
    const row = async () => (await rowsOf(request.id)).find((r) => r.kind === 'statement_request');
    // The SMTP server has the mail before the worker's report reaches the CMS.
    await eventually(async () => (await row()).deliveryStatus !== 'sending');
    expect([(await row()).deliveryStatus, (await row()).attempts]).toEqual(['sent', 2]);
    await app.admin('PUT', `/content-manager/collection-types/${REQUEST}/${created.documentId}`, { requestStatus: 'annulleret' });
  } finally {
    smtp.behaviour.errorAfterData = undefined;
  }
});

test('a permanent rejection (550) fails the row at once; the admin home page lists it; one e-mail a day tells the advisor', async () => {
  const { runFailureDigest } = await import('../../cms/src/outbox/failures');
  const center = await build.center({ name: 'Center for Fejl', email: 'ukendt.flow@example.org', chiefEmail: null });
  smtp.behaviour.rejectRecipient = (address) => address === 'ukendt.flow@example.org';
  try {
    const c = await build.complaint({
      ...FLOW_CASE,
      center: center.documentId,
    });
    const created = await requestStatement(c.documentId);
    const request: any = await app.strapi.db.query(REQUEST as UID.ContentType).findOne({ where: { documentId: created.documentId } });
    let row: any;
    for (const deadline = Date.now() + 20_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 200))) {
      row = (await rowsOf(request.id)).find((r) => r.kind === 'statement_request');
      if (row.deliveryStatus === 'failed') break;
    }
    // Not retried: OUTBOX_MAX_ATTEMPTS is 15 in this file.
    expect([row.deliveryStatus, row.attempts]).toEqual(['failed', 1]);
    expect(row.lastError).toMatch(/550/);
    await app.admin('PUT', `/content-manager/collection-types/${REQUEST}/${created.documentId}`, { requestStatus: 'annulleret' });

    // The widget's query: failed rows of the last 30 days through the content manager.
    const since = new Date(Date.now() - 30 * 86400_000).toISOString();
    const listed = await app.admin(
      'GET',
      `/content-manager/collection-types/${NOTIFICATION}?page=1&pageSize=10&sort=notBefore:DESC&filters[$and][0][deliveryStatus][$eq]=failed&filters[$and][1][notBefore][$gte]=${encodeURIComponent(since)}`,
    );
    expect(listed.status).toBe(200);
    expect(listed.body.results.map((r: any) => [r.documentId, r.recipient])).toContainEqual([row.documentId, 'ukendt.flow@example.org']);

    expect(await runFailureDigest(app.strapi)).toBeGreaterThanOrEqual(1);
    const digest = (await smtp.waitFor(() => smtp.messages.some((m) => m.to.includes(ADVISOR) && /kunne ikke afleveres/.test(m.subject)))).find(
      (m) => m.to.includes(ADVISOR) && /kunne ikke afleveres/.test(m.subject),
    )!;
    expect(digest.decoded).toContain(`Anmodning om redegørelse i sag ${c.caseNumber} til ukendt.flow@example.org`);
    // Each failure opens its case.
    expect(digest.decoded).toContain(`/admin/content-manager/collection-types/api::complaint.complaint/${c.documentId}`);
    // Once a day, whatever fails later that day, and whichever instance asks.
    expect(await Promise.all([runFailureDigest(app.strapi), runFailureDigest(app.strapi)])).toEqual([0, 0]);
    expect(await app.strapi.db.query(NOTIFICATION as UID.ContentType).count({ where: { kind: 'delivery_failures' } })).toBe(1);
    expect((await app.strapi.db.query(NOTIFICATION as UID.ContentType).findOne({ where: { id: row.id } })).failureDigest).toBeTruthy();
  } finally {
    smtp.behaviour.rejectRecipient = undefined;
  }
});
