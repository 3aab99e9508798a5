import fs from 'fs';
import path from 'path';
import * as vocabulary from '@borgerraadgiver/config';
import { loadPolicy, WorkingCalendar } from '@borgerraadgiver/config';
import type { ComplaintStatus } from '@borgerraadgiver/config';
import {
  caseActions,
  requestNeeds,
  canTransition,
  checkComplaint,
  checkFixedRelations,
  checkOpenStatementRequests,
  checkDueAtUnchanged,
  checkOpinion,
  checkStatementRequest,
  ComplaintState,
  derivedComplaintFields,
  formatCaseNumber,
  meetingHeading,
  opinionHeading,
  recommendationHeading,
  statementRequestHeading,
  parseCaseNumber,
  RuleContext,
  statusAfter,
  handlingAfter,
  transitions,
  caseStages,
  registrationFields,
  formCondition,
  stageFields,
} from '../../cms/src/rules';

const context: RuleContext = { now: new Date('2026-11-27T10:00:00Z'), policy: loadPolicy({}), calendar: new WorkingCalendar() };
const paths = (violations: { path: string }[]) => violations.map((v) => v.path).sort();

const investigable: ComplaintState = {
  receivedAt: '2026-11-20T10:00:00Z',
  eventDate: '2026-10-01',
  identity: 'named',
  centerHadOpportunity: true,
  caseStatus: 'undersoegelse',
};
const exception = {
  timeLimitException: true,
  timeLimitExceptionReason: 'Gentagne fejl i samme type sager',
  exceptionLegalInterest: true,
  exceptionCanBeClarified: true,
  exceptionCanImprove: true,
};

