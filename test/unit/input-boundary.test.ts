/** The write boundary's plain parts: text normalisation, dates, schema lengths, DB error kinds, Danish schema messages, forms. */
import fs from 'fs';
import path from 'path';
import { MAX_STRING_LENGTH, maxBodyBytes, normaliseText, textLimits } from '@borgerraadgiver/config';
import { keepIdentity, normaliseData, yearOf } from '../../cms/src/input/normalise';
import { classifyDbError } from '../../cms/src/input/db-errors';
import { danishSchemaMessage } from '../../cms/src/input/messages';
import { mayFailCreation } from '../../cms/src/input/schema-check';
import { configuredLimit, LIMITED_TYPES } from '../../cms/src/input/limits';

test.each`
  case                             | input                           | stored
  ${'plain Danish'}                | ${'Æbler og østers på å'}       | ${'Æbler og østers på å'}
  ${'NUL removed'}                 | ${'a\u0000b'}                   | ${'ab'}
  ${'other C0 and C1 removed'}     | ${'a\u0001\u001B\u007F\u0085b'} | ${'ab'}
  ${'tab and newline kept'}        | ${'a\tb\nc'}                    | ${'a\tb\nc'}
  ${'CRLF and CR become LF'}       | ${'a\r\nb\rc'}                  | ${'a\nb\nc'}
  ${'decomposed å composed (NFC)'} | ${'a\u030A'}                    | ${'å'}
  ${'emoji pair kept'}             | ${'😀'}                         | ${'😀'}
  ${'lone high surrogate refused'} | ${'a\uD800b'}                   | ${null}
  ${'lone low surrogate refused'}  | ${'\uDC00'}                     | ${null}
`('normaliseText: $case', ({ input, stored }) => {
  expect(normaliseText(input)).toBe(stored);
});

test.each`
  value                               | year
  ${'2026-03-14'}                     | ${2026}
  ${'0226-03-14'}                     | ${226}
  ${'+275760-09-13'}                  | ${275760}
  ${'2026-03-14T10:00:00.000Z'}       | ${2026}
  ${new Date('1899-12-31T00:00:00Z')} | ${1899}
  ${'not a date'}                     | ${null}
  ${{ $ne: 1 }}                       | ${null}
`('yearOf($value) is $year', ({ value, year }) => {
  expect(yearOf(value)).toBe(year);
});

const identityRefused = [{ path: 'documentId', message: 'Dokumentets id kan ikke vælges eller ændres. Genindlæs siden, og prøv igen.' }];
test.each`
  case                                | action      | data                                         | refused
  ${'update repeating its own id'}    | ${'update'} | ${{ documentId: 'doc1', id: 7, title: 'x' }} | ${[]}
  ${'update renaming the document'}   | ${'update'} | ${{ documentId: 'other', title: 'x' }}       | ${identityRefused}
  ${'update orphaning it (null)'}     | ${'update'} | ${{ documentId: null, title: 'x' }}          | ${identityRefused}
  ${'update with an operator object'} | ${'update'} | ${{ documentId: { set: [{ id: 1 }] } }}      | ${identityRefused}
  ${'create choosing its documentId'} | ${'create'} | ${{ documentId: 'doc1', title: 'x' }}        | ${identityRefused}
  ${'create choosing its row id'}     | ${'create'} | ${{ id: { $ne: 1 }, title: 'x' }}            | ${[]}
  ${'no identity given'}              | ${'update'} | ${{ title: 'x' }}                            | ${[]}
`('keepIdentity: $case', ({ action, data, refused }) => {
  const written = { ...data };
  expect(keepIdentity(action, written, 'doc1')).toEqual(refused);
  // id and documentId never reach Strapi.
  expect(written).toEqual(data.title ? { title: 'x' } : {});
});

