/**
 * E-mail into the case, end to end: a real IMAP server (dovecot, started here), the real SMTP
 * sink, real Redis, the real Strapi app (cms/dist) and two worker processes' inbox readers
 * (workers/src) reading the same mailbox. Messages are delivered into the mailbox as a mail
 * server's delivery agent does; replies answer the e-mails the workers really sent.
 */
import crypto from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { UID } from '@strapi/strapi';
import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer';
import { startStrapi, TestStrapi } from '../helpers/strapi';
import { builders, Builders } from '../helpers/builders';
import { startSmtp, TestSmtp, type ReceivedMail } from '../helpers/smtp';
import { startImap, TestImap } from '../helpers/imap';
import { deletePrefix, uniquePrefix } from '../helpers/redis';
import { loginAs } from '../helpers/admin-users';
import { startWorkers, Workers } from '../../workers/src/app';
import { startInboxReader } from '../../workers/src/inbox/reader';
import { CmsClient } from '../../workers/src/cms-client';
import { loadWorkerSettings } from '../../workers/src/settings';

jest.setTimeout(180_000);

const prefix = uniquePrefix('inbox');
const workerToken = crypto.randomBytes(24).toString('base64url');
const ADVISOR = 'borgerraadgiveren@lejre.dk';
const INBOUND = 'api::inbound-mail.inbound-mail' as UID.ContentType;
const COMPLAINT = 'api::complaint.complaint' as UID.ContentType;
const DOCUMENT = 'api::case-document.case-document' as UID.ContentType;
const EVENT = 'api::case-event.case-event' as UID.ContentType;
const NOTIFICATION = 'api::notification.notification' as UID.ContentType;
const REQUEST = 'api::statement-request.statement-request';
/** A minimal PDF: the case file checks a file's type by its content. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

let app: TestStrapi;
let smtp: TestSmtp;
let imap: TestImap;
const workers: Workers[] = [];
let build: Builders;
const storageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inbox-documents-'));

beforeAll(async () => {
  smtp = await startSmtp();
  imap = await startImap();
  app = await startStrapi({
    OUTBOX_QUEUE_PREFIX: prefix,
    OUTBOX_WORKER_TOKEN: workerToken,
    OUTBOX_RETRY_DELAY_MS: '200',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    MAIL_FROM: ADVISOR,
    PUBLIC_COMPLAINT_RATE_LIMIT: '1000',
    DOCUMENT_STORAGE_DIR: storageDir,
    INBOX_POLL_MS: '1000',
    ...imap.env(),
  });
  build = builders(app);
  // Two worker processes, each with its own IMAP connection to the same mailbox.
  for (let i = 0; i < 2; i++)
    workers.push(await startWorkers({ settings: loadWorkerSettings(), cms: new CmsClient(app.url, workerToken), schedule: false, inbox: true }));
}, 300_000);

afterAll(async () => {
  for (const w of workers) await w.close();
  await app?.stop();
  await smtp?.stop();
  await imap?.close();
  await deletePrefix(prefix);
  fs.rmSync(storageDir, { recursive: true, force: true });
});

const db = (uid: UID.ContentType) => app.strapi.db.query(uid);
let sequence = 0;

async function compose(options: Mail.Options): Promise<Buffer> {
  return new MailComposer({ messageId: `<test-${++sequence}-${crypto.randomBytes(4).toString('hex')}@example.org>`, ...options }).compile().build();
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The stored row of a message, once a reader has handed it over. */
const stored = (messageId: string) =>
  until(`message ${messageId}`, async () => {
    const key = crypto
      .createHash('sha256')
      .update(`id:${messageId.replace(/^<|>$/g, '').toLowerCase()}`)
      .digest('hex');
    return db(INBOUND).findOne({
      where: { messageKey: key },
      populate: { complaint: true, statementRequest: true, notification: true, original: true, attachments: true },
    });
  });

const messageIdOf = (raw: Buffer) => /^Message-ID:\s*(<[^>]+>)/im.exec(raw.toString('utf8'))![1];

async function deliverAndStore(raw: Buffer) {
  imap.deliver(raw);
  return stored(messageIdOf(raw));
}

const documentsOf = (complaintId: number) =>
  db(DOCUMENT).findMany({ where: { complaint: { id: complaintId } }, populate: { file: true, statementRequest: true }, orderBy: { id: 'asc' } });
const eventsOf = (complaintId: number) => db(EVENT).findMany({ where: { complaint: { id: complaintId } }, orderBy: { id: 'asc' } });
const inboxEmpty = () => until('the inbox to be emptied', async () => imap.list().length === 0);