describe('complaint rules', () => {
  test.each<[string, ComplaintState, ComplaintState | null, string[]]>([
    ['a plain new inquiry', { description: 'x' } as ComplaintState, null, []],
    ['a case number given on create', { caseNumber: '2026-0099' }, null, ['caseNumber']],
    ['a case number changed', { caseNumber: '2026-0002', caseStatus: 'modtaget' }, { caseNumber: '2026-0001', caseStatus: 'modtaget' }, ['caseNumber']],
    ['the case number kept on update', { caseNumber: '2026-0001', caseStatus: 'visitation' }, { caseNumber: '2026-0001', caseStatus: 'modtaget' }, []],
    ['eventDate in the future', { eventDate: '2026-11-28' }, null, ['eventDate']],
    ['eventDate after receipt', { eventDate: '2026-11-21', receivedAt: '2026-11-20T10:00:00Z' }, null, ['eventDate']],
    ['eventDate the day of receipt (Copenhagen date)', { eventDate: '2026-11-20', receivedAt: '2026-11-19T23:30:00Z' }, null, []],
    ['eventDate not a date', { eventDate: '31-12-2025' }, null, ['eventDate']],
    ['receivedAt in the future', { receivedAt: '2026-12-01T10:00:00Z' }, null, ['receivedAt']],
    ['R6 expired complaint investigated', { ...investigable, eventDate: '2025-11-01' }, null, ['eventDate']],
    ['R6 expired complaint solved by dialogue', { ...investigable, caseStatus: 'loest_ved_dialog', eventDate: '2025-11-01' }, null, ['eventDate']],
    ['R6 expired complaint rejected', { ...investigable, caseStatus: 'afvist', outOfScopeReason: 'foraeldet', eventDate: '2025-11-01' }, null, []],
    [
      'R6 limit moved to the next working day: 1 year after Sat 2025-11-22 is Mon 2026-11-23',
      { ...investigable, eventDate: '2025-11-22', receivedAt: '2026-11-23T12:00:00Z' },
      null,
      [],
    ],
    ['R6 one day late', { ...investigable, eventDate: '2025-11-19', receivedAt: '2026-11-20T10:00:00Z' }, null, ['eventDate']],
    ['R6 exception with all three conditions', { ...investigable, eventDate: '2025-11-01', ...exception }, null, []],
    [
      'R6 exception without reason',
      { ...investigable, eventDate: '2025-11-01', ...exception, timeLimitExceptionReason: ' ' },
      null,
      ['eventDate', 'timeLimitExceptionReason'],
    ],
    [
      'R6 exception missing legal interest',
      { ...investigable, eventDate: '2025-11-01', ...exception, exceptionLegalInterest: false },
      null,
      ['eventDate', 'exceptionLegalInterest'],
    ],
    [
      'R6 exception missing clarification',
      { ...investigable, eventDate: '2025-11-01', ...exception, exceptionCanBeClarified: false },
      null,
      ['eventDate', 'exceptionCanBeClarified'],
    ],
    [
      'R6 exception missing improvement',
      { ...investigable, eventDate: '2025-11-01', ...exception, exceptionCanImprove: false },
      null,
      ['eventDate', 'exceptionCanImprove'],
    ],
    ['R5 out of scope investigated', { ...investigable, outOfScopeReason: 'privatretlig' }, null, ['outOfScopeReason']],
    ['R5 out of scope solved by dialogue', { ...investigable, caseStatus: 'loest_ved_dialog', outOfScopeReason: 'privatretlig' }, null, ['outOfScopeReason']],
    ['R5 out of scope referred', { ...investigable, caseStatus: 'henvist', outOfScopeReason: 'anden_klageinstans' }, null, ['outOfScopeReason']],
    ['R5 out of scope rejected', { ...investigable, caseStatus: 'afvist', outOfScopeReason: 'privatretlig' }, null, []],
    ['rejection without a reason', { caseStatus: 'afvist' }, null, ['outOfScopeReason']],
    ['R7 anonymous investigated', { ...investigable, identity: 'anonymous' }, null, ['specialCaseReason']],
    ['R8 confidential investigated', { ...investigable, identity: 'confidential' }, null, ['specialCaseReason']],
    ['R7 anonymous special case', { ...investigable, identity: 'anonymous', specialCaseReason: 'Mistanke om fortsatte grove fejl' }, null, []],
    ['R8 confidential solved by dialogue', { ...investigable, identity: 'confidential', caseStatus: 'loest_ved_dialog' }, null, []],
    ['R10 investigation before the center had the opportunity', { ...investigable, centerHadOpportunity: false }, null, ['centerHadOpportunity']],
    ['business without name', { complainantKind: 'business', cvr: '1234567' }, null, ['businessName', 'cvr']],
    ['business with name and CVR', { complainantKind: 'business', businessName: 'ApS', cvr: '12345678' }, null, []],
    ['created with an end status', { caseStatus: 'afsluttet' }, null, ['caseStatus']],
    ['illegal transition', { ...investigable, caseStatus: 'udtalelse_afgivet' }, { ...investigable, caseStatus: 'modtaget' }, ['caseStatus']],
    ['legal transition', { ...investigable, caseStatus: 'udtalelse_afgivet' }, { ...investigable, caseStatus: 'undersoegelse' }, []],
    ['reopening a closed case', { caseStatus: 'genoptaget' }, { caseStatus: 'afsluttet' }, []],
    ['complaint themes from the vocabulary', { complaintThemes: ['vejledning', 'partshoering'] }, null, []],
    ['no complaint themes', { complaintThemes: null }, null, []],
    ['an unknown complaint theme', { complaintThemes: ['vejledning', 'hegnssyn'] }, null, ['complaintThemes']],
    ['complaint themes not as a list', { complaintThemes: 'vejledning' }, null, ['complaintThemes']],
  ])('%s', (_name, next, previous, expected) => {
    expect(paths(checkComplaint(next, previous, context))).toEqual(expected);
  });

  test('every violation has a Danish message', () => {
    const violations = checkComplaint({ ...investigable, identity: 'anonymous', eventDate: '2025-01-01', outOfScopeReason: 'privatretlig' }, null, context);
    expect(violations.length).toBe(3);
    for (const v of violations) expect(v.message).toMatch(/[a-zæøå]{3}/);
  });

  test.each<[string, ComplaintState, ComplaintState | null, Partial<ComplaintState>]>([
    ['receivedAt defaults to now', {}, null, { receivedAt: '2026-11-27T10:00:00.000Z' }],
    [
      'first action when leaving modtaget',
      { caseStatus: 'dialog', receivedAt: 'x' },
      { caseStatus: 'modtaget' },
      { firstActionAt: '2026-11-27T10:00:00.000Z' },
    ],
    [
      'closed when rejected',
      { caseStatus: 'afvist', firstActionAt: 'a', receivedAt: 'x' },
      { caseStatus: 'visitation' },
      { closedAt: '2026-11-27T10:00:00.000Z' },
    ],
    [
      'reopened clears closure',
      { caseStatus: 'genoptaget', firstActionAt: 'a', receivedAt: 'x', closedAt: 'b' },
      { caseStatus: 'afsluttet' },
      { closedAt: null },
    ],
    [
      'themes once each in the vocabulary order',
      { receivedAt: 'x', complaintThemes: ['adfaerd', 'vejledning', 'adfaerd'] },
      null,
      { complaintThemes: ['vejledning', 'adfaerd'] },
    ],
    ['no themes left is null', { receivedAt: 'x', complaintThemes: [] }, null, { complaintThemes: null }],
    ['themes already in order are left alone', { receivedAt: 'x', complaintThemes: ['vejledning', 'adfaerd'] }, null, {}],
  ])('derived: %s', (_name, next, previous, expected) => {
    expect(derivedComplaintFields(next, previous, context.now)).toEqual(expected);
  });
});

