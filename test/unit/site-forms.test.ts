/**
 * The site's form handling outside the pages: what a POST of the complaint form and of the
 * statement form turns into (status, kept values, errors by field, the problem at the top), the
 * error summary, and the choices taken from the shared vocabulary. The CMS call is passed in;
 * test/e2e/site.test.ts drives the same modules through the real site and CMS.
 */
import { complainantKinds, identities, purposes } from '@borgerraadgiver/config';
import { CmsUnavailableError, type SubmitResult, type StatementSubmitResult } from '../../site/src/lib/cms';
import { FIELDS, handleComplaintPost, HONEYPOT, type ComplaintPostDeps } from '../../site/src/lib/complaint-form';
import { handleStatementPost, statusAfterLookup, STATEMENT_FIELDS, type StatementPostDeps } from '../../site/src/lib/statement-form';
import { errorSummary } from '../../site/src/lib/form-post';
import { complainantKindChoices, identityChoices, purposeChoices } from '../../site/src/lib/choices';
import { describedBy } from '../../site/src/lib/field';

const contact = { contactPhone: '46 46 44 20', contactEmail: 'borgerraadgiveren@lejre.dk' };
const form = (fields: Record<string, string>) => new URLSearchParams(fields);
const complaintFields = {
  purpose: 'klage',
  center: 'ved ikke',
  eventDate: '2026-03-14',
  description: 'Ingen svar',
  contactedCenter: 'ja',
  identity: 'named',
  citizenName: 'Anna',
  citizenEmail: 'anna@example.dk',
  consent: 'ja',
};

function complaintDeps(result: SubmitResult | Error, allow = true) {
  const calls: { payload: Record<string, unknown>; key: string; ip: string }[] = [];
  const deps: ComplaintPostDeps = {
    allow: () => allow,
    submit: async (payload, key, ip) => {
      calls.push({ payload, key, ip });
      if (result instanceof Error) throw result;
      return result;
    },
  };
  return { deps, calls };
}

describe('a POST of the complaint form', () => {
  test('a registered complaint gives the receipt; the payload is built from the form', async () => {
    const { deps, calls } = complaintDeps({ ok: true, caseNumber: '2026-0007' });
    const outcome = await handleComplaintPost(form(complaintFields), '203.0.113.7', contact, deps);
    expect(outcome).toEqual({ kind: 'received', receipt: { caseNumber: '2026-0007', emailGiven: true } });
    expect(calls).toHaveLength(1);
    expect(calls[0].ip).toBe('203.0.113.7');
    expect(calls[0].key).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(calls[0].payload).toMatchObject({
      purpose: 'klage',
      center: 'ved ikke',
      formalComplaintToUnit: true,
      identity: 'named',
      complainantKind: 'citizen',
      consent: true,
    });
  });

  test('an anonymous citizen gets no e-mail receipt even if an address was typed', async () => {
    const { deps } = complaintDeps({ ok: true, caseNumber: null });
    const outcome = await handleComplaintPost(form({ ...complaintFields, identity: 'anonymous' }), 'ip', contact, deps);
    expect(outcome).toEqual({ kind: 'received', receipt: { caseNumber: null, emailGiven: false } });
  });

  test.each`
    case                        | body                                          | allow    | result                                   | status | problemTitle                                     | general
    ${'too large'}              | ${{ status: 413 }}                            | ${true}  | ${{ ok: true, caseNumber: '2026-0001' }} | ${413} | ${'Formularen kunne ikke sendes'}                | ${[]}
    ${'not a form'}             | ${{ status: 415 }}                            | ${true}  | ${{ ok: true, caseNumber: '2026-0001' }} | ${415} | ${'Formularen kunne ikke læses'}                 | ${[]}
    ${'too many from this IP'}  | ${complaintFields}                            | ${false} | ${{ ok: true, caseNumber: '2026-0001' }} | ${429} | ${'Vent lidt, før du prøver igen'}               | ${[]}
    ${'the honeypot filled'}    | ${{ ...complaintFields, [HONEYPOT]: 'spam' }} | ${true}  | ${{ ok: true, caseNumber: '2026-0001' }} | ${400} | ${undefined}                                     | ${[expect.stringContaining('Lad dette felt stå tomt')]}
    ${'the CMS rate-limits'}    | ${complaintFields}                            | ${true}  | ${{ ok: false, kind: 'rate-limited' }}   | ${429} | ${'Vent lidt, før du prøver igen'}               | ${[]}
    ${'the CMS is unreachable'} | ${complaintFields}                            | ${true}  | ${new CmsUnavailableError('complaint')}  | ${503} | ${'Vi kan ikke modtage din henvendelse lige nu'} | ${[]}
  `('$case → $status, nothing typed is lost', async ({ body, allow, result, status, problemTitle, general }) => {
    const { deps, calls } = complaintDeps(result, allow);
    const outcome = await handleComplaintPost(body.status ? body : form(body), 'ip', contact, deps);
    expect(outcome.kind).toBe('form');
    if (outcome.kind !== 'form') return;
    expect(outcome.status).toBe(status);
    expect(outcome.problem?.title).toBe(problemTitle);
    expect(outcome.general).toEqual(general);
    if (!body.status) expect(outcome.values.description).toBe('Ingen svar');
    if (status === 429 || status === 503) expect(outcome.problem?.message).toContain(contact.contactPhone);
    if (status === 503) expect(outcome.problem?.message).toContain(contact.contactEmail);
    expect(calls.length).toBe(status === 413 || status === 415 || status === 400 || !allow ? 0 : 1);
  });

  test("the CMS's field errors go to their fields; others become general messages", async () => {
    const { deps } = complaintDeps({
      ok: false,
      kind: 'invalid',
      errors: [
        { field: 'formalComplaintToUnit', message: 'Svar på spørgsmålet.' },
        { field: 'citizenEmail', message: 'Ugyldig e-mail.' },
        { field: 'caseNumber', message: 'Noget andet.' },
      ],
    });
    const outcome = await handleComplaintPost(form(complaintFields), 'ip', contact, deps);
    expect(outcome).toMatchObject({
      kind: 'form',
      status: 400,
      errors: { contactedCenter: 'Svar på spørgsmålet.', citizenEmail: 'Ugyldig e-mail.' },
      general: ['Noget andet.'],
      problem: null,
    });
  });

  test('errors the page does not know about are thrown, not hidden', async () => {
    const { deps } = complaintDeps(new TypeError('bug'));
    await expect(handleComplaintPost(form(complaintFields), 'ip', contact, deps)).rejects.toThrow('bug');
  });
});

