import { displayFileName, uploadFileName } from '../../cms/src/documents/file-name';

describe('a file name as a computer gave it', () => {
  test.each([
    ['brev?.pdf', 'brev?.pdf', 'dokument.pdf'],
    ['a:b.pdf', 'a:b.pdf', 'dokument.pdf'],
    ['<>"|*.PDF', '<>"|*.PDF', 'dokument.pdf'],
    ['C:\\Users\\borger\\Skrivebord\\brev.docx', 'brev.docx', 'dokument.docx'],
    ['/home/borger/brev.odt', 'brev.odt', 'dokument.odt'],
    ['CON', 'CON', 'dokument'],
    ['..', 'dokument', 'dokument'],
    ['', 'dokument', 'dokument'],
    ['  ', 'dokument', 'dokument'],
    ['linje\nskift\t.txt', 'linjeskift.txt', 'dokument.txt'],
    ['e\u0301ble.pdf', '\u00e9ble.pdf', 'dokument.pdf'],
    ['halv\ud800.pdf', 'halv\ufffd.pdf', 'dokument.pdf'],
    ['smil 🙂.jpeg', 'smil 🙂.jpeg', 'dokument.jpeg'],
    ['arkiv.tar.gz', 'arkiv.tar.gz', 'dokument.gz'],
    ['uden-endelse', 'uden-endelse', 'dokument'],
    ['mærkelig.p?f', 'mærkelig.p?f', 'dokument'],
  ])('%j is shown as %j and handed over as %j', (given, shown, handed) => {
    expect(displayFileName(given)).toBe(shown);
    expect(uploadFileName(displayFileName(given))).toBe(handed);
  });

  test('a name too long for the record keeps its extension', () => {
    const shown = displayFileName(`${'å'.repeat(300)}.pdf`);
    expect([...shown]).toHaveLength(200);
    expect(shown.endsWith('å.pdf')).toBe(true);
    expect(displayFileName('🙂'.repeat(300))).toBe('🙂'.repeat(100));
  });

  test('no name is refused', () => {
    for (const given of [undefined, null, 42, '\u0000', '/', '\\\\server\\share\\']) expect(displayFileName(given)).toBe('dokument');
  });
});