describe('complaint workflow', () => {
  test('every status reaches an end and every end can be reopened', () => {
    for (const [from, targets] of Object.entries(transitions)) {
      expect(targets.length).toBeGreaterThan(0);
      for (const to of targets) expect(canTransition(from as never, to)).toBe(true);
    }
    expect(canTransition('afsluttet', 'undersoegelse')).toBe(false);
    expect(canTransition('afsluttet', 'genoptaget')).toBe(true);
  });
});

describe('statement request rules', () => {
  const center = { email: 'leder@example.org' };
  test.each<[string, object, object | null, string[]]>([
    ['a valid request', { complaint: investigable, center, questions: 'Q' }, null, []],
    ['no complaint', { center, questions: 'Q' }, null, ['complaint']],
    ['no center', { complaint: investigable, questions: 'Q' }, null, ['center']],
    ['center without email', { complaint: investigable, center: { email: '' } }, null, ['center']],
    ['R10 center has not had the opportunity', { complaint: { ...investigable, centerHadOpportunity: false }, center }, null, ['complaint']],
    [
      'R8 confidential citizen without special case',
      { complaint: { ...investigable, identity: 'confidential' }, center, caseSummary: 'Resumé' },
      null,
      ['complaint'],
    ],
    [
      "R8 confidential citizen: the center gets the advisor's summary",
      { complaint: { ...investigable, identity: 'confidential', specialCaseReason: 'Grove fejl' }, center, caseSummary: 'Resumé uden navne' },
      null,
      [],
    ],
    [
      'R8 confidential citizen without a summary for the center',
      { complaint: { ...investigable, identity: 'confidential', specialCaseReason: 'Grove fejl' }, center },
      null,
      ['caseSummary'],
    ],
    ['a closed complaint', { complaint: { ...investigable, caseStatus: 'afsluttet' }, center }, null, ['complaint']],
    ['R5 out of scope', { complaint: { ...investigable, caseStatus: 'visitation', outOfScopeReason: 'personalesag' }, center }, null, ['complaint']],
    ['R6 expired', { complaint: { ...investigable, eventDate: '2024-01-01' }, center }, null, ['complaint']],
    [
      'agreed due date without note',
      { complaint: investigable, center, sentOutsideSystem: true, requestedAt: '2026-11-20T10:00:00Z', agreedDueAt: '2026-12-20T10:00:00Z' },
      null,
      ['agreementNote'],
    ],
    [
      'agreed due date with note',
      {
        complaint: investigable,
        center,
        sentOutsideSystem: true,
        requestedAt: '2026-11-20T10:00:00Z',
        agreedDueAt: '2026-12-20T10:00:00Z',
        agreementNote: 'Aftalt med afdelingsleder',
      },
      null,
      [],
    ],
    [
      'agreed due date before the request',
      {
        complaint: investigable,
        center,
        sentOutsideSystem: true,
        requestedAt: '2026-11-20T10:00:00Z',
        agreedDueAt: '2026-11-19T10:00:00Z',
        agreementNote: 'x',
      },
      null,
      ['agreedDueAt'],
    ],
    ['the system sends it now: a request time in the future', { complaint: investigable, center, requestedAt: '2026-12-27T10:00:00Z' }, null, ['requestedAt']],
    [
      'sent outside the system: a request time in the future',
      { complaint: investigable, center, sentOutsideSystem: true, requestedAt: '2026-12-27T10:00:00Z' },
      null,
      ['requestedAt'],
    ],
    ['the system sends it now: an earlier request time', { complaint: investigable, center, requestedAt: '2026-09-28T10:00:00Z' }, null, ['requestedAt']],
    ['the system sends it now: the clock of the browser 30 s ahead', { complaint: investigable, center, requestedAt: '2026-11-27T10:00:30Z' }, null, []],
    [
      'sent outside the system 60 days ago, on a case received before',
      {
        complaint: { ...investigable, receivedAt: '2026-09-25T10:00:00Z', eventDate: '2026-09-01' },
        center,
        sentOutsideSystem: true,
        requestedAt: '2026-09-28T10:00:00Z',
      },
      null,
      [],
    ],
    [
      'sent outside the system before the case was received',
      { complaint: investigable, center, sentOutsideSystem: true, requestedAt: '2026-11-19T20:00:00Z' },
      null,
      ['requestedAt'],
    ],
    [
      'sent outside the system the day the case was received, at an earlier hour',
      { complaint: investigable, center, sentOutsideSystem: true, requestedAt: '2026-11-20T07:00:00Z' },
      null,
      [],
    ],
    ['sent outside the system without a time', { complaint: investigable, center, sentOutsideSystem: true }, null, ['requestedAt']],
    [
      'a sent request keeps its time',
      { complaint: investigable, center, requestedAt: '2026-11-26T10:00:00Z' },
      { complaint: investigable, requestedAt: '2026-11-20T10:00:00Z' },
      ['requestedAt'],
    ],
    [
      'sent outside the system cannot be switched later',
      { complaint: investigable, center, sentOutsideSystem: true, requestedAt: '2026-11-20T10:00:00Z' },
      { complaint: investigable, requestedAt: '2026-11-20T10:00:00Z' },
      ['sentOutsideSystem'],
    ],
    [
      'a registration is corrected',
      { complaint: investigable, center, sentOutsideSystem: true, requestedAt: '2026-11-21T10:00:00Z' },
      { complaint: investigable, sentOutsideSystem: true, requestedAt: '2026-11-22T10:00:00Z' },
      [],
    ],
    [
      'a registration corrected to before the case was received',
      { complaint: investigable, center, sentOutsideSystem: true, requestedAt: '2026-11-19T10:00:00Z' },
      { complaint: investigable, sentOutsideSystem: true, requestedAt: '2026-11-22T10:00:00Z' },
      ['requestedAt'],
    ],
    ['created as answered', { complaint: investigable, center, requestStatus: 'besvaret', responseText: 'x' }, null, ['requestStatus']],
    [
      'answered without text',
      { complaint: investigable, center, requestStatus: 'besvaret' },
      { complaint: investigable, requestStatus: 'sendt' },
      ['responseText'],
    ],
    [
      'cancelled then reopened',
      { complaint: investigable, center, requestStatus: 'sendt' },
      { complaint: investigable, requestStatus: 'annulleret' },
      ['requestStatus'],
    ],
  ])('%s', (_name, next, previous, expected) => {
    expect(paths(checkStatementRequest(next, previous, context))).toEqual(expected);
  });

  test.each`
    submitted                     | violations
    ${undefined}                  | ${[]}
    ${null}                       | ${[]}
    ${'2026-12-11T22:59:59.999Z'} | ${[]}
    ${'2026-12-20T22:59:59.999Z'} | ${['dueAt']}
  `('dueAt $submitted against the computed one', ({ submitted, violations }) => {
    expect(paths(checkDueAtUnchanged(submitted, new Date('2026-12-11T22:59:59.999Z')))).toEqual(violations);
  });
});

