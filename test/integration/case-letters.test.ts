/**
 * The opinion letter and the citizen's own page, end to end with real workers, Redis and SMTP:
 * issuing an opinion stores its letter in the case file and mails the center a link to it (never
 * naming a confidential citizen) and the citizen a link to their case page; the page shows each
 * status, takes a message, tells the citizen when the case closes, and stops when revoked.
 */
import crypto from 'crypto';
import type { UID } from '@strapi/strapi';
import { startStrapi, TestStrapi } from '../helpers/strapi';
import { builders, Builders } from '../helpers/builders';
import { startSmtp, TestSmtp, ReceivedMail } from '../helpers/smtp';
import { deletePrefix, uniquePrefix } from '../helpers/redis';
import { startWorkers, Workers } from '../../workers/src/app';
import { CmsClient } from '../../workers/src/cms-client';
import { loadWorkerSettings } from '../../workers/src/settings';

const prefix = uniquePrefix('case-letters');
const workerToken = crypto.randomBytes(24).toString('base64url');
let app: TestStrapi;
let smtp: TestSmtp;
let workers: Workers;

beforeAll(async () => {
  smtp = await startSmtp();
  app = await startStrapi({
    OUTBOX_QUEUE_PREFIX: prefix,
    OUTBOX_WORKER_TOKEN: workerToken,
    OUTBOX_RETRY_DELAY_MS: '200',
    PUBLIC_STATEMENT_RATE_LIMIT: '1000',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    PUBLIC_SITE_URL: 'http://site.test',
  });
  workers = await startWorkers({ settings: loadWorkerSettings(), cms: new CmsClient(app.url, workerToken), schedule: false, concurrency: 4 });
});
afterAll(async () => {
  await workers?.close();
  await app?.stop();
  await smtp?.stop();
  await deletePrefix(prefix);
});

const docs = (uid: string) => app.strapi.documents(uid as UID.ContentType);
/** The case's journal, oldest first. */
const eventsOf = (complaintId: number): Promise<any[]> =>
  app.strapi.db
    .query('api::case-event.case-event' as UID.ContentType)
    .findMany({ where: { complaint: { id: complaintId } }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
const documentsAdded = async (complaintId: number) => (await eventsOf(complaintId)).filter((event) => event.kind === 'document_added');
const linkIn = (mail: ReceivedMail, page: 'sag' | 'udtalelse') => new RegExp(`http://site\\.test/${page}/([A-Za-z0-9_-]{43})`).exec(mail.decoded)?.[1] ?? null;
const get = (path: string) => fetch(`${app.url}${path}`).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));
const mailTo = (to: string, subject: RegExp) =>
  smtp
    .waitFor((mails) => mails.some((m) => m.to.includes(to) && subject.test(m.subject)), 30_000)
    .then((mails) => mails.filter((m) => m.to.includes(to) && subject.test(m.subject)));

let build: Builders;
beforeAll(async () => {
  build = builders(app);
  // The cases' center, whose leader receives the letters below.
  await build.defaultCenter({ name: 'Center for Brevtest', email: 'leder.brev@example.org', chiefEmail: 'chef.brev@example.org' });
});

const CONFIDENTIAL = {
  identity: 'confidential' as const,
  citizenName: 'Tove Tavshed',
  citizenEmail: 'tove.tavshed@example.org',
  citizenPhone: '31 41 59 26',
  specialCaseReason: 'Mistanke om gentagne fejl, der rammer en bredere kreds.',
};

