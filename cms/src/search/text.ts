/**
 * Danish words for search, as PostgreSQL's `danish` text search configuration sees them: words
 * are runs of letters and digits, lower-cased, without the Snowball stop words, reduced by the
 * Snowball Danish stemmer ("afslag", "afslaget" and "afslagene" are one word). SQLite's index
 * stores these stems (FTS5 has no Danish stemmer); the snippets mark the words of a text whose
 * stem the query has. Plain TS.
 */
import { escapeHtml } from '@borgerraadgiver/config';
import { stemmer } from '@orama/stemmers/danish';

/** The Snowball Danish stop list, as PostgreSQL ships it (tsearch_data/danish.stop). */
const STOP_WORDS = new Set(
  (
    'og i jeg det at en den til er som på de med han af for ikke der var mig sig men et har om vi min havde ham hun nu over da fra du ud sin ' +
    'dem os op man hans hvor eller hvad skal selv her alle vil blev kunne ind når være dog noget ville jo deres efter ned skulle denne end ' +
    'dette mit også under have dig anden hende mine alt meget sit sine vor mod disse hvis din nogle hos blive mange ad bliver hendes været thi jer sådan'
  ).split(' '),
);

const WORD = /[\p{L}\p{N}]+/gu;

/** The stem of one word (lower-cased), or null for a stop word. */
export function stemOf(word: string): string | null {
  const lower = word.toLowerCase();
  return STOP_WORDS.has(lower) ? null : stemmer(lower);
}

/** The stems of a text in order, stop words left out. */
export function stems(text: string): string[] {
  const result: string[] = [];
  for (const [word] of text.normalize('NFC').matchAll(WORD)) {
    const stem = stemOf(word);
    if (stem) result.push(stem);
  }
  return result;
}

/** The distinct stems of a query, in the order written. */
export const queryStems = (query: string) => [...new Set(stems(query))];

/** A text for SQLite's index: its stems separated by spaces. */
export const stemmedText = (text: string) => stems(text).join(' ');

/** A labelled part of a case's text (its description, a statement, an e-mail…). */
export interface Segment {
  label: string;
  text: string;
}

/**
 * A short passage around the first hit, as HTML: the text escaped, the words whose stem is in
 * `query` in <mark>, prefixed by the segment's label; the segment with the most hits wins. Null
 * when no segment has a hit.
 */
export function snippet(segments: readonly Segment[], query: readonly string[], words = 24): string | null {
  const wanted = new Set(query);
  let best: { segment: Segment; hits: number[]; tokens: { word: string; start: number; end: number }[] } | null = null;
  for (const segment of segments) {
    const tokens = [...segment.text.matchAll(WORD)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
    const hits = tokens.flatMap((t, i) => (wanted.has(stemOf(t.word) ?? '') ? [i] : []));
    if (hits.length > 0 && (!best || hits.length > best.hits.length)) best = { segment, hits, tokens };
  }
  if (!best) return null;
  const { segment, hits, tokens } = best;
  const first = Math.max(0, hits[0] - Math.floor(words / 3));
  const last = Math.min(tokens.length - 1, first + words - 1);
  const hitSet = new Set(hits);
  let html = '';
  let at = tokens[first].start;
  for (let i = first; i <= last; i++) {
    const t = tokens[i];
    html += escapeHtml(segment.text.slice(at, t.start).replace(/\s+/g, ' '));
    html += hitSet.has(i) ? `<mark>${escapeHtml(t.word)}</mark>` : escapeHtml(t.word);
    at = t.end;
  }
  const end = last < tokens.length - 1 ? ' …' : escapeHtml(segment.text.slice(at).replace(/\s+/g, ' ').trimEnd());
  return `${escapeHtml(segment.label)}: ${first > 0 ? '… ' : ''}${html}${end}`;
}

/**
 * The words that best describe a text for finding similar ones: its most frequent stems of at
 * least four letters (short stems say little), at most `count`.
 */
export function keyStems(text: string, count = 12): string[] {
  const frequency = new Map<string, number>();
  for (const stem of stems(text)) if (stem.length >= 4 && !/^\d+$/.test(stem)) frequency.set(stem, (frequency.get(stem) ?? 0) + 1);
  return [...frequency.entries()]
    .sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1))
    .slice(0, count)
    .map(([stem]) => stem);
}
