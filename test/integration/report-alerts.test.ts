/**
 * Ongoing status (R18) and report reminders: an alert and an email once per episode, closed
 * when the level is back to normal; February/August reminders planned once each in the outbox.
 */
import { municipality } from '@borgerraadgiver/config';
import { startStrapi, TestStrapi } from '../helpers/strapi';
import { ReportFixtures } from '../../bench/report-fixtures';

let app: TestStrapi;
let fixtures: ReportFixtures;
let alfa: number;
const DAY = 86_400_000;
const NOW = new Date('2026-03-01T12:00:00Z');
const before = (now: Date, days: number) => new Date(now.getTime() - days * DAY);
const service = () => app.strapi.service('api::report.report') as any;
const alerts = () => app.strapi.db.query('api::report-alert.report-alert').findMany({ orderBy: { id: 'asc' }, populate: ['center'] });
const outbox = (kind: string) => app.strapi.db.query('api::notification.notification').findMany({ where: { kind }, orderBy: { id: 'asc' } });

beforeAll(async () => {
  app = await startStrapi();
  fixtures = new ReportFixtures(app.strapi.db.connection);
  const [a, b] = await fixtures.centers(['Center for Alfa', 'Center for Beta']);
  alfa = a;
  await fixtures.complaints([
    // Alfa: 73 inquiries in the 12 months before the window (usual level 6 per 30 days), 10 in the window.
    ...Array.from({ length: 73 }, (_, i) => ({ center: a, receivedAt: before(NOW, 31 + i * 5) })),
    ...Array.from({ length: 10 }, (_, i) => ({ center: a, receivedAt: before(NOW, i + 1) })),
    // Beta: 3 in the window, under the minimum count.
    ...Array.from({ length: 3 }, (_, i) => ({ center: b, receivedAt: before(NOW, i + 1) })),
  ]);
});

afterAll(async () => {
  delete process.env.ONGOING_STATUS_FACTOR;
  await app?.stop();
});

test('the factor is configurable: with factor 2, 10 against a usual 6 is not an alert', async () => {
  process.env.ONGOING_STATUS_FACTOR = '2';
  expect(await service().checkOngoingStatus(NOW)).toEqual({ opened: [], closed: [] });
  delete process.env.ONGOING_STATUS_FACTOR;
  expect(await alerts()).toHaveLength(0);
});

test('a rise above usual × 1.5 opens one alert and one email', async () => {
  expect(await service().checkOngoingStatus(NOW)).toEqual({ opened: [alfa], closed: [] });
  const [alert] = await alerts();
  expect(alert).toMatchObject({ kind: 'ongoing_status', alertStatus: 'open', recentCount: 10, windowDays: 30, center: { name: 'Center for Alfa' } });
  expect(Number(alert.usualLevel)).toBe(6);
  expect(Number(alert.factor)).toBe(1.5);
  expect(alert.message).toBe(
    'Center for Alfa har haft 10 henvendelser de seneste 30 dage. Det normale niveau er 6 pr. 30 dage (gennemsnit for de foregående 12 måneder).',
  );
  const [mail] = await outbox('ongoing_status');
  expect(mail).toMatchObject({
    recipient: municipality.email,
    deliveryStatus: 'planned',
    subject: 'Løbende status: flere henvendelser om Center for Alfa (10 på 30 dage)',
    dueVersion: `ongoing-status:${alert.documentId}`,
  });
  expect(new Date(mail.notBefore).toISOString()).toBe(NOW.toISOString());
});

test('once per episode: no new alert while the level stays high', async () => {
  expect(await service().checkOngoingStatus(new Date(NOW.getTime() + 3600_000))).toEqual({ opened: [], closed: [] });
  expect(await alerts()).toHaveLength(1);
  expect(await outbox('ongoing_status')).toHaveLength(1);
  const overview = await service().overview(NOW);
  expect(overview.alerts).toEqual([expect.objectContaining({ centerName: 'Center for Alfa', recentCount: 10, usualLevel: 6 })]);
});

test('back to normal closes the episode; the next rise opens a new one', async () => {
  const later = new Date(NOW.getTime() + 31 * DAY);
  expect(await service().checkOngoingStatus(later)).toEqual({ opened: [], closed: [alfa] });
  expect((await alerts())[0]).toMatchObject({ alertStatus: 'closed' });
  expect(new Date((await alerts())[0].closedAt).toISOString()).toBe(later.toISOString());
  expect((await service().overview(later)).alerts).toEqual([]);

  const next = new Date(NOW.getTime() + 45 * DAY);
  await fixtures.complaints(Array.from({ length: 20 }, (_, i) => ({ center: alfa, receivedAt: before(next, 0.5 + i * 0.5) })));
  expect(await service().checkOngoingStatus(next)).toEqual({ opened: [alfa], closed: [] });
  const all = await alerts();
  expect(all.map((a: any) => a.alertStatus)).toEqual(['closed', 'open']);
  expect(all[1].recentCount).toBe(20);
  expect(await outbox('ongoing_status')).toHaveLength(2);
});

