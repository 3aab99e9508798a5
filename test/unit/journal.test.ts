/** The case journal's pure parts: what a write changed, which events it gives, in Danish. */
import fs from 'fs';
import path from 'path';
import { diffRows, journaledFields, type Attributes } from '../../cms/src/journal/changes';
import { danishDateTime } from '@borgerraadgiver/config';
import { describeWrite, type Write } from '../../cms/src/journal/describe';
import { EVENT_KINDS, ACTOR_TYPES, SUBJECT_TYPES } from '../../cms/src/journal/model';
import { changeLines } from '../../cms/src/journal/timeline';

const schema = (name: string) => JSON.parse(fs.readFileSync(path.join(__dirname, `../../cms/src/api/${name}/content-types/${name}/schema.json`), 'utf8'));
const attributes = (name: string): Attributes => schema(name).attributes;

const COMPLAINT = 'api::complaint.complaint';
const REQUEST = 'api::statement-request.statement-request';
const center = (name: string, documentId = name) => ({ id: 1, documentId, name });

const complaint = (overrides: Record<string, unknown> = {}) => ({
  id: 7,
  documentId: 'c7',
  caseNumber: '2026-0007',
  channel: 'web',
  purpose: 'klage',
  caseStatus: 'modtaget',
  identity: 'named',
  complainantKind: 'citizen',
  description: 'Borgerens egne ord',
  citizenName: 'Anna Andersen',
  citizenEmail: 'anna@example.org',
  centerHadOpportunity: false,
  formalComplaintToUnit: null,
  receivedAt: '2026-03-02T09:00:00.000Z',
  eventDate: '2026-02-01',
  center: center('Center for Børn', 'b1'),
  institution: null,
  ...overrides,
});

describe('diffRows', () => {
  const complaints = attributes('complaint');

  test('a creation lists the structured values that are set, never identity or free text', () => {
    const changes = diffRows(complaints, null, complaint());
    expect(changes).toEqual({
      receivedAt: { from: null, to: '2026-03-02T09:00:00.000Z' },
      channel: { from: null, to: 'web' },
      purpose: { from: null, to: 'klage' },
      complainantKind: { from: null, to: 'citizen' },
      caseStatus: { from: null, to: 'modtaget' },
      eventDate: { from: null, to: '2026-02-01' },
      center: { from: null, to: { documentId: 'b1', label: 'Center for Børn' } },
      identity: { from: null, to: 'named' },
    });
  });

  test.each([
    ['a choice', { caseStatus: 'visitation' }, { caseStatus: { from: 'modtaget', to: 'visitation' } }],
    ['an identity field', { citizenName: 'Anna Berg' }, { citizenName: { changed: true } }],
    ['a contact field cleared', { citizenEmail: null }, { citizenEmail: { changed: true } }],
    ['free text', { description: 'Nye ord' }, { description: { changed: true } }],
    [
      'a relation',
      { center: center('Center for Voksne', 'v1') },
      { center: { from: { documentId: 'b1', label: 'Center for Børn' }, to: { documentId: 'v1', label: 'Center for Voksne' } } },
    ],
    ['a relation cleared', { center: null }, { center: { from: { documentId: 'b1', label: 'Center for Børn' }, to: null } }],
    ['a renamed center is no change of center', { center: center('Nyt navn', 'b1') }, {}],
    ['an unset boolean saved as false', { formalComplaintToUnit: false }, {}],
    ['a boolean', { centerHadOpportunity: true }, { centerHadOpportunity: { from: false, to: true } }],
    ['an instant given in another notation', { receivedAt: new Date('2026-03-02T09:00:00Z') }, {}],
    ['a date', { eventDate: '2026-01-31' }, { eventDate: { from: '2026-02-01', to: '2026-01-31' } }],
  ])('an update of %s', (_name, update, expected) => {
    expect(diffRows(complaints, complaint(), complaint(update))).toEqual(expected);
  });

  test('only the fields the write set are compared (a concurrent write is not attributed to this one)', () => {
    expect(diffRows(complaints, complaint(), complaint({ caseStatus: 'visitation', category: 'betjening' }), ['category'])).toEqual({
      category: { from: null, to: 'betjening' },
    });
  });

  test('private and inverse fields are not journaled', () => {
    expect(journaledFields(attributes('statement-request'))).not.toEqual(expect.arrayContaining(['linkVersion']));
    expect(journaledFields(attributes('statement-request'))).not.toContain('reissueLink');
    expect(journaledFields(complaints)).not.toContain('statementRequests');
    expect(journaledFields(complaints)).toContain('center');
  });
});