const center = (name: string, email: string) => build.center({ name, email, chiefEmail: `chef.${email}` });

async function caseWithRequest(centerDocumentId: string) {
  const complaint = await build.complaint({
    description: 'Ansøgningen blev ikke behandlet.',
    center: centerDocumentId,
    citizenName: 'Niels Navngiven',
    citizenEmail: 'niels@example.net',
    caseStatus: 'undersoegelse',
  });
  const response = await app.admin('POST', `/content-manager/collection-types/${REQUEST}`, {
    complaint: { connect: [{ documentId: complaint.documentId }], disconnect: [] },
    questions: 'Redegør for sagsforløbet.',
  });
  expect([200, 201]).toContain(response.status);
  return { complaint, request: response.body.data as { documentId: string; id: number } };
}

const sentTo = (recipient: string, caseNumber: string) =>
  until(`an e-mail to ${recipient}`, async () => smtp.messages.find((mail) => mail.to.includes(recipient) && mail.subject.includes(caseNumber)));

function replyTo(mail: ReceivedMail, from: string, text: string, extra: Partial<Mail.Options> = {}) {
  return compose({ from, to: ADVISOR, subject: `SV: ${mail.subject}`, inReplyTo: mail.messageId, references: [mail.messageId], text, ...extra });
}

test('a new e-mail becomes an inquiry in Modtaget with its æøå attachment, journaled by the inbox, and leaves the inbox only when stored', async () => {
  const raw = await compose({
    from: '"Søren Ærø" <soeren.aeroe@example.net>',
    to: ADVISOR,
    subject: 'Klage over min sag om boligstøtte',
    text: 'Jeg har ventet i fire måneder på en afgørelse.',
    attachments: [{ filename: 'Afgørelse – æøå ÆØÅ.pdf', content: PDF, contentType: 'application/pdf' }],
  });
  const mail = await deliverAndStore(raw);
  expect(mail.mailStatus).toBe('ny_henvendelse');
  const complaint = await db(COMPLAINT).findOne({ where: { id: mail.complaint.id } });
  expect(complaint).toMatchObject({
    channel: 'email',
    caseStatus: 'modtaget',
    title: 'Klage over min sag om boligstøtte',
    citizenEmail: 'soeren.aeroe@example.net',
    citizenName: 'Søren Ærø',
    identity: 'named',
  });
  expect(complaint.caseNumber).toMatch(/^\d{4}-\d{4}$/);
  expect(complaint.description).toContain('fire måneder');
  const documents = await documentsOf(complaint.id);
  expect(documents.map((d: any) => [d.title, d.source, d.direction])).toEqual([
    [expect.stringMatching(/^E-mail fra borgeren /), 'borger', 'modtaget'],
    ['Afgørelse – æøå ÆØÅ.pdf', 'borger', 'modtaget'],
  ]);
  expect(documents[1].file.mime).toBe('application/pdf');
  expect(documents[0].file.url).toMatch(/^\/dokumenter\/[a-f0-9]{32}\.eml$/);
  // The original is kept whole in the private storage.
  const key = documents[0].file.url.split('/').pop();
  expect(fs.readFileSync(path.join(storageDir, key.slice(0, 2), key))).toEqual(raw);
  const events = await eventsOf(complaint.id);
  expect(events.map((e: any) => [e.kind, e.actorType])).toEqual(
    expect.arrayContaining([
      ['created', 'inbox'],
      ['document_added', 'inbox'],
      ['mail_received', 'inbox'],
    ]),
  );
  await inboxEmpty();
  expect(imap.list('Behandlet').length).toBeGreaterThanOrEqual(1);
});

test('an attachment Outlook marks inline is kept; an image embedded in the HTML is not', async () => {
  const raw = await compose({
    from: 'ulla@example.net',
    to: ADVISOR,
    subject: 'Min klage',
    html: '<p>Se vedhæftede.</p><img src="cid:logo@outlook">',
    attachments: [
      { filename: 'Klage.pdf', content: PDF, contentType: 'application/pdf', contentDisposition: 'inline' },
      { filename: 'logo.png', content: PNG, contentType: 'image/png', cid: 'logo@outlook' },
    ],
  });
  const mail = await deliverAndStore(raw);
  const titles = (await documentsOf(mail.complaint.id)).map((d: any) => d.title);
  expect(titles).toEqual([expect.stringMatching(/^E-mail fra borgeren/), 'Klage.pdf']);
  expect((await db(COMPLAINT).findOne({ where: { id: mail.complaint.id } })).description).toContain('Se vedhæftede.');
});

