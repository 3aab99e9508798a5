/**
 * Nothing lost, nothing sent twice: Redis flushed mid-flow (the reconciler restores every pending
 * reminder), SMTP down then up (retried with backoff, delivered once), and two separate worker
 * processes (node workers/dist/index.js) competing for the same rows, stopped with SIGTERM.
 */
import crypto from 'crypto';
import path from 'path';
import { ChildProcess, spawn } from 'child_process';
import type { UID } from '@strapi/strapi';
import { startStrapi, TestStrapi } from '../helpers/strapi';
import { builders, Builders } from '../helpers/builders';
import { startSmtp, TestSmtp } from '../helpers/smtp';
import { deletePrefix, uniquePrefix } from '../helpers/redis';
import { startWorkers, Workers } from '../../workers/src/app';
import { CmsClient } from '../../workers/src/cms-client';
import { loadWorkerSettings } from '../../workers/src/settings';

const prefix = uniquePrefix('statement-resilience');
const workerToken = crypto.randomBytes(24).toString('base64url');
const REQUEST = 'api::statement-request.statement-request';
const NOTIFICATION = 'api::notification.notification';
const KINDS = ['statement_escalation', 'statement_overdue', 'statement_reminder', 'statement_request'];

let app: TestStrapi;
let smtp: TestSmtp;
let workers: Workers | null = null;
const children: ChildProcess[] = [];

beforeAll(async () => {
  smtp = await startSmtp();
  app = await startStrapi({
    STATEMENT_DEADLINE: 'PT10S',
    STATEMENT_REMINDER_BEFORE: 'PT5S',
    STATEMENT_ESCALATE_AFTER: 'PT3S',
    STATEMENT_LINK_VALID_AFTER_DUE: 'PT1H',
    OUTBOX_QUEUE_PREFIX: prefix,
    OUTBOX_WORKER_TOKEN: workerToken,
    OUTBOX_RETRY_DELAY_MS: '250',
    OUTBOX_MAX_ATTEMPTS: '15',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    PUBLIC_SITE_URL: 'http://site.test',
  });
  build = builders(app);
  await build.defaultCenter({ name: 'Center for Robusthed', email: 'leder.robust@example.org', chiefEmail: 'chef.robust@example.org' });
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await workers?.close();
  await app?.stop();
  await smtp?.stop();
  await deletePrefix(prefix);
});

let build: Builders;
const daysAgo = (days: number) => new Date(Date.now() - days * 86400000).toISOString().slice(0, 10);

async function newRequest() {
  const complaint = await build.complaint({ description: 'Klage over sagsbehandlingen.', eventDate: daysAgo(20), caseStatus: 'undersoegelse' });
  const response = await app.admin('POST', `/content-manager/collection-types/${REQUEST}`, {
    complaint: { connect: [{ documentId: complaint.documentId }], disconnect: [] },
    questions: 'Redegør for forløbet.',
  });
  expect([200, 201]).toContain(response.status);
  const request: any = await app.strapi.db.query(REQUEST as UID.ContentType).findOne({ where: { documentId: response.body.data.documentId } });
  return { caseNumber: complaint.caseNumber, request };
}

const rowsOf = async (requestId: number) =>
  (await app.strapi.db.query(NOTIFICATION as UID.ContentType).findMany({ where: { statementRequest: { id: requestId } } })) as any[];
const mailsFor = (caseNumber: string) => smtp.messages.filter((m) => m.subject.includes(caseNumber));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function expectDeliveredOnce(caseNumber: string, requestId: number) {
  await smtp.waitFor(() => mailsFor(caseNumber).length >= 4, 60_000);
  await sleep(1500);
  const mails = mailsFor(caseNumber);
  expect(mails).toHaveLength(4);
  expect(new Set(mails.map((m) => m.messageId)).size).toBe(4);
  const rows = await rowsOf(requestId);
  expect(rows.map((r) => r.kind).sort()).toEqual(KINDS);
  for (const row of rows) {
    expect(row.deliveryStatus).toBe('sent');
    expect(mails.filter((m) => m.messageId.includes(row.documentId))).toHaveLength(1);
  }
  return rows;
}

