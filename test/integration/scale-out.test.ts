/**
 * Scale-out and faults, with the production processes (`node scripts/serve.mjs cms|workers`):
 * two CMS instances and two workers on one PostgreSQL and one Redis of their own (started here on
 * free ports, so they can be stopped and restarted without touching the shared servers).
 *
 * - concurrent intake on both instances: unique, gap-free case numbers; each receipt sent once;
 * - the per-IP limit holds across instances (counted in Redis);
 * - the daily jobs fire on both instances and run once;
 * - a worker killed (SIGKILL) between claiming an e-mail and reporting it: the e-mail is sent
 *   after OUTBOX_SENDING_TIMEOUT, and the advisor sees the retry;
 * - Redis restarted (all jobs lost) with e-mails pending: each delivered once;
 * - PostgreSQL restarted under load: 503 with a Danish message meanwhile, then the CMS recovers
 *   by itself.
 *
 * PostgreSQL only (SQLite is one process's database); runs in the PostgreSQL pass of npm test.
 */
import crypto from 'crypto';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { freePort, parseMail, type ReceivedMail } from '../helpers/smtp';
import {
  cmsSecrets,
  OwnPostgres,
  OwnRedis,
  Proc,
  sleep,
  startOwnPostgres,
  startOwnRedis,
  startProcess,
  stopProcess,
  waitHealthy,
  waitUntil,
} from '../helpers/servers';

const describePg = process.env.DATABASE_CLIENT === 'postgres' ? describe : describe.skip;

const secret = () => crypto.randomBytes(24).toString('base64url');
const SITE_API_SECRET = secret();
const NOTIFICATION = 'api::notification.notification';
const INTERRUPTED = /Afsendelsen blev afbrudt/;

/** An SMTP sink that can hold messages unanswered (a worker is then between claim and report). */
class Sink {
  messages: ReceivedMail[] = [];
  held: (() => void)[] = [];
  hold = false;
  port = 0;
  private server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const accept = () => {
          this.messages.push(
            parseMail(
              Buffer.concat(chunks).toString('utf8'),
              session.envelope.rcptTo.map((r) => r.address),
            ),
          );
          callback();
        };
        // A held message counts only if its sender is still there to be told it was accepted.
        if (this.hold) this.held.push(() => callback(new Error('421 closing')));
        else accept();
      });
    },
  });
  async start() {
    this.port = await freePort();
    await new Promise<void>((resolve) => this.server.listen(this.port, '127.0.0.1', resolve));
  }
  stop() {
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
  count(pattern: string) {
    return this.messages.filter((m) => m.subject.includes(pattern) || m.decoded.includes(pattern)).length;
  }
}