test('normaliseData cleans every text field, refuses lone surrogates and dates outside 1900–2100, and leaves other values', () => {
  const attributes = {
    name: { type: 'string' },
    notes: { type: 'text' },
    at: { type: 'datetime' },
    day: { type: 'date' },
    extra: { type: 'json' },
    count: { type: 'integer' },
  };
  const data: Record<string, unknown> = {
    name: 'A\u0000B',
    notes: 'x\r\ny',
    at: '2026-01-01T00:00:00Z',
    day: '2026-02-01',
    extra: { note: 'q\u0000', list: ['\u0007z'] },
    count: 3,
    unknown: 'a\u0000',
  };
  expect(normaliseData(data, attributes, (field) => `»${field}«`)).toEqual([]);
  expect(data).toEqual({
    name: 'AB',
    notes: 'x\ny',
    at: '2026-01-01T00:00:00Z',
    day: '2026-02-01',
    extra: { note: 'q', list: ['z'] },
    count: 3,
    unknown: 'a\u0000',
  });

  const bad = { name: 'x\uD800', day: '0226-03-14', at: '2101-01-01T00:00:00Z' };
  expect(normaliseData(bad, attributes, (field) => `»${field}«`).map((v) => v.path)).toEqual(['name', 'day', 'at']);
  const unreadable = { day: 'i går', at: { $gt: '2026-01-01' } };
  expect(normaliseData(unreadable, attributes, (field) => `»${field}«`).map((v) => v.message)).toEqual([
    '»day« skal være en gyldig dato, fx 2026-03-14.',
    '»at« skal være en gyldig dato, fx 2026-03-14.',
  ]);
  expect(normaliseData(bad, attributes, (field) => `»${field}«`)[1].message).toBe('»day« skal ligge mellem år 1900 og 2100. Kontrollér årstallet.');
});

// What Strapi's query layer cannot parse (it throws InvalidDateFormat) never gets past the boundary.
test.each<unknown>(['2026-13-01', '2026-02-30', '2026-2-3', '26-02-03', '2026/02/03', 1767225600000])('the date %s is refused as unreadable', (day) => {
  expect(normaliseData({ day }, { day: { type: 'date' } }, (field) => `»${field}«`).map((v) => v.message)).toEqual([
    '»day« skal være en gyldig dato, fx 2026-03-14.',
  ]);
});

test('a date with spaces around it is stored without them', () => {
  const data = { day: ' 2026-02-03 ', at: '\t2026-02-03T10:00:00Z ' };
  expect(normaliseData(data, { day: { type: 'date' }, at: { type: 'datetime' } }, (field) => field)).toEqual([]);
  expect(data).toEqual({ day: '2026-02-03', at: '2026-02-03T10:00:00Z' });
});

describe('every schema', () => {
  const apiDir = path.resolve(__dirname, '../../cms/src/api');
  const schemas = fs.readdirSync(apiDir).flatMap((api) => {
    const dir = path.join(apiDir, api, 'content-types');
    return fs.existsSync(dir) ? fs.readdirSync(dir).map((name) => ({ uid: `api::${api}.${name}`, file: path.join(dir, name, 'schema.json') })) : [];
  });

  test('there are schemas to check', () => expect(schemas.length).toBeGreaterThan(10));

  test.each(schemas.map((s) => [s.uid, s.file]))('%s: every string column holds its longest value on both databases', (uid, file) => {
    const { attributes } = JSON.parse(fs.readFileSync(file, 'utf8')) as { attributes: Record<string, { type: string; maxLength?: number }> };
    const mismatches = Object.entries(attributes)
      .filter(([, attribute]) => ['string', 'email', 'uid', 'password'].includes(attribute.type))
      .map(([field, attribute]) => [field, configuredLimit(uid, field) ?? attribute.maxLength] as const)
      .filter(([, limit]) => limit === undefined || limit > MAX_STRING_LENGTH);
    expect(mismatches).toEqual([]);
  });

  test('every limit in config names an existing field of its content type', () => {
    for (const [group, uid] of Object.entries(LIMITED_TYPES)) {
      const { attributes } = JSON.parse(fs.readFileSync(schemas.find((s) => s.uid === uid)!.file, 'utf8'));
      for (const field of Object.keys(textLimits[group as keyof typeof textLimits])) expect(attributes[field]).toBeDefined();
      for (const field of Object.keys(textLimits[group as keyof typeof textLimits])) expect(attributes[field].maxLength).toBeUndefined();
    }
  });
});