describe('what a sent request fixes', () => {
  test.each`
    complaint | center   | paths
    ${false}  | ${false} | ${[]}
    ${true}   | ${false} | ${['complaint']}
    ${false}  | ${true}  | ${['center']}
  `('complaint changed $complaint, center changed $center', ({ complaint, center, paths: expected }) => {
    expect(paths(checkFixedRelations({ complaint, center }))).toEqual(expected);
  });

  test.each<[string, ComplaintState, number, string[]]>([
    ['no open request: anything goes', { ...investigable, identity: 'confidential', caseStatus: 'dialog' }, 0, []],
    ['open request, unchanged', { ...investigable, caseStatus: 'dialog' }, 1, []],
    ['open request, citizen becomes confidential', { ...investigable, identity: 'confidential' }, 1, ['specialCaseReason']],
    ['open request, out of scope', { ...investigable, outOfScopeReason: 'privatretlig' }, 1, ['outOfScopeReason']],
    ['open request, R10 unticked', { ...investigable, centerHadOpportunity: false }, 1, ['centerHadOpportunity']],
    ['open request, case closed', { ...investigable, caseStatus: 'loest_ved_dialog' }, 2, ['caseStatus']],
  ])('%s', (_name, next, open, expected) => {
    expect(paths(checkOpenStatementRequests(next, open, context))).toEqual(expected);
  });
});

