/**
 * The send processor as a plain function: a stand-in for the CMS's three outbox endpoints (an
 * in-memory table with the same claim semantics) and the real .eml file transport.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { UnrecoverableError } from 'bullmq';
import { processSend } from '../../workers/src/processors/send';
import { createTransport, MailTransport } from '../../workers/src/mail/transport';
import { render } from '../../workers/src/mail/templates';
import type { ClaimResult, OutboxApi, OutboxMessage, SendReport } from '../../workers/src/cms-client';
import { loadWorkerSettings } from '../../workers/src/settings';

const message = (overrides: Partial<OutboxMessage> = {}): OutboxMessage => ({
  documentId: 'row1',
  kind: 'statement_reminder',
  recipient: 'leder@example.org',
  subject: null,
  linkReissued: false,
  caseNumber: '2026-0042',
  centerName: 'Center for Test',
  dueAt: '2026-04-10T21:59:59.999Z',
  requestedAt: '2026-03-27T09:00:00.000Z',
  link: 'http://site.test/redegoerelse/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcd',
  linkExpiresAt: '2026-05-10T21:59:59.999Z',
  overdueNoticeSentAt: null,
  replacesEarlierLinks: false,
  failures: null,
  adminUrl: null,
  opinionKind: null,
  opinionTitle: null,
  issuedAt: null,
  respondedAt: null,
  municipality: { name: 'Lejre Kommune', advisorTitle: 'Borgerrådgiveren', email: 'borgerraadgiveren@lejre.dk', phone: '46 46 44 20' },
  ...overrides,
});

/** The CMS's claim semantics in memory: planned -> sending once; results move sending on. */
class Table implements OutboxApi {
  status = new Map<string, string>();
  reports: { id: string; result: SendReport }[] = [];
  constructor(private readonly messages: Record<string, OutboxMessage>) {
    for (const id of Object.keys(messages)) this.status.set(id, 'planned');
  }
  async claim(id: string): Promise<ClaimResult> {
    if (this.status.get(id) !== 'planned') return { action: 'skip', reason: `status ${this.status.get(id)}` };
    this.status.set(id, 'sending');
    return { action: 'send', message: this.messages[id] };
  }
  async report(id: string, result: SendReport) {
    this.reports.push({ id, result });
    this.status.set(id, result.ok ? 'sent' : result.final ? 'failed' : 'planned');
  }
  async pending() {
    return [];
  }
}