function statementDeps(result: StatementSubmitResult | Error, allow = true) {
  const calls: unknown[] = [];
  const deps: StatementPostDeps = {
    allow: () => allow,
    submit: async (token, data) => {
      calls.push({ token, data });
      if (result instanceof Error) throw result;
      return result;
    },
  };
  return { deps, calls };
}

describe('a POST of the statement form', () => {
  const filled = { text: '  Sagen er behandlet.  ', respondentName: ' Bo Hansen ', respondentTitle: '' };

  test('a sent statement is trimmed and leads to the receipt', async () => {
    const { deps, calls } = statementDeps({ ok: true });
    const outcome = await handleStatementPost('tok', form(filled), 'ip', contact.contactEmail, deps);
    expect(outcome).toMatchObject({ sent: true, problem: null, alreadyAnswered: false });
    expect(calls).toEqual([{ token: 'tok', data: { text: 'Sagen er behandlet.', respondentName: 'Bo Hansen', respondentTitle: null } }]);
  });

  test.each`
    case                            | body               | allow    | result                                                                               | status       | errors                                                                | problem                             | alreadyAnswered
    ${'too large'}                  | ${{ status: 413 }} | ${true}  | ${{ ok: true }}                                                                      | ${413}       | ${{}}                                                                 | ${'Redegørelsen kunne ikke sendes'} | ${false}
    ${'not a form'}                 | ${{ status: 415 }} | ${true}  | ${{ ok: true }}                                                                      | ${415}       | ${{}}                                                                 | ${'Redegørelsen kunne ikke læses'}  | ${false}
    ${'empty fields'}               | ${{ text: ' ' }}   | ${true}  | ${{ ok: true }}                                                                      | ${400}       | ${{ text: 'Skriv redegørelsen.', respondentName: 'Skriv dit navn.' }} | ${undefined}                        | ${false}
    ${'too many from this IP'}      | ${filled}          | ${false} | ${{ ok: true }}                                                                      | ${429}       | ${{}}                                                                 | ${'Vent lidt, før du prøver igen'}  | ${false}
    ${'a field error from the CMS'} | ${filled}          | ${true}  | ${{ ok: false, kind: 'invalid', errors: [{ field: 'text', message: 'For lang.' }] }} | ${400}       | ${{ text: 'For lang.' }}                                              | ${undefined}                        | ${false}
    ${'another error from the CMS'} | ${filled}          | ${true}  | ${{ ok: false, kind: 'invalid', errors: [{ field: 'x', message: 'Andet.' }] }}       | ${400}       | ${{}}                                                                 | ${'Redegørelsen kunne ikke sendes'} | ${false}
    ${'already answered'}           | ${filled}          | ${true}  | ${{ ok: false, kind: 'already-answered' }}                                           | ${409}       | ${{}}                                                                 | ${undefined}                        | ${true}
    ${'the link has gone'}          | ${filled}          | ${true}  | ${{ ok: false, kind: 'gone', reason: 'cancelled' }}                                  | ${undefined} | ${{}}                                                                 | ${undefined}                        | ${false}
    ${'the CMS is unreachable'}     | ${filled}          | ${true}  | ${new CmsUnavailableError('statement')}                                              | ${503}       | ${{}}                                                                 | ${'Redegørelsen er ikke sendt'}     | ${false}
  `('$case → $status', async ({ body, allow, result, status, errors, problem, alreadyAnswered }) => {
    const { deps } = statementDeps(result, allow);
    const outcome = await handleStatementPost('tok', body.status ? body : form(body), 'ip', contact.contactEmail, deps);
    expect(outcome.sent).toBe(false);
    expect(outcome.status).toBe(status);
    expect(outcome.errors).toEqual(errors);
    expect(outcome.problem?.title).toBe(problem);
    expect(outcome.alreadyAnswered).toBe(alreadyAnswered);
    if (body.respondentName) expect(outcome.values.respondentName).toBe(body.respondentName);
  });

  test.each`
    lookup           | before | after
    ${'found'}       | ${200} | ${200}
    ${'unknown'}     | ${200} | ${404}
    ${'gone'}        | ${200} | ${410}
    ${'unavailable'} | ${200} | ${503}
    ${'gone'}        | ${429} | ${429}
    ${'found'}       | ${400} | ${400}
  `('after a $before, a lookup that is $lookup answers $after', ({ lookup, before, after }) => {
    expect(statusAfterLookup(lookup, before)).toBe(after);
  });
});

