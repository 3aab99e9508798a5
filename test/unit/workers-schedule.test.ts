import { loadPolicy, WorkingCalendar } from '@borgerraadgiver/config';
import { plannedEscalation, plannedOpinionRows, plannedStatementRows } from '../../cms/src/outbox/schedule';
import { dueVersionOf, effectiveDue, linkExpiresAt } from '../../cms/src/rules/links';

const calendar = new WorkingCalendar();
const policy = loadPolicy({});
const local = (date: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen', dateStyle: 'short', timeStyle: 'short' }).format(date);
const center = { email: 'leder@example.org', chiefEmail: 'chef@example.org' };

test('day-based: reminder 2 working days before, overdue notice on the next working-day morning at 08:00', () => {
  // Due Friday 2026-04-10 end of day (Good Friday 2026-04-03 and Easter Monday 2026-04-06 are holidays).
  const dueAt = new Date('2026-04-10T21:59:59.999Z');
  const rows = plannedStatementRows({ dueAt, center }, policy, calendar, new Date('2026-03-27T10:00:00Z'));
  const at = Object.fromEntries(rows.map((r) => [r.kind, local(r.notBefore)]));
  expect(at).toEqual({ statement_reminder: '2026-04-08 08:00', statement_overdue: '2026-04-13 08:00' });
  for (const row of rows) expect(row.dueVersion).toBe(dueAt.toISOString());
  // The escalation only once the overdue notice has gone out: P3D after its day, on a working morning.
  const [escalation] = plannedEscalation(
    { dueAt, center },
    policy,
    calendar,
    'advisor@example.org',
    new Date('2026-04-13T06:00:04Z'),
    new Date('2026-04-13T06:00:05Z'),
  );
  expect([escalation.kind, escalation.recipient, local(escalation.notBefore)]).toEqual(['statement_escalation', 'chef@example.org', '2026-04-16 08:00']);
});

describe('past due: at most the one notice that applies now, at 08:00 on the next working day', () => {
  // Registered outside the system; requested 60 days before "now".
  const sentOutside = (dueAt: string) => ({ dueAt, center, sentOutsideSystem: true });
  test.each`
    case                                                                        | request                                          | now                       | expected
    ${'long overdue, on a Monday at 10:00: Tuesday 08:00'}                      | ${sentOutside('2026-10-14T21:59:59.999Z')}       | ${'2026-11-30T09:00:00Z'} | ${[['statement_overdue', '2026-12-01 08:00']]}
    ${'long overdue, at 07:00 on a working day: that day 08:00'}                | ${sentOutside('2026-10-14T21:59:59.999Z')}       | ${'2026-11-30T06:00:00Z'} | ${[['statement_overdue', '2026-11-30 08:00']]}
    ${'overdue, registered on Maundy Thursday 2027: Tuesday after Easter'}      | ${sentOutside('2027-03-01T22:59:59.999Z')}       | ${'2027-03-25T10:00:00Z'} | ${[['statement_overdue', '2027-03-30 08:00']]}
    ${'overdue on Christmas Eve (closing day on): 28 December'}                 | ${sentOutside('2026-11-20T22:59:59.999Z')}       | ${'2026-12-23T12:00:00Z'} | ${[['statement_overdue', '2026-12-28 08:00']]}
    ${'reminder time passed, deadline ahead: the reminder next morning'}        | ${sentOutside('2026-12-03T22:59:59.999Z')}       | ${'2026-12-02T12:00:00Z'} | ${[['statement_reminder', '2026-12-03 08:00'], ['statement_overdue', '2026-12-04 08:00']]}
    ${'sent by the system: no late reminder'}                                   | ${{ dueAt: '2026-12-03T22:59:59.999Z', center }} | ${'2026-12-02T12:00:00Z'} | ${[['statement_overdue', '2026-12-04 08:00']]}
    ${'deadline today, registered after 08:00: no reminder after the deadline'} | ${sentOutside('2026-12-03T22:59:59.999Z')}       | ${'2026-12-03T12:00:00Z'} | ${[['statement_overdue', '2026-12-04 08:00']]}
  `('$case', ({ request, now, expected }) => {
    const cal = new WorkingCalendar([{ date: '2026-12-24', name: 'Juleaftensdag', kind: 'lukkedag', active: true }]);
    const rows = plannedStatementRows(request, policy, cal, new Date(now));
    expect(rows.map((r) => [r.kind, local(r.notBefore)])).toEqual(expected);
  });

  test('an escalation whose time has passed goes at the next office morning, never at once', () => {
    const [row] = plannedEscalation(
      { dueAt: '2026-10-14T21:59:59.999Z', center },
      policy,
      calendar,
      'a@example.org',
      new Date('2026-10-15T06:00:00Z'),
      new Date('2026-11-30T09:00:00Z'),
    );
    expect(local(row.notBefore)).toBe('2026-12-01 08:00');
  });
});

test('a reminder that would fall on a holiday moves to the working day before', () => {
  // Due Tuesday 2026-04-07; two days before is Easter Sunday -> back over Good Friday to Thursday? Maundy Thursday is a holiday too -> Wednesday 1 April.
  const rows = plannedStatementRows({ dueAt: new Date('2026-04-07T21:59:59.999Z'), center }, policy, calendar, new Date('2026-03-20T10:00:00Z'));
  expect(local(rows.find((r) => r.kind === 'statement_reminder')!.notBefore)).toBe('2026-04-01 08:00');
});

test('the agreed due date wins; answered or cancelled requests plan nothing; escalation falls back to the advisor', () => {
  const request = { dueAt: '2026-05-01T21:59:59.999Z', agreedDueAt: '2026-05-20T21:59:59.999Z', center: { email: 'leder@example.org' } };
  expect(effectiveDue(request)!.toISOString()).toBe('2026-05-20T21:59:59.999Z');
  expect(dueVersionOf(request)).toBe('2026-05-20T21:59:59.999Z');
  const [escalation] = plannedEscalation(request, policy, calendar, 'advisor@example.org', new Date('2026-05-21T06:00:00Z'), new Date('2026-05-21T06:00:00Z'));
  expect(escalation.recipient).toBe('advisor@example.org');
  for (const requestStatus of ['besvaret', 'annulleret']) {
    expect(plannedStatementRows({ ...request, requestStatus }, policy, calendar)).toEqual([]);
    expect(plannedEscalation({ ...request, requestStatus }, policy, calendar, 'a@example.org', new Date('2026-05-21T06:00:00Z'))).toEqual([]);
  }
  expect(linkExpiresAt(request, policy)!.toISOString()).toBe('2026-06-19T21:59:59.999Z');
  // A link mailed after the due date works P30D from the day it was mailed.
  expect(linkExpiresAt(request, policy, new Date('2026-07-01T10:00:00Z'))!.toISOString()).toBe('2026-07-31T21:59:59.999Z');
});

test('sub-day periods are plain offsets; a reminder already in the past is dropped', () => {
  const short = loadPolicy({ STATEMENT_DEADLINE: 'PT10S', STATEMENT_REMINDER_BEFORE: 'PT4S', STATEMENT_ESCALATE_AFTER: 'PT3S' });
  const now = new Date('2026-06-06T12:00:00Z'); // a Saturday: sub-day offsets ignore the calendar
  const dueAt = new Date(now.getTime() + 10_000);
  const rows = plannedStatementRows({ dueAt, center }, short, calendar, now);
  expect(rows.map((r) => [r.kind, r.notBefore.getTime() - now.getTime()])).toEqual([
    ['statement_reminder', 6000],
    ['statement_overdue', 10000],
  ]);
  const [escalation] = plannedEscalation({ dueAt, center }, short, calendar, 'a@example.org', new Date(now.getTime() + 10_500), now);
  expect(escalation.notBefore.getTime() - now.getTime()).toBe(13_500);
  const late = plannedStatementRows({ dueAt: new Date(now.getTime() + 2000), center }, short, calendar, now);
  expect(late.map((r) => r.kind)).toEqual(['statement_overdue']);
  // Past due under a sub-day policy: the overdue notice at once, the escalation only after it.
  const overdue = plannedStatementRows({ dueAt: new Date(now.getTime() - 60_000), center }, short, calendar, now);
  expect(overdue.map((r) => [r.kind, r.notBefore.getTime() - now.getTime()])).toEqual([['statement_overdue', 0]]);
});

test('R15: opinion follow-up to the addressee, else to the advisor; none once feedback is in', () => {
  const issuedAt = '2026-01-15T10:00:00Z';
  const now = new Date('2026-01-15T10:00:00Z');
  const [row] = plannedOpinionRows(
    { feedbackRequested: true, issuedAt, addresseeEmail: 'direktion@example.org' },
    policy,
    calendar,
    'advisor@example.org',
    now,
  );
  expect(row.recipient).toBe('direktion@example.org');
  expect(local(row.notBefore)).toBe('2026-03-16 08:00'); // P2M after 15 Jan is Sunday 15 March -> Monday morning
  expect(plannedOpinionRows({ feedbackRequested: true, issuedAt }, policy, calendar, 'advisor@example.org', now)[0].recipient).toBe('advisor@example.org');
  expect(plannedOpinionRows({ feedbackRequested: true, issuedAt, feedbackReceivedAt: '2026-02-01T00:00:00Z' }, policy, calendar, 'a@example.org', now)).toEqual(
    [],
  );
  expect(plannedOpinionRows({ feedbackRequested: false, issuedAt }, policy, calendar, 'a@example.org', now)).toEqual([]);
});
