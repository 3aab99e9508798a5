/**
 * Danish dates (config/src/dates.ts): the four forms, in Europe/Copenhagen whatever the process's
 * TZ (npm run test:tz runs this file under UTC and America/New_York too), and the only place that
 * formats dates for people: a source file formatting a date or escaping HTML by itself fails here.
 */
import fs from 'fs';
import path from 'path';
import { danishDate, danishDateTime, escapeHtml, type DateForm } from '@borgerraadgiver/config';

const winter = '2026-12-05T07:05:00.000Z'; // 08.05 in Copenhagen (CET)
const summer = '2026-07-01T22:30:00.000Z'; // 00.30 the next day (CEST)

test.each<[DateForm, string, string, string]>([
  ['numeric', '05.12.2026', '05.12.2026, 08.05', '02.07.2026, 00.30'],
  ['short', '5. dec. 2026', '5. dec. 2026, 08.05', '2. jul. 2026, 00.30'],
  ['long', '5. december 2026', '5. december 2026 kl. 08.05', '2. juli 2026 kl. 00.30'],
  ['weekday', 'lørdag den 5. december 2026', 'lørdag den 5. december 2026 kl. 08.05', 'torsdag den 2. juli 2026 kl. 00.30'],
])('%s: %s', (form, date, dateTime, summerTime) => {
  expect(danishDate(winter, form)).toBe(date);
  expect(danishDate(new Date(winter), form)).toBe(date);
  expect(danishDateTime(winter, form)).toBe(dateTime);
  expect(danishDateTime(summer, form)).toBe(summerTime);
  // A calendar date is that day, in every time zone.
  expect(danishDate('2026-12-05', form)).toBe(date);
});

test('the long form is the default; nothing, or no date, is the empty text', () => {
  expect(danishDate('2026-03-02')).toBe('2. marts 2026');
  expect(danishDateTime('2026-10-24T22:30:00.000Z')).toBe('25. oktober 2026 kl. 00.30');
  for (const value of [null, undefined, '', 'ikke en dato']) {
    expect(danishDate(value)).toBe('');
    expect(danishDateTime(value, 'weekday')).toBe('');
  }
});

test('HTML escaping covers element text and quoted attributes', () => {
  expect(escapeHtml(`<a href="x">Ø & 'y'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Ø &amp; &#39;y&#39;&lt;/a&gt;');
});

const ROOT = path.join(__dirname, '../..');
/** Formats a date or escapes HTML by itself. */
const LUXON_DANISH = [/setLocale\(['"]da['"]\)/, /toFormat\(['"][^'"]*(dd\.MM|d\. (MMMM|LLLL))/];
const OWN_FORMATTING = [
  /new Intl\.DateTimeFormat\(/,
  /toLocaleDateString\(/,
  /toLocaleTimeString\(/,
  /toLocaleString\([^)]*(dateStyle|timeStyle|month|day)/,
  ...LUXON_DANISH,
  /&amp;/,
];
/** The homes: this module, and the working calendar's deadline explanations ("fredag 25. december 2026"). */
const ALLOWED: Record<string, RegExp[]> = {
  'config/src/dates.ts': OWN_FORMATTING,
  'config/src/calendar.ts': LUXON_DANISH,
};

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return ['node_modules', 'dist', '.astro', 'generated'].includes(entry.name) ? [] : sources(full);
    return /\.(ts|tsx|astro|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

test('no source file formats a date or escapes HTML by itself', () => {
  const files = ['cms/src', 'workers/src', 'site/src', 'config/src'].flatMap((dir) => sources(path.join(ROOT, dir)));
  expect(files.length).toBeGreaterThan(100);
  const found = files.flatMap((file) => {
    const relative = path.relative(ROOT, file);
    const text = fs.readFileSync(file, 'utf8');
    return OWN_FORMATTING.filter((pattern) => pattern.test(text) && !(ALLOWED[relative] ?? []).some((allowed) => allowed.source === pattern.source)).map(
      (pattern) => `${relative}: ${pattern.source}`,
    );
  });
  expect(found).toEqual([]);
});
