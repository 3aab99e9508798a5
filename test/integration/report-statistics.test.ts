/**
 * Statistics on a generated data set with known figures: every number asserted exactly, on
 * SQLite and (DATABASE_CLIENT=postgres) PostgreSQL. Fixtures are inserted directly (see
 * bench/report-fixtures.ts), so the case rules and hooks do not interfere.
 */
import { startStrapi, TestStrapi } from '../helpers/strapi';
import { loginAs } from '../helpers/admin-users';
import { ReportFixtures, type ComplaintFixture } from '../../bench/report-fixtures';
import { yearPeriod, type Period } from '../../cms/src/reports/period';
import type { FigureRef, Report, Row, StatementStats } from '../../cms/src/reports/model';
import { figureQuery } from '../../cms/src/reports/figure-link';

let app: TestStrapi;
let report: Report;
const NOW = new Date('2026-01-10T10:00:00Z');
const DAY = 86_400_000;
const at = (iso: string, plusDays = 0) => new Date(new Date(iso).getTime() + plusDays * DAY);
const ids: Record<string, number> = {};

const service = () => app.strapi.service('api::report.report') as any;
/** A breakdown as { key: [current, previous] } without the zero rows. */
const counts = (rows: Row[]) => Object.fromEntries(rows.filter((r) => r.current || r.previous).map((r) => [r.key, [r.current, r.previous]]));
/** Statement figures without what opens them (checked by the drill-down test). */
const withoutFigures = ({ figures, ...stats }: StatementStats) => (expect(figures).toBeDefined(), stats);
const byLabel = (rows: Row[]) => Object.fromEntries(rows.filter((r) => r.current || r.previous).map((r) => [r.label, [r.current, r.previous]]));

