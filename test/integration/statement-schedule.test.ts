/**
 * The statement schedule with the day-based policy of a real installation (P14D, P2D, P3D,
 * P30D), against the real Strapi on SQLite or PostgreSQL: each symptom of issue 10 as it would
 * meet an advisor. Sending is driven through the CMS's own claim/report functions with the
 * instant they act at, so days can pass in a test; no worker runs. Also run with
 * TZ=America/New_York (package.json test:tz): every date is Copenhagen's, whatever the server's.
 */
import crypto from 'crypto';
import type { UID } from '@strapi/strapi';
import Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import { startStrapi, TestStrapi } from '../helpers/strapi';
import { builders, Builders } from '../helpers/builders';
import { deletePrefix, uniquePrefix } from '../helpers/redis';
import { claim, report } from '../../cms/src/outbox/worker-api';
import { closeQueue } from '../../cms/src/outbox/queue';
import { render } from '../../workers/src/mail/templates';

const prefix = uniquePrefix('statement-schedule');
const REQUEST = 'api::statement-request.statement-request';
const NOTIFICATION = 'api::notification.notification';
const CALENDAR = 'api::closing-day.closing-day';
const ZONE = 'Europe/Copenhagen';

let app: TestStrapi;
let build: Builders;
beforeAll(async () => {
  app = await startStrapi({
    OUTBOX_QUEUE_PREFIX: prefix,
    OUTBOX_WORKER_TOKEN: crypto.randomBytes(24).toString('base64url'),
    PUBLIC_SITE_URL: 'http://site.test',
  });
  build = builders(app);
  await build.defaultCenter({ name: 'Center for Kalender', email: 'leder.kalender@example.org', chiefEmail: 'chef.kalender@example.org' });
});
afterAll(async () => {
  await closeQueue();
  await app?.stop();
  await deletePrefix(prefix);
});

const local = (instant: string | Date) => DateTime.fromJSDate(new Date(instant), { zone: ZONE }).toFormat('yyyy-MM-dd HH:mm');
const endOfLocalDay = (date: string) => DateTime.fromISO(date, { zone: ZONE }).endOf('day').toJSDate().toISOString();
const db = (uid: string) => app.strapi.db.query(uid as UID.ContentType);
const rowsOf = async (requestId: number) =>
  (await db(NOTIFICATION).findMany({ where: { statementRequest: { id: requestId } }, orderBy: { id: 'asc' } })) as any[];
const planned = async (requestId: number) => (await rowsOf(requestId)).filter((r) => r.deliveryStatus === 'planned');

async function request(extra: Record<string, unknown> = {}) {
  const complaint = await build.complaint({
    description: 'Klage over sagsbehandlingen.',
    // Received before any request the tests register as sent by letter.
    receivedAt: DateTime.now().minus({ days: 70 }).toISO(),
    eventDate: DateTime.now().minus({ days: 80 }).toISODate(),
    caseStatus: 'undersoegelse',
  });
  const response = await app.admin('POST', `/content-manager/collection-types/${REQUEST}`, {
    complaint: { connect: [{ documentId: complaint.documentId }], disconnect: [] },
    questions: 'Redegør for forløbet.',
    ...extra,
  });
  expect(response.status).toBe(201);
  return { caseNumber: complaint.caseNumber, ...((await db(REQUEST).findOne({ where: { documentId: response.body.data.documentId } })) as any) };
}

/** Sends a row at a simulated instant through the CMS: claim, render, report success. */
async function send(row: { documentId: string }, at: Date) {
  const claimed = await claim(app.strapi, row.documentId, at);
  expect(claimed.action).toBe('send');
  if (claimed.action !== 'send') throw new Error('not sent');
  expect(await report(app.strapi, row.documentId, { ok: true, messageId: `<${row.documentId}@test>` }, at)).toBe(true);
  return { message: claimed.message, mail: render(claimed.message) };
}

