/** Privacy rules without Strapi: the CPR detector, retention dates and statuses, postponements, personal-data checks. */
import { citizenRights, durationInDanish, findCprNumber, loadPolicy, municipality, retentionSentence } from '@borgerraadgiver/config';
import { checkPersonalData, checkPostponement, checkReason, isPostponed, retentionDueAt, retentionStatus } from '../../cms/src/rules';
import { validateComplaint } from '../../config/src/complaint-validation';
import { cprErrors } from '../../site/src/lib/complaint-form';
import { validateSubmission } from '../../cms/src/api/public-statement/services/public-statement';

describe('CPR detector', () => {
  test.each<[string, string | null]>([
    ['010203-1234', '010203-1234'],
    ['0102031234', '0102031234'],
    ['010203 1234', '010203 1234'],
    ['Mit personnummer er 311299-4321, tak.', '311299-4321'],
    ['CPR:2902001234', '2902001234'], // 29 February 2000
    ['2902011234', null], // 29 February 2001 does not exist
    ['3104801234', null], // 31 April
    ['0113801234', null], // month 13
    ['0001801234', null], // day 0
    ['12345678', null], // a phone number
    ['+45 12 34 56 78', null],
    ['0045 1203881234'.replace(' ', ''), null], // 004512038812 34: twelve digits in a row, not a CPR number
    ['010203-12345', null], // five digits after
    ['9010203-1234', null], // a digit before
    ['Sag 2026-0001 fra 14-03-2026', null],
    ['kontonr. 1234 0123456789', null], // 01-23: no month 23
    ['', null],
  ])('%s', (text, found) => {
    expect(findCprNumber(text)).toBe(found);
  });

  test('not text', () => {
    expect(findCprNumber(1020301234)).toBeNull();
    expect(findCprNumber(null)).toBeNull();
  });
});

describe('public forms refuse CPR numbers in every field', () => {
  const valid = {
    purpose: 'klage',
    eventDate: '2026-01-05',
    description: 'Min sag blev ikke behandlet.',
    identity: 'named',
    complainantKind: 'citizen',
    citizenName: 'Test Borger',
    citizenEmail: 'borger@example.org',
    consent: true,
  };
  const now = new Date('2026-02-01T10:00:00Z');

  test('a valid complaint passes', () => {
    expect(validateComplaint(valid, now).errors).toEqual([]);
  });

  test.each(['description', 'citizenName', 'citizenAddress', 'citizenPhone', 'businessName', 'somethingElse'])('%s', (field) => {
    const { errors, data } = validateComplaint({ ...valid, [field]: `x 010203-1234 x` }, now);
    expect(data).toBeUndefined();
    expect(errors[0]).toEqual({ path: [field], message: expect.stringContaining('CPR-nummer') });
  });

  test('a center id or submission key the system made may hold a run of digits that reads as a CPR number', () => {
    const ids = { center: 'k7q1205901234abcdxyzw0qrs', submissionKey: 'Zx0101701234_abcdefghijklmnopqrstuvwxyz01' };
    expect(validateComplaint({ ...valid, ...ids }, now).errors.filter((e) => /CPR/.test(e.message))).toEqual([]);
    expect(cprErrors({ ...ids, description: 'Min sag.' })).toEqual({});
  });

  test('the center statement form', () => {
    const { errors } = validateSubmission({ data: { text: 'Borgeren (0102031234) fik afslag.', respondentName: 'Leder' } });
    expect(errors).toEqual([{ path: ['text'], message: expect.stringContaining('sagsnummer') }]);
  });
});

describe('personal data on a complaint write', () => {
  const stored = { id: 1, citizenName: 'Anna', citizenPhone: '12345678', anonymisedAt: null, retentionHoldUntil: null, description: 'Tekst' };

  test('identity fields refuse a CPR number when changed', () => {
    expect(checkPersonalData({ ...stored, citizenAddress: 'Vej 1, 010203-1234' }, stored)).toEqual([
      { path: 'citizenAddress', message: expect.stringContaining('CPR-nummer') },
    ]);
    expect(checkPersonalData({ citizenName: 'Anna 0102031234' }, null).map((v) => v.path)).toEqual(['citizenName']);
  });

  test('an unchanged stored value does not block saving (the assistant cannot see it)', () => {
    const legacy = { ...stored, citizenAddress: '0102031234' };
    expect(checkPersonalData({ ...legacy, description: 'Ny tekst' }, legacy)).toEqual([]);
  });

  test('retention fields are set only by the privacy functions', () => {
    expect(checkPersonalData({ ...stored, retentionHoldUntil: '2030-01-01' }, stored).map((v) => v.path)).toEqual(['retentionHoldUntil']);
    expect(checkPersonalData({ anonymisedAt: '2026-01-01T00:00:00Z' }, null).map((v) => v.path)).toEqual(['anonymisedAt']);
    // The admin form sends the stored value back unchanged, in another notation.
    const anonymised = { ...stored, anonymisedAt: new Date('2026-01-01T00:00:00Z') };
    expect(checkPersonalData({ ...anonymised, anonymisedAt: '2026-01-01T00:00:00.000Z' }, anonymised)).toEqual([]);
  });

  test('an anonymised case gets no person back', () => {
    const anonymised = { ...stored, citizenName: null, description: '[Anonymiseret]', anonymisedAt: '2026-01-01T00:00:00.000Z' };
    expect(checkPersonalData({ ...anonymised, citizenName: 'Anna' }, anonymised).map((v) => v.path)).toEqual(['citizenName']);
    expect(checkPersonalData({ ...anonymised, description: 'Ny beskrivelse' }, anonymised).map((v) => v.path)).toEqual(['description']);
    expect(checkPersonalData({ ...anonymised, caseStatus: 'afsluttet' }, anonymised)).toEqual([]);
  });
});