beforeAll(async () => {
  app = await startStrapi();
  const f = new ReportFixtures(app.strapi.db.connection);
  const [a, b, c, d] = await f.centers(['Center for Alfa', 'Center for Beta', 'Center for Gamma', 'Center for Delta']);
  Object.assign(ids, { a, b, c, d });
  const [skov, hjem, skole] = await f.institutions([
    ['Skovbørnehaven', a],
    ['Hjemmeplejen Nord', a],
    ['Lejre Skole', b],
  ]);
  await f.closingDay('2025-12-24', 'Juleaftensdag', true);
  await f.closingDay('2025-12-31', 'Nytårsaftensdag', false);

  const complaint = (
    center: number | null,
    receivedAt: string,
    purpose: string,
    channel: string,
    category: string | null,
    reason: string | null,
    identity: string,
    status: string,
    first: number | null,
    closed: number | null,
    caseNumber?: string,
    extra: Partial<ComplaintFixture> = {},
  ) => ({
    center,
    receivedAt: at(receivedAt),
    purpose,
    channel,
    category,
    outOfScopeReason: reason,
    identity,
    status,
    caseNumber,
    firstActionAt: first === null ? null : at(receivedAt, first),
    closedAt: closed === null ? null : at(receivedAt, closed),
    ...extra,
  });
  const complaintIds = await f.complaints([
    // 2025 (current): ten inquiries here and five below (fifteen); seven distinct named citizens (Karen three times by e-mail, Ole Hansen three times by name, a business by CVR, Peter,
    // Anna Berg, Bo Holm, and one without any name)
    complaint(a, '2025-01-10T09:00:00Z', 'klage', 'web', 'sagsbehandling', null, 'named', 'loest_ved_dialog', 1, 5, '2025-0001', {
      themes: ['sagsbehandlingstid', 'vejledning'],
      handling: 'dialog',
      citizenResult: 'medhold_delvist',
      citizenName: 'Karen Jensen',
      citizenEmail: 'karen@example.org',
      institution: skov,
    }),
    complaint(a, '2025-02-10T09:00:00Z', 'klage', 'email', 'betjening', null, 'named', 'loest_ved_dialog', 2, 10, '2025-0002', {
      themes: ['vejledning'],
      handling: 'dialog',
      citizenResult: 'medhold_fuldt',
      citizenEmail: ' KAREN@example.org',
      institution: hjem,
    }),
    complaint(a, '2025-03-10T09:00:00Z', 'raadgivning', 'phone', null, null, 'confidential', 'afsluttet', 3, 3, '2025-0003', {
      citizenName: 'Fortrolig Borger',
    }),
    complaint(a, '2025-04-10T09:00:00Z', 'klage', 'web', null, 'faglig_vurdering', 'named', 'afvist', 1, 1, '2025-0004', {
      citizenName: 'Ole Hansen',
      institution: skov,
    }),
    complaint(b, '2025-05-10T09:00:00Z', 'klage', 'letter', 'faktisk_forvaltning', null, 'named', 'henvist', 4, 6, '2025-0005', {
      handling: 'videresendt',
      cvr: '12345678',
      citizenName: 'Byg ApS',
      institution: skole,
    }),
    complaint(b, '2025-06-10T09:00:00Z', 'genoptagelse', 'web', 'sagsbehandling', 'anonym', 'anonymous', 'afvist', 5, 2, '2025-0006'),
    complaint(b, '2025-07-10T09:00:00Z', 'klage', 'meeting', 'diskrimination', null, 'named', 'undersoegelse', 6, null, '2025-0007', {
      themes: ['partshoering', 'begrundelse', 'klagevejledning'],
      handling: 'undersoegelse',
      citizenResult: 'ikke_medhold',
      citizenName: 'Ole Hansen',
    }),
    complaint(null, '2025-12-31T22:30:00Z', 'vejvisning', 'own_initiative', null, null, 'named', 'modtaget', null, null, '2025-0008'), // 23:30 local
    complaint(a, '2025-08-10T09:00:00Z', 'klage', 'web', null, 'privatretlig', 'named', 'afvist', 10, 20, '2025-0009', {
      handling: 'maegling',
      citizenName: ' ole hansen ',
    }),
    complaint(b, '2024-12-31T23:30:00Z', 'klage', 'web', 'betjening', null, 'named', 'loest_ved_dialog', 2, 4, '2025-0010', {
      citizenEmail: 'peter@example.org',
    }), // 00:30 local on 1 January
    // 2024 (previous): three
    complaint(a, '2024-03-01T09:00:00Z', 'klage', 'web', 'sagsbehandling', null, 'named', 'loest_ved_dialog', 1, 2, '2024-0001', { themes: ['vejledning'] }),
    complaint(a, '2024-06-01T09:00:00Z', 'klage', 'phone', null, 'foraeldet', 'named', 'afvist', 2, 3, '2024-0002'),
    complaint(b, '2024-09-01T09:00:00Z', 'raadgivning', 'email', null, null, 'named', 'afsluttet', 3, 4, '2024-0003'),
    // outside both periods
    complaint(a, '2023-06-01T09:00:00Z', 'klage', 'web', null, null, 'named', 'afsluttet', 1, 1, '2023-0001'),
    complaint(a, '2025-12-31T23:30:00Z', 'klage', 'web', null, null, 'named', 'modtaget', null, null, '2026-0001'), // 00:30 local on 1 January 2026
    // 2025 (current), five more with a longer history (the ones above went from "modtaget" straight to their status at closure, else first action):
    // resolved by dialogue, then closed: counts under "Løst ved dialog"
    complaint(a, '2025-09-01T08:00:00Z', 'klage', 'web', 'betjening', null, 'named', 'afsluttet', 2, 9, '2025-0011', {
      handling: 'dialog',
      citizenName: 'Anna Berg',
      dialogOutcome: 'Centret beklagede og rettede fejlen',
      history: [
        { status: 'modtaget', at: at('2025-09-01T08:00:00Z') },
        { status: 'dialog', at: at('2025-09-01T08:00:00Z', 2) },
        { status: 'loest_ved_dialog', at: at('2025-09-01T08:00:00Z', 9) },
        { status: 'afsluttet', at: at('2025-09-01T08:00:00Z', 19) },
      ],
    }),
    // rejected, then closed: counts under "Afvist"
    complaint(b, '2025-10-01T08:00:00Z', 'klage', 'email', null, 'grundloes', 'named', 'afsluttet', 1, 4, '2025-0012', {
      citizenName: 'Bo Holm',
      history: [
        { status: 'modtaget', at: at('2025-10-01T08:00:00Z') },
        { status: 'visitation', at: at('2025-10-01T08:00:00Z', 1) },
        { status: 'afvist', at: at('2025-10-01T08:00:00Z', 4) },
        { status: 'afsluttet', at: at('2025-10-01T08:00:00Z', 19) },
      ],
    }),
    // resolved by dialogue, then reopened and investigated: counts under both "Løst ved dialog" and "Genoptaget"
    complaint(a, '2025-03-01T08:00:00Z', 'klage', 'phone', 'sagsbehandling', null, 'named', 'undersoegelse', 1, null, '2025-0013', {
      citizenEmail: 'karen@example.org',
      history: [
        { status: 'modtaget', at: at('2025-03-01T08:00:00Z') },
        { status: 'dialog', at: at('2025-03-01T08:00:00Z', 1) },
        { status: 'loest_ved_dialog', at: at('2025-03-20T08:00:00Z') },
        { status: 'genoptaget', at: at('2025-05-01T08:00:00Z') },
        { status: 'undersoegelse', at: at('2025-05-02T08:00:00Z') },
      ],
    }),
    // Before the journal, closed: resolved by dialogue by its stored state, dated by closedAt
    complaint(a, '2025-01-05T08:00:00Z', 'raadgivning', 'letter', null, null, 'confidential', 'afsluttet', 1, 15, '2025-0014', {
      preJournal: true,
      dialogOutcome: 'Borgeren fik vejledning',
    }),
    // Before the journal, in dialogue; then referred and closed in the journal: "Henvist" only, though its dialogue field is filled
    complaint(b, '2025-01-03T08:00:00Z', 'klage', 'web', 'faktisk_forvaltning', null, 'anonymous', 'afsluttet', 2, 137, '2025-0015', {
      preJournal: true,
      dialogOutcome: 'Samtale med borgeren',
      history: [
        { status: 'dialog', at: at('2025-01-03T08:00:00Z', 2) },
        { status: 'henvist', at: at('2025-01-03T08:00:00Z', 137) },
        { status: 'afsluttet', at: at('2025-01-03T08:00:00Z', 149) },
      ],
    }),
  ]);
  const k = (n: number) => complaintIds[n - 1];

  const statement = (
    center: number,
    complaintNo: number,
    requested: string,
    respondedAfter: number | null,
    extra: { agreed?: number; status?: string; due?: number } = {},
  ) => ({
    center,
    complaint: k(complaintNo),
    requestedAt: at(requested),
    dueAt: at(requested, extra.due ?? 14),
    agreedDueAt: extra.agreed === undefined ? null : at(requested, extra.agreed),
    respondedAt: respondedAfter === null ? null : at(requested, respondedAfter),
    status: extra.status,
  });
  await f.statements([
    statement(a, 1, '2025-02-01T10:00:00Z', 10), // on time, 10 days
    statement(a, 2, '2025-03-01T10:00:00Z', 20, { agreed: 21 }), // on time by the agreed date, 20 days
    statement(a, 9, '2025-04-01T10:00:00Z', 17), // 3 days late
    statement(b, 5, '2025-05-01T10:00:00Z', null), // unanswered: 240 days overdue on NOW
    statement(b, 7, '2025-06-01T10:00:00Z', 15), // 1 day late
    statement(b, 6, '2025-07-01T10:00:00Z', null, { status: 'annulleret' }), // cancelled: not counted
    statement(a, 3, '2025-12-30T10:00:00Z', null), // due 13 January 2026: coming week
    statement(a, 11, '2024-05-01T10:00:00Z', 14), // previous year, exactly on the deadline
    statement(a, 11, '2024-12-20T10:00:00Z', 13), // requested in 2024, due 3 January 2025: punctual in 2025
    // Delta: one on time and one unanswered past its deadline (87 days on NOW): 50 % on time.
    statement(d, 10, '2025-09-01T10:00:00Z', 5),
    statement(d, 10, '2025-10-01T10:00:00Z', null),
  ]);
  await f.meetings([
    { heldAt: at('2025-03-01T09:00:00Z'), role: 'bisidder', complaint: k(1) },
    { heldAt: at('2025-05-01T09:00:00Z'), role: 'observatoer', complaint: k(7) },
    { heldAt: at('2025-06-01T09:00:00Z'), role: 'bisidder' },
    { heldAt: at('2024-06-01T09:00:00Z'), role: 'observatoer' },
    { heldAt: at('2026-01-02T09:00:00Z'), role: 'bisidder' },
  ]);

  const [o1, o2, , , o5, o6] = await f.opinions([
    { outcome: 'kritik', issuedAt: at('2025-09-01T10:00:00Z'), complaint: k(7) }, // center through the complaint: B
    { outcome: 'henstilling', issuedAt: at('2025-03-01T10:00:00Z'), complaint: k(2), center: a },
    { outcome: 'ingen_kritik', issuedAt: at('2025-09-15T10:00:00Z'), complaint: k(9) },
    { outcome: 'afvisning', issuedAt: at('2025-04-20T10:00:00Z'), complaint: k(4) },
    { kind: 'general', outcome: 'kritik', issuedAt: at('2025-10-01T10:00:00Z') },
    { outcome: 'kritik', issuedAt: at('2024-05-01T10:00:00Z'), complaint: k(11) },
    { outcome: 'kritik', issuedAt: at('2025-11-01T10:00:00Z'), complaint: k(5), center: b },
  ]);
  await f.recommendations([
    { opinion: o1, center: b, followUpStatus: 'gennemfoert', caseReopened: true },
    { opinion: o1, followUpStatus: 'afventer' },
    { opinion: o2, followUpStatus: 'accepteret', caseReopened: true },
    { opinion: o5, center: c, followUpStatus: 'afvist' },
    {
      opinion: o6,
      text: 'Genoptag sagen og træf en ny afgørelse',
      followUpStatus: 'gennemfoert',
      followUpNote: 'Ny afgørelse truffet',
      followedUpAt: at('2024-08-01T10:00:00Z'),
      caseReopened: true,
    },
    { opinion: o6, text: 'Svar borgerne inden for fristen', followUpStatus: 'afventer' },
  ]);
  await f.improvement([
    { kind: 'undervisning', date: '2025-02-03', hours: 6, center: a },
    { kind: 'tilbagemelding', date: '2025-05-05', hours: 2.5, center: b },
    { kind: 'forbedringsprojekt', date: '2025-09-01', hours: 10 },
    { kind: 'moede_centerchef', date: '2025-12-31', hours: 1.5, center: a },
    { kind: 'vejledning', date: '2024-06-01', hours: 4, center: b },
    { kind: 'undervisning', date: '2026-01-01', hours: 3 },
  ]);

  report = await service().statistics(yearPeriod(2025), NOW);
});

