/**
 * The spec is untrusted input to the docs page. Redoc renders Markdown descriptions with their
 * raw HTML, and link fields as links, so a description's `<iframe srcdoc>` or `<img onerror>` ran
 * script in the built page, and a `javascript:` contact URL was a live link.
 *
 * Redoc's own `sanitize` option would be the natural switch, but `build-docs` of the pinned
 * @redocly/cli (2.77.0) fails with it ("linkedom is not available in browser bundles": its
 * server-side prerender cannot create the DOM that DOMPurify needs). So the bundled document is
 * made safe before Redoc sees it, conservatively:
 *
 * - in every `description` (CommonMark), raw HTML is escaped, so it shows as text instead of
 *   running; links and images to anything but `http:`, `https:`, `mailto:` or relative URLs lose
 *   their link; images from other hosts become links (no request when the page opens). Code,
 *   emphasis, lists, tables and safe links stay as they are: the Markdown is changed only where
 *   it holds one of these (marked's lexer finds them);
 * - URL fields rendered as links (`url`, `termsOfService`) that are not safe are removed.
 */
import { marked, type Token } from 'marked';
import { markdownProse } from '../../generator/escape.ts';

const URL_FIELDS = new Set(['url', 'termsOfService']);

/** http(s), mailto, or relative; browsers ignore control characters and spaces in a scheme. */
function isSafeUrl(url: string): boolean {
  return /^(?:https?:|mailto:|[^:]*$)/i.test(url.replace(/[\u0000-\u0020]/g, ''));
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One description made safe to render (see the module comment). */
export function sanitizeMarkdown(text: string): string {
  const replacements: [raw: string, safe: string][] = [];
  const walk = (tokens: readonly Token[]): void => {
    for (const token of tokens) {
      if (token.type === 'html') {
        replacements.push([token.raw, escapeHtml(token.raw)]);
      } else if ((token.type === 'link' || token.type === 'image') && !isSafeUrl(token.href)) {
        replacements.push([token.raw, escapeHtml(token.text)]);
      } else if (token.type === 'image' && /^[a-z][a-z0-9+.-]*:/i.test(token.href.trim())) {
        replacements.push([token.raw, token.raw.slice(1)]); // `![alt](url)` → `[alt](url)`
      } else if ('tokens' in token && Array.isArray(token.tokens)) {
        walk(token.tokens);
      } else if (token.type === 'list') {
        walk(token.items);
      } else if (token.type === 'table') {
        for (const cell of [...token.header, ...token.rows.flat()]) walk(cell.tokens);
      }
    }
  };
  walk(marked.lexer(text));
  let out = '';
  let cursor = 0;
  for (const [raw, safe] of replacements) {
    const at = text.indexOf(raw, cursor);
    // A token whose text is not verbatim in the source (rare): escape every tag instead.
    if (at < 0) return markdownProse(text);
    out += text.slice(cursor, at) + safe;
    cursor = at + raw.length;
  }
  return out + text.slice(cursor);
}

/** Makes the bundled document safe for the docs page, in place. */
export function sanitizeForDocs(document: unknown): void {
  const stack: unknown[] = [document];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    const record = node as Record<string, unknown>;
    for (const [key, value] of Object.entries(record)) {
      if (Array.isArray(node)) stack.push(value);
      else if (key === 'description' && typeof value === 'string')
        record[key] = sanitizeMarkdown(value);
      else if (URL_FIELDS.has(key) && typeof value === 'string' && !isSafeUrl(value))
        delete record[key];
      else stack.push(value);
    }
  }
}
