import { loadPolicy } from '@borgerraadgiver/config';
import { effectiveDue, isOpenRequest, statementLinkProblem } from '../../cms/src/rules/links';

const policy = loadPolicy({ STATEMENT_LINK_VALID_AFTER_DUE: 'P30D' });
const due = '2026-05-20T21:59:59.999Z';
const request = (overrides = {}) => ({ requestStatus: 'sendt', dueAt: due, linkVersion: 2, complaint: { caseStatus: 'under_behandling' }, ...overrides });
const sentAt = new Date('2026-05-06T10:00:00Z');
const now = new Date('2026-05-21T10:00:00Z');

test.each`
  case                                     | facts                                          | linkVersion | at                                  | expected
  ${'the current link'}                    | ${{}}                                          | ${2}        | ${now}                              | ${null}
  ${'an answered request (page says so)'}  | ${{ requestStatus: 'besvaret' }}               | ${2}        | ${now}                              | ${null}
  ${'an older link'}                       | ${{}}                                          | ${1}        | ${now}                              | ${'replaced'}
  ${'a link whose version is not checked'} | ${{}}                                          | ${null}     | ${now}                              | ${null}
  ${'a cancelled request'}                 | ${{ requestStatus: 'annulleret' }}             | ${2}        | ${now}                              | ${'cancelled'}
  ${'a closed case'}                       | ${{ complaint: { caseStatus: 'afsluttet' } }}  | ${2}        | ${now}                              | ${'closed'}
  ${'30 days after the due date'}          | ${{}}                                          | ${2}        | ${new Date('2026-06-19T21:00:00Z')} | ${null}
  ${'the day after that'}                  | ${{}}                                          | ${2}        | ${new Date('2026-06-19T22:00:01Z')} | ${'expired'}
  ${'an agreed later due date'}            | ${{ agreedDueAt: '2026-06-20T21:59:59.999Z' }} | ${2}        | ${new Date('2026-06-21T10:00:00Z')} | ${null}
`('$case: $expected', ({ facts, linkVersion, at, expected }) => {
  expect(statementLinkProblem(request(facts), linkVersion, sentAt, policy, at)).toBe(expected);
});

test('a link mailed after the due date works on arrival, for the whole period from its mailing', () => {
  const late = new Date('2026-07-01T10:00:00Z');
  expect(statementLinkProblem(request(), 2, late, policy, new Date('2026-07-30T10:00:00Z'))).toBeNull();
});

test('an open request is one neither answered nor cancelled; the agreed due date wins', () => {
  expect([undefined, 'sendt', 'besvaret', 'annulleret'].map((requestStatus) => isOpenRequest({ requestStatus }))).toEqual([true, true, false, false]);
  expect(effectiveDue({ dueAt: due, agreedDueAt: null })!.toISOString()).toBe(due);
  expect(effectiveDue({ dueAt: due, agreedDueAt: '2026-06-01T21:59:59.999Z' })!.toISOString()).toBe('2026-06-01T21:59:59.999Z');
});