afterAll(async () => {
  await app?.stop();
});

test('periods', () => {
  expect(report.period).toMatchObject({ from: '2025-01-01', to: '2025-12-31', label: '2025' });
  expect(report.previousPeriod).toMatchObject({ from: '2024-01-01', to: '2024-12-31', label: '2024' });
});

test('inquiries by purpose, channel, center, category, out-of-scope reason, identity and status', () => {
  const i = report.inquiries;
  expect([i.total.current, i.total.previous]).toEqual([15, 3]);
  expect(i.total.change).toEqual({ current: 15, previous: 3, difference: 12, percent: 400 });
  expect([i.namedCitizens.current, i.namedCitizens.previous]).toEqual([7, 3]);
  expect(counts(i.byPurpose)).toEqual({ klage: [11, 2], raadgivning: [2, 1], vejvisning: [1, 0], genoptagelse: [1, 0] });
  expect(i.byPurpose.map((r) => r.label)).toEqual(['Klage', 'Rådgivning', 'Vejvisning', 'Genoptagelse']);
  expect(i.byPurpose.every((r) => r.unit === 'count')).toBe(true);
  expect(counts(i.byChannel)).toEqual({ web: [7, 1], email: [2, 1], phone: [2, 1], letter: [2, 0], meeting: [1, 0], own_initiative: [1, 0] });
  expect(i.byChannel).toHaveLength(7); // council listed with zeros
  expect(byLabel(i.byCenter)).toEqual({ 'Center for Alfa': [8, 2], 'Center for Beta': [6, 1], 'Intet center angivet': [1, 0] });
  expect(i.byCenter.find((r) => r.label === 'Center for Gamma')).toMatchObject({ current: 0, previous: 0 });
  expect(counts(i.byCategory)).toEqual({
    sagsbehandling: [3, 1],
    betjening: [3, 0],
    faktisk_forvaltning: [2, 0],
    diskrimination: [1, 0],
    ikke_angivet: [6, 2],
  });
  expect(counts(i.byOutOfScopeReason)).toEqual({ faglig_vurdering: [1, 0], anonym: [1, 0], privatretlig: [1, 0], grundloes: [1, 0], foraeldet: [0, 1] });
  expect(counts(i.byIdentity)).toEqual({ named: [11, 3], confidential: [2, 0], anonymous: [2, 0] });
  // The status now, by receipt (outcomes reached are counted from the journal, below).
  expect(counts(i.byStatus)).toEqual({ loest_ved_dialog: [3, 1], afsluttet: [5, 1], afvist: [3, 1], henvist: [1, 0], undersoegelse: [2, 0], modtaget: [1, 0] });
});

