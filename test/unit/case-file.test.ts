/** The case file's plain rules: document rules, link validity, the opinion letter, the upload gate. */
import { loadDocumentSettings, municipality, parseDuration } from '@borgerraadgiver/config';
import { caseDocumentDeletionBlocker, checkCaseDocument, citizenLinkProblem, letterLinkProblem } from '../../cms/src/rules';
import { renderOpinionLetter, type LetterInput } from '../../cms/src/letters/opinion-letter';
import { DocumentRefused, inspectDocument } from '../../cms/src/documents/inspect';

const P3M = parseDuration('P3M');
const now = new Date('2026-11-30T10:00:00Z');

describe('citizen links', () => {
  it.each([
    ['an open case', { caseStatus: 'undersoegelse' }, 1, null],
    ['closed two months ago', { caseStatus: 'afsluttet', closedAt: '2026-09-30T10:00:00Z' }, 1, null],
    ['closed four months ago', { caseStatus: 'afsluttet', closedAt: '2026-07-30T10:00:00Z' }, 1, 'expired'],
    ['revoked (newer version)', { caseStatus: 'modtaget', citizenLinkVersion: 2 }, 1, 'revoked'],
    ['an anonymous inquiry', { caseStatus: 'modtaget', identity: 'anonymous' }, 1, 'revoked'],
    ['reopened after closure', { caseStatus: 'genoptaget', closedAt: '2026-01-01T10:00:00Z' }, 1, null],
  ])('%s', (_name, complaint, version, expected) => {
    expect(citizenLinkProblem({ linkVersion: version }, complaint, P3M, now)).toBe(expected);
  });

  it.each([
    [null, 'withdrawn'],
    [{ issuedAt: '2026-10-01T10:00:00Z' }, null],
    [{ issuedAt: '2026-08-01T10:00:00Z' }, 'expired'],
  ])('letter link for %j', (opinion, expected) => {
    expect(letterLinkProblem(opinion, P3M, now)).toBe(expected);
  });
});

describe('document rules', () => {
  const complaint = { id: 1 };
  it.each([
    ['a complete new document', { complaint, file: 1, title: 'Afgørelse' }, null, 10, false, []],
    ['no case', { file: 1, title: 'x' }, null, 10, false, ['complaint']],
    ['no file', { complaint, title: 'x' }, null, 0, false, ['file']],
    ['no title', { complaint, file: 1, title: ' ' }, null, 10, false, ['title']],
    ['over the case limit', { complaint, file: 1, title: 'x' }, null, 101, false, ['file']],
    [
      "replacing a citizen's file",
      { complaint, file: 2, title: 'x', source: 'borger', direction: 'modtaget' },
      { complaint, file: 1, source: 'borger', direction: 'modtaget' },
      10,
      true,
      ['file'],
    ],
    [
      "moving a center's file",
      { complaint: { id: 2 }, file: 1, title: 'x', source: 'center', direction: 'modtaget' },
      { complaint, file: 1, source: 'center', direction: 'modtaget' },
      10,
      false,
      ['complaint'],
    ],
    [
      "relabelling a citizen's file as the advisor's",
      { complaint, file: 1, title: 'x', source: 'borgerraadgiver', direction: 'modtaget' },
      { complaint, file: 1, source: 'borger', direction: 'modtaget' },
      10,
      false,
      ['source'],
    ],
    [
      "replacing the advisor's own draft",
      { complaint, file: 2, title: 'x', source: 'borgerraadgiver', direction: 'intern' },
      { complaint, file: 1, source: 'borgerraadgiver', direction: 'intern' },
      10,
      true,
      [],
    ],
  ] as const)('%s', (_name, next, previous, bytes, fileChanged, paths) => {
    expect(checkCaseDocument(next as never, previous as never, bytes, 100, fileChanged).map((v) => v.path)).toEqual(paths);
  });

  it.each([
    [{ source: 'borger', direction: 'modtaget' }, true],
    [{ source: 'center', direction: 'modtaget' }, true],
    [{ source: 'borgerraadgiver', direction: 'sendt' }, true],
    [{ source: 'borgerraadgiver', direction: 'intern' }, false],
  ] as const)('deleting %j is blocked: %s', (document, blocked) => {
    expect(Boolean(caseDocumentDeletionBlocker(document))).toBe(blocked);
  });
});

describe('the opinion letter', () => {
  const input: LetterInput = {
    municipality,
    audience: 'center',
    caseNumber: '2026-0042',
    centerName: 'Center for Test',
    identity: 'confidential',
    citizenName: 'Tove <Tavshed>',
    outcome: 'henstilling',
    issuedAt: new Date('2026-03-19T23:30:00Z'),
    perspectives: { legalPerspective: 'Partshøring skete ikke.\n\nDet er en fejl.' },
    reasoning: 'Se ovenfor.',
    recommendations: ['Indfør en tjekliste for partshøring.'],
  };

  it('names neither a confidential nor an anonymous citizen to the center, and escapes every value', () => {
    for (const identity of ['confidential', 'anonymous']) {
      const { html } = renderOpinionLetter({ ...input, identity });
      expect(html).not.toContain('Tove');
      expect(html).toContain('Henstilling');
      expect(html).toContain('<li>Indfør en tjekliste for partshøring.</li>');
    }
    expect(renderOpinionLetter({ ...input, identity: 'named', audience: 'citizen' }).html).toContain('Tove &lt;Tavshed&gt;');
  });

  it('carries the letterhead from config and the local date in Copenhagen', () => {
    const { html, title } = renderOpinionLetter(input);
    expect(title).toBe('Borgerrådgiverens udtalelse i sag 2026-0042');
    for (const part of [municipality.name, municipality.address.street, municipality.phone, municipality.email]) expect(html).toContain(part);
    // 23:30 UTC on 19 March is 20 March in Copenhagen.
    expect(html).toContain('20. marts 2026');
  });
});

describe('the upload gate', () => {
  const settings = { ...loadDocumentSettings({}), maxFileBytes: 1000, clamd: null };
  const refused = (data: Buffer | string, name: string) => expect(inspectDocument(Buffer.from(data), name, settings)).rejects.toBeInstanceOf(DocumentRefused);

  it('recognises allowed kinds by content, not by name', async () => {
    await expect(inspectDocument(Buffer.from('%PDF-1.7\n%%EOF'), 'brev.docx', settings)).resolves.toMatchObject({ mime: 'application/pdf', ext: '.pdf' });
    await expect(inspectDocument(Buffer.from('Telefonnotat: borgeren ringede.\n'), 'notat.txt', settings)).resolves.toMatchObject({ mime: 'text/plain' });
  });

  it.each([
    ['HTML renamed to .pdf', '<html><script>x</script></html>', 'a.pdf'],
    ['HTML renamed to .txt', '<!doctype html><p>x</p>', 'a.txt'],
    ['a program', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)]), 'a.pdf'],
    ['binary text', Buffer.from([0x41, 0x00, 0x42]), 'a.txt'],
    ['invalid UTF-8', Buffer.from([0xc3, 0x28]), 'a.txt'],
    ['too large', Buffer.alloc(1001, 0x41), 'a.txt'],
    ['empty', Buffer.alloc(0), 'a.pdf'],
  ])('refuses %s', async (_name, data, name) => refused(data as Buffer, name));
});