describe('describeWrite', () => {
  const write = (uid: string, name: string, action: Write['action'], before: any, after: any): Write => ({
    uid,
    action,
    attributes: attributes(name),
    before,
    after,
  });
  const request = (overrides: Record<string, unknown> = {}) => ({
    id: 3,
    documentId: 'r3',
    requestStatus: 'sendt',
    questions: 'Q',
    dueAt: '2026-03-16T22:59:59.999Z',
    requestedAt: '2026-03-02T09:00:00.000Z',
    linkVersion: 1,
    center: center('Center for Børn', 'b1'),
    complaint: { id: 7, documentId: 'c7', caseNumber: '2026-0007' },
    ...overrides,
  });

  test.each([
    ['a new case', write(COMPLAINT, 'complaint', 'create', null, complaint()), [['created', 'Henvendelse 2026-0007 registreret (Webformular, klage).']]],
    [
      'a status and a field in one save',
      write(
        COMPLAINT,
        'complaint',
        'update',
        complaint(),
        complaint({ caseStatus: 'afvist', closedAt: '2026-03-03T10:00:00.000Z', outOfScopeReason: 'privatretlig' }),
      ),
      [
        ['status_changed', 'Status ændret fra Modtaget til Afvist.'],
        ['field_changed', 'Henvendelsen ændret: Afvisningsgrund.'],
      ],
    ],
    ['a save without changes', write(COMPLAINT, 'complaint', 'update', complaint(), complaint()), []],
    ['a deleted case', write(COMPLAINT, 'complaint', 'delete', complaint(), null), [['deleted', 'Henvendelse 2026-0007 slettet.']]],
    [
      'a new statement request',
      write(REQUEST, 'statement-request', 'create', null, request()),
      [['statement_requested', 'Redegørelse anmodet fra Center for Børn med frist 16. marts 2026.']],
    ],
    [
      'an agreed due date',
      write(REQUEST, 'statement-request', 'create', null, request({ agreedDueAt: '2026-04-01T10:00:00.000Z' })),
      [['statement_requested', 'Redegørelse anmodet fra Center for Børn med frist 1. april 2026.']],
    ],
    [
      'a statement received',
      write(REQUEST, 'statement-request', 'update', request(), request({ requestStatus: 'besvaret', respondentName: 'Lene', responseText: 'Svar' })),
      [['statement_received', 'Redegørelse modtaget fra Center for Børn (Lene).']],
    ],
    [
      'a cancelled request',
      write(REQUEST, 'statement-request', 'update', request(), request({ requestStatus: 'annulleret' })),
      [['statement_cancelled', 'Anmodningen om redegørelse fra Center for Børn er annulleret.']],
    ],
    [
      'a link re-issued',
      write(REQUEST, 'statement-request', 'update', request(), request({ linkVersion: 2 })),
      [['link_reissued', 'Nyt link sendt til Center for Børn; tidligere links virker ikke længere.']],
    ],
    [
      'an opinion',
      write('api::opinion.opinion', 'opinion', 'create', null, { id: 1, documentId: 'o1', kind: 'general', outcome: 'henstilling' }),
      [['opinion_issued', 'Generel udtalelse afgivet: Henstilling.']],
    ],
    [
      'a follow-up',
      write(
        'api::recommendation.recommendation',
        'recommendation',
        'update',
        { id: 1, documentId: 'a1', followUpStatus: 'afventer', text: 'x' },
        { id: 1, documentId: 'a1', followUpStatus: 'afvist', caseReopened: true, text: 'x' },
      ),
      [['recommendation_followup', 'Opfølgning på anbefaling: Ikke fulgt; sagen er genoptaget.']],
    ],
  ])('%s', (_name, given, expected) => {
    expect(describeWrite(given).map((event) => [event.kind, event.summary])).toEqual(expected);
  });

  const DOCUMENT = 'api::case-document.case-document';
  const caseDocument = (overrides: Record<string, unknown> = {}) => ({
    id: 4,
    documentId: 'd4',
    title: 'klage-anna-andersen.pdf',
    note: null,
    direction: 'modtaget',
    source: 'borger',
    registeredAt: '2026-03-02T09:00:00.000Z',
    sizeBytes: 2048,
    complaint: { id: 7, documentId: 'c7', caseNumber: '2026-0007' },
    statementRequest: null,
    opinion: null,
    ...overrides,
  });
  test.each([
    ['from the citizen', caseDocument(), 'Dokument modtaget fra borgeren.'],
    [
      'from the center with its statement',
      caseDocument({ source: 'center', statementRequest: { id: 3, documentId: 'r3' } }),
      'Dokument modtaget fra centret med redegørelsen.',
    ],
    ['received, registered by the advisor', caseDocument({ source: 'borgerraadgiver' }), 'Modtaget dokument lagt i sagen.'],
    [
      'the opinion letter',
      caseDocument({ direction: 'sendt', source: 'borgerraadgiver', opinion: { id: 1, documentId: 'o1' } }),
      'Brevet med udtalelsen lagt i sagen som sendt dokument.',
    ],
    ['an internal note', caseDocument({ direction: 'intern', source: 'borgerraadgiver' }), 'Internt dokument lagt i sagen.'],
  ])('a case document %s: registered with its direction, origin and time, never its title', (_name, row, summary) => {
    const [event, ...rest] = describeWrite(write(DOCUMENT, 'case-document', 'create', null, row));
    expect(rest).toEqual([]);
    expect(event).toMatchObject({ kind: 'document_added', summary, subjectType: 'case_document', subjectDocumentId: 'd4' });
    expect(event.changes).toMatchObject({
      direction: { from: null, to: row.direction },
      source: { from: null, to: row.source },
      registeredAt: { from: null, to: '2026-03-02T09:00:00.000Z' },
    });
    expect(JSON.stringify(event)).not.toMatch(/anna|andersen/i);
  });

  test('a case document retitled: changed, without the titles', () => {
    const events = describeWrite(write(DOCUMENT, 'case-document', 'update', caseDocument(), caseDocument({ title: 'Afgørelse om Anna Andersen' })));
    expect(events).toEqual([expect.objectContaining({ kind: 'field_changed', summary: 'Dokument ændret: Titel.', changes: { title: { changed: true } } })]);
  });
});