test("the advisors' categories: themes, handling, result for the citizen, meetings, institutions under their center", () => {
  const i = report.inquiries;
  expect(counts(i.byTheme)).toEqual({ sagsbehandlingstid: [1, 0], vejledning: [2, 1], partshoering: [1, 0], begrundelse: [1, 0], klagevejledning: [1, 0] });
  expect(i.byTheme.map((r) => r.label).slice(0, 3)).toEqual(['Lang sagsbehandlingstid eller manglende svar', 'Vejledning', 'Partshøring']);
  expect(counts(i.byHandling)).toEqual({ dialog: [3, 0], videresendt: [1, 0], maegling: [1, 0], undersoegelse: [1, 0], ikke_angivet: [9, 3] });
  expect(counts(i.byCitizenResult)).toEqual({ medhold_fuldt: [1, 0], medhold_delvist: [1, 0], ikke_medhold: [1, 0], ikke_angivet: [12, 3] });
  expect(counts(report.meetings.byRole)).toEqual({ bisidder: [2, 0], observatoer: [1, 1] });
  expect(report.meetings.byRole.map((r) => r.label)).toEqual(['Bisidder', 'Observatør', 'Møde med borgeren']);
  expect([report.meetings.total.current, report.meetings.total.previous]).toEqual([3, 1]);
  const alfa = report.centers.find((c) => c.name === 'Center for Alfa')!;
  const beta = report.centers.find((c) => c.name === 'Center for Beta')!;
  expect(byLabel(alfa.byInstitution)).toEqual({ 'Hjemmeplejen Nord': [1, 0], Skovbørnehaven: [2, 0] });
  expect(alfa.byInstitution.map((r) => r.label)).toEqual(['Hjemmeplejen Nord', 'Skovbørnehaven']);
  expect(byLabel(beta.byInstitution)).toEqual({ 'Lejre Skole': [1, 0] });
});

test('outcomes reached in the period, from the journal: dialogue, referred, rejected by reason, reopened; opinions by outcome, general opinions', () => {
  const o = report.outcomes;
  // 2025: three still in "Løst ved dialog", one since closed, one since reopened, one from before the journal (closed, by its stored state).
  expect([o.resolvedByDialogue.current, o.resolvedByDialogue.previous]).toEqual([6, 1]);
  // 2025: one still "Henvist", one from before the journal referred and closed in the journal (not also "Løst ved dialog" by its dialogue field).
  expect([o.referred.current, o.referred.previous]).toEqual([2, 0]);
  // 2025: three still "Afvist", one since closed.
  expect([o.rejected.current, o.rejected.previous]).toEqual([4, 1]);
  expect([o.withdrawn.current, o.withdrawn.previous]).toEqual([0, 0]);
  expect([o.reopenedInquiries.current, o.reopenedInquiries.previous]).toEqual([1, 0]);
  expect(counts(o.rejectedByReason)).toEqual({ faglig_vurdering: [1, 0], anonym: [1, 0], privatretlig: [1, 0], grundloes: [1, 0], foraeldet: [0, 1] });
  expect(counts(o.opinionsByOutcome)).toEqual({ kritik: [2, 1], henstilling: [1, 0], ingen_kritik: [1, 0], afvisning: [1, 0] });
  expect([o.opinions.current, o.opinions.previous]).toEqual([5, 1]);
  expect([o.generalOpinions.current, o.generalOpinions.previous]).toEqual([1, 0]);
});

test('times: median and 90th percentile in days', () => {
  const t = Object.fromEntries(report.times.map((x) => [x.key, x]));
  // first action 1,1,1,1,1,2,2,2,2,3,4,5,6,10 | previous 1,2,3
  expect(t.firstAction.current).toEqual({ count: 14, medianDays: 2, p90Days: 5.7 });
  expect(t.firstAction.previous).toEqual({ count: 3, medianDays: 2, p90Days: 2.8 });
  // closure 1,2,3,4,4,5,6,9,10,15,20,137 (first closure; the reopened case has none now) | previous 2,3,4
  expect(t.closure.current).toEqual({ count: 12, medianDays: 5.5, p90Days: 19.5 });
  expect(t.closure.previous).toEqual({ count: 3, medianDays: 3, p90Days: 3.8 });
  // statements by request date: 5,10,15,17,20 | previous 13,14
  expect(t.statement.current).toEqual({ count: 5, medianDays: 15, p90Days: 18.8 });
  expect(t.statement.previous).toEqual({ count: 2, medianDays: 13.5, p90Days: 13.9 });
});