describe('opinion rules', () => {
  const perspective = { legalPerspective: 'Forvaltningsloven § 19 er ikke overholdt', reasoning: 'Begrundelse' };
  test.each<[string, object, string[]]>([
    ['a case opinion with a perspective and reasoning', { kind: 'case', outcome: 'kritik', complaint: investigable, ...perspective }, []],
    ['a case opinion without complaint', { kind: 'case', outcome: 'kritik', ...perspective }, ['complaint']],
    ['no perspective', { kind: 'case', outcome: 'henstilling', complaint: investigable, reasoning: 'x' }, ['legalPerspective']],
    ['no reasoning', { kind: 'case', outcome: 'ingen_kritik', complaint: investigable, ethicalPerspective: 'x' }, ['reasoning']],
    ['rejection needs neither', { kind: 'case', outcome: 'afvisning', complaint: investigable }, []],
    ['R15 general opinion without addressee', { kind: 'general', outcome: 'henstilling', ...perspective }, ['addressedTo']],
    ['R15 general opinion to the director', { kind: 'general', outcome: 'henstilling', addressedTo: 'Kommunaldirektøren', ...perspective }, []],
    [
      'R8 criticism of a confidential case',
      { kind: 'case', outcome: 'kritik', complaint: { ...investigable, identity: 'confidential' }, ...perspective },
      ['outcome'],
    ],
    [
      'R5 criticism of an out-of-scope case',
      { kind: 'case', outcome: 'kritik', complaint: { ...investigable, outOfScopeReason: 'serviceniveau' }, ...perspective },
      ['outcome'],
    ],
    ['R7 rejection of an anonymous case', { kind: 'case', outcome: 'afvisning', complaint: { ...investigable, identity: 'anonymous' } }, []],
  ])('%s', (_name, next, expected) => {
    expect(paths(checkOpinion(next, context))).toEqual(expected);
  });
});

describe('case numbers', () => {
  test.each`
    year    | sequence | formatted
    ${2026} | ${1}     | ${'2026-0001'}
    ${2026} | ${42}    | ${'2026-0042'}
    ${2027} | ${12345} | ${'2027-12345'}
  `('$year/$sequence → $formatted', ({ year, sequence, formatted }) => {
    expect(formatCaseNumber(year, sequence)).toBe(formatted);
    expect(parseCaseNumber(formatted)).toEqual({ year, sequence });
  });
});