test("a center's reply to the statement request joins its case, the advisor is told, and she accepts it as the statement in one step", async () => {
  const c = await center('Center for Indbakketest', 'leder@center.example.dk');
  const { complaint, request } = await caseWithRequest(c.documentId);
  const requestMail = await sentTo('leder@center.example.dk', complaint.caseNumber);
  const reply = await replyTo(requestMail, '"Lene Leder" <leder@center.example.dk>', 'Her er vores redegørelse: sagen blev forsinket af sygdom.', {
    attachments: [{ filename: 'Sagsakter.pdf', content: PDF, contentType: 'application/pdf' }],
  });
  const mail = await deliverAndStore(reply);
  expect(mail.mailStatus).toBe('tilknyttet');
  expect(mail.complaint.id).toBe(complaint.id);
  expect(mail.statementRequest.id).toBe(request.id);
  const documents = await documentsOf(complaint.id);
  expect(documents.map((d: any) => [d.source, d.statementRequest?.id])).toEqual([
    ['center', request.id],
    ['center', request.id],
  ]);
  await until(
    'the advisor to be told',
    async () => (await db(NOTIFICATION).findMany({ where: { kind: 'mail_received', complaint: { id: complaint.id } } })).length === 1,
  );
  const told = await sentTo(ADVISOR, complaint.caseNumber);
  expect(told.subject).toContain(`Ny e-mail i sag ${complaint.caseNumber}`);

  const accepted = await app.admin('POST', `/inbox/mails/${mail.documentId}/statement`);
  expect(accepted.status).toBe(200);
  const answered = await db(REQUEST as UID.ContentType).findOne({ where: { id: request.id } });
  expect(answered).toMatchObject({ requestStatus: 'besvaret', respondentName: 'Lene Leder' });
  expect(answered.responseText).toContain('forsinket af sygdom');
  expect((await app.admin('POST', `/inbox/mails/${mail.documentId}/statement`)).status).toBe(409);
});

test("a citizen's reply to the receipt joins their case; a forwarded reply finds its case by the subject", async () => {
  const submitted = await fetch(`${app.url}/api/public/complaints`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      data: {
        description: 'Min sag er ikke behandlet.',
        center: 'ved ikke',
        eventDate: new Date(Date.now() - 10 * 86400000).toISOString().slice(0, 10),
        citizenName: 'Bo Borger',
        citizenEmail: 'bo@example.net',
        identity: 'named',
        purpose: 'klage',
        complainantKind: 'citizen',
        consent: true,
      },
    }),
  });
  expect(submitted.status).toBe(201);
  const { caseNumber } = ((await submitted.json()) as any).data;
  const receipt = await sentTo('bo@example.net', caseNumber);
  const mail = await deliverAndStore(await replyTo(receipt, 'bo@example.net', 'Jeg har fundet brevet fra kommunen.'));
  expect(mail.mailStatus).toBe('tilknyttet');
  expect(mail.complaint.caseNumber).toBe(caseNumber);
  expect((await documentsOf(mail.complaint.id)).map((d: any) => d.source)).toEqual(['borger']);

  // Forwarded from another address with a new Message-ID and no reference headers: the subject keeps the case number.
  const forwarded = await compose({ from: 'datter@example.net', to: ADVISOR, subject: `VS: ${receipt.subject}`, text: 'Videresendt på vegne af min far.' });
  const second = await deliverAndStore(forwarded);
  expect(second.mailStatus).toBe('tilknyttet');
  expect(second.complaint.caseNumber).toBe(caseNumber);
});