test('statements: requested by request date, punctuality over the requests whose deadline fell in the period', () => {
  // Due in 2025: on time 4 (two of Alfa's, the one Alfa was asked in December 2024, Delta's first), late 2 (3 and 1 days),
  // unanswered past the deadline 2 (240 and 87 days on NOW); the one due 13 January 2026 is in none, the cancelled one nowhere.
  expect(withoutFigures(report.statements.total.current)).toEqual({
    requested: 8,
    answered: 5,
    answeredOnTime: 4,
    answeredLate: 2,
    unansweredOverdue: 2,
    onTimePercent: 50,
    overdueDaysMean: 82.8,
    overdueDaysMax: 240,
  });
  expect(withoutFigures(report.statements.total.previous)).toEqual({
    requested: 2,
    answered: 2,
    answeredOnTime: 1,
    answeredLate: 0,
    unansweredOverdue: 0,
    onTimePercent: 100,
    overdueDaysMean: null,
    overdueDaysMax: null,
  });
  const byCenter = Object.fromEntries(report.statements.byCenter.map((c) => [c.name, withoutFigures(c.current)]));
  expect(byCenter['Center for Alfa']).toEqual({
    requested: 4,
    answered: 3,
    answeredOnTime: 3,
    answeredLate: 1,
    unansweredOverdue: 0,
    onTimePercent: 75,
    overdueDaysMean: 3,
    overdueDaysMax: 3,
  });
  expect(byCenter['Center for Beta']).toEqual({
    requested: 2,
    answered: 1,
    answeredOnTime: 0,
    answeredLate: 1,
    unansweredOverdue: 1,
    onTimePercent: 0,
    overdueDaysMean: 120.5,
    overdueDaysMax: 240,
  });
  // One on time and one unanswered past its deadline is 50 %, not 100 %.
  expect(byCenter['Center for Delta']).toEqual({
    requested: 2,
    answered: 1,
    answeredOnTime: 1,
    answeredLate: 0,
    unansweredOverdue: 1,
    onTimePercent: 50,
    overdueDaysMean: 87,
    overdueDaysMax: 87,
  });
  expect(report.statements.byCenter.map((c) => c.name)).toEqual(['Center for Alfa', 'Center for Beta', 'Center for Delta']);
});

test('recommendations by follow-up and centers that reopened cases', () => {
  const r = report.recommendations;
  expect(counts(r.byFollowUp)).toEqual({ afventer: [1, 1], accepteret: [1, 0], gennemfoert: [1, 1], afvist: [1, 0] });
  expect([r.total.current, r.total.previous]).toEqual([4, 2]);
  expect([r.reopened.current, r.reopened.previous]).toEqual([2, 1]);
  expect(byLabel(r.reopenedByCenter)).toEqual({ 'Center for Alfa': [1, 1], 'Center for Beta': [1, 0] });
});

test("following up the previous period's recommendations, each with its status", () => {
  expect(report.recommendations.previousPeriod).toEqual([
    {
      text: 'Genoptag sagen og træf en ny afgørelse',
      centerName: 'Center for Alfa',
      caseNumber: '2024-0001',
      issuedOn: '2024-05-01',
      followUpStatus: 'gennemfoert',
      followUpLabel: 'Gennemført',
      followUpNote: 'Ny afgørelse truffet',
      followedUpOn: '2024-08-01',
      caseReopened: true,
    },
    {
      text: 'Svar borgerne inden for fristen',
      centerName: 'Center for Alfa',
      caseNumber: '2024-0001',
      issuedOn: '2024-05-01',
      followUpStatus: 'afventer',
      followUpLabel: 'Afventer svar',
      followUpNote: null,
      followedUpOn: null,
      caseReopened: false,
    },
  ]);
});

test('five-year trend: the same figures for 2021–2025', () => {
  const trend = report.trend!;
  expect(trend.periods.map((p) => p.label)).toEqual(['2021', '2022', '2023', '2024', '2025']);
  const values = Object.fromEntries(trend.rows.map((r) => [r.key, r.values]));
  expect(values).toMatchObject({
    inquiries: [0, 0, 1, 3, 15],
    namedCitizens: [0, 0, 1, 3, 7],
    klage: [0, 0, 1, 2, 11],
    raadgivning: [0, 0, 0, 1, 2],
    vejvisning: [0, 0, 0, 0, 1],
    genoptagelse: [0, 0, 0, 0, 1],
    loest_ved_dialog: [0, 0, 0, 1, 6],
    henvist: [0, 0, 0, 0, 2],
    afvist: [0, 0, 0, 1, 4],
    tilbagetrukket: [0, 0, 0, 0, 0],
    genoptaget: [0, 0, 0, 0, 1],
    opinions: [0, 0, 0, 1, 5],
    kritik: [0, 0, 0, 1, 2],
    statementsOnTimePercent: [null, null, null, 100, 50],
    hours: [0, 0, 0, 4, 20],
    hoursSharePercent: [0, 0, 0, 0.2, 1.1],
  });
  expect(trend.rows.find((r) => r.key === 'hours')!.unit).toBe('hours');
});

test('improvement work by kind and center, and its share of working time', () => {
  const m = report.improvement;
  expect([m.activities.current, m.activities.previous]).toEqual([4, 1]);
  expect([m.hours.current, m.hours.previous]).toEqual([20, 4]);
  expect(counts(m.activitiesByKind)).toEqual({
    tilbagemelding: [1, 0],
    undervisning: [1, 0],
    vejledning: [0, 1],
    forbedringsprojekt: [1, 0],
    moede_centerchef: [1, 0],
  });
  expect(counts(m.hoursByKind)).toEqual({
    tilbagemelding: [2.5, 0],
    undervisning: [6, 0],
    vejledning: [0, 4],
    forbedringsprojekt: [10, 0],
    moede_centerchef: [1.5, 0],
  });
  expect(byLabel(m.hoursByCenter)).toEqual({ 'Center for Alfa': [7.5, 0], 'Center for Beta': [2.5, 4], 'Ikke knyttet til et center': [10, 0] });
  // 2025: 261 weekdays − 8 public holidays − 24 December (closing day switched on) = 252 days × 7.4 h;
  // 2024: 262 weekdays − 8 public holidays = 254 days × 7.4 h.
  expect(m.workingHours).toEqual({ current: 1864.8, previous: 1879.6 });
  expect(m.sharePercent).toEqual({ current: 1.1, previous: 0.2 });
  expect(m.targetPercent).toBe(50);
});

