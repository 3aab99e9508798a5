import { renderMarkdown } from '../../site/src/lib/markdown';

test('HTML in the advisor’s text is shown as text, never run', () => {
  const html = renderMarkdown('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)> og <b>fed</b>');
  expect(html).not.toMatch(/<script|<img|<b>/);
  expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
});

test.each`
  source                                    | expected
  ${'[Ring](tel:+4546464646)'}              | ${'<a href="tel:+4546464646">Ring</a>'}
  ${'[Skriv](mailto:raad@example.dk)'}      | ${'<a href="mailto:raad@example.dk">Skriv</a>'}
  ${'[Klag](/klage)'}                       | ${'<a href="/klage">Klag</a>'}
  ${'[Kommunen](https://example.dk/a?b&c)'} | ${'<a href="https://example.dk/a?b&amp;c">Kommunen</a>'}
`('a link to $source is kept', ({ source, expected }) => {
  expect(renderMarkdown(source)).toBe(`<p>${expected}</p>`);
});

test.each(['[Klik](javascript:alert(1))', '[Klik](data:text/html,x)', '[Klik](//evil.example)'])('%s becomes no link', (source) => {
  expect(renderMarkdown(source)).not.toContain('<a ');
});

test('an image is not loaded from another site (at most a link to it)', () => {
  expect(renderMarkdown('![billede](https://evil.example/x.png)')).not.toContain('<img');
});

test('headings start at h2 (the page title is the h1) and move down with the offset', () => {
  expect(renderMarkdown('# Kontakt\n\n## Møder\n\n### Adresse')).toBe('<h2>Kontakt</h2>\n<h2>Møder</h2>\n<h3>Adresse</h3>');
  expect(renderMarkdown('## Det kan du klage over', 1)).toBe('<h3>Det kan du klage over</h3>');
});

test('paragraphs keep their line breaks; lists, bold and italics', () => {
  expect(renderMarkdown('Borgerrådgiveren\nRådhuset')).toBe('<p>Borgerrådgiveren<br>\nRådhuset</p>');
  expect(renderMarkdown('- **én**\n- *to*\n\n1. første\n2) anden')).toBe(
    '<ul>\n<li><strong>én</strong></li>\n<li><em>to</em></li>\n</ul>\n<ol>\n<li>første</li>\n</ol>\n<ol start="2">\n<li>anden</li>\n</ol>',
  );
  expect(renderMarkdown('    indrykket tekst')).toBe('<p>indrykket tekst</p>');
  expect(renderMarkdown(null)).toBe('');
});