test('a message naming two cases, or a case that does not exist, waits in Ikke tilknyttet post until the advisor files it', async () => {
  const one = await build.complaint({ description: 'Første.' });
  const two = await build.complaint({ description: 'Anden.' });
  const both = await deliverAndStore(
    await compose({
      from: 'advokat@example.net',
      to: ADVISOR,
      subject: `Sag ${one.caseNumber} og sag ${two.caseNumber}`,
      text: 'Samme spørgsmål i begge sager.',
    }),
  );
  expect(both.mailStatus).toBe('ikke_tilknyttet');
  expect(both.reason).toContain(one.caseNumber);
  expect(both.reason).toContain(two.caseNumber);
  expect(both.complaint).toBeNull();
  expect(both.original).toBeTruthy();
  expect(await documentsOf(one.id)).toEqual([]);
  const held = await db(EVENT).findOne({ where: { kind: 'mail_unmatched', subjectDocumentId: both.documentId } });
  expect(held).toMatchObject({ actorType: 'inbox' });

  // One step files it; a second attempt (another advisor at the same time) is refused.
  const [first, again] = await Promise.all([
    app.admin('POST', `/inbox/mails/${both.documentId}/attach`, { complaint: one.caseNumber }),
    app.admin('POST', `/inbox/mails/${both.documentId}/attach`, { complaint: two.caseNumber }),
  ]);
  expect([first.status, again.status].sort()).toEqual([200, 409]);
  const target = first.status === 200 ? one : two;
  expect((await documentsOf(target.id)).map((d: any) => d.title)).toEqual([expect.stringMatching(/^E-mail fra borgeren/)]);
  expect(await db(EVENT).findOne({ where: { kind: 'mail_attached', complaint: { id: target.id } } })).toMatchObject({ actorType: 'admin' });

  const typo = await deliverAndStore(await compose({ from: 'x@example.net', to: ADVISOR, subject: 'Re: [Sag 2019-0999] svar', text: 'Svar.' }));
  expect(typo.mailStatus).toBe('ikke_tilknyttet');
  expect(typo.reason).toContain('sag 2019-0999, som ikke findes');
  const opened = await app.admin('POST', `/inbox/mails/${typo.documentId}/inquiry`);
  expect(opened.status).toBe(200);
  const created = await db(COMPLAINT).findOne({ where: { caseNumber: opened.body.data.caseNumber } });
  expect(created).toMatchObject({ channel: 'email', caseStatus: 'modtaget', citizenEmail: 'x@example.net' });
  expect((await db(INBOUND).findOne({ where: { id: typo.id } })).mailStatus).toBe('ny_henvendelse');
  // The assistant sees that mail came, not who wrote it or what, and cannot file it.
  const pending = await deliverAndStore(await compose({ from: 'y@example.net', to: ADVISOR, subject: 'Sag 2019-0998', text: 'Svar.' }));
  const assistant = await loginAs(app, 'Administrativ medarbejder');
  expect((await assistant.request('POST', `/inbox/mails/${pending.documentId}/inquiry`)).status).toBe(403);
  const seen = await assistant.request('GET', `/content-manager/collection-types/${INBOUND}/${pending.documentId}`);
  expect(seen.status).toBe(200);
  expect(seen.body.data).toMatchObject({ mailStatus: 'ikke_tilknyttet' });
  for (const hidden of ['fromAddress', 'fromName', 'subject', 'text', 'original', 'reason']) expect(seen.body.data).not.toHaveProperty(hidden);
  expect(JSON.stringify(seen.body)).not.toContain('y@example.net');
  expect((await assistant.request('PUT', `/content-manager/collection-types/${INBOUND}/${pending.documentId}`, { mailStatus: 'tilknyttet' })).status).toBe(403);
  const advisor = await loginAs(app, 'Borgerrådgiver');
  expect((await advisor.request('POST', `/inbox/mails/${pending.documentId}/inquiry`)).status).toBe(200);

  // Filed once: nothing is filed twice.
  expect((await app.admin('POST', `/inbox/mails/${typo.documentId}/inquiry`)).status).toBe(409);
});

test('the same message delivered twice, read by two workers, is stored once and leaves the inbox', async () => {
  const raw = await compose({ from: 'dobbelt@example.net', to: ADVISOR, subject: 'Dobbelt', text: 'Sendt to gange.' });
  const others = await Promise.all([1, 2, 3, 4].map((n) => compose({ from: `p${n}@example.net`, to: ADVISOR, subject: `Henvendelse ${n}`, text: `Nr. ${n}` })));
  imap.deliver(raw);
  imap.deliver(raw);
  for (const other of others) imap.deliver(other);
  await Promise.all(workers.map((w) => w.inbox!.readNow().catch(() => 0)));
  await inboxEmpty();
  const rows = await db(INBOUND).findMany({ where: { fromAddress: 'dobbelt@example.net' } });
  expect(rows).toHaveLength(1);
  expect(await db(COMPLAINT).count({ where: { citizenEmail: 'dobbelt@example.net' } })).toBe(1);
  for (const n of [1, 2, 3, 4]) expect(await db(COMPLAINT).count({ where: { citizenEmail: `p${n}@example.net` } })).toBe(1);
});

test('mail that arrives while the IMAP server is down is read when it is back', async () => {
  await imap.stop();
  const raw = await compose({ from: 'nede@example.net', to: ADVISOR, subject: 'Mens serveren var nede', text: 'Hej.' });
  imap.deliver(raw);
  await new Promise((resolve) => setTimeout(resolve, 2500));
  expect(await db(INBOUND).count({ where: { fromAddress: 'nede@example.net' } })).toBe(0);
  await imap.start();
  const mail = await stored(messageIdOf(raw));
  expect(mail.mailStatus).toBe('ny_henvendelse');
  await inboxEmpty();
});

