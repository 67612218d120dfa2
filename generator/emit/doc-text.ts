/**
 * Description text for TSDoc: escaped (names.ts `escapeJsDoc`) and wrapped to the line width, the
 * way a person would write the comment. Markdown keeps its meaning: code fences, indented code and
 * table rows are left alone; list items wrap under their own text.
 */
import { escapeJsDoc } from '../model/names.ts';
import { pushAll } from '../json.ts';

/** Room on a line inside ` * ` at print width 100. */
const DOC_WIDTH = 96;

/** A spec description as TSDoc text: escaped (spec text never closes the comment or adds a tag), then wrapped. */
export function docText(description: string, width = DOC_WIDTH): string {
  return wrapDocText(escapeJsDoc(description), width);
}

/** Wraps TSDoc text that is already safe: the generator's own, with spec parts escaped by the caller. */
export function wrapDocText(text: string, width = DOC_WIDTH): string {
  let inFence = false;
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (
      inFence ||
      /^\s*(```|~~~)/.test(line) ||
      /^( {4}|\t)/.test(line) ||
      /^\s*\|/.test(line) ||
      line.length <= width
    ) {
      out.push(line);
      continue;
    }
    pushAll(out, wrapLine(line, width));
  }
  return out.join('\n');
}

/**
 * The words of a line of Markdown, where a code span (`` `a b` ``), an inline tag
 * (`{@link A b}`) or a link (`[a b](url)`) counts as one word: wrapping never breaks one.
 *
 * A scan, not a regular expression: `/(?:`[^`]*`|\{@[^}]*\}|\[[^\]]*\]\([^)]*\)|\S)+/g`
 * looked for the end of each `[a](` (or `` ` ``, `{@`) again from where it began, to the end of
 * the line when there was none, so a description line of many unclosed links took quadratic time
 * (a 1 MB one, minutes). Here the next place of each closing character is looked up once and kept
 * while the scan has not passed it, so a line takes time in proportion to its length.
 */
export function markdownWords(line: string): string[] {
  const next = new Map<string, number>();
  /** The first `char` at or after `from` (-1: none); `from` only grows, per character. */
  const find = (char: string, from: number): number => {
    const known = next.get(char);
    if (known !== undefined && (known === -1 || known >= from)) return known;
    const found = line.indexOf(char, from);
    next.set(char, found);
    return found;
  };
  /** Where the code span, inline tag or link starting at `at` ends (past it), or -1. */
  const spanEnd = (at: number): number => {
    const char = line[at];
    if (char === '`') {
      const close = find('`', at + 1);
      return close === -1 ? -1 : close + 1;
    }
    if (char === '{' && line[at + 1] === '@') {
      const close = find('}', at + 2);
      return close === -1 ? -1 : close + 1;
    }
    if (char === '[') {
      const bracket = find(']', at + 1);
      if (bracket === -1 || line[bracket + 1] !== '(') return -1;
      const close = find(')', bracket + 2);
      return close === -1 ? -1 : close + 1;
    }
    return -1;
  };
  const words: string[] = [];
  let start = -1;
  let at = 0;
  while (at < line.length) {
    if (/\s/.test(line[at]!)) {
      if (start !== -1) words.push(line.slice(start, at));
      start = -1;
      at += 1;
      continue;
    }
    if (start === -1) start = at;
    const end = spanEnd(at);
    at = end === -1 ? at + 1 : end;
  }
  if (start !== -1) words.push(line.slice(start));
  return words;
}

function wrapLine(line: string, width: number): string[] {
  const marker = /^(\s*(?:[-*+]|\d+[.)])\s+)/.exec(line)?.[1] ?? /^\s*/.exec(line)![0];
  const indent = ' '.repeat(marker.length);
  const lines: string[] = [];
  let current = marker;
  for (const word of markdownWords(line.slice(marker.length))) {
    const bare = current === marker || current === indent;
    if (!bare && current.length + 1 + word.length > width) {
      lines.push(current);
      current = indent + word;
    } else {
      current = bare ? current + word : `${current} ${word}`;
    }
  }
  lines.push(current);
  return lines;
}

/** Print width of generated files (prettier's `printWidth`). */
const PRINT_WIDTH = 100;

/**
 * Every TSDoc comment of printed TypeScript wrapped to the print width at its real indentation
 * (prettier does not wrap comments; emitters wrap descriptions before they know how deep a
 * member is printed). A `/** … *\/` line that is too long becomes a block. Lines inside code
 * fences, indented code and table rows are kept, as in {@link wrapDocText}; code spans, inline
 * tags and links are never broken.
 */
export function wrapDocComments(text: string, width = PRINT_WIDTH): string {
  // Only the lines of TSDoc comments are looked at: the text between them is copied in slices,
  // never split into lines (the 17 MB guards module of GitHub's description is nearly all code).
  const pieces: string[] = [];
  let copied = 0;
  let at = text.indexOf('/**');
  while (at !== -1) {
    const start = text.lastIndexOf('\n', at) + 1;
    let end = lineEnd(text, start);
    const line = text.slice(start, end);
    const single = /^(\s*)\/\*\*\s(.*\S)\s*\*\/$/.exec(line);
    if (single !== null && line.length > width && !single[2]!.includes('*/')) {
      const indent = single[1]!;
      const lines = [`${indent}/**`];
      for (const part of wrapLine(single[2]!, width - indent.length - 3))
        lines.push(`${indent} * ${part}`.trimEnd());
      lines.push(`${indent} */`);
      pieces.push(text.slice(copied, start), lines.join('\n'));
      copied = end;
    } else if (/^\s*\/\*\*\s*$/.test(line)) {
      const block = blockLines(text, end, `${/^\s*/.exec(line)![0]} * `, width);
      pieces.push(text.slice(copied, start), line, block.text);
      copied = end = block.end;
    }
    at = text.indexOf('/**', end);
  }
  pieces.push(text.slice(copied));
  return pieces.join('');
}

/** Where the line starting at `start` ends: its line break, or the end of the text. */
function lineEnd(text: string, start: number): number {
  const end = text.indexOf('\n', start);
  return end === -1 ? text.length : end;
}

/**
 * The lines of a block comment after its `/**` line (which ends at `from`), up to and with its
 * closing line, each too long one wrapped under ` * ` (`prefix`); `text` is them with the line
 * break before each, and `end` where the closing line ends.
 */
function blockLines(
  text: string,
  from: number,
  prefix: string,
  width: number,
): { text: string; end: number } {
  const out: string[] = [];
  let inFence = false;
  let end = from;
  while (end < text.length) {
    const start = end + 1;
    end = lineEnd(text, start);
    const line = text.slice(start, end);
    if (/^\s*\*\//.test(line)) {
      out.push(line);
      break;
    }
    const content = line.startsWith(prefix) ? line.slice(prefix.length) : undefined;
    if (content !== undefined && /^(```|~~~)/.test(content)) inFence = !inFence;
    if (
      content === undefined ||
      line.length <= width ||
      inFence ||
      /^(```|~~~)/.test(content) ||
      /^( {4}|\t)/.test(content) ||
      /^\s*\|/.test(content)
    ) {
      out.push(line);
      continue;
    }
    // The lines after it that continue its paragraph take what it wraps: in Markdown one line
    // break inside a paragraph is a space, and wrapping a line alone left a lone word on a line
    // of its own before the next (text wrapped earlier at another indentation).
    let paragraph = content;
    for (;;) {
      const nextStart = end + 1;
      const nextEnd = lineEnd(text, nextStart);
      const next = text.slice(nextStart, nextEnd);
      const more = next.startsWith(prefix) ? next.slice(prefix.length) : undefined;
      if (more === undefined || !continuesParagraph(more) || nextStart >= text.length) break;
      paragraph = `${paragraph} ${more.trim()}`;
      end = nextEnd;
    }
    for (const part of wrapLine(paragraph, width - prefix.length)) out.push(`${prefix}${part}`);
  }
  return { text: out.map((line) => `\n${line}`).join(''), end };
}

/**
 * Whether a comment line's text goes on with the paragraph before it: not blank, not a list item,
 * a heading, a quote, a table row, a fence, indented code or a TSDoc tag.
 */
function continuesParagraph(content: string): boolean {
  return (
    content.trim() !== '' && !/^([-*+]\s|\d+[.)]\s|#|>|\||```|~~~|@| {4}|\t|\*\/)/.test(content)
  );
}

/**
 * A TSDoc link to a generated declaration (`{@link Plan}`, `{@link Plans.retrieve}`), or its name as
 * a code span when TSDoc's declaration references cannot hold it: they take ASCII identifiers
 * only, and a name made from a spec in another script (`Имя`) is still a valid TypeScript name.
 */
export function docLink(reference: string): string {
  return reference.split('.').every((part) => /^[A-Za-z_][A-Za-z0-9_$]*$/.test(part))
    ? `{@link ${reference}}`
    : `\`${reference}\``;
}