test.each`
  case                        | error                                                                                                | kind
  ${'PG too long'}            | ${{ code: '22001' }}                                                                                 | ${{ kind: 'too_long' }}
  ${'PG NUL in text'}         | ${{ code: '22021' }}                                                                                 | ${{ kind: 'invalid_text' }}
  ${'PG NUL in json'}         | ${{ code: '22P05' }}                                                                                 | ${{ kind: 'invalid_text' }}
  ${'PG date overflow'}       | ${{ code: '22008' }}                                                                                 | ${{ kind: 'out_of_range' }}
  ${'PG unique'}              | ${{ code: '23505', table: 'centers', detail: 'Key (name)=(X) already exists.' }}                     | ${{ kind: 'unique', table: 'centers', column: 'name' }}
  ${'SQLite unique'}          | ${{ code: 'SQLITE_CONSTRAINT_UNIQUE', message: 'UNIQUE constraint failed: complaints.case_number' }} | ${{ kind: 'unique', table: 'complaints', column: 'case_number' }}
  ${'PG connection refused'}  | ${{ code: 'ECONNREFUSED' }}                                                                          | ${null}
  ${'PG syntax error (ours)'} | ${{ code: '42601' }}                                                                                 | ${null}
  ${'Strapi date parse'}      | ${{ name: 'InvalidDateFormat' }}                                                                     | ${{ kind: 'invalid_value' }}
  ${'plain Error'}            | ${new Error('boom')}                                                                                 | ${null}
`('classifyDbError: $case', ({ error, kind }) => {
  expect(classifyDbError(error)).toEqual(kind);
});

test.each`
  english                                                            | attribute                             | value              | danish
  ${'name must be defined.'}                                         | ${{ type: 'string' }}                 | ${undefined}       | ${'»Navn« skal udfyldes.'}
  ${'referredTo must be at most 255 characters'}                     | ${{ type: 'string', maxLength: 255 }} | ${'x'.repeat(300)} | ${'»Navn« må højst være 255 tegn. Du har skrevet 300 tegn.'}
  ${'email must be a valid email'}                                   | ${{ type: 'email' }}                  | ${'x'}             | ${'»Navn« skal være en gyldig e-mailadresse, fx navn@eksempel.dk.'}
  ${'kind must be one of the following values: a, b'}                | ${{ type: 'enumeration' }}            | ${'c'}             | ${'»Navn« har en værdi, der ikke findes på listen. Vælg en af mulighederne.'}
  ${'hours must be less than or equal to 1000'}                      | ${{ type: 'decimal', max: 1000 }}     | ${2000}            | ${'»Navn« må højst være 1.000.'}
  ${'hours must be a `number` type, but the final value was: `NaN`'} | ${{ type: 'decimal' }}                | ${'x'}             | ${'»Navn« skal være et tal.'}
  ${'something Strapi adds later'}                                   | ${{ type: 'string' }}                 | ${'x'}             | ${'»Navn« har en ugyldig værdi.'}
`('Danish for "$english"', ({ english, attribute, value, danish }) => {
  expect(danishSchemaMessage(english, '»Navn«', attribute, value)).toBe(danish);
});

