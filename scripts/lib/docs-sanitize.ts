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
 * - in every `description` and in `info.summary` (CommonMark), raw HTML is escaped, so it shows as text instead of
 *   running; links and images to anything but `http:`, `https:`, `mailto:` or relative URLs lose
 *   their link; images from other hosts become links (no request when the page opens). Code,
 *   emphasis, lists, tables and safe links stay as they are: the Markdown is changed only where
 *   it holds one of these (marked's lexer finds them);
 * - URL fields rendered as links (`url`, `termsOfService`) that are not safe are removed;
 * - Redoc's `info.x-logo` keeps a relative image only, a safe link and a plain colour;
 * - Redoc's list extensions (`x-badges`, `x-codeSamples`, `x-tagGroups`) keep only the entries
 *   Redoc can render: in another shape, `build-docs` threw a TypeError that named no place.
 */
import { marked, type Token, type Tokens } from 'marked';
import { markdownProse } from '../../generator/escape.ts';

const URL_FIELDS = new Set(['url', 'termsOfService']);

/** http(s), mailto, or relative; browsers ignore control characters and spaces in a scheme. */
function isSafeUrl(url: string): boolean {
  // eslint-disable-next-line no-control-regex -- the control characters are what it removes
  return /^(?:https?:|mailto:|[^:]*$)/i.test(url.replace(/[\u0000-\u0020]/g, ''));
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A change to one token of the Markdown: its replacement text, or undefined to keep it. */
type Safe = (token: Token) => string | undefined;

/**
 * What a token becomes on the page, when it must change; undefined when it stays.
 *
 * Redoc renders with a Markdown parser of its own, which does not read everything as marked
 * does: it has no indented code blocks, so HTML indented 4 spaces, code to marked, ran as HTML
 * there (helper-121 V1). So a `<` is escaped wherever marked reads text rather than code: in
 * raw HTML, text and indented code (an entity shows as the same character in prose); only code
 * spans and fenced code blocks keep theirs, which every CommonMark reader takes as code.
 */
const safeToken: Safe = (token) => {
  if (token.type === 'html') return escapeHtml(token.raw);
  if (token.type === 'link' || token.type === 'image') {
    // marked's Token union holds a generic token too, so `type` alone does not narrow it.
    const { href, text } = token as Tokens.Link | Tokens.Image;
    if (!isSafeUrl(href)) return escapeHtml(text);
    // `![alt](https://…)`, `![alt](//host/…)` → a link: no request when the page opens (V2).
    if (token.type === 'image' && /^(?:[a-z][a-z0-9+.-]*:|[\\/]{2})/i.test(href.trim()))
      return token.raw.slice(1);
    return undefined;
  }
  if (token.type === 'codespan' || token.type === 'escape') return undefined;
  if (token.type === 'code' && (token as Tokens.Code).codeBlockStyle !== 'indented')
    return undefined;
  if (childrenOf(token).length > 0 || !token.raw.includes('<')) return undefined;
  return token.raw.replace(/</g, '&lt;');
};

/** A token's children, in source order. */
function childrenOf(token: Token): readonly Token[] {
  if (token.type === 'list') return (token as Tokens.List).items;
  if (token.type === 'table') {
    const table = token as Tokens.Table;
    return [...table.header, ...table.rows.flat()].flatMap((cell) => cell.tokens);
  }
  return 'tokens' in token && Array.isArray(token.tokens) ? token.tokens : [];
}

/** Whether a token, or one inside it, must change. */
function needsChange(tokens: readonly Token[]): boolean {
  return tokens.some((token) => safeToken(token) !== undefined || needsChange(childrenOf(token)));
}

/**
 * One description made safe to render (see the module comment). The changes are placed by the
 * tokens' positions: every token is found in the source after the one before it, inside its
 * parent's span, so a tag shown as code earlier (`` `<img>` `` then `<img>`) is not taken for the
 * live one (helper-119 H2). Where a token's text is not verbatim in the source (a paragraph in a
 * block quote loses its `>`), every tag is escaped and every image becomes a link instead.
 */
export function sanitizeMarkdown(source: string): string {
  // marked reads CR LF and CR as LF: positions are counted in the text it reads.
  const text = source.replace(/\r\n?/g, '\n');
  const tokens = marked.lexer(text);
  if (!needsChange(tokens)) return source;
  const edits: [start: number, end: number, safe: string][] = [];
  // The tokens in [from, to) of the text; false when one is not found there verbatim.
  const place = (list: readonly Token[], from: number, to: number): boolean => {
    let cursor = from;
    for (const token of list) {
      const at = text.indexOf(token.raw, cursor);
      if (at < 0 || at + token.raw.length > to) return false;
      const end = at + token.raw.length;
      const safe = safeToken(token);
      if (safe !== undefined) edits.push([at, end, safe]);
      else if (!place(childrenOf(token), at, end)) return false;
      cursor = end;
    }
    return true;
  };
  if (!place(tokens, 0, text.length)) return markdownProse(text).replace(/!\[/g, '\\![');
  let out = '';
  let cursor = 0;
  for (const [start, end, safe] of edits) {
    out += text.slice(cursor, start) + safe;
    cursor = end;
  }
  return out + text.slice(cursor);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const optionalString = (value: unknown) => value === undefined || typeof value === 'string';

/**
 * Redoc's extensions that it reads as lists, with the entries it can render (it reads `name` of a
 * badge or a tag group, `lang` of a code sample, each group's `tags` as a list of names): a value
 * that is no list, or a `null` entry, made `build-docs` throw ("t.x-badges?.map is not a
 * function", "Cannot destructure property 'lang' of 'object null'").
 */
const REDOC_LISTS: Readonly<Record<string, (entry: unknown) => boolean>> = {
  'x-badges': (entry) => isObject(entry) && typeof entry['name'] === 'string',
  'x-codeSamples': (entry) =>
    isObject(entry) && typeof entry['lang'] === 'string' && optionalString(entry['label']),
  'x-tagGroups': (entry) =>
    isObject(entry) &&
    typeof entry['name'] === 'string' &&
    Array.isArray(entry['tags']) &&
    entry['tags'].every((tag) => typeof tag === 'string'),
};

/**
 * The entries of `owner[key]` Redoc can render (REDOC_LISTS), read only where Redoc reads them (an
 * operation, the root): a schema property named `x-badges` is no badge list.
 */
function keepRenderable(owner: Record<string, unknown>, key: string): void {
  if (!Object.hasOwn(owner, key)) return;
  const value = owner[key];
  const kept = Array.isArray(value) ? value.filter(REDOC_LISTS[key]!) : [];
  if (kept.length === 0) delete owner[key];
  else owner[key] = kept;
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
  if (isObject(document)) {
    keepRenderable(document, 'x-tagGroups');
    for (const map of [document['paths'], document['webhooks']]) {
      if (!isObject(map)) continue;
      for (const item of Object.values(map)) {
        if (!isObject(item)) continue;
        for (const operation of Object.values(item)) {
          if (!isObject(operation)) continue;
          keepRenderable(operation, 'x-badges');
          keepRenderable(operation, 'x-codeSamples');
        }
      }
    }
  }
  const info = (document as { info?: unknown } | null)?.info;
  if (typeof info !== 'object' || info === null) return;
  const record = info as Record<string, unknown>;
  // OpenAPI 3.1's `info.summary`: Redoc renders it as Markdown too (helper-119 H1).
  if (typeof record['summary'] === 'string')
    record['summary'] = sanitizeMarkdown(record['summary']);
  sanitizeLogo(record);
}

/**
 * Redoc's `info.x-logo` (`url`, `href`, `backgroundColor`, `altText`): an image from another host
 * would load when the page opens, and `backgroundColor` goes into a CSS rule, where
 * `red;background-image:url(…)` loaded one too (helper-119 H3). Only a relative image, a safe
 * link and a plain colour stay.
 */
function sanitizeLogo(info: Record<string, unknown>): void {
  const logo = info['x-logo'];
  if (typeof logo !== 'object' || logo === null || Array.isArray(logo)) {
    delete info['x-logo'];
    return;
  }
  const fields = logo as Record<string, unknown>;
  const url = fields['url'];
  if (typeof url !== 'string' || /^\s*(?:[a-z][a-z0-9+.-]*:|[\\/]{2})/i.test(url)) {
    delete info['x-logo']; // no image to show: nothing of the logo is drawn
    return;
  }
  const href = fields['href'];
  if (href !== undefined && (typeof href !== 'string' || !isSafeUrl(href))) delete fields['href'];
  const color = fields['backgroundColor'];
  if (color !== undefined && (typeof color !== 'string' || !CSS_COLOR.test(color.trim())))
    delete fields['backgroundColor'];
  if (fields['altText'] !== undefined && typeof fields['altText'] !== 'string')
    delete fields['altText'];
}

/** A CSS colour with nothing else in it: a name, `#rgb(a)`/`#rrggbb(aa)`, or rgb()/hsl() of numbers. */
const CSS_COLOR =
  /^(?:[a-z]+|#[0-9a-f]{3,8}|(?:rgb|hsl)a?\([\d\s.,%/+-]*(?:deg)?[\d\s.,%/+-]*\))$/i;