describe('schemas use the shared vocabulary', () => {
  const schema = (name: string) =>
    JSON.parse(fs.readFileSync(path.join(__dirname, `../../cms/src/api/${name}/content-types/${name}/schema.json`), 'utf8')).attributes;
  test.each`
    type                      | field                 | values
    ${'complaint'}            | ${'channel'}          | ${vocabulary.channels}
    ${'complaint'}            | ${'purpose'}          | ${vocabulary.purposes}
    ${'complaint'}            | ${'identity'}         | ${vocabulary.identities}
    ${'complaint'}            | ${'complainantKind'}  | ${vocabulary.complainantKinds}
    ${'complaint'}            | ${'category'}         | ${vocabulary.categories}
    ${'complaint'}            | ${'outOfScopeReason'} | ${vocabulary.outOfScopeReasons}
    ${'complaint'}            | ${'caseStatus'}       | ${vocabulary.complaintStatuses}
    ${'complaint'}            | ${'handling'}         | ${vocabulary.handlingForms}
    ${'complaint'}            | ${'citizenResult'}    | ${vocabulary.citizenResults}
    ${'statement-request'}    | ${'requestStatus'}    | ${vocabulary.statementRequestStatuses}
    ${'opinion'}              | ${'kind'}             | ${vocabulary.opinionKinds}
    ${'opinion'}              | ${'outcome'}          | ${vocabulary.opinionOutcomes}
    ${'recommendation'}       | ${'followUpStatus'}   | ${vocabulary.recommendationFollowUps}
    ${'meeting'}              | ${'role'}             | ${vocabulary.meetingRoles}
    ${'improvement-activity'} | ${'kind'}             | ${vocabulary.improvementKinds}
  `('$type.$field', ({ type, field, values }) => {
    expect(schema(type)[field].enum).toEqual(Object.keys(values));
  });
});

