import { loadPolicy, WorkingCalendar } from '@borgerraadgiver/config';
import { dueVersionOf, effectiveDue, linkExpiresAt, plannedOpinionRows, plannedStatementRows } from '../../cms/src/outbox/schedule';

const calendar = new WorkingCalendar();
const policy = loadPolicy({});
const local = (date: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen', dateStyle: 'short', timeStyle: 'short' }).format(date);
const center = { email: 'leder@example.org', chiefEmail: 'chef@example.org' };

test('day-based: reminder 2 working days before, overdue and escalation on working-day mornings at 08:00', () => {
  // Due Friday 2026-04-10 end of day (Good Friday 2026-04-03 and Easter Monday 2026-04-06 are holidays).
  const dueAt = new Date('2026-04-10T21:59:59.999Z');
  const rows = plannedStatementRows({ dueAt, center }, policy, calendar, 'advisor@example.org', new Date('2026-03-27T10:00:00Z'));
  const at = Object.fromEntries(rows.map((r) => [r.kind, local(r.notBefore)]));
  expect(at).toEqual({
    statement_reminder: '2026-04-08 08:00',
    statement_overdue: '2026-04-13 08:00',
    statement_escalation: '2026-04-14 08:00',
  });
  expect(rows.find((r) => r.kind === 'statement_escalation')!.recipient).toBe('chef@example.org');
  for (const row of rows) expect(row.dueVersion).toBe(dueAt.toISOString());
});

test('a reminder that would fall on a holiday moves to the working day before', () => {
  // Due Tuesday 2026-04-07; two days before is Easter Sunday -> back over Good Friday to Thursday? Maundy Thursday is a holiday too -> Wednesday 1 April.
  const rows = plannedStatementRows({ dueAt: new Date('2026-04-07T21:59:59.999Z'), center }, policy, calendar, 'a@example.org', new Date('2026-03-20T10:00:00Z'));
  expect(local(rows.find((r) => r.kind === 'statement_reminder')!.notBefore)).toBe('2026-04-01 08:00');
});

test('the agreed due date wins; answered or cancelled requests plan nothing; escalation falls back to the advisor', () => {
  const request = { dueAt: '2026-05-01T21:59:59.999Z', agreedDueAt: '2026-05-20T21:59:59.999Z', center: { email: 'leder@example.org' } };
  expect(effectiveDue(request)!.toISOString()).toBe('2026-05-20T21:59:59.999Z');
  expect(dueVersionOf(request)).toBe('2026-05-20T21:59:59.999Z');
  const rows = plannedStatementRows(request, policy, calendar, 'advisor@example.org', new Date('2026-04-01T10:00:00Z'));
  expect(rows.find((r) => r.kind === 'statement_escalation')!.recipient).toBe('advisor@example.org');
  expect(plannedStatementRows({ ...request, requestStatus: 'besvaret' }, policy, calendar, 'a@example.org')).toEqual([]);
  expect(plannedStatementRows({ ...request, requestStatus: 'annulleret' }, policy, calendar, 'a@example.org')).toEqual([]);
  expect(linkExpiresAt(request, policy)!.toISOString()).toBe('2026-06-19T21:59:59.999Z');
});

test('sub-day periods are plain offsets; a reminder already in the past is dropped', () => {
  const short = loadPolicy({ STATEMENT_DEADLINE: 'PT10S', STATEMENT_REMINDER_BEFORE: 'PT4S', STATEMENT_ESCALATE_AFTER: 'PT3S' });
  const now = new Date('2026-06-06T12:00:00Z'); // a Saturday: sub-day offsets ignore the calendar
  const dueAt = new Date(now.getTime() + 10_000);
  const rows = plannedStatementRows({ dueAt, center }, short, calendar, 'a@example.org', now);
  expect(rows.map((r) => [r.kind, r.notBefore.getTime() - now.getTime()])).toEqual([
    ['statement_reminder', 6000],
    ['statement_overdue', 10000],
    ['statement_escalation', 13000],
  ]);
  const late = plannedStatementRows({ dueAt: new Date(now.getTime() + 2000), center }, short, calendar, 'a@example.org', now);
  expect(late.map((r) => r.kind)).toEqual(['statement_overdue', 'statement_escalation']);
});

test('R15: opinion follow-up to the addressee, else to the advisor; none once feedback is in', () => {
  const issuedAt = '2026-01-15T10:00:00Z';
  const now = new Date('2026-01-15T10:00:00Z');
  const [row] = plannedOpinionRows({ feedbackRequested: true, issuedAt, addresseeEmail: 'direktion@example.org' }, policy, calendar, 'advisor@example.org', now);
  expect(row.recipient).toBe('direktion@example.org');
  expect(local(row.notBefore)).toBe('2026-03-16 08:00'); // P2M after 15 Jan is Sunday 15 March -> Monday morning
  expect(plannedOpinionRows({ feedbackRequested: true, issuedAt }, policy, calendar, 'advisor@example.org', now)[0].recipient).toBe('advisor@example.org');
  expect(plannedOpinionRows({ feedbackRequested: true, issuedAt, feedbackReceivedAt: '2026-02-01T00:00:00Z' }, policy, calendar, 'a@example.org', now)).toEqual([]);
  expect(plannedOpinionRows({ feedbackRequested: false, issuedAt }, policy, calendar, 'a@example.org', now)).toEqual([]);
});