test('registered as sent by letter 60 days ago: no request e-mail, one overdue notice at 08:00 on the next working day, the escalation only P3D after it, and every link works on arrival', async () => {
  const now = new Date();
  const created = await request({ sentOutsideSystem: true, requestedAt: new Date(now.getTime() - 60 * 86400_000).toISOString() });
  const rows = await rowsOf(created.id);
  expect(rows.map((r) => r.kind)).toEqual(['statement_overdue']);
  const overdue = rows[0];
  // 08:00 Copenhagen time on a working day, within the next few days, never at once.
  expect(local(overdue.notBefore).slice(11)).toBe('08:00');
  expect(new Date(overdue.notBefore).getTime()).toBeGreaterThan(now.getTime());
  expect(new Date(overdue.notBefore).getTime()).toBeLessThan(now.getTime() + 6 * 86400_000);
  expect([6, 7]).not.toContain(DateTime.fromJSDate(new Date(overdue.notBefore), { zone: ZONE }).weekday);

  const sentAt = new Date(new Date(overdue.notBefore).getTime() + 5000);
  const { message, mail } = await send(overdue, sentAt);
  // The link mailed 46 days after the due date works for P30D from the day it was mailed.
  expect(local(message.linkExpiresAt!)).toBe(`${DateTime.fromJSDate(sentAt, { zone: ZONE }).plus({ days: 30 }).toISODate()} 23:59`);
  const view = await fetch(`${app.url}/api/public/statements/${message.link!.split('/').pop()}`);
  expect(view.status).toBe(200);
  expect(mail.text).toMatch(/Fristen for jeres skriftlige redegørelse/);

  // Only now is the escalation planned: P3D after the overdue notice's day, at 08:00 on a working day.
  const escalation = (await planned(created.id)).find((r) => r.kind === 'statement_escalation');
  expect(escalation.recipient).toBe('chef.kalender@example.org');
  expect(new Date(escalation.notBefore).getTime() - sentAt.getTime()).toBeGreaterThanOrEqual(3 * 86400_000 - 10_000);
  expect(local(escalation.notBefore).slice(11)).toBe('08:00');
  // Run early, the job waits for its time.
  expect((await claim(app.strapi, escalation.documentId, new Date(sentAt.getTime() + 86400_000))).action).toBe('later');
  const escalated = await send(escalation, new Date(escalation.notBefore));
  expect(escalated.mail.text).toContain(`Afdelingslederen fik ${DateTime.fromJSDate(sentAt, { zone: ZONE }).setLocale('da').toFormat('cccc')} den`);
  expect(escalated.mail.text).not.toMatch(/mindet om/);
});

test('an escalation is never sent when no overdue notice went out', async () => {
  const created = await request();
  const overdue = (await planned(created.id)).find((r) => r.kind === 'statement_overdue');
  // A stray escalation row (e.g. left by an older version) is cancelled at send time.
  const [stray] = await Promise.all([
    db(NOTIFICATION).create({
      data: {
        kind: 'statement_escalation',
        recipient: 'chef.kalender@example.org',
        notBefore: new Date().toISOString(),
        dueVersion: overdue.dueVersion,
        deliveryStatus: 'planned',
        attempts: 0,
        statementRequest: created.id,
      },
    }),
  ]);
  expect(await claim(app.strapi, stray.documentId)).toEqual({ action: 'skip', reason: 'no overdue notice sent' });
  expect((await db(NOTIFICATION).findOne({ where: { id: stray.id } })).deliveryStatus).toBe('cancelled');
});

test('an agreed due date of 19 March 2027: the link works to the end of 18 April 2027 and the e-mail says so', async () => {
  const created = await request();
  const agreed = endOfLocalDay('2027-03-19');
  const response = await app.admin('PUT', `/content-manager/collection-types/${REQUEST}/${created.documentId}`, {
    agreedDueAt: agreed,
    agreementNote: 'Aftalt med afdelingslederen.',
  });
  expect(response.status).toBe(200);
  const first = (await rowsOf(created.id)).find((r) => r.kind === 'statement_request');
  const { message, mail } = await send(first, new Date());
  expect(message.linkExpiresAt).toBe(endOfLocalDay('2027-04-18'));
  expect(mail.text).toContain('Frist: fredag den 19. marts 2027.');
  expect(mail.text).toContain('virker til og med søndag den 18. april 2027');
  const view: any = await (await fetch(`${app.url}/api/public/statements/${message.link!.split('/').pop()}`)).json();
  expect(view.data.linkExpiresAt).toBe(endOfLocalDay('2027-04-18'));
  // The reminder and the overdue notice of the agreed date, at 08:00 Copenhagen time.
  expect((await planned(created.id)).map((r) => [r.kind, local(r.notBefore)])).toEqual([
    ['statement_reminder', '2027-03-17 08:00'],
    ['statement_overdue', '2027-03-22 08:00'],
  ]);
});

/** The first 23 December from this year on that is a weekday followed by a weekday, with time to spare. */
function christmasYear(): number {
  for (let year = DateTime.now().setZone(ZONE).year; ; year++) {
    const eve = DateTime.fromObject({ year, month: 12, day: 24 }, { zone: ZONE });
    if (eve.weekday <= 5 && eve.minus({ days: 1 }).weekday <= 5 && eve.minus({ days: 10 }) > DateTime.now()) return year;
  }
}