describe('next steps on the case page', () => {
  const facts = { openRequests: 0, hasCenter: true };
  const offered = (complaint: ComplaintState, caseFacts = facts) =>
    Object.entries(caseActions(complaint, caseFacts, context))
      .filter(([, reason]) => reason === null)
      .map(([kind]) => kind)
      .sort();
  test.each<[string, ComplaintState, typeof facts, string[]]>([
    // R10 and the center are asked for in the request's dialog.
    [
      'new, center has not had the opportunity',
      { ...investigable, caseStatus: 'modtaget', centerHadOpportunity: false },
      facts,
      ['registerMeeting', 'reject', 'requestStatement'],
    ],
    ['visitation, ready to investigate', { ...investigable, caseStatus: 'visitation' }, facts, ['registerMeeting', 'reject', 'requestStatement']],
    [
      'visitation without a center',
      { ...investigable, caseStatus: 'visitation' },
      { ...facts, hasCenter: false },
      ['registerMeeting', 'reject', 'requestStatement'],
    ],
    ['R5 out of scope: only rejection', { ...investigable, caseStatus: 'visitation', outOfScopeReason: 'privatretlig' }, facts, ['registerMeeting', 'reject']],
    ['R8 confidential without a special case', { ...investigable, caseStatus: 'visitation', identity: 'confidential' }, facts, ['registerMeeting', 'reject']],
    ['R6 expired', { ...investigable, caseStatus: 'visitation', eventDate: '2025-11-01' }, facts, ['registerMeeting', 'reject']],
    ['investigation awaiting the statement', investigable, { ...facts, openRequests: 1 }, ['registerMeeting', 'requestStatement']],
    ['investigation with the statement in', investigable, facts, ['issueOpinion', 'registerMeeting', 'reject', 'requestStatement']],
    ['opinion issued', { ...investigable, caseStatus: 'udtalelse_afgivet' }, facts, ['close', 'registerMeeting', 'reopen']],
    ['rejected', { ...investigable, caseStatus: 'afvist', outOfScopeReason: 'grundloes' }, facts, ['close', 'reopen']],
    ['closed', { ...investigable, caseStatus: 'afsluttet' }, facts, ['reopen']],
    ['reopened', { ...investigable, caseStatus: 'genoptaget' }, facts, ['registerMeeting', 'reject', 'requestStatement']],
  ])('%s', (_name, complaint, caseFacts, expected) => {
    expect(offered(complaint, caseFacts)).toEqual(expected);
  });

  test('every refusal says why, in Danish', () => {
    const refused = caseActions({ ...investigable, caseStatus: 'modtaget', identity: 'confidential' }, facts, context);
    expect(refused.requestStatement).toMatch(/kan kun undersøges i helt særlige tilfælde/);
    expect(refused.reopen).toMatch(/Kun en lukket sag/);
    expect(refused.issueOpinion).toMatch(/sagen har status "Modtaget"/);
    expect(refused.close).toMatch(/kan afsluttes, når/);
  });

  test.each<[string, ComplaintState, typeof facts, ReturnType<typeof requestNeeds>]>([
    ['R10 and center in place', investigable, facts, { centerHadOpportunity: false, center: false }],
    ['R10 missing', { ...investigable, centerHadOpportunity: false }, facts, { centerHadOpportunity: true, center: false }],
    ['no center', investigable, { ...facts, hasCenter: false }, { centerHadOpportunity: false, center: true }],
  ])("the request's dialog asks for what is missing: %s", (_name, complaint, caseFacts, expected) => {
    expect(requestNeeds(complaint, caseFacts)).toEqual(expected);
  });

  test.each<[Parameters<typeof statusAfter>[0], ComplaintStatus | null, ComplaintStatus | null]>([
    ['statement_requested', 'modtaget', 'undersoegelse'],
    ['statement_requested', 'visitation', 'undersoegelse'],
    ['statement_requested', 'genoptaget', 'undersoegelse'],
    ['statement_requested', null, 'undersoegelse'],
    ['statement_requested', 'undersoegelse', null],
    ['statement_requested', 'udtalelse_afgivet', null],
    ['opinion_issued', 'undersoegelse', 'udtalelse_afgivet'],
    ['opinion_issued', 'visitation', null],
    ['opinion_issued', 'afsluttet', null],
  ])('after %s a case in %s goes to %s', (event, from, to) => {
    expect(statusAfter(event, from)).toBe(to);
    if (to) expect(canTransition(from ?? 'modtaget', to)).toBe(true);
  });

  test.each<[Parameters<typeof handlingAfter>[0], Parameters<typeof handlingAfter>[1], ReturnType<typeof handlingAfter>]>([
    ['statement_requested', null, 'undersoegelse'],
    ['statement_requested', 'kort_kontakt', 'undersoegelse'],
    ['statement_requested', 'dialog', 'undersoegelse'],
    ['statement_requested', 'undersoegelse', null],
    ['statement_requested', 'maegling', null],
    ['statement_requested', 'videresendt', null],
    ['opinion_issued', null, null],
    ['opinion_issued', 'dialog', null],
  ])('after %s a case handled as %s is handled as %s', (event, from, to) => {
    expect(handlingAfter(event, from)).toBe(to);
  });
});

describe('every choice field shows Danish labels from the one vocabulary', () => {
  const apiDir = path.join(__dirname, '../../cms/src/api');
  const choiceFields = fs.readdirSync(apiDir).flatMap((name) => {
    const file = path.join(apiDir, name, 'content-types', name, 'schema.json');
    if (!fs.existsSync(file)) return [];
    const attributes = JSON.parse(fs.readFileSync(file, 'utf8')).attributes as Record<string, any>;
    return Object.entries(attributes).map(([field, attribute]) => ({ where: `${name}.${field}`, attribute }));
  });

  test.each(choiceFields.filter(({ attribute }) => attribute.customField === 'global::choice').map(({ where, attribute }) => [where, attribute]))(
    '%s stores the keys of its labelled list',
    (_where, attribute) => {
      const list = vocabulary.choiceLists[attribute.options.choices as vocabulary.ChoiceListName];
      expect(list).toBeDefined();
      expect(attribute.enum).toEqual(Object.keys(list));
    },
  );

  test('no plain enumeration is left where the advisor sees it', () => {
    const internal = ['report-alert', 'report-draft', 'statement-access-log'];
    const plain = choiceFields.filter(({ where, attribute }) => attribute.type === 'enumeration' && !internal.includes(where.split('.')[0]));
    expect(plain.map(({ where }) => where)).toEqual([]);
  });
});