describePg('two CMS instances and two workers on one PostgreSQL and one Redis', () => {
  let pg: OwnPostgres;
  let redis: OwnRedis;
  const sink = new Sink();
  let env: Record<string, string>;
  let cmsA: Proc;
  let cmsB: Proc;
  const workers: Proc[] = [];
  let urlA: string;
  let urlB: string;
  let db: Client;
  let adminToken: string;

  const query = async (sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows;

  beforeAll(async () => {
    [pg, redis] = await Promise.all([startOwnPostgres(), startOwnRedis()]);
    await sink.start();
    const [portA, portB] = [await freePort(), await freePort()];
    urlA = `http://127.0.0.1:${portA}`;
    urlB = `http://127.0.0.1:${portB}`;
    env = {
      ...pg.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      REDIS_URL: redis.url,
      OUTBOX_QUEUE_PREFIX: 'scale-out',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(sink.port),
      SERVE_ADMIN_PANEL: 'false',
      PUBLIC_SITE_URL: 'http://site.test',
      ...cmsSecrets(),
      SITE_API_SECRET,
      // Every second, on both instances; runOncePerDay lets one of them do the work.
      DAILY_JOBS_CRON: '* * * * * *',
      PUBLIC_COMPLAINT_RATE_LIMIT: '5',
      OUTBOX_RECONCILE_EVERY: 'PT1S',
      // Longer than any send takes here (or a slow one would be sent twice), shorter than BullMQ's
      // 30 s stalled-job check, which hands a killed worker's job to another worker.
      OUTBOX_SENDING_TIMEOUT: 'PT20S',
      OUTBOX_RETRY_DELAY_MS: '300',
      STATEMENT_DEADLINE: 'PT12S',
      STATEMENT_REMINDER_BEFORE: 'PT6S',
      STATEMENT_ESCALATE_AFTER: 'PT2S',
      STATEMENT_LINK_VALID_AFTER_DUE: 'PT1H',
    };
    for (const key of ['DATABASE_FILENAME', 'DATABASE_URL', 'DATABASE_SCHEMA']) delete (env as Record<string, string | undefined>)[key];
    // One instance first: it creates the schema, as the operations guide says for upgrades.
    cmsA = startProcess('cms', { ...env, PORT: String(portA), CMS_URL: urlA }, 'cms-a');
    await waitHealthy(urlA, cmsA);
    cmsB = startProcess('cms', { ...env, PORT: String(portB), CMS_URL: urlB }, 'cms-b');
    await waitHealthy(urlB, cmsB);
    workers.push(startProcess('workers', { ...env, CMS_URL: urlA }, 'workers-1'), startProcess('workers', { ...env, CMS_URL: urlB }, 'workers-2'));
    db = new Client({ host: '127.0.0.1', port: pg.port, user: 'postgres', database: pg.env.DATABASE_NAME });
    await db.connect();
    db.on('error', () => undefined);
    const registered = await fetch(`${urlA}/admin/register-admin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'drift@example.org', password: 'Drift-test-1234', firstname: 'Drift', lastname: 'Test' }),
    });
    adminToken = ((await registered.json()) as any).data.token;
  }, 600_000);

  afterAll(async () => {
    await db?.end().catch(() => undefined);
    await Promise.all([...workers, cmsA, cmsB].filter(Boolean).map((proc) => stopProcess(proc, 'SIGKILL')));
    await sink.stop();
    await redis?.destroy();
    await pg?.destroy();
  }, 60_000);

  const complaint = (n: number) => ({
    purpose: 'klage',
    center: 'ved ikke',
    eventDate: new Date(Date.now() - 10 * 86400000).toISOString().slice(0, 10),
    description: `Skalering ${n}: jeg har ventet fire måneder på svar.`,
    formalComplaintToUnit: true,
    identity: 'named',
    citizenName: 'Karen Jensen',
    citizenEmail: `borger${n}@example.org`,
    complainantKind: 'citizen',
    consent: true,
  });

  /** As the site posts: with the citizen's IP and the shared secret. */
  async function intake(url: string, data: unknown, ip: string) {
    const response = await fetch(`${url}/api/public/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-borgerraadgiver-client-ip': ip, 'x-borgerraadgiver-site-secret': SITE_API_SECRET },
      body: JSON.stringify({ data }),
      signal: AbortSignal.timeout(30_000), // a request the CMS never answers fails the test, not its timeout
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }

  async function admin(url: string, method: string, path: string, body?: unknown) {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as any };
  }

  const caseNumbers = async () =>
    (await query('SELECT case_number FROM complaints WHERE case_number IS NOT NULL ORDER BY case_number')).map((r) => r.case_number as string);
  const expectGapFree = (numbers: string[]) => {
    const year = new Date().getFullYear(); // registration year in Copenhagen; not run across New Year
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => `${year}-${String(i + 1).padStart(4, '0')}`));
  };

  test('concurrent intake on both instances: unique, gap-free case numbers, and each receipt sent once', async () => {
    expect((await fetch(`${urlB}/_health`)).status).toBe(204);
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => intake(i % 2 ? urlB : urlA, complaint(i), `10.0.0.${i + 1}`)));
    expect(results.map((r) => r.status)).toEqual(Array(40).fill(201));
    const given = results.map((r) => r.body.data.caseNumber as string);
    expect(new Set(given).size).toBe(40);
    expectGapFree([...given].sort());
    expect(await caseNumbers()).toEqual([...given].sort());

    await waitUntil('40 receipts', () => given.every((number) => sink.count(number) >= 1), 90_000);
    await sleep(2000); // time for a duplicate to show
    for (const number of given) expect(sink.count(number)).toBe(1);
    expect(new Set(sink.messages.map((m) => m.messageId)).size).toBe(sink.messages.length);
    const rows = await query(`SELECT delivery_status, count(*)::int AS n FROM notifications WHERE kind = 'complaint_receipt' GROUP BY delivery_status`);
    expect(rows).toEqual([{ delivery_status: 'sent', n: 40 }]);
  });

  test('the per-IP limit is shared by the instances', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await intake(i % 2 ? urlB : urlA, {}, '192.0.2.77')).status);
    // 5 allowed in all (each refused as invalid, 400), then 429 from either instance.
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429, 429, 429, 429, 429]);
    expect((await intake(urlB, {}, '192.0.2.78')).status).toBe(400);
  });

  test('the daily jobs fire on both instances every second and run once', async () => {
    const fired = (proc: Proc, job: string) => (proc.output().match(new RegExp(`daily job ${job}\\b`, 'g')) ?? []).length;
    await waitUntil(
      'both instances firing the daily jobs twice',
      () => [cmsA, cmsB].every((proc) => fired(proc, 'ongoing-status') >= 2 && fired(proc, 'report-reminders') >= 2),
      30_000,
    );
    for (const job of ['ongoing-status', 'report-reminders']) {
      const ran = [cmsA, cmsB].map((proc) => (proc.output().match(new RegExp(`daily job ${job} ran`, 'g')) ?? []).length);
      expect(ran[0] + ran[1]).toBe(1);
    }
    const runs = await query(
      "SELECT job, finished_at IS NOT NULL AS finished FROM daily_job_runs WHERE job IN ('ongoing-status', 'report-reminders') ORDER BY job",
    );
    expect(runs).toEqual([
      { job: 'ongoing-status', finished: true },
      { job: 'report-reminders', finished: true },
    ]);
    // Both instances planned the report reminders at start too: each is planned once.
    const reminders = await query(`SELECT due_version, count(*)::int AS n FROM notifications WHERE kind = 'report_reminder' GROUP BY due_version`);
    expect(reminders).toHaveLength(2);
    for (const row of reminders) expect(row.n).toBe(1);
  });

  test('a worker killed between claiming and reporting: sent after OUTBOX_SENDING_TIMEOUT, the retry visible to the advisor', async () => {
    // One worker only, so the killed one is the one holding the e-mail.
    await stopProcess(workers.pop()!);
    sink.hold = true;
    const { body } = await intake(urlA, complaint(100), '10.0.1.1');
    const number = body.data.caseNumber as string;
    await waitUntil('the receipt held at the SMTP server', () => sink.held.length === 1, 30_000);
    const [row] = await query(
      `SELECT n.document_id, n.delivery_status, n.attempts FROM notifications n JOIN notifications_complaint_lnk l ON l.notification_id = n.id JOIN complaints c ON c.id = l.complaint_id WHERE c.case_number = $1`,
      [number],
    );
    expect(row).toMatchObject({ delivery_status: 'sending', attempts: 1 });

    await stopProcess(workers.pop()!, 'SIGKILL');
    const killedAt = Date.now();
    sink.held.splice(0).forEach((refuse) => refuse());
    sink.hold = false;
    workers.push(startProcess('workers', { ...env, CMS_URL: urlB }, 'workers-3'));

    // BullMQ hands the dead worker's job to the new one when its lock expires; the row is planned again after the timeout.
    await waitUntil('the receipt sent again', () => sink.count(number) === 1, 120_000);
    expect(Date.now() - killedAt).toBeGreaterThan(15_000);
    // The SMTP server has the mail before the worker's report reaches the CMS.
    const notification = () => admin(urlB, 'GET', `/content-manager/collection-types/${NOTIFICATION}/${row.document_id}`);
    await waitUntil('the report of the retry', async () => (await notification()).body.data?.deliveryStatus !== 'sending', 30_000);
    const seen = await notification();
    expect(seen.status).toBe(200);
    expect(seen.body.data).toMatchObject({ deliveryStatus: 'sent', attempts: 2 });
    expect(seen.body.data.lastError).toMatch(INTERRUPTED);
    await sleep(1500);
    expect(sink.count(number)).toBe(1);
    workers.push(startProcess('workers', { ...env, CMS_URL: urlA }, 'workers-4'));
  }, 180_000);

  test('Redis restarted with e-mails pending: every one delivered once', async () => {
    const center = await admin(urlA, 'POST', '/content-manager/collection-types/api::center.center', {
      name: 'Center for Drift',
      email: 'leder.drift@example.org',
      chiefEmail: 'chef.drift@example.org',
    });
    expect([200, 201]).toContain(center.status);
    const created = await admin(urlA, 'POST', '/content-manager/collection-types/api::complaint.complaint', {
      description: 'Klage om sagsbehandlingstid.',
      eventDate: new Date(Date.now() - 20 * 86400000).toISOString().slice(0, 10),
      identity: 'named',
      centerHadOpportunity: true,
      caseStatus: 'undersoegelse',
      center: { connect: [{ documentId: center.body.data.documentId }], disconnect: [] },
    });
    expect([200, 201]).toContain(created.status);
    const request = await admin(urlB, 'POST', '/content-manager/collection-types/api::statement-request.statement-request', {
      complaint: { connect: [{ documentId: created.body.data.documentId }], disconnect: [] },
      questions: 'Redegør for forløbet.',
    });
    expect([200, 201]).toContain(request.status);
    const number = created.body.data.caseNumber as string;
    await waitUntil('the request e-mail', () => sink.count(number) >= 1, 30_000);

    // Reminder, overdue notice and escalation wait as delayed jobs: lose them all.
    await redis.stop();
    await sleep(1000);
    await redis.start();
    await waitUntil('all four e-mails of the request', () => sink.count(number) >= 4, 90_000);
    await sleep(2500);
    expect(sink.count(number)).toBe(4);
    const rows = await query(
      `SELECT n.kind, n.delivery_status FROM notifications n JOIN notifications_statement_request_lnk l ON l.notification_id = n.id JOIN statement_requests r ON r.id = l.statement_request_id WHERE r.document_id = $1 ORDER BY n.kind`,
      [request.body.data.documentId],
    );
    expect(rows.map((r) => [r.kind, r.delivery_status])).toEqual([
      ['statement_escalation', 'sent'],
      ['statement_overdue', 'sent'],
      ['statement_reminder', 'sent'],
      ['statement_request', 'sent'],
    ]);
  }, 180_000);

  test('PostgreSQL restarted under load: 503 in Danish meanwhile, then both instances recover by themselves', async () => {
    const before = (await caseNumbers()).length;
    const statuses: number[] = [];
    const messages = new Set<string>();
    const failures: string[] = []; // request ids of 500s, to show what the log says about them
    let stop = false;
    let n = 0;
    const load = (async () => {
      while (!stop) {
        const i = n++;
        try {
          const { status, body } = await intake(i % 2 ? urlB : urlA, complaint(1000 + i), `10.2.${Math.floor(i / 250)}.${(i % 250) + 1}`);
          statuses.push(status);
          if (status !== 201) messages.add(body?.error?.message);
          if (status === 500) failures.push(body?.error?.details?.requestId);
        } catch (error) {
          statuses.push((error as Error).name === 'TimeoutError' ? -2 : -1); // -2: never answered; -1: connection refused, the process died
        }
        await sleep(50);
      }
    })();
    await sleep(1500);
    await db.end();
    await pg.stop();
    await sleep(1500);
    const down = await fetch(`${urlA}/api/health`);
    await sleep(2500);
    await pg.start();
    await waitUntil(
      'intake answering 201 again on both instances',
      async () => (await intake(urlA, complaint(5000), '10.3.0.1')).status === 201 && (await intake(urlB, complaint(5001), '10.3.0.2')).status === 201,
      60_000,
    );
    await sleep(1000);
    stop = true;
    await load;

    for (const cms of [cmsA, cmsB])
      expect({ name: cms.name, alive: cms.alive(), log: cms.alive() ? '' : cms.output().slice(-3000) }).toEqual({ name: cms.name, alive: true, log: '' });
    expect(statuses).not.toContain(-1);
    expect({
      unanswered: statuses.filter((s) => s === -2).length,
      log: statuses.includes(-2)
        ? [cmsA, cmsB]
            .map((cms) =>
              cms
                .output()
                .split('\n')
                .filter((line) => !line.includes('daily job'))
                .join('\n')
                .slice(-6000),
            )
            .join('\n----\n')
        : '',
    }).toEqual({ unanswered: 0, log: '' });
    const logged = (id: string) =>
      [cmsA, cmsB].map((cms) => cms.output()).flatMap((out) => (out.includes(id) ? [out.slice(out.indexOf(id), out.indexOf(id) + 2500)] : []));
    expect(failures.flatMap(logged)).toEqual([]);
    expect(statuses).not.toContain(500);
    expect(new Set(statuses)).toEqual(new Set([201, 503]));
    expect([...messages]).toEqual(['Sagssystemet kan ikke nå sin database lige nu. Prøv igen om et øjeblik.']);
    expect(down.status).toBe(503);
    expect(((await down.json()) as any).error.message).toMatch(/kan ikke nå sin database/);
    expect((await fetch(`${urlB}/api/health`)).status).toBe(200);

    db = new Client({ host: '127.0.0.1', port: pg.port, user: 'postgres', database: pg.env.DATABASE_NAME });
    await db.connect();
    const numbers = await caseNumbers();
    // Every 201 was stored. A 503 answered while the server went down may still have been committed
    // (the COMMIT's answer was lost with the connection): the site's submission key makes its
    // retry return that case, so it is counted here at most once.
    const created = statuses.filter((s) => s === 201).length + 2;
    expect(numbers.length).toBeGreaterThanOrEqual(before + created);
    expect(numbers.length).toBeLessThanOrEqual(before + created + statuses.filter((s) => s === 503).length);
    expectGapFree(numbers);
  }, 180_000);
});