test('Redis flushed mid-flow: the reconciler restores every pending reminder, each sent once', async () => {
  workers = await startWorkers({ settings: loadWorkerSettings(), cms: new CmsClient(app.url, workerToken), schedule: false });
  const { caseNumber, request } = await newRequest();
  await smtp.waitFor(() => mailsFor(caseNumber).length >= 1);
  const pending = (await rowsOf(request.id)).filter((r) => r.deliveryStatus === 'planned');
  // The escalation is planned once the overdue notice has gone out.
  expect(pending.map((r) => r.kind).sort()).toEqual(['statement_overdue', 'statement_reminder']);

  // The flush: every key of this installation's queues is gone, delayed jobs included.
  expect(await deletePrefix(prefix)).toBeGreaterThan(0);
  for (const row of pending) expect(await workers.outboxQueue.getJob(row.documentId)).toBeFalsy();

  // Every planned row gets its job back (other modules' planned rows, e.g. report reminders, too).
  const result = await workers.reconcile();
  expect(result.enqueued).toBe(result.planned);
  expect(result.enqueued).toBeGreaterThanOrEqual(2);
  for (const row of pending) expect(await workers.outboxQueue.getJob(row.documentId)).toBeTruthy();
  // A second run finds nothing missing.
  expect((await workers.reconcile()).enqueued).toBe(0);

  await expectDeliveredOnce(caseNumber, request.id);
});

test('SMTP down, then up: retried with backoff, attempts recorded, every notification delivered once', async () => {
  await smtp.stop();
  const { caseNumber, request } = await newRequest();
  // The request email fails while the server is down; the row records the attempt and goes back to planned.
  const deadline = Date.now() + 20_000;
  let row: any;
  do {
    await sleep(200);
    row = (await rowsOf(request.id)).find((r) => r.kind === 'statement_request');
  } while (!(row.attempts >= 2 && row.lastError) && Date.now() < deadline);
  expect(row.attempts).toBeGreaterThanOrEqual(2);
  expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
  expect(row.deliveryStatus).toMatch(/planned|sending/);
  // Every attempt minted its own link, and each stays valid: a failed attempt may still have reached the server.
  expect(
    await app.strapi.db.query('api::statement-link.statement-link' as UID.ContentType).count({ where: { notification: { id: row.id } } }),
  ).toBeGreaterThanOrEqual(row.deliveryStatus === 'sending' ? row.attempts - 1 : row.attempts);

  await smtp.start();
  const rows = await expectDeliveredOnce(caseNumber, request.id);
  // At least one failed attempt before the one that went through (the second may already have been under way when SMTP came back).
  expect(rows.find((r) => r.kind === 'statement_request').attempts).toBeGreaterThanOrEqual(2);
  await workers!.close();
  workers = null;
});

test('two worker processes send each notification once and shut down cleanly on SIGTERM', async () => {
  const entry = path.resolve(__dirname, '../../workers/dist/index.js');
  const env = {
    ...process.env,
    CMS_URL: app.url,
    OUTBOX_WORKER_TOKEN: workerToken,
    OUTBOX_QUEUE_PREFIX: prefix,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    OUTBOX_RECONCILE_EVERY: 'PT2S',
  };
  const output: string[] = [];
  for (let i = 0; i < 2; i++) {
    const child = spawn(process.execPath, [entry], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (d) => output.push(String(d)));
    child.stderr!.on('data', (d) => output.push(String(d)));
    children.push(child);
  }
  await sleep(1500);
  const { caseNumber, request } = await newRequest();
  await expectDeliveredOnce(caseNumber, request.id);
  // SMTP mode: the secret-bearing link is never logged.
  expect(output.join('')).not.toMatch(/redegoerelse\//);

  const exits = children.map((child) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code))));
  for (const child of children) child.kill('SIGTERM');
  expect(await Promise.all(exits)).toEqual([0, 0]);
});