test('the error summary lists the problem, general messages, then field errors in page order with links', () => {
  expect(errorSummary(FIELDS, { consent: 'Bekræft.', purpose: 'Vælg.' }, ['Generelt.'], { title: 'T', message: 'Problem.' })).toEqual([
    { message: 'Problem.' },
    { message: 'Generelt.' },
    { message: 'Vælg.', href: '#f-purpose' },
    { message: 'Bekræft.', href: '#f-consent' },
  ]);
  expect(errorSummary(STATEMENT_FIELDS, {})).toEqual([]);
});

test('every choice of the form is a value of the shared vocabulary, in its order', () => {
  // Vejvisning is the advisor's classification, not offered to the citizen.
  expect(purposeChoices.map((choice) => choice.value)).toEqual(Object.keys(purposes).filter((key) => key !== 'vejvisning'));
  expect(complainantKindChoices.map((choice) => choice.value)).toEqual(Object.keys(complainantKinds));
  const identity = identityChoices({ named: 'N', confidential: 'C', anonymous: 'A' });
  expect(identity).toEqual(Object.entries(identities).map(([value, label]) => ({ value, label, hint: value[0].toUpperCase() })));
});

test.each`
  hint         | error        | ids
  ${undefined} | ${undefined} | ${undefined}
  ${'h'}       | ${undefined} | ${'f-x-hint'}
  ${undefined} | ${'e'}       | ${'f-x-error'}
  ${'h'}       | ${'e'}       | ${'f-x-hint f-x-error'}
`('a control with hint $hint and error $error is described by $ids', ({ hint, error, ids }) => {
  expect(describedBy('f-x', hint, error)).toBe(ids);
});

test("the form's submission key goes to the CMS with every send and comes back with the form", async () => {
  const { deps, calls } = complaintDeps({ ok: false, kind: 'invalid', errors: [{ field: 'citizenEmail', message: 'Ugyldig e-mail.' }] });
  const key = 'Abcdefghijklmnopqrstuv';
  const first = await handleComplaintPost(form({ ...complaintFields, submissionKey: key }), 'ip', contact, deps);
  const again = await handleComplaintPost(form({ ...complaintFields, submissionKey: key }), 'ip', contact, deps);
  expect(calls.map((call) => call.key)).toEqual([key, key]);
  expect(first.kind === 'form' && first.submissionKey).toBe(key);
  expect(again.kind === 'form' && again.submissionKey).toBe(key);
  const forged = await handleComplaintPost(form({ ...complaintFields, submissionKey: 'kort' }), 'ip', contact, deps);
  expect(forged.kind === 'form' && forged.submissionKey).toMatch(/^[A-Za-z0-9_-]{22}$/);
});