test('24 December switched on as a closing day after the request: the overdue notice moves to the next working day, with a note; the deadline stays; switched off, it moves back', async () => {
  const year = christmasYear();
  const created = await request();
  const agreed = endOfLocalDay(`${year}-12-23`);
  expect(
    (await app.admin('PUT', `/content-manager/collection-types/${REQUEST}/${created.documentId}`, { agreedDueAt: agreed, agreementNote: 'Aftalt.' })).status,
  ).toBe(200);
  const before = (await planned(created.id)).find((r) => r.kind === 'statement_overdue');
  expect(local(before.notBefore)).toBe(`${year}-12-24 08:00`);

  let eve: any = await db(CALENDAR).findOne({ where: { date: `${year}-12-24` } });
  if (!eve)
    eve = await app.strapi
      .documents(CALENDAR as UID.ContentType)
      .create({ data: { date: `${year}-12-24`, name: 'Juleaftensdag', kind: 'lukkedag', active: false } } as never);
  expect((await app.admin('PUT', `/content-manager/collection-types/${CALENDAR}/${eve.documentId}`, { active: true })).status).toBe(200);

  const moved = await db(NOTIFICATION).findOne({ where: { id: before.id } });
  let next = DateTime.fromISO(`${year}-12-27`, { zone: ZONE });
  while (next.weekday > 5) next = next.plus({ days: 1 });
  expect(local(moved.notBefore)).toBe(`${next.toISODate()} 08:00`);
  expect(moved.statusNote).toMatch(/Flyttet fra .* 24\. december .* kalenderen/);
  expect((await db(REQUEST).findOne({ where: { id: created.id } })).agreedDueAt).toBeTruthy();
  expect(new Date((await db(REQUEST).findOne({ where: { id: created.id } })).dueAt).toISOString()).toBe(new Date(created.dueAt).toISOString());
  // The delivery job moved with it.
  const { Queue } = await import('bullmq');
  const IORedis = (await import('ioredis')).default;
  const connection = new IORedis(process.env.REDIS_URL || 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
  const queue = new Queue('outbox', { connection, prefix });
  try {
    const job = await queue.getJob(moved.documentId);
    expect(Math.abs(job!.timestamp + job!.delay - new Date(moved.notBefore).getTime())).toBeLessThan(120_000);
  } finally {
    await queue.close();
    connection.disconnect();
  }

  expect((await app.admin('PUT', `/content-manager/collection-types/${CALENDAR}/${eve.documentId}`, { active: false })).status).toBe(200);
  expect(local((await db(NOTIFICATION).findOne({ where: { id: before.id } })).notBefore)).toBe(`${year}-12-24 08:00`);
});

test("one holiday row added for a year (5 June) keeps that year's Easter: the overdue notice skips Maundy Thursday to Easter Monday", async () => {
  const year = DateTime.now().year + 2;
  const maundyThursday = new Holidays('DK')
    .getHolidays(year)
    .find((h) => h.name === 'Skærtorsdag')!
    .date.slice(0, 10);
  const wednesday = DateTime.fromISO(maundyThursday, { zone: ZONE }).minus({ days: 1 }).toISODate()!;
  const tuesdayAfter = DateTime.fromISO(maundyThursday, { zone: ZONE }).plus({ days: 5 }).toISODate()!;
  expect(
    (await app.admin('POST', `/content-manager/collection-types/${CALENDAR}`, { date: `${year}-06-05`, name: 'Grundlovsdag', kind: 'helligdag', active: true }))
      .status,
  ).toBe(201);
  const created = await request();
  expect(
    (
      await app.admin('PUT', `/content-manager/collection-types/${REQUEST}/${created.documentId}`, {
        agreedDueAt: endOfLocalDay(wednesday),
        agreementNote: 'Aftalt.',
      })
    ).status,
  ).toBe(200);
  expect((await planned(created.id)).find((r) => r.kind === 'statement_overdue')).toMatchObject({ notBefore: expect.anything() });
  expect(local((await planned(created.id)).find((r) => r.kind === 'statement_overdue').notBefore)).toBe(`${tuesdayAfter} 08:00`);
});

test('STATEMENT_DEADLINE=PT336H (14 days in hours) stops the CMS at start, naming the variable', async () => {
  const saved = { ...process.env };
  try {
    await expect(startStrapi({ STATEMENT_DEADLINE: 'PT336H' })).rejects.toThrow(/STATEMENT_DEADLINE: "PT336H" is 14 days written in hours/);
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
    // createStrapi set the global `strapi` to the instance that failed to start.
    (global as { strapi?: unknown }).strapi = app.strapi;
  }
});
