import { CASE_LINK_GONE_REASONS, goneReasonOf, STATEMENT_LINK_GONE_REASONS } from '@borgerraadgiver/config';
import { clientIp } from '../../cms/src/utils/client-ip';
import { validateSubmission } from '../../cms/src/api/public-statement/services/public-statement';
import { validateMessage } from '../../cms/src/api/public-case/services/public-case';
import { validateComplaint } from '../../config/src/complaint-validation';

const ctx = (headers: Record<string, string>, ip = '10.0.0.1') => ({ request: { ip }, get: (name: string) => headers[name] ?? '' });
const forwarded = { 'x-borgerraadgiver-client-ip': '203.0.113.7' };

test.each`
  case                                 | headers                                                        | secret       | expected
  ${'no forwarding'}                   | ${{}}                                                          | ${'s3cret'}  | ${'10.0.0.1'}
  ${'the site with the shared secret'} | ${{ ...forwarded, 'x-borgerraadgiver-site-secret': 's3cret' }} | ${'s3cret'}  | ${'203.0.113.7'}
  ${'a wrong secret'}                  | ${{ ...forwarded, 'x-borgerraadgiver-site-secret': 'guess!' }} | ${'s3cret'}  | ${'10.0.0.1'}
  ${'a forged header without secret'}  | ${forwarded}                                                   | ${'s3cret'}  | ${'10.0.0.1'}
  ${'no secret configured'}            | ${{ ...forwarded, 'x-borgerraadgiver-site-secret': '' }}       | ${undefined} | ${'10.0.0.1'}
`('$case → $expected', ({ headers, secret, expected }) => {
  expect(clientIp(ctx(headers), secret)).toBe(expected);
});

import { redactPath } from '../../cms/src/middlewares/request-log';

test.each`
  path                                        | logged
  ${'/api/public/statements/abcDEF123_-'}     | ${'/api/public/statements/[token]'}
  ${'/api/public/statements/abc/extra'}       | ${'/api/public/statements/[token]/extra'}
  ${'/api/public/complaints'}                 | ${'/api/public/complaints'}
  ${'/api/public/cases/abcDEF123_-'}          | ${'/api/public/cases/[token]'}
  ${'/api/public/cases/abcDEF123_-/messages'} | ${'/api/public/cases/[token]/messages'}
  ${'/api/public/letters/abcDEF123_-'}        | ${'/api/public/letters/[token]'}
  ${'/content-manager/collection-types/x'}    | ${'/content-manager/collection-types/x'}
`('the request log shows $path as $logged', ({ path, logged }) => {
  expect(redactPath(path)).toBe(logged);
});

test.each`
  reason         | reasons                        | expected
  ${'replaced'}  | ${STATEMENT_LINK_GONE_REASONS} | ${'replaced'}
  ${'withdrawn'} | ${CASE_LINK_GONE_REASONS}      | ${'withdrawn'}
  ${'withdrawn'} | ${STATEMENT_LINK_GONE_REASONS} | ${'expired'}
  ${undefined}   | ${CASE_LINK_GONE_REASONS}      | ${'expired'}
`('a 410 with reason $reason reads as $expected (the shared list of reasons)', ({ reason, reasons, expected }) => {
  expect(goneReasonOf({ error: { status: 410, name: 'GoneError', message: '', details: { reason } } }, reasons)).toBe(expected);
});

const dataMessage = 'Indsend redegørelsen som { "data": { "text", "respondentName", "respondentTitle" } }.';

test.each([null, 'tekst', [], {}, { data: null }, { data: ['a'] }, { data: 'tekst' }])(
  'a statement body %j of the wrong shape is refused as a whole',
  (body) => {
    expect(validateSubmission(body).errors).toEqual([{ path: ['data'], message: dataMessage }]);
  },
);

test('a statement field of the wrong type is named, and the others are still checked', () => {
  expect(validateSubmission({ data: { text: 5, respondentName: '', respondentTitle: { a: 1 } } }).errors).toEqual([
    { path: ['text'], message: 'Redegørelsen skal være tekst.' },
    { path: ['respondentTitle'], message: 'Stillingsbetegnelsen skal være tekst.' },
    { path: ['respondentName'], message: 'Skriv navnet på den, der afgiver redegørelsen.' },
  ]);
  expect(validateSubmission({ data: { text: ' Svar ', respondentName: 'Lene', respondentTitle: null } })).toEqual({
    value: { text: 'Svar', respondentName: 'Lene', respondentTitle: null },
    errors: [],
  });
});

test.each`
  body                                         | withFiles | errors
  ${{ data: { message: ' Hej ' } }}            | ${false}  | ${[]}
  ${{ data: { message: 5 } }}                  | ${false}  | ${[{ path: ['message'], message: 'Skriv din besked, eller vedhæft et dokument.' }]}
  ${null}                                      | ${true}   | ${[]}
  ${{ data: { message: 'x'.repeat(20_001) } }} | ${false}  | ${[{ path: ['message'], message: 'Beskeden må højst være 20.000 tegn.' }]}
`('a citizen message $body (files: $withFiles)', ({ body, withFiles, errors }) => {
  expect(validateMessage(body, withFiles).errors).toEqual(errors);
});

describe('complaint intake: the shape first (complaintSubmission), then the meaning', () => {
  const now = new Date('2026-11-30T12:00:00Z');
  const valid = {
    purpose: 'klage',
    center: 'ved ikke',
    eventDate: '2026-11-01',
    description: 'Jeg har ventet længe.',
    identity: 'named',
    citizenName: 'Karen Jensen',
    citizenEmail: 'karen@example.org',
    consent: true,
  };
  test.each`
    case                                     | change                                                  | expected
    ${'a valid form'}                        | ${{}}                                                   | ${[]}
    ${'a form as a browser sends it'}        | ${{ consent: 'on', formalComplaintToUnit: 'true' }}     | ${[]}
    ${'a number where text is expected'}     | ${{ citizenPhone: 12345678 }}                           | ${[]}
    ${'a list for the description'}          | ${{ description: ['a', 'b'] }}                          | ${[['description', 'Feltet har en ugyldig værdi.']]}
    ${'an object for the identity'}          | ${{ identity: { $ne: 'x' } }}                           | ${[['identity', 'Feltet har en ugyldig værdi.']]}
    ${'1 for the consent, as a JSON client'} | ${{ consent: 1 }}                                       | ${[]}
    ${'a list for the consent'}              | ${{ consent: ['on'] }}                                  | ${[['consent', 'Feltet har en ugyldig værdi.']]}
    ${'two wrong types, each named once'}    | ${{ citizenName: [], citizenEmail: {} }}                | ${[['citizenName', 'Feltet har en ugyldig værdi.'], ['citizenEmail', 'Feltet har en ugyldig værdi.']]}
    ${'a wrong type beside a wrong value'}   | ${{ description: [], citizenEmail: 'ikke-en-adresse' }} | ${[['description', 'Feltet har en ugyldig værdi.'], ['citizenEmail', 'Skriv en gyldig e-mailadresse, fx navn@eksempel.dk.']]}
    ${'unknown keys are ignored'}            | ${{ documentId: ['x'], caseNumber: { a: 1 } }}          | ${[]}
  `('$case', ({ change, expected }) => {
    const { errors } = validateComplaint({ ...valid, ...change }, now);
    expect(errors.map((error) => [error.path[0], error.message])).toEqual(expected);
  });
});
