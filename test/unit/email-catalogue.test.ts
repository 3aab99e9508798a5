/**
 * The e-mail catalogue: every kind of the list (config's notificationKinds) has one home that
 * plans it (cms/src/outbox/catalogue.ts for the e-mails sent when something happens,
 * cms/src/outbox/schedule.ts for those planned ahead), and no other source file writes an outbox
 * row of its own. (That every kind has its template is the workers' type check.)
 */
import fs from 'fs';
import path from 'path';
import { municipality, notificationKinds, notificationPhrases, type NotificationKind } from '@borgerraadgiver/config';
import * as catalogue from '../../cms/src/outbox/catalogue';

const SRC = path.join(__dirname, '../../cms/src');
const now = new Date('2026-12-07T08:00:00Z');

/** Each planner of the catalogue, called once. */
const planned = [
  catalogue.statementRequestEmail({ id: 1, linkVersion: 2 }, { email: 'leder@example.org' }, 'v1', now),
  catalogue.statementReceivedEmail({ id: 1 }, now),
  catalogue.mailReceivedEmail({ id: 3 }, { id: 1 }, now),
  catalogue.complaintReceiptEmail({ id: 3 }, 'borger@example.org', now),
  catalogue.caseClosedEmail({ id: 3, citizenEmail: 'borger@example.org', caseStatus: 'afvist' }, now),
  catalogue.opinionLetterEmail('center', { id: 4 }, { id: 3 }, 'leder@example.org', now),
  catalogue.opinionLetterEmail('citizen', { id: 4 }, { id: 3 }, 'borger@example.org', now),
  catalogue.reportReminderEmail({ subject: 'Årsberetning', dueVersion: 'annual:2026', notBefore: now }),
  catalogue.ongoingStatusEmail({ documentId: 'abc' }, 'Mange henvendelser', now),
  catalogue.deliveryFailuresEmail(now),
];

/** Planned ahead by ./schedule from the request's or the opinion's dates. */
const SCHEDULED: NotificationKind[] = ['statement_reminder', 'statement_overdue', 'statement_escalation', 'opinion_followup'];

test('every kind of the list is planned by the catalogue or the schedule, once', () => {
  const kinds = [...planned.map((row) => row.kind), ...SCHEDULED];
  expect([...kinds].sort()).toEqual(Object.keys(notificationKinds).sort());
  expect(Object.keys(catalogue).filter((name) => typeof (catalogue as Record<string, unknown>)[name] === 'function')).toHaveLength(planned.length - 1);
});

test("every e-mail of a case has the journal's words for it beside its label; only the office's own have none", () => {
  const ofCase = planned.filter((row) => row.statementRequest || row.opinion || row.complaint).map((row) => row.kind);
  const kinds = [...new Set([...ofCase, ...SCHEDULED])];
  expect(kinds.filter((kind) => !notificationPhrases[kind])).toEqual([]);
  expect(Object.keys(notificationPhrases).sort()).toEqual([...kinds].sort());
});

test.each(planned.map((row) => [row.kind, row] as const))('%s: a recipient, a time and the version that makes it unique', (_kind, row) => {
  expect(row.recipient).toMatch(/@/);
  expect(row.notBefore).toEqual(now);
  expect(typeof row.dueVersion).toBe('string');
});

test("the office's own e-mails go to the advisor's address; a re-issued link is the row's own field", () => {
  for (const row of planned.filter((r) => ['statement_received', 'mail_received', 'report_reminder', 'ongoing_status', 'delivery_failures'].includes(r.kind)))
    expect(row.recipient).toBe(municipality.email);
  expect(planned[0]).toMatchObject({ linkReissued: false, linkVersion: 2, dueVersion: 'v1', statementRequest: 1 });
  expect(catalogue.statementRequestEmail({ id: 1 }, { email: 'leder@example.org' }, null, now, true)).toMatchObject({
    linkReissued: true,
    linkVersion: 1,
    dueVersion: '',
  });
});

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'admin' && dir === SRC ? [] : sources(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

test('no other source file writes an outbox row of its own', () => {
  const homes = ['outbox/catalogue.ts', 'outbox/schedule.ts'];
  // A row literal handed to the writer, or a kind typed as a row's kind.
  const ownRow = [
    /insertRows\(\s*strapi,\s*\[\s*\{/,
    new RegExp(`kind: '(${Object.keys(notificationKinds).join('|')})' as (const|NewRow\\['kind'\\])`),
    /\.query\(NOTIFICATION\)\s*\.create\(/,
  ];
  const found = sources(SRC)
    .filter((file) => !homes.includes(path.relative(SRC, file)) && path.relative(SRC, file) !== 'outbox/writer.ts')
    .filter((file) => {
      const text = fs.readFileSync(file, 'utf8');
      return ownRow.some((pattern) => pattern.test(text));
    })
    .map((file) => path.relative(SRC, file));
  expect(found).toEqual([]);
});