test('an out-of-office reply opens no case; a bounce marks the e-mail failed in Udsendelse and on the case', async () => {
  const c = await center('Center for Returmail', 'leder@retur.example.dk');
  const { complaint } = await caseWithRequest(c.documentId);
  const requestMail = await sentTo('leder@retur.example.dk', complaint.caseNumber);
  const before = await db(COMPLAINT).count();
  const away = await deliverAndStore(
    await replyTo(requestMail, 'leder@retur.example.dk', 'Jeg er på ferie til mandag.', {
      subject: `Automatisk svar: ${requestMail.subject}`,
      headers: { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' },
    }),
  );
  expect(away.mailStatus).toBe('autosvar');
  expect(away.complaint.id).toBe(complaint.id);
  expect(await documentsOf(complaint.id)).toEqual([]);
  const fresh = await deliverAndStore(
    await compose({ from: 'x@example.net', to: ADVISOR, subject: 'Out of Office: ferie', text: 'Væk.', headers: { 'Auto-Submitted': 'auto-replied' } }),
  );
  expect(fresh.mailStatus).toBe('autosvar');
  expect(await db(COMPLAINT).count()).toBe(before);

  const bounce = await compose({
    from: 'Mail Delivery System <MAILER-DAEMON@mx.example.dk>',
    to: ADVISOR,
    subject: 'Undelivered Mail Returned to Sender',
    headers: { 'Auto-Submitted': 'auto-replied' },
    text: 'Din e-mail kunne ikke afleveres.',
    attachments: [
      {
        contentType: 'message/delivery-status',
        content:
          'Reporting-MTA: dns; mx.example.dk\r\n\r\nFinal-Recipient: rfc822; leder@retur.example.dk\r\nAction: failed\r\nStatus: 5.1.1\r\nDiagnostic-Code: smtp; 550 5.1.1 User unknown\r\n',
      },
      { contentType: 'text/rfc822-headers', content: `From: ${ADVISOR}\r\nMessage-ID: ${requestMail.messageId}\r\nSubject: ${requestMail.subject}\r\n` },
    ],
  });
  // A DSN's own content type (multipart/report) as the MTA writes it.
  const dsn = Buffer.from(bounce.toString('utf8').replace(/Content-Type: multipart\/mixed;/i, 'Content-Type: multipart/report; report-type=delivery-status;'));
  const returned = await deliverAndStore(dsn);
  expect(returned.mailStatus).toBe('returmail');
  expect(returned.notification).toBeTruthy();
  const row = await db(NOTIFICATION).findOne({ where: { id: returned.notification.id } });
  expect(row).toMatchObject({ kind: 'statement_request', deliveryStatus: 'failed' });
  expect(row.lastError).toContain('550 5.1.1 User unknown');
  expect(await db(EVENT).findOne({ where: { kind: 'notification_failed', complaint: { id: complaint.id } } })).toBeTruthy();
  expect(await db(COMPLAINT).count()).toBe(before);
});

test('without INBOX_IMAP_HOST, .eml files dropped into INBOX_DIR are read the same way', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inbox-dir-'));
  const settings = loadWorkerSettings({ ...process.env, INBOX_IMAP_HOST: '', INBOX_DIR: dir, INBOX_POLL_MS: '500' }).inbox;
  expect(settings.imap).toBeNull();
  const reader = startInboxReader(settings, new CmsClient(app.url, workerToken), { info: () => {}, warn: () => {} });
  try {
    const raw = await compose({ from: 'fil@example.net', to: ADVISOR, subject: 'Lagt i mappen', text: 'Uden mailserver.' });
    // A file the CMS refuses (empty) stays where it is and holds up nothing.
    fs.writeFileSync(path.join(dir, 'a-tom.eml'), '');
    fs.writeFileSync(path.join(dir, 'henvendelse.eml'), raw);
    fs.writeFileSync(path.join(dir, 'igen.eml'), raw);
    expect((await stored(messageIdOf(raw))).mailStatus).toBe('ny_henvendelse');
    await until(
      'the files to move to Behandlet',
      async () => fs.readdirSync(path.join(dir, 'Behandlet')).length === 2 && !fs.existsSync(path.join(dir, 'henvendelse.eml')),
    );
    expect(await db(COMPLAINT).count({ where: { citizenEmail: 'fil@example.net' } })).toBe(1);
    expect(fs.existsSync(path.join(dir, 'a-tom.eml'))).toBe(true);
  } finally {
    await reader.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