test('summary and per-center sections', () => {
  expect(Object.fromEntries(report.summary.map((r) => [r.key, [r.current, r.previous]]))).toEqual({
    inquiries: [15, 3],
    namedCitizens: [7, 3],
    klage: [11, 2],
    raadgivning: [2, 1],
    vejvisning: [1, 0],
    genoptagelse: [1, 0],
    loest_ved_dialog: [6, 1],
    henvist: [2, 0],
    afvist: [4, 1],
    genoptaget: [1, 0],
    opinions: [5, 1],
    general: [1, 0],
    statements: [8, 2],
    statementsOnTime: [4, 1],
    recommendations: [4, 2],
    reopened: [2, 1],
    meetings: [3, 1],
    activities: [4, 1],
    hours: [20, 4],
  });
  expect(Object.fromEntries(report.summary.map((r) => [r.key, r.unit]))).toMatchObject({ inquiries: 'count', namedCitizens: 'count', hours: 'hours' });
  expect(report.centers.map((c) => c.name)).toEqual(['Center for Alfa', 'Center for Beta', 'Center for Delta', 'Center for Gamma', 'Intet center angivet']);
  const [alfa, beta, , gamma, none] = report.centers;
  expect([alfa.inquiries.current, alfa.inquiries.previous, alfa.resolvedByDialogue.current, alfa.rejected.current, alfa.referred.current]).toEqual([
    8, 2, 5, 2, 0,
  ]);
  expect([alfa.resolvedByDialogue.previous, alfa.rejected.previous, alfa.reopenedInquiries.current, beta.reopenedInquiries.current]).toEqual([1, 1, 1, 0]);
  expect(counts(alfa.byPurpose)).toEqual({ klage: [6, 2], raadgivning: [2, 0] });
  expect(counts(alfa.opinionsByOutcome)).toEqual({ kritik: [0, 1], henstilling: [1, 0], ingen_kritik: [1, 0], afvisning: [1, 0] });
  expect([alfa.recommendations.current, alfa.reopened.current, alfa.reopened.previous, alfa.improvementHours.current]).toEqual([1, 1, 1, 7.5]);
  expect([beta.inquiries.current, beta.resolvedByDialogue.current, beta.referred.current, beta.rejected.current]).toEqual([6, 1, 2, 2]);
  expect(counts(beta.opinionsByOutcome)).toEqual({ kritik: [2, 0] });
  expect([beta.recommendations.current, beta.reopened.current, beta.improvementHours.current, beta.improvementHours.previous]).toEqual([2, 1, 2.5, 4]);
  expect(beta.statements.current.unansweredOverdue).toBe(1);
  expect([gamma.inquiries.current, gamma.recommendations.current]).toEqual([0, 1]);
  expect([none.inquiries.current, none.improvementHours.current]).toEqual([1, 10]);
});

