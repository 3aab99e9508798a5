/**
 * The advisor's texts (Markdown) as HTML, with markdown-it and HTML in the source off: every tag
 * the advisor types is shown as text. Links only to http(s), mailto, tel or site paths; no images
 * (they would load from other sites). A single line break stays a line break.
 */
import MarkdownIt from 'markdown-it';

const SAFE_URL = /^(https?:\/\/|mailto:|tel:|\/(?!\/)|#)/i;

const md = new MarkdownIt('default', { html: false, linkify: false, typographer: false, breaks: true });
md.validateLink = (url) => SAFE_URL.test(url.trim());
// Indented lines are the advisor's layout, not code.
md.disable(['image', 'code']);

/** `#` and `##` are h2 (the page title is the h1), `###` h3 and so on, moved down `headingOffset` levels more. */
function headingLevel(tag: string, headingOffset: number): string {
  return `h${Math.min(6, Math.max(2, Number(tag.slice(1)) + headingOffset))}`;
}

export function renderMarkdown(source: string | null | undefined, headingOffset = 0): string {
  if (!source) return '';
  const tokens = md.parse(source, {});
  for (const token of tokens) if (token.type === 'heading_open' || token.type === 'heading_close') token.tag = headingLevel(token.tag, headingOffset);
  return md.renderer.render(tokens, md.options, {}).trim();
}