test('issuing an opinion files its letter and mails the center and the citizen their links; the center never learns who complained', async () => {
  const complaint = await build.complaint({
    description: 'Tove Tavshed venter stadig på svar.',
    eventDate: '2026-10-01',
    caseStatus: 'undersoegelse',
    ...CONFIDENTIAL,
  });
  // Issued by the advisor in the admin.
  const issued = await app.admin('POST', '/content-manager/collection-types/api::opinion.opinion', {
    kind: 'case',
    complaint: complaint.documentId,
    outcome: 'kritik',
    legalPerspective: 'Forvaltningslovens § 7 om vejledning er ikke overholdt.',
    reasoning: 'Centret svarede ikke inden for rimelig tid.',
  });
  expect(issued.status).toBe(201);
  const opinion = issued.body.data;

  const [centerMail] = await mailTo('leder.brev@example.org', /udtalelse/i);
  const [citizenMail] = await mailTo('tove.tavshed@example.org', /udtalelse/i);
  expect(centerMail.subject).toContain(complaint.caseNumber);
  for (const secret of ['Tove', 'Tavshed', '31 41 59 26']) expect(centerMail.decoded).not.toContain(secret);

  // The case file holds the letter as a sent document.
  const filed: any[] = await app.strapi.db
    .query('api::case-document.case-document' as UID.ContentType)
    .findMany({ where: { opinion: { id: opinion.id } }, populate: ['file'] });
  expect(filed).toHaveLength(1);
  expect(filed[0]).toMatchObject({ direction: 'sendt', source: 'borgerraadgiver' });
  expect(filed[0].file.mime).toBe('text/html');
  // It opens from the case page's overview as the letter it is: its own styles apply, nothing else runs or loads.
  const overview = (await app.admin('GET', `/workspace/cases/${complaint.documentId}`)).body.data.overview;
  const { fileUrl } = overview.documents.find((d: { documentId: string }) => d.documentId === filed[0].documentId);
  const opened = await fetch(`${app.url}${fileUrl}`);
  expect(opened.status).toBe(200);
  expect(opened.headers.get('content-type')).toMatch(/^text\/html/);
  expect(opened.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:");
  expect(await opened.text()).toMatch(/<style[\s>]/);
  // Registered in the journal by the system, which writes the letter; its e-mails say whom they are for.
  expect(await documentsAdded(complaint.id)).toEqual([
    expect.objectContaining({
      actorType: 'system',
      actorName: 'Systemet',
      subjectType: 'case_document',
      subjectDocumentId: filed[0].documentId,
      summary: 'Brevet med udtalelsen lagt i sagen som sendt dokument.',
    }),
  ]);
  const planned = (await eventsOf(complaint.id)).filter((event) => event.kind === 'notification_planned' && /udtalelsen/.test(event.summary));
  expect(planned.map((event) => [event.actorType, event.summary]).sort()).toEqual([
    ['system', 'E-mail sendes: udtalelsen til Center for Brevtest.'],
    ['system', 'E-mail sendes: udtalelsen til borgeren.'],
  ]);
  expect((await eventsOf(complaint.id)).find((event) => event.kind === 'opinion_issued')).toMatchObject({ actorType: 'admin', actorName: 'Test Admin' });
  for (const secret of ['Tove', 'Tavshed', '31 41 59 26']) expect(JSON.stringify(await eventsOf(complaint.id))).not.toContain(secret);

  // The center's page shows the letter without the citizen; a GET changes nothing.
  const letterToken = linkIn(centerMail, 'udtalelse')!;
  const letter = await get(`/api/public/letters/${letterToken}`);
  expect(letter.status).toBe(200);
  expect(letter.body.data.html).toContain('Kritik');
  expect(letter.body.data.html).toContain('Forvaltningslovens § 7');
  for (const secret of ['Tove', 'Tavshed']) expect(letter.body.data.html).not.toContain(secret);
  expect((await get(`/api/public/letters/${letterToken}`)).status).toBe(200);
  // A letter link is not a case link and vice versa.
  expect((await get(`/api/public/cases/${letterToken}`)).status).toBe(404);

  const caseToken = linkIn(citizenMail, 'sag')!;
  const page = await get(`/api/public/cases/${caseToken}`);
  expect(page.status).toBe(200);
  // The case status follows the opinion issued in the admin.
  expect(page.body.data).toMatchObject({ caseNumber: complaint.caseNumber, status: { key: 'udtalelse_afgivet', label: 'Udtalelse afgivet' } });
  expect(page.body.data.opinion.outcome).toBe('Kritik');
  expect((await get(`/api/public/letters/${caseToken}`)).status).toBe(404);

  // Closed after the opinion: the citizen is told how it ended (the opinion's outcome), not "Afsluttet".
  await docs('api::complaint.complaint').update({ documentId: complaint.documentId, data: { caseStatus: 'afsluttet' } } as never);
  const [closed] = await mailTo('tove.tavshed@example.org', /afsluttet/);
  expect(closed.decoded).toContain('med resultatet: Kritik');
});

test('the citizen follows the case from the receipt, writes to the advisor, is told when it closes, and loses access when revoked', async () => {
  // Sent the way the form sends it with an attachment: multipart, the fields as JSON in `data`.
  const form = new FormData();
  form.append(
    'data',
    JSON.stringify({
      description: 'Min ansøgning om hjælpemidler er ikke besvaret.',
      identity: 'named',
      citizenName: 'Bo Borger',
      citizenEmail: 'bo.borger@example.org',
      eventDate: '2026-10-15',
      purpose: 'klage',
      complainantKind: 'citizen',
      center: 'ved ikke',
      consent: true,
    }),
  );
  form.append('files', new Blob([Buffer.from('%PDF-1.4\n%%EOF\n')], { type: 'application/pdf' }), 'afgoerelse.pdf');
  const intake = await fetch(`${app.url}/api/public/complaints`, { method: 'POST', body: form });
  expect(intake.status).toBe(201);
  const { caseNumber } = ((await intake.json()) as any).data;
  const [receipt] = await mailTo('bo.borger@example.org', /Kvittering/);
  const token = linkIn(receipt, 'sag')!;
  expect(token).toBeTruthy();

  let page = await get(`/api/public/cases/${token}`);
  expect(page.body.data).toMatchObject({ caseNumber, status: { key: 'modtaget', label: 'Modtaget' }, opinion: null });

  const posted = await fetch(`${app.url}/api/public/cases/${token}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ data: { message: 'Jeg har fået et nyt brev fra kommunen.' } }),
  });
  expect(posted.status).toBe(201);
  const empty = await fetch(`${app.url}/api/public/cases/${token}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ data: { message: '  ' } }),
  });
  expect(empty.status).toBe(400);
  const complaint: any = await app.strapi.db
    .query('api::complaint.complaint' as UID.ContentType)
    .findOne({ where: { caseNumber }, populate: { documents: true } });
  expect(complaint.documents.map((d: any) => [d.title, d.source, d.direction])).toEqual([
    ['afgoerelse.pdf', 'borger', 'modtaget'],
    [expect.stringMatching(/^Besked fra borgeren/), 'borger', 'modtaget'],
  ]);
  // Both registered in the journal as received from the citizen: through the form, and through their case page.
  expect((await documentsAdded(complaint.id)).map((event) => [event.actorType, event.actorName, event.summary])).toEqual([
    ['citizen', 'Borger via webformularen', 'Dokument modtaget fra borgeren.'],
    ['citizen', 'Borger via sin sagsside', 'Dokument modtaget fra borgeren.'],
  ]);
  // A file the form may not take refuses the whole submission, and no case is registered.
  const count = await app.strapi.db.query('api::complaint.complaint' as UID.ContentType).count({});
  const refused = new FormData();
  refused.append(
    'data',
    JSON.stringify({
      description: 'Med et forkert bilag.',
      identity: 'anonymous',
      eventDate: '2026-10-15',
      purpose: 'klage',
      complainantKind: 'citizen',
      center: 'ved ikke',
      consent: true,
    }),
  );
  refused.append('files', new Blob(['<html><script>alert(1)</script></html>'], { type: 'application/pdf' }), 'bilag.pdf');
  const answer = await fetch(`${app.url}/api/public/complaints`, { method: 'POST', body: refused });
  expect(answer.status).toBe(400);
  expect(((await answer.json()) as any).error.details.errors[0]).toMatchObject({ path: ['files'], message: expect.stringMatching(/ikke en filtype/) });
  expect(await app.strapi.db.query('api::complaint.complaint' as UID.ContentType).count({})).toBe(count);

  await docs('api::complaint.complaint').update({
    documentId: complaint.documentId,
    data: { caseStatus: 'loest_ved_dialog', dialogOutcome: 'Centret har svaret borgeren.' },
  } as never);
  page = await get(`/api/public/cases/${token}`);
  expect(page.body.data.status).toMatchObject({ key: 'loest_ved_dialog', label: 'Løst ved dialog' });
  const [closed] = await mailTo('bo.borger@example.org', /afsluttet/);
  expect(closed.decoded).toContain('Løst ved dialog');
  // Closing further (loest_ved_dialog → afsluttet) sends nothing new.
  await docs('api::complaint.complaint').update({ documentId: complaint.documentId, data: { caseStatus: 'afsluttet' } } as never);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect(smtp.messages.filter((m) => m.to.includes('bo.borger@example.org') && /afsluttet/.test(m.subject))).toHaveLength(1);

  await docs('api::complaint.complaint').update({ documentId: complaint.documentId, data: { revokeCitizenLink: true } } as never);
  for (const link of [token, linkIn(closed, 'sag')!]) {
    const gone = await get(`/api/public/cases/${link}`);
    expect(gone.status).toBe(410);
    expect(gone.body.error.details.reason).toBe('revoked');
  }
});