describe('retention', () => {
  const policy = loadPolicy({});
  const closed = (closedAt: string, extra = {}) => ({ caseStatus: 'afsluttet', closedAt, ...extra });

  test('the default is five years, in Danish words', () => {
    expect(policy.retentionAfterClosure.iso).toBe('P5Y');
    expect(durationInDanish(policy.retentionAfterClosure)).toBe('5 år');
    expect(durationInDanish(loadPolicy({ RETENTION_AFTER_CLOSURE: 'P1Y6M' }).retentionAfterClosure)).toBe('1 år og 6 måneder');
    expect(retentionSentence(policy.retentionAfterClosure)).toContain('i 5 år efter');
    expect(() => loadPolicy({ RETENTION_AFTER_CLOSURE: 'fem år' })).toThrow(/RETENTION_AFTER_CLOSURE/);
  });

  test('due five calendar years after closure in Copenhagen, whatever the DST offset', () => {
    // Closed 1 July 2021 00:30 local (summer time); due 1 July 2026 00:30 local.
    expect(retentionDueAt(new Date('2021-06-30T22:30:00Z'), policy).toISOString()).toBe('2026-06-30T22:30:00.000Z');
    // Closed 1 January 2021 00:30 local (winter time).
    expect(retentionDueAt(new Date('2020-12-31T23:30:00Z'), policy).toISOString()).toBe('2025-12-31T23:30:00.000Z');
  });

  test.each<[string, Record<string, unknown>, string]>([
    ['open case', { caseStatus: 'undersoegelse', closedAt: null }, 'open'],
    ['reopened case', { caseStatus: 'genoptaget', closedAt: '2019-01-01T10:00:00Z' }, 'open'],
    ['past retention', closed('2021-05-31T10:00:00Z'), 'due'],
    ['due in 20 days', closed('2021-06-20T10:00:00Z'), 'soon'],
    ['due in 40 days', closed('2021-07-10T10:00:00Z'), 'kept'],
    ['postponed until today', closed('2020-01-01T10:00:00Z', { retentionHoldUntil: '2026-06-01' }), 'postponed'],
    ['postponement ended yesterday', closed('2020-01-01T10:00:00Z', { retentionHoldUntil: '2026-05-31' }), 'due'],
    ['anonymised', closed('2020-01-01T10:00:00Z', { anonymisedAt: '2025-01-01T00:00:00Z' }), 'anonymised'],
  ])('%s', (_name, state, status) => {
    expect(retentionStatus(state, new Date('2026-06-01T12:00:00Z'), policy)).toBe(status);
  });

  test('a postponement holds through its last local day', () => {
    expect(isPostponed('2026-06-01', new Date('2026-06-01T21:59:00Z'))).toBe(true); // 23:59 local
    expect(isPostponed('2026-06-01', new Date('2026-06-01T22:00:00Z'))).toBe(false); // 00:00 local on 2 June
    expect(isPostponed(null, new Date())).toBe(false);
  });

  test('postponing needs a later date within one retention period, and a reason', () => {
    const now = new Date('2026-06-01T10:00:00Z');
    expect(checkPostponement({ until: '2026-09-01', reason: 'Borgeren har klaget til Ombudsmanden.' }, now, policy)).toEqual([]);
    expect(checkPostponement({ until: '2026-06-01', reason: 'x' }, now, policy).map((v) => v.path)).toEqual(['until']);
    expect(checkPostponement({ until: '2031-06-02', reason: 'x' }, now, policy).map((v) => v.path)).toEqual(['until']);
    expect(checkPostponement({ until: '2026-02-30', reason: 'x' }, now, policy).map((v) => v.path)).toEqual(['until']);
    expect(checkPostponement({ until: '2026-09-01', reason: '  ' }, now, policy).map((v) => v.path)).toEqual(['reason']);
    expect(checkReason('Borgeren 010203-1234 bad om sletning')).toEqual([{ path: 'reason', message: expect.stringContaining('CPR-nummer') }]);
    // Kept whole in the journal's summary.
    expect(checkReason('x'.repeat(800))).toEqual([]);
    expect(checkReason('x'.repeat(801)).map((v) => v.path)).toEqual(['reason']);
  });
});

test('the citizen is told the data protection officer, Datatilsynet and how to use each right', () => {
  const rights = citizenRights(municipality);
  expect(rights.map((r) => r.title)).toEqual([
    'Ret til indsigt',
    'Ret til berigtigelse',
    'Ret til sletning',
    'Ret til begrænsning og til at gøre indsigelse',
    'Ret til at klage',
  ]);
  expect(rights.slice(0, 4).every((r) => r.text.includes(municipality.email))).toBe(true);
  expect(rights[4].text).toContain(municipality.dataProtection.officer.email);
  expect(rights[4].text).toContain('Datatilsynet');
});