test('times are shown in Copenhagen whatever the server time zone (winter and summer time)', () => {
  expect(danishDateTime('2026-03-02T09:30:00.000Z')).toBe('2. marts 2026 kl. 10.30');
  expect(danishDateTime('2026-07-01T09:30:00.000Z')).toBe('1. juli 2026 kl. 11.30');
  expect(danishDateTime('2026-10-24T22:30:00.000Z')).toBe('25. oktober 2026 kl. 00.30');
});

test('change lines use the Danish labels of fields and values', () => {
  expect(
    changeLines('complaint', {
      caseStatus: { from: 'modtaget', to: 'loest_ved_dialog' },
      citizenEmail: { changed: true },
      centerHadOpportunity: { from: false, to: true },
    }),
  ).toEqual(['Status: Modtaget → Løst ved dialog', 'E-mail: ændret', 'Centret har haft mulighed for at svare: Nej → Ja']);
  expect(changeLines('notification', { deliveryStatus: { from: null, to: 'planned' }, kind: { from: null, to: 'statement_reminder' } })).toEqual([
    'Status: Planlagt',
    'E-mail: Påmindelse om frist',
  ]);
  // No ids and no byte counts: a related record without a name is "tilknyttet", a size is in kB/MB.
  expect(
    changeLines('case_document', {
      sizeBytes: { from: null, to: 2_400_000 },
      statementRequest: { from: null, to: { documentId: 'abc123xyz' } },
    }),
  ).toEqual(['Størrelse: 2,4 MB', 'Anmodning om redegørelse: tilknyttet']);
});

test('the schema lists exactly the journal vocabulary', () => {
  const { attributes: a } = schema('case-event');
  expect(a.kind.enum).toEqual([...EVENT_KINDS]);
  expect(a.actorType.enum).toEqual([...ACTOR_TYPES]);
  expect(a.subjectType.enum).toEqual([...SUBJECT_TYPES]);
});