test('the center attaches files to its statement through its link; they join the case file as received from the center', async () => {
  const complaint = await build.complaint({ description: 'Sagen trak ud.', eventDate: '2026-10-01', caseStatus: 'undersoegelse', citizenName: 'Ib Ibsen' });
  const request = await build.statementRequest(complaint, { questions: 'Send sagens akter.' });
  const [mail] = await mailTo('leder.brev@example.org', new RegExp(`Anmodning om redegørelse i sag ${complaint.caseNumber}`));
  const form = new FormData();
  form.append('data', JSON.stringify({ text: 'Vi beklager forløbet. Akterne er vedlagt.', respondentName: 'Lene Leder' }));
  form.append('files', new Blob([Buffer.from('%PDF-1.4\n%%EOF\n')], { type: 'application/pdf' }), 'akter.pdf');
  const answer = await fetch(`${app.url}/api/public/statements/${mail.link!.split('/').pop()}`, { method: 'POST', body: form });
  expect(answer.status).toBe(200);
  const filed: any[] = await app.strapi.db
    .query('api::case-document.case-document' as UID.ContentType)
    .findMany({ where: { complaint: { id: complaint.id } }, populate: ['statementRequest', 'file'] });
  expect(filed.map((d) => [d.title, d.source, d.direction, d.statementRequest?.documentId])).toEqual([['akter.pdf', 'center', 'modtaget', request.documentId]]);
  expect(filed[0].file.url).toMatch(/^\/dokumenter\//);
  expect(await documentsAdded(complaint.id)).toEqual([
    expect.objectContaining({
      actorType: 'center',
      actorName: 'Center for Brevtest',
      subjectDocumentId: filed[0].documentId,
      summary: 'Dokument modtaget fra centret med redegørelsen.',
    }),
  ]);
});