let dir: string;
let transport: MailTransport;
const logged: string[] = [];
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mail-'));
  const settings = loadWorkerSettings({ MAIL_DIR: dir });
  transport = createTransport(settings, { info: (m) => logged.push(m) });
});
afterEach(() => {
  transport.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const job = (id: string, attemptsMade = 0, attempts = 3) => ({ id, data: { notificationId: id }, attemptsMade, opts: { attempts } });

test('without SMTP_HOST an email is written as .eml, the link is logged (dev only), and the row reported sent', async () => {
  const table = new Table({ row1: message() });
  const result = await processSend(job('row1'), { cms: table, transport });
  expect(result.outcome).toBe('sent');
  expect(table.status.get('row1')).toBe('sent');
  const files = fs.readdirSync(dir);
  expect(files).toHaveLength(1);
  expect(files[0]).toMatch(/row1\.eml$/);
  const eml = fs.readFileSync(path.join(dir, files[0]), 'utf8');
  expect(eml).toMatch(/^To: leder@example.org$/m);
  expect(eml).toMatch(/multipart\/alternative/);
  expect(eml).toMatch(/Message-ID: <row1@lejre\.dk>/i);
  expect(logged.some((line) => line.includes('redegoerelse/'))).toBe(true);
  // The report keeps what was sent for the e-mail's page: the subject and the text, without the personal link.
  const sent = table.reports[0].result;
  expect(sent).toMatchObject({ ok: true, subject: expect.stringContaining('Redegørelse i sag 2026-0042') });
  expect(sent.text).toContain('Åbn anmodningen og afgiv redegørelsen:\n[personligt link, gemmes ikke]');
  expect(sent.text).not.toContain('redegoerelse/');
});

test('a row claimed elsewhere or no longer applicable is skipped without sending', async () => {
  const table = new Table({ row1: message() });
  table.status.set('row1', 'sent');
  expect(await processSend(job('row1'), { cms: table, transport })).toEqual({ outcome: 'skipped', reason: 'status sent' });
  expect(fs.readdirSync(dir)).toHaveLength(0);
});

test('two processors on the same job: exactly one sends', async () => {
  const table = new Table({ row1: message() });
  const results = await Promise.all([processSend(job('row1'), { cms: table, transport }), processSend(job('row1'), { cms: table, transport })]);
  expect(results.map((r) => r.outcome).sort()).toEqual(['sent', 'skipped']);
  expect(fs.readdirSync(dir)).toHaveLength(1);
});

test('a failed send is reported (planned again, then failed on the last attempt) and rethrown for the backoff', async () => {
  const table = new Table({ row1: message() });
  const broken: MailTransport = {
    mode: 'smtp',
    send: async () => {
      throw new Error('connect ECONNREFUSED 127.0.0.1:25');
    },
    close: () => {},
  };
  await expect(processSend(job('row1', 0, 3), { cms: table, transport: broken })).rejects.toThrow('ECONNREFUSED');
  expect(table.status.get('row1')).toBe('planned');
  expect(table.reports[0].result).toMatchObject({ ok: false, final: false, error: expect.stringContaining('ECONNREFUSED') });
  await expect(processSend(job('row1', 2, 3), { cms: table, transport: broken })).rejects.toThrow();
  expect(table.status.get('row1')).toBe('failed');
});

test('a permanent SMTP rejection (5xx) fails the row at once and is not retried (UnrecoverableError)', async () => {
  const table = new Table({ row1: message() });
  const rejected = Object.assign(new Error("Can't send mail - all recipients were rejected: 550 5.1.1 No such user"), { responseCode: 550 });
  const rejecting: MailTransport = {
    mode: 'smtp',
    send: async () => {
      throw rejected;
    },
    close: () => {},
  };
  const error = await processSend(job('row1', 0, 10), { cms: table, transport: rejecting }).catch((e) => e);
  expect(error).toBeInstanceOf(UnrecoverableError);
  expect(table.status.get('row1')).toBe('failed');
  expect(table.reports[0].result).toMatchObject({ ok: false, final: true, error: expect.stringContaining('550') });
  // A temporary rejection (4xx) is retried.
  const busy = new Table({ row2: message({ documentId: 'row2' }) });
  const greylisted: MailTransport = {
    mode: 'smtp',
    send: async () => {
      throw Object.assign(new Error('451 try again later'), { responseCode: 451 });
    },
    close: () => {},
  };
  const temporary = await processSend(job('row2', 0, 10), { cms: busy, transport: greylisted }).catch((e) => e);
  expect(temporary).not.toBeInstanceOf(UnrecoverableError);
  expect(busy.status.get('row2')).toBe('planned');
});

test('a job that runs early is put back until its time', async () => {
  const cms: OutboxApi = { claim: async () => ({ action: 'later', notBefore: '2030-01-01T07:00:00.000Z' }), report: async () => {}, pending: async () => [] };
  expect(await processSend(job('x'), { cms, transport })).toEqual({ outcome: 'later', notBefore: '2030-01-01T07:00:00.000Z' });
});

test('every template is Danish, HTML and text, with case number, due date and link — and nothing else about the case', () => {
  for (const kind of ['statement_request', 'statement_reminder', 'statement_overdue', 'statement_escalation'] as const) {
    const mail = render(message({ kind }));
    expect(mail.subject).toContain('2026-0042');
    expect(mail.text).toContain('fredag den 10. april 2026');
    expect(mail.text).toContain(message().link!);
    expect(mail.html).toContain(`href="${message().link}"`);
    expect(mail.html).toMatch(/^<!doctype html><html lang="da">/);
  }
  expect(render(message({ kind: 'statement_escalation' })).text).toMatch(/^Til centerchefen for Center for Test/);
  const receipt = render(message({ kind: 'complaint_receipt', recipient: 'borger@example.org', link: null, centerName: null }));
  expect(receipt.subject).toBe('Kvittering: Vi har modtaget din henvendelse (sag 2026-0042)');
  expect(receipt.text).toMatch(/Hvad sker der nu\?/);
  const received = render(
    message({
      kind: 'statement_received',
      recipient: 'borgerraadgiveren@lejre.dk',
      link: null,
      adminUrl: 'http://cms.test/admin/x',
      respondedAt: '2026-04-09T12:30:00Z',
    }),
  );
  expect(received.text).toContain('http://cms.test/admin/x');
  const followup = render(
    message({
      kind: 'opinion_followup',
      recipient: 'direktion@example.org',
      link: null,
      opinionKind: 'general',
      opinionTitle: 'Partshøring',
      issuedAt: '2026-01-15T10:00:00Z',
    }),
  );
  expect(followup.text).toContain('"Partshøring"');
  const chase = render(message({ kind: 'opinion_followup', recipient: 'borgerraadgiveren@lejre.dk', link: null, issuedAt: '2026-01-15T10:00:00Z' }));
  expect(chase.subject).toMatch(/^Husk opfølgning/);
  // No text claims a reminder that was not sent: the escalation names the overdue notice only when it went out.
  expect(render(message({ kind: 'statement_escalation' })).text).not.toMatch(/mindet|fik .* besked/);
  expect(render(message({ kind: 'statement_escalation', overdueNoticeSentAt: '2026-04-13T06:00:03Z' })).text).toContain(
    'Afdelingslederen fik mandag den 13. april 2026 besked om, at fristen var overskredet.',
  );
  const reissued = (replacesEarlierLinks: boolean) => render(message({ kind: 'statement_request', linkReissued: true, replacesEarlierLinks })).text;
  expect(reissued(false)).not.toContain('erstatter');
  expect(reissued(true)).toContain('erstatter de links, I tidligere har fået');
  const digest = render(
    message({
      kind: 'delivery_failures',
      recipient: 'borgerraadgiveren@lejre.dk',
      link: null,
      adminUrl: 'http://cms.test/admin',
      failures: [
        {
          kind: 'statement_request',
          recipient: 'ukendt@example.org',
          caseNumber: '2026-0042',
          notBefore: '2026-04-13T06:00:00Z',
          attempts: 1,
          error: '550 No such user',
          adminUrl: 'http://cms.test/admin/row9',
        },
      ],
    }),
  );
  expect(digest.subject).toBe('En e-mail kunne ikke afleveres');
  expect(digest.text).toContain('Anmodning om redegørelse i sag 2026-0042 til ukendt@example.org, planlagt mandag den 13. april 2026 kl. 08.00, 1 forsøg.');
  expect(digest.text).toContain('http://cms.test/admin/row9');
  // HTML is escaped.
  expect(render(message({ centerName: '<script>x</script>' })).html).not.toContain('<script>');
});
