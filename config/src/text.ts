/** Text as the system stores it, shared by the CMS's write boundary and the site's counters. */

/** C0 controls except tab and newline, DEL and the C1 controls. CR is folded into newlines first. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Text as it is stored: CRLF and CR become LF, other control characters except tab are removed,
 * and the result is in Unicode NFC (so "å" typed as a + ring counts and compares as one character).
 * Returns null for text with a lone surrogate, which no database stores faithfully.
 */
export function normaliseText(value: string): string | null {
  if (LONE_SURROGATE.test(value)) return null;
  return value.replace(/\r\n?/g, '\n').replace(CONTROL, '').normalize('NFC');
}