describe('headings are named before the write is validated, so any input shape gives a string', () => {
  const shapes: unknown[] = [undefined, null, '', 42, true, { $ne: 1 }, ['a'], 'tekst'];
  test.each(shapes.map((value) => [JSON.stringify(value) ?? 'undefined', value]))('%s', (_name, value) => {
    const any = value as never;
    expect(typeof recommendationHeading({ caseNumber: '2026-0001', text: any })).toBe('string');
    expect(typeof meetingHeading({ caseNumber: '2026-0001', role: any, heldAt: any })).toBe('string');
    expect(typeof opinionHeading({ caseNumber: '2026-0001', title: any, outcome: any, issuedAt: any })).toBe('string');
    expect(typeof statementRequestHeading({ caseNumber: '2026-0001', dueAt: any, agreedDueAt: any, requestStatus: any })).toBe('string');
  });
  test('an opinion is named by its case and outcome, a general one by its title', () => {
    expect(opinionHeading({ caseNumber: '2026-0001', outcome: 'kritik', issuedAt: '2026-12-04T10:00:00Z' })).toBe(
      '2026-0001 · Udtalelse · Kritik · 04.12.2026',
    );
    expect(opinionHeading({ title: 'Ventetider på hjemmehjælp', outcome: 'henstilling' })).toBe('Ventetider på hjemmehjælp · Henstilling');
    // A case opinion's title is free text an anonymisation removes: never in its heading.
    expect(opinionHeading({ caseNumber: '2026-0001', title: 'Karen Jensens sag', outcome: 'kritik' })).toBe('2026-0001 · Udtalelse · Kritik');
  });
  test('a recommendation is named by its text on one line', () => {
    expect(recommendationHeading({ caseNumber: '2026-0001', text: 'Vejled\n  bedre.' })).toBe('2026-0001 · Vejled bedre.');
  });
});

describe('the case form shows the fields of the stage', () => {
  const attributes: Record<string, { conditions?: { visible?: unknown } }> = JSON.parse(
    fs.readFileSync(path.join(__dirname, '../../cms/src/api/complaint/content-types/complaint/schema.json'), 'utf8'),
  ).attributes;
  test('every status is in exactly one stage; a case without status is being registered', () => {
    for (const status of Object.keys(vocabulary.complaintStatuses)) {
      expect(Object.values(caseStages).filter((statuses) => (statuses as readonly string[]).includes(status))).toHaveLength(1);
    }
    // A new case (no status) is in registration: a stage condition is false only for another stage's statuses.
    expect(formCondition('citizenResult')).toEqual({ '!': { in: [{ var: 'caseStatus' }, [...caseStages.registrering, ...caseStages.behandling]] } });
  });
  test('every staged field is a field of the case', () => {
    for (const field of Object.keys(stageFields)) expect(Object.keys(attributes)).toContain(field);
  });
  test.each(Object.keys(attributes))('%s: its visibility condition in the schema holds its stages, and only staged fields have one', (field) => {
    const visible = attributes[field].conditions?.visible;
    const stage = formCondition(field);
    if (stage) {
      const conjuncts = (visible as { and?: unknown[] })?.and ?? [visible];
      expect(conjuncts[0]).toEqual(stage);
    } else {
      for (const form of ['{"!":{"var":"caseNumber"}}', '{"!":{"in":[{"var":"caseStatus"}']) expect(JSON.stringify(visible ?? null)).not.toContain(form);
    }
  });
  test('the intake facts are in the form only while a case is created, its own text in every stage', () => {
    for (const field of registrationFields) expect(formCondition(field)).toEqual({ '!': { var: 'caseNumber' } });
    expect(formCondition('title')).toBeUndefined();
    expect(formCondition('description')).toBeUndefined();
  });
});