test('an alert can be marked as seen from the widget', async () => {
  const open = (await alerts()).find((a: any) => a.alertStatus === 'open');
  const response = await app.admin('POST', `/reports/alerts/${open.documentId}/seen`);
  expect(response.status).toBe(200);
  expect((await alerts()).find((a: any) => a.documentId === open.documentId).seenAt).not.toBeNull();
});

describe('report reminders', () => {
  test('the next February and August reminders are planned once, at 08:00 Copenhagen on a working day', async () => {
    const created = await service().ensureReportReminders(new Date('2030-01-15T12:00:00Z'));
    expect(created).toEqual(['report-reminder:annual:2029', 'report-reminder:half_year:2030-1']);
    expect(await service().ensureReportReminders(new Date('2030-01-15T12:00:00Z'))).toEqual([]);
    const rows = (await outbox('report_reminder')).filter((r: any) => r.dueVersion.includes('2029') || r.dueVersion.includes('2030'));
    expect(rows.map((r: any) => [r.dueVersion, new Date(r.notBefore).toISOString(), r.recipient, r.deliveryStatus, r.subject])).toEqual([
      ['report-reminder:annual:2029', '2030-02-01T07:00:00.000Z', municipality.email, 'planned', 'Årsberetningen for 2029 skal forelægges i marts 2030'],
      [
        'report-reminder:half_year:2030-1',
        '2030-08-01T06:00:00.000Z',
        municipality.email,
        'planned',
        'Halvårsstatus for 1. halvår 2030 skal udarbejdes til udvalgene',
      ],
    ]);
  });

  test('after one has gone out, the next year is planned (1 February 2031 is a Saturday)', async () => {
    expect(await service().ensureReportReminders(new Date('2030-02-01T07:00:00Z'))).toEqual(['report-reminder:annual:2030']);
    const [row] = (await outbox('report_reminder')).filter((r: any) => r.dueVersion === 'report-reminder:annual:2030');
    expect(new Date(row.notBefore).toISOString()).toBe('2031-02-03T07:00:00.000Z');
  });

  test('bootstrap planned the reminders for the real date', async () => {
    const rows = await outbox('report_reminder');
    expect(
      rows.filter((r: any) => new Date(r.notBefore) > new Date(Date.now() - 3600_000) && new Date(r.notBefore).getUTCFullYear() < 2030).length,
    ).toBeGreaterThanOrEqual(2);
  });
});