test('CSV export and the printable document', async () => {
  const { filename, csv }: { filename: string; csv: string } = await service().csv({ kind: 'year', year: '2025' }, NOW);
  expect(filename).toBe('borgerraadgiver-statistik-2025-01-01-2025-12-31.csv');
  const raw = csv.replace('\uFEFF', '').split('\r\n');
  // Each count has the addresses of its cases in the two periods; the figures are checked without them.
  expect(raw).toContain(
    `Nøgletal;Henvendelser i alt;15;3;12;400,0;http://localhost:1337/admin/rapporter/sager?${figureQuery(report.period, { metric: 'inquiries', filter: {} }, 'Henvendelser i alt')};http://localhost:1337/admin/rapporter/sager?${figureQuery(report.previousPeriod, { metric: 'inquiries', filter: {} }, 'Henvendelser i alt')}`,
  );
  const lines = raw.map((line) => line.replace(/;[^;]*\/admin\/rapporter\/sager\?[^;]*/g, ''));
  expect(lines[0]).toBe('Afsnit;Opgørelse;2025;2024;Ændring;Ændring i %;Sagerne 2025;Sagerne 2024');
  expect(lines).toContain('Nøgletal;Henvendelser i alt;15;3;12;400,0');
  expect(lines).toContain('Nøgletal;Løst ved dialog;6;1;5;500,0');
  expect(lines).toContain('Nøgletal;Henvendelser genoptaget;1;0;1;');
  // Counts whole, hours, days and percentages with one decimal.
  expect(lines).toContain('Nøgletal;Navngivne borgere (forskellige);7;3;4;133,3');
  expect(lines).toContain('Nøgletal;Timer til forbedringsarbejde;20,0;4,0;16,0;400,0');
  expect(lines).toContain('Tider (dage);Fra modtagelse til første handling: 90 %-fraktil;5,7;2,8;2,9;');
  expect(lines).toContain('Forbedringsarbejde;Arbejdstid i perioden (timer);1864,8;1879,6;-14,8;');
  expect(lines).toContain('Redegørelser;Center for Delta: rettidige i %;50,0;;;');
  expect(lines).toContain('Forbedringsarbejde: timer;Undervisning af medarbejdere;6,0;0,0;6,0;');
  expect(lines).toContain('Udvikling over fem år;Henvendelser i alt;0;0;1;3;15');
  expect(lines).toContain('Udvikling over fem år;Løst ved dialog;0;0;0;1;6');
  expect(lines).toContain('Udvikling over fem år;Rettidige redegørelser i %;;;;100,0;50,0');
  expect(lines).toContain('Opfølgning på anbefalinger;Svar borgerne inden for fristen;Center for Alfa;2024-0001;2024-05-01;Afventer svar;;;Nej');

  await service().saveDraft(
    { kind: 'annual', year: 2025 },
    { mainTrends: 'Flere klager over <betjening>.', recommendations: '- Bedre svarfrister\n- Mere dialog' },
  );
  const { html: linked, draft } = await service().document({ kind: 'annual', year: 2025 }, NOW);
  // Each count opens its cases on screen; the figures are checked without the links.
  expect(linked).toContain(
    `<td class="num"><a href="http://localhost:1337/admin/rapporter/sager?${figureQuery(report.period, { metric: 'inquiries', filter: {} }, 'Henvendelser i alt').replace(/&/g, '&amp;')}">15</a></td>`,
  );
  const html = linked.replace(/<a href="[^"]*">|<\/a>/g, '');
  expect(draft).toMatchObject({ kind: 'annual', year: 2025, periodFrom: '2025-01-01', periodTo: '2025-12-31', title: 'Årsberetning 2025' });
  expect(html).toContain('<h1>Årsberetning 2025</h1>');
  expect(html).toContain('Flere klager over &lt;betjening&gt;.');
  expect(html).toContain('<li>Bedre svarfrister</li>');
  expect(html).toContain('<svg');
  expect(html).toContain('@media print');
  expect(html).toContain('<h3>Center for Beta</h3>');
  // Counts print as whole numbers, hours and percentages with one decimal.
  expect(html).toContain('<th scope="row">Henvendelser i alt</th><td class="num">15</td><td class="num">3</td><td class="num">+12 (+400,0 %)</td>');
  expect(html).toContain(
    '<th scope="row">Timer til forbedringsarbejde</th><td class="num">20,0</td><td class="num">4,0</td><td class="num">+16,0 (+400,0 %)</td>',
  );
  expect(html).toContain(
    '<th scope="row">Center for Delta</th><td class="num">2</td><td class="num">1</td><td class="num">1</td><td class="num">0</td><td class="num">1</td><td class="num">50,0 %</td>',
  );
  expect(html).not.toMatch(/Henvendelser i alt<\/th><td class="num">15,0/);
  expect(html).toContain('Udvikling over fem år');
  expect(html).toContain('Svar borgerne inden for fristen');
  expect(html).toContain('Henvendelser efter institution');
  // The same draft is found again, not duplicated.
  await service().draft({ kind: 'annual', year: 2025 });
  expect(await app.strapi.db.query('api::report-draft.report-draft').count({})).toBe(1);
});

test('widget overview: overdue statements and deadlines of the coming week', async () => {
  const overview = await service().overview(NOW);
  expect(overview.overdue).toEqual([
    expect.objectContaining({ caseNumber: '2025-0005', centerName: 'Center for Beta', daysOverdue: 240, dueAt: '2025-05-15T10:00:00.000Z' }),
    expect.objectContaining({ caseNumber: '2025-0010', centerName: 'Center for Delta', daysOverdue: 87, dueAt: '2025-10-15T10:00:00.000Z' }),
  ]);
  expect(overview.dueSoon).toEqual([
    expect.objectContaining({ caseNumber: '2025-0003', centerName: 'Center for Alfa', dueAt: '2026-01-13T10:00:00.000Z', daysOverdue: -3 }),
  ]);
});

test('admin routes: admins only, Danish error for a bad period', async () => {
  const anonymous = await fetch(`${app.url}/reports/statistics?kind=year&year=2025`);
  expect(anonymous.status).toBe(401);
  const ok = await app.admin('GET', '/reports/statistics?kind=year&year=2025');
  expect(ok.status).toBe(200);
  expect(ok.body.data.inquiries.total.current).toBe(15);
  const bad = await app.admin('GET', '/reports/statistics?kind=half_year&year=2025&half=3');
  expect(bad.status).toBe(400);
  expect(bad.body.error.message).toBe('Halvåret skal være 1 eller 2.');
  const csv = await app.admin('GET', '/reports/statistics/csv?kind=custom&from=2025-01-01&to=2025-03-31');
  expect(csv.status).toBe(200);
  expect(csv.body.data.filename).toBe('borgerraadgiver-statistik-2025-01-01-2025-03-31.csv');
  const saved = await app.admin('PUT', '/reports/drafts?kind=half_year&year=2025&half=1', { data: { attentionPoints: 'Svartider' } });
  expect(saved.status).toBe(200);
  expect(saved.body.data).toMatchObject({ kind: 'half_year', year: 2025, half: 1, attentionPoints: 'Svartider', title: 'Halvårsstatus 1. halvår 2025' });
  const doc = await app.admin('GET', '/reports/document?kind=half_year&year=2025&half=1');
  expect(doc.status).toBe(200);
  expect(doc.body.data.html).toContain('Svartider');
  const overview = await app.admin('GET', '/reports/overview');
  expect(overview.status).toBe(200);
  expect(overview.body.data).toHaveProperty('overdue');
});

