/**
 * A file's name as the citizen's or center's computer gave it is kept for display only; the file
 * is stored under the system's own key (./storage), and Strapi's upload plugin, which refuses
 * names with ? : * " < > | in English, is handed a name of our own. Plain TS.
 */

const FALLBACK = 'dokument';
/** The longest name kept: a case document's title holds 200 (UTF-16 units, as Strapi counts). */
const MAX_LENGTH = 200;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The name to show: the last path segment, without control characters, in NFC, short enough for a document title with its extension kept. */
export function displayFileName(given: unknown): string {
  const raw = typeof given === 'string' ? given : '';
  const segment = raw.split(/[/\\]/).pop() ?? '';
  const cleaned = segment
    .replace(LONE_SURROGATE, '\ufffd')
    // eslint-disable-next-line no-control-regex -- control characters are what this removes
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .normalize('NFC')
    .trim();
  const name = cleaned === '' || /^\.+$/.test(cleaned) ? FALLBACK : cleaned;
  if (name.length <= MAX_LENGTH) return name;
  const extension = /\.[^.\s]{1,10}$/.exec(name)?.[0] ?? '';
  // Whole characters only (Strapi counts UTF-16 units; a character may take two).
  let base = '';
  for (const character of name.slice(0, name.length - extension.length)) {
    if (base.length + character.length > MAX_LENGTH - extension.length) break;
    base += character;
  }
  return base + extension;
}

/** The name the upload plugin gets: ours, with the extension of the given name when it is a plain one. */
export function uploadFileName(display: string): string {
  const extension = /\.[a-z0-9]{1,10}$/i.exec(display)?.[0].toLowerCase() ?? '';
  return `${FALLBACK}${extension}`;
}