describe('daily work once per day across instances', () => {
  const { runOncePerDay, withClusterLock, clusterLockKey, DAILY_RUNS_TABLE } = require('../../cms/dist/src/cluster/locks');
  const { runReportsDaily } = require('../../cms/dist/src/reports');

  test('two instances firing the daily job at the same time: one runs it, the other skips', async () => {
    const at = new Date('2031-05-05T05:00:00Z'); // 07:00 in Copenhagen
    const runs: string[] = [];
    const task = (who: string) => async () => {
      runs.push(who);
      await new Promise((resolve) => setTimeout(resolve, 50));
    };
    const results = await Promise.all([runOncePerDay(app.strapi, 'test-job', task('a'), at), runOncePerDay(app.strapi, 'test-job', task('b'), at)]);
    expect(runs).toHaveLength(1);
    expect(results.filter((r: any) => r.ran)).toHaveLength(1);
    expect(results.find((r: any) => !r.ran).claimedBy).toMatch(/:\d+$/);
    // Later the same local day: skipped; 23:30 UTC is already the next day in Copenhagen.
    expect(await runOncePerDay(app.strapi, 'test-job', task('c'), new Date('2031-05-05T21:00:00Z'))).toMatchObject({ ran: false });
    expect(await runOncePerDay(app.strapi, 'test-job', task('d'), new Date('2031-05-05T22:30:00Z'))).toEqual({ ran: true });
    expect(runs).toEqual([runs[0], 'd']);
    const rows = await app.strapi.db.connection(DAILY_RUNS_TABLE).where({ job: 'test-job' }).orderBy('local_date');
    expect(rows.map((r: any) => [r.local_date, r.finished_at !== null])).toEqual([
      ['2031-05-05', true],
      ['2031-05-06', true],
    ]);
  });

  test('a failed run releases its claim, so a later attempt that day runs it', async () => {
    const at = new Date('2031-05-07T05:00:00Z');
    await expect(
      runOncePerDay(
        app.strapi,
        'test-job',
        async () => {
          throw new Error('boom');
        },
        at,
      ),
    ).rejects.toThrow('boom');
    expect(await runOncePerDay(app.strapi, 'test-job', async () => undefined, at)).toEqual({ ran: true });
  });

  test('the reports daily task: ongoing status and reminders once per day however many instances fire', async () => {
    const at = new Date('2031-06-02T05:00:00Z');
    const [first, second] = await Promise.all([runReportsDaily(app.strapi, at), runReportsDaily(app.strapi, at)]);
    expect([first.ongoingStatus.ran, second.ongoingStatus.ran].sort()).toEqual([false, true]);
    expect([first.reportReminders.ran, second.reportReminders.ran].sort()).toEqual([false, true]);
    const reminders = (await outbox('report_reminder')).filter((r: any) => r.dueVersion.endsWith(':2031') || r.dueVersion.endsWith(':2031-1'));
    expect(reminders.map((r: any) => r.dueVersion).sort()).toEqual(['report-reminder:annual:2031', 'report-reminder:half_year:2031-1']);
  });

  test('the cluster lock lets one holder in at a time', async () => {
    let inside = 0;
    let most = 0;
    const hold = () =>
      withClusterLock(app.strapi, 'test-lock', async () => {
        most = Math.max(most, ++inside);
        await new Promise((resolve) => setTimeout(resolve, 20));
        inside--;
      });
    await Promise.all([hold(), hold(), hold()]);
    expect(most).toBe(1);
  });

  (process.env.DATABASE_CLIENT === 'postgres' ? test : test.skip)(
    'on PostgreSQL the lock is held in the database: another session holding it makes us wait',
    async () => {
      const { Client } = require('pg');
      const other = new Client({ host: '127.0.0.1', port: Number(process.env.DATABASE_PORT || 5432), user: 'postgres', database: process.env.DATABASE_NAME });
      await other.connect();
      try {
        await other.query('SELECT pg_advisory_lock($1, $2)', clusterLockKey('test-lock'));
        let entered = false;
        const waiting = withClusterLock(app.strapi, 'test-lock', async () => {
          entered = true;
        });
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(entered).toBe(false);
        await other.query('SELECT pg_advisory_unlock($1, $2)', clusterLockKey('test-lock'));
        await waiting;
        expect(entered).toBe(true);
      } finally {
        await other.end();
      }
    },
  );
});

describe('after a new inquiry', () => {
  test('a public intake runs the check after its transaction has committed, and a rise opens an alert', async () => {
    const [gamma] = await fixtures.centers(['Center for Gamma']);
    const now = Date.now();
    // About one inquiry a month in the year before the window, eight in the last 30 days; the ninth comes through the form.
    await fixtures.complaints([
      ...Array.from({ length: 12 }, (_, i) => ({ center: gamma, receivedAt: new Date(now - (35 + i * 30) * DAY) })),
      ...Array.from({ length: 8 }, (_, i) => ({ center: gamma, receivedAt: new Date(now - (i + 1) * DAY) })),
    ]);
    const { documentId } = await app.strapi.db.query('api::center.center').findOne({ where: { id: gamma } });
    const warn = jest.spyOn(app.strapi.log, 'warn');
    const response = await fetch(`${app.url}/api/public/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        data: {
          purpose: 'klage',
          center: documentId,
          eventDate: new Date(now - 10 * DAY).toISOString().slice(0, 10),
          description: 'Jeg har ikke fået svar.',
          identity: 'named',
          citizenName: 'Karen Jensen',
          citizenPhone: '12 34 56 78',
          complainantKind: 'citizen',
          formalComplaintToUnit: true,
          consent: true,
        },
      }),
    });
    expect([response.status, response.status === 201 ? null : await response.text()]).toEqual([201, null]);

    let alert: any;
    for (let i = 0; i < 60 && !alert; i++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      alert = (await alerts()).find((a: any) => a.center?.id === gamma && a.alertStatus === 'open');
    }
    expect(alert).toMatchObject({ recentCount: 9, windowDays: 30 });
    expect(Number(alert.usualLevel)).toBe(0.99);
    expect((await outbox('ongoing_status')).filter((m: any) => m.dueVersion === `ongoing-status:${alert.documentId}`)).toHaveLength(1);
    expect(warn.mock.calls.map((call) => String(call[0])).filter((message) => message.includes('ongoing status'))).toEqual([]);
    warn.mockRestore();
  });
});