describe('the site reads forms by their characters, not their bytes', () => {
  const { readForm, MAX_FORM_BYTES } = require('../../site/src/lib/request-guard') as typeof import('../../site/src/lib/request-guard');
  const post = (body: NonNullable<RequestInit['body']>, type: string) =>
    new Request('http://localhost/x', { method: 'POST', body, headers: { 'content-type': type } });

  test('a statement of 40,000 Danish characters fits, URL-encoded', async () => {
    const text = 'æøå'.repeat(13_334).slice(0, 40_000);
    const form = await readForm(post(new URLSearchParams({ text, respondentName: 'Åse' }).toString(), 'application/x-www-form-urlencoded'));
    expect(form).toBeInstanceOf(URLSearchParams);
    expect((form as URLSearchParams).get('text')).toBe(text);
  });

  test('the body limit covers every text at its limit in the worst encoding', () => {
    expect(MAX_FORM_BYTES).toBeGreaterThanOrEqual(maxBodyBytes(textLimits.statementRequest, 'form'));
    expect(MAX_FORM_BYTES).toBeGreaterThanOrEqual(encodeURIComponent('€'.repeat(textLimits.statementRequest.responseText)).length);
  });

  test('a multipart form is read like a URL-encoded one', async () => {
    const data = new FormData();
    data.set('text', 'Redegørelse med æøå');
    data.set('respondentName', 'Åse');
    const request = new Request('http://localhost/x', { method: 'POST', body: data });
    const form = await readForm(request);
    expect((form as URLSearchParams).get('text')).toBe('Redegørelse med æøå');
  });

  test.each`
    type                                   | body                                    | status
    ${'text/plain'}                        | ${'text=hej'}                           | ${415}
    ${'application/json'}                  | ${'{"text":"hej"}'}                     | ${415}
    ${'application/x-www-form-urlencoded'} | ${'text=' + 'a'.repeat(MAX_FORM_BYTES)} | ${413}
  `('$type ($status)', async ({ type, body, status }) => {
    expect(await readForm(post(body, type))).toEqual({ status });
  });
});

describe('mayFailCreation: which creates Strapi’s schema validation could refuse (it runs for those alone)', () => {
  const attributes = {
    title: { type: 'string', maxLength: 10 },
    name: { type: 'string' },
    description: { type: 'text', required: true },
    notes: { type: 'text', maxLength: 20 },
    email: { type: 'email' },
    channel: { type: 'enumeration', enum: ['web', 'phone'], required: true, default: 'web' },
    flag: { type: 'boolean' },
    themes: { type: 'json' },
    receivedAt: { type: 'datetime' },
    caseNumber: { type: 'string', unique: true },
    code: { type: 'string', regex: '^[a-z]+$' },
    count: { type: 'integer' },
  };
  const valid = { description: 'Klage', title: 'Kort', channel: 'phone', flag: true, themes: ['a'], receivedAt: '2019-04-02T22:00:00.000Z' };
  test.each`
    case                                                 | change                           | mayFail
    ${'valid, a required field with a default left out'} | ${{}}                            | ${false}
    ${'a short text at its limit'}                       | ${{ title: 'x'.repeat(10) }}     | ${false}
    ${'a short text over its limit'}                     | ${{ title: 'x'.repeat(11) }}     | ${true}
    ${'a short text without a limit over 255'}           | ${{ name: 'x'.repeat(256) }}     | ${true}
    ${'a long text over its limit'}                      | ${{ notes: 'x'.repeat(21) }}     | ${true}
    ${'a valid e-mail'}                                  | ${{ email: 'navn@eksempel.dk' }} | ${false}
    ${'an invalid e-mail'}                               | ${{ email: 'navn@' }}            | ${true}
    ${'an unknown choice'}                               | ${{ channel: 'fax' }}            | ${true}
    ${'a boolean as text'}                               | ${{ flag: 'ja' }}                | ${true}
    ${'a required field as null'}                        | ${{ description: null }}         | ${true}
    ${'a required field without default left out'}       | ${{ description: undefined }}    | ${true}
    ${'a unique field (its check queries)'}              | ${{ caseNumber: '2019-0001' }}   | ${true}
    ${'a field with a pattern'}                          | ${{ code: 'abc' }}               | ${true}
    ${'a kind not known here'}                           | ${{ count: 1 }}                  | ${true}
    ${'a field that is no attribute'}                    | ${{ publishedAtX: 1 }}           | ${false}
  `('$case', ({ change, mayFail }) => {
    const data: Record<string, unknown> = { ...valid, ...change };
    for (const [key, value] of Object.entries(change)) if (value === undefined) delete data[key];
    expect(mayFailCreation(attributes, data)).toBe(mayFail);
  });
});