/** Every count of the report with the period of its value and what opens its rows. */
function countsOf(r: Report) {
  const counts: { path: string; value: number; period: Period; figure: FigureRef }[] = [];
  const missing: string[] = [];
  const walk = (node: unknown, path: string, period: Period | null) => {
    if (Array.isArray(node)) return node.forEach((item, i) => walk(item, `${path}[${i}]`, period));
    if (!node || typeof node !== 'object') return;
    const x = node as Record<string, any>;
    if (typeof x.current === 'number' && typeof x.previous === 'number' && x.unit) {
      // A Row: counts open their rows (improvement activities are not cases); hours and shares do not count anything.
      if (x.unit !== 'count' || path.startsWith('improvement') || x.key === 'activities') return;
      if (!x.figure) return missing.push(path);
      counts.push(
        { path, value: x.current, period: r.period, figure: x.figure },
        { path: `${path} (forrige)`, value: x.previous, period: r.previousPeriod, figure: x.figure },
      );
      return;
    }
    if (typeof x.requested === 'number' && period) {
      for (const key of ['requested', 'answered', 'answeredOnTime', 'answeredLate', 'unansweredOverdue']) {
        if (!x.figures?.[key]) missing.push(`${path}.${key}`);
        else counts.push({ path: `${path}.${key}`, value: x[key], period, figure: x.figures[key] });
      }
      return;
    }
    if (Array.isArray(x.values) && x.unit) {
      if (x.unit !== 'count') return;
      if (!x.figure) return missing.push(path);
      x.values.forEach((value: number, i: number) => counts.push({ path: `${path}[${i}]`, value, period: r.trend!.periods[i], figure: x.figure }));
      return;
    }
    for (const [key, value] of Object.entries(x)) {
      const next = key === 'current' ? r.period : key === 'previous' ? r.previousPeriod : period;
      walk(value, path ? `${path}.${key}` : key, next);
    }
  };
  walk({ ...r, period: undefined, previousPeriod: undefined }, '', null);
  return { counts, missing };
}

test('drill-down: every count of the report opens exactly the rows it counts', async () => {
  const { counts, missing } = countsOf(report);
  expect(missing).toEqual([]);
  expect(counts.length).toBeGreaterThan(300);
  const wrong: string[] = [];
  let nonZero = 0;
  for (const { path, value, period, figure } of counts) {
    const list = await service().figureCases({ from: period.from, to: period.to, figure: JSON.stringify(figure), pageSize: '500' }, NOW);
    if (list.data.length !== value || list.total !== value) wrong.push(`${path}: ${value} counted, ${list.total} in all, ${list.data.length} listed`);
    if (value > 0) nonZero++;
  }
  expect(wrong).toEqual([]);
  expect(nonZero).toBeGreaterThan(100);
});

test('drill-down pages: the pages of a figure are its rows, one after the other, with the same count', async () => {
  const { counts } = countsOf(report);
  const largest = counts.reduce((a, b) => (b.value > a.value ? b : a));
  const query = { from: largest.period.from, to: largest.period.to, figure: JSON.stringify(largest.figure) };
  const whole = await service().figureCases({ ...query, pageSize: '500' }, NOW);
  const pages: any[] = [];
  for (let page = 1; page <= Math.ceil(largest.value / 2) + 1; page++) {
    const { data, total } = await service().figureCases({ ...query, page: String(page), pageSize: '2' }, NOW);
    expect(total).toBe(largest.value);
    pages.push(...data);
  }
  expect(pages).toEqual(whole.data);
  for (const bad of [{ page: '0' }, { pageSize: '501' }, { page: 'x' }])
    await expect(service().figureCases({ ...query, ...bad }, NOW)).rejects.toThrow(/Siden|Antal pr. side/);
});

test('drill-down route: the cases behind a figure, for both office roles, never anyone else', async () => {
  const query = (figure: FigureRef, period: Period = report.period) => `/reports/cases?${figureQuery(period, figure)}`;
  const assistant = await loginAs(app, 'Administrativ medarbejder', 'Anders');
  const complaints = await assistant.request('GET', query({ metric: 'opinions', filter: { kind: 'case', outcome: 'kritik' } }));
  expect(complaints.status).toBe(200);
  expect(complaints.body.meta.total).toBe(report.outcomes.opinionsByOutcome.find((r) => r.key === 'kritik')!.current);
  expect(complaints.body.data.map((x: any) => x.caseNumber).sort()).toEqual(['2025-0005', '2025-0007']);
  expect(complaints.body.data[0]).toMatchObject({ item: 'Udtalelse', documentId: expect.any(String) });
  expect(JSON.stringify(complaints.body)).not.toMatch(/citizen|@example/i);
  // A general opinion belongs to no case.
  const general = await app.admin('GET', query({ metric: 'opinions', filter: { kind: 'general' } }));
  expect(general.body.data).toEqual([expect.objectContaining({ caseNumber: null, documentId: null, item: 'Udtalelse' })]);
  for (const bad of [
    `/reports/cases?${figureQuery(report.period, { metric: 'nope', filter: {} })}`,
    `/reports/cases?${figureQuery(report.period, { metric: 'inquiries', filter: { center: 'x' } })}`,
    `/reports/cases?${figureQuery(report.period, { metric: 'inquiries', filter: { nope: '1' } })}`,
    `/reports/cases?${figureQuery(report.period, { metric: 'statements', filter: { only: 'nope' } })}`,
    '/reports/cases?from=2025-01-01&to=2025-12-31&figure=%7B',
    `/reports/cases?${figureQuery({ from: '2025-13-01', to: '2025-12-31' }, { metric: 'inquiries', filter: {} })}`,
  ]) {
    const response = await app.admin('GET', bad);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/Tallet findes ikke i rapporten|dato/);
  }
  expect((await fetch(`${app.url}${query({ metric: 'inquiries', filter: {} })}`)).status).toBe(401);
});
