/** Danish words for search (cms/src/search/text.ts): stemming as PostgreSQL's `danish`, snippets, key words. */
import { keyStems, queryStems, snippet, stemmedText, stems } from '../../cms/src/search/text';

test.each([
  ['afslag afslaget afslagene', ['afslag', 'afslag', 'afslag']],
  ['Jobcenteret og jobcenter', ['jobcent', 'jobcent']],
  ['klagen, klager!', ['klag', 'klag']],
  ['Sagsbehandlingen i Ærø', ['sagsbehandling', 'ærø']],
  ['og i ikke', []],
])('stems(%j)', (text, expected) => {
  expect(stems(text)).toEqual(expected);
});

test('a query is its distinct stems; the index text its stems in order', () => {
  expect(queryStems('Afslaget afslag klagerne')).toEqual(['afslag', 'klag']);
  expect(stemmedText('Afslagene fra jobcenteret')).toBe('afslag jobcent');
});

test('a snippet marks every form of the word, escapes the text and names its part', () => {
  const segments = [
    { label: 'Beskrivelse', text: 'Intet her.' },
    { label: 'Noter', text: 'Et <afslag> & afslaget, og afslagene.' },
  ];
  expect(snippet(segments, ['afslag'])).toBe('Noter: Et &lt;<mark>afslag</mark>&gt; &amp; <mark>afslaget</mark>, og <mark>afslagene</mark>.');
  expect(snippet(segments, ['ukendt'])).toBeNull();
});

test('a long text is cut around the first hit, with the segment of most hits chosen', () => {
  const words = Array.from({ length: 100 }, (_, i) => `ord${i}`);
  words[50] = 'kørestolen';
  const text = words.join(' ');
  const result = snippet(
    [
      { label: 'A', text: 'en kørestol' },
      { label: 'B', text: `${text} kørestol` },
    ],
    ['kørestol'],
    10,
  )!;
  expect(result.startsWith('B: … ord47 ord48 ord49 <mark>kørestolen</mark>')).toBe(true);
  expect(result.endsWith(' …')).toBe(true);
});

test('key words: the most frequent stems of four letters or more, no numbers', () => {
  expect(keyStems('Afslag, afslaget og afslagene. Boligstøtte til boligstøtten. Sag 2026 i jobcenteret', 2)).toEqual(['afslag', 'boligstøt']);
});
