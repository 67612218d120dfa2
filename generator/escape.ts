/**
 * The one home of escaping: every piece of spec text that reaches a generated file goes through
 * exactly one of these, chosen by where it lands. Each keeps the text inside its context whatever
 * it holds (quotes, backslashes, `${`, `*\/`, line terminators, tag-like `@words`, HTML):
 *
 * | context                                  | helper                |
 * | ---------------------------------------- | --------------------- |
 * | TypeScript string literal                | `stringLiteral`       |
 * | static text of a template literal        | `templateLiteralText` |
 * | `/** … *\/` TSDoc and block comments     | `escapeJsDoc`         |
 * | `// …` line comment                      | `lineCommentText`     |
 * | `<!-- … -->` HTML (Markdown) comment     | `htmlCommentText`     |
 * | Markdown inline text                     | `markdownText`        |
 * | Markdown code span                       | `markdownCode`        |
 * | Markdown from the spec (descriptions)    | `markdownProse`       |
 * | a terminal (the CLI's errors, warnings)  | `terminalText`        |
 * | JSON for a terminal or log               | `visibleJson`         |
 *
 * Identifiers are not escaped but made (generator/model/names.ts): only letters, combining marks,
 * digits, `_` and `$` survive (ECMA-262 identifier characters).
 */

/**
 * Characters that show nothing, or change how what follows is shown: C0 and C1 controls (tab and
 * the line breaks aside, which each context handles), DEL, and Unicode's bidirectional formatting
 * characters, which make code read differently from how it runs ("Trojan Source",
 * CVE-2021-42574); Unicode's tag characters (U+E0000–E007F), which carry text no one sees ("ASCII
 * smuggling": an instruction hidden in a doc comment), but in a subdivision flag's emoji (U+1F3F4
 * followed by tags), their one use; and lone surrogates (a JSON spec's `"\ud800"`), which UTF-8
 * cannot hold: written as they are, a file gets U+FFFD in their place. Every helper below writes
 * them as visible `\uXXXX` escapes: in strings and template literals the escape means the same
 * character; in comments and Markdown it shows it.
 */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- control characters are what this finds
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]|(?<!\uD83C\uDFF4(?:\uDB40[\uDC20-\uDC7E])*)\uDB40[\uDC00-\uDC7F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Whether a text may hold one of {@link INVISIBLE} but a lone surrogate: one class, without the
 * global flag (no `lastIndex` state), which V8 searches fast (the alternatives doubled the time);
 * `isWellFormed()` tests for lone surrogates natively. U+DB40 is the lead surrogate of every tag.
 */
const HAS_INVISIBLE =
  // eslint-disable-next-line no-control-regex -- control characters are what this finds
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uDB40]/;

/** ES2024's `String.prototype.isWellFormed` (Node 20 has it; the project's lib is older). */
type WellFormedTest = string & { isWellFormed(): boolean };

/** {@link INVISIBLE} characters of `text` as `\uXXXX` escapes. */
export function showInvisible(text: string): string {
  // Testing first: V8's replace with a callback took 0.2–0.6 s on a 13 MB text with no match
  // (GitHub's bundled description), a test 30 ms, and nearly every text has none.
  if (!HAS_INVISIBLE.test(text) && (text as WellFormedTest).isWellFormed()) return text;
  return text.replace(INVISIBLE, codeUnitEscapes);
}

/**
 * What a terminal does not show as itself: every control character (C0 and C1, DEL; tab and line
 * breaks too), the line and paragraph separators U+2028 and U+2029, Unicode's format characters
 * (bidirectional controls, zero-width spaces and joiners, U+FEFF, the soft hyphen, …), lone
 * surrogates, and the Hangul fillers, letters that show nothing.
 */
const NOT_SHOWN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\u115F\u1160\u3164\uFFA0]/gu;

/**
 * Text for one line of a terminal (an error, a warning, a file name the CLI prints): every
 * character of {@link NOT_SHOWN} as a visible `\uXXXX` (`\u{XXXXX}` above the BMP) escape, so text
 * from a spec can neither break the line (and forge a `fix:` line), nor hide, reorder or recolour
 * what the message says (ANSI escapes, "Trojan Source" reordering).
 */
export function terminalText(text: string): string {
  return text.replace(NOT_SHOWN, (c) => {
    const code = c.codePointAt(0)!;
    const hex = code.toString(16).toUpperCase();
    return code > 0xffff ? `\\u{${hex}}` : `\\u${hex.padStart(4, '0')}`;
  });
}

/**
 * JSON text with every character of {@link NOT_SHOWN} that `JSON.stringify` leaves as it is (C1
 * controls, bidirectional and other format characters, U+2028, U+2029) written as a `\uXXXX`
 * escape (a surrogate pair above the BMP): the same JSON value, shown safely in a terminal or log.
 */
export function visibleJson(json: string): string {
  return json.replace(NOT_SHOWN_IN_JSON, codeUnitEscapes);
}

/** `c` as `\uXXXX` escapes of its UTF-16 code units (a surrogate pair above the BMP). */
function codeUnitEscapes(c: string): string {
  return Array.from(
    { length: c.length },
    (_, i) => `\\u${c.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')}`,
  ).join('');
}

/**
 * {@link NOT_SHOWN} but what `JSON.stringify` escapes itself (C0 controls, lone surrogates): what is
 * left raw in JSON text is its formatting (line breaks, indentation) and these.
 */
const NOT_SHOWN_IN_JSON = /[\u007F-\u009F\p{Cf}\p{Zl}\p{Zp}\u115F\u1160\u3164\uFFA0]/gu;

/** Several lines for a terminal (a stack trace, a report): each line as {@link terminalText}. */
export function terminalLines(text: string): string {
  return text.split(/\r?\n/).map(terminalText).join('\n');
}

/**
 * Unicode's other format characters (zero-width spaces and joiners, U+FEFF, the soft hyphen, tag
 * characters), the line and paragraph separators U+2028 and U+2029, and the Hangul fillers: in a
 * string literal (a property key, a parameter's name, an enum value) they make two different
 * strings look the same (`'a\u200Bb'` and `'ab'`), or break a line inside it, so they are written
 * as escapes there. Comments and Markdown keep the joiners: one is part of how Persian or an emoji
 * sequence is written.
 */
const FORMAT_CHARACTERS = /[\p{Cf}\p{Zl}\p{Zp}\u115F\u1160\u3164\uFFA0]/u;
const FORMAT_CHARACTERS_ALL = new RegExp(FORMAT_CHARACTERS.source, 'gu');

/** Whether `text` holds one of {@link FORMAT_CHARACTERS}. */
export function hasFormatCharacters(text: string): boolean {
  return FORMAT_CHARACTERS.test(text);
}

/**
 * {@link FORMAT_CHARACTERS} of `text` as `\uXXXX` escapes (a surrogate pair above the BMP): for
 * the inside of a string literal, where the escape means the same character.
 */
export function showFormatCharacters(text: string): string {
  if (!FORMAT_CHARACTERS.test(text)) return text;
  return text.replace(FORMAT_CHARACTERS_ALL, codeUnitEscapes);
}

const LINE_TERMINATOR_ESCAPES: Readonly<Record<string, string>> = {
  '\r': '\\r',
  '\n': '\\n',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * A string literal that is safe anywhere in generated code: JSON escaping (quotes, backslashes,
 * control characters, lone surrogates) plus the two line terminators JSON allows raw, and `</`
 * so that no `</script>` appears even inside a string.
 */
export function stringLiteral(value: string): string {
  return quotedString(value, '"');
}

/** `stringLiteral` with the quote of choice (the README's examples follow prettier's choice). */
export function quotedString(value: string, quote: '"' | "'"): string {
  const json = finalBackslash(
    showFormatCharacters(showInvisible(JSON.stringify(value)))
      .replace(/[\u2028\u2029]/g, (c) => LINE_TERMINATOR_ESCAPES[c]!)
      .replace(/<\//g, '<\\/'),
    '"',
  );
  if (quote === '"') return json;
  // Swap the delimiters: `\"` needs no escape between single quotes, `'` does.
  const body = json.slice(1, -1).replace(/\\"|'/g, (match) => (match === "'" ? "\\'" : '"'));
  return `'${body}'`;
}

/**
 * `value` as a YAML scalar to paste into a spec (the text of a fix): plain where every YAML reader
 * reads it back as this string, else double-quoted with JSON's escapes (which YAML reads), so that
 * `true`, `1`, `null`, `*x` or `a: b` stay strings and not booleans, numbers, aliases or maps.
 */
export function yamlScalar(value: string): string {
  const plain =
    /^[A-Za-z_][A-Za-z0-9_./-]*$/.test(value) &&
    !/^(true|false|null|yes|no|on|off|y|n)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

/**
 * Text for the static part of a template literal (between the backticks): exactly `value` once
 * the template is evaluated. Every `$` is escaped (so no `${` can form, also not across two pieces
 * joined later), and line terminators are escaped rather than kept raw (a raw CR would be read as LF).
 */
export function templateLiteralText(value: string): string {
  return finalBackslash(
    showInvisible(
      value.replace(/[\\`$\r\n\u2028\u2029]/g, (c) => LINE_TERMINATOR_ESCAPES[c] ?? `\\${c}`),
    ),
    '',
  );
}

/**
 * `literal` (a quoted string literal ending in `quote`, or a template literal's static text with
 * `quote` '') with an escaped backslash at its end written `\x5C` instead of `\\`: the same
 * character, but no backslash right before the closing quote, or before the backtick or `${` that
 * follows a template's static text.
 *
 * ts-morph prints through code-block-writer, which tracks strings and comments to know where it
 * may indent or close a comment, and which takes any quote right after a backslash for an escaped
 * one, an escaped backslash's too. After `"a\\"` it believed it was still inside a string, so a
 * later `/*` inside a real string (`"x/*y"`) opened a comment for it, and ts-morph "closed" that
 * comment by inserting `*\/` before the next statement or member: an enum value ending in `\`
 * beside one holding `/*` made the generated types and guards unparseable.
 */
function finalBackslash(literal: string, quote: '"' | "'" | ''): string {
  const body = literal.slice(0, literal.length - quote.length);
  // Every backslash of the escaped text starts an escape, so a backslash at the end closes `\\`.
  return body.endsWith('\\') ? `${body.slice(0, -2)}\\x5C${quote}` : literal;
}

/**
 * Text for a `/** … *\/` comment, TSDoc included:
 * - `*\/` cannot close the comment early, and `/*` is escaped too (`/\*`: ts-morph's printer reads
 *   a `/*` in doc text as a comment opener and then misprints the tags that follow);
 * - every line terminator (CR, CRLF, U+2028, U+2029) becomes `\n`, which the printer starts with ` * `;
 * - an `@` that would start a tag (`@deprecated`, `@param`, `{@link …}`) is escaped as `\@`, the
 *   TSDoc escape: spec text never adds a tag or deprecates a symbol.
 */
export function escapeJsDoc(text: string): string {
  return showInvisible(text.replace(/\r\n?|[\u2028\u2029]/g, '\n'))
    .replace(/\*\//g, '*\\/')
    .replace(/\/\*/g, '/\\*')
    .replace(
      /(^|[\s{])(\\*)@(?=[A-Za-z])/gm,
      // An even run of backslashes escapes itself in TSDoc, leaving the `@` live: make it odd.
      (_match, before: string, slashes: string) =>
        `${before}${slashes.length % 2 === 0 ? `${slashes}\\` : slashes}@`,
    )
    .trim();
}

/** Text for a `// …` comment: line terminators are shown escaped, so the text cannot end the line. */
export function lineCommentText(text: string): string {
  return showInvisible(text).replace(/[\r\n\u2028\u2029]/g, (c) => LINE_TERMINATOR_ESCAPES[c]!);
}

/**
 * Text for a one-line HTML comment (`<!-- … -->`, a Markdown file's header): it cannot end or nest
 * the comment, nor break the line.
 */
export function htmlCommentText(text: string): string {
  return lineCommentText(text)
    .replace(/--!?>/g, (end) => end.replace('>', '&gt;'))
    .replace(/<!--/g, '&lt;!--');
}

/**
 * One line of plain Markdown text: whitespace runs (line breaks too) become one space, and every
 * character with a meaning in Markdown or HTML is backslash-escaped, so the text renders as written.
 */
export function markdownText(text: string): string {
  return markdownInline(text).trim();
}

/** {@link markdownText} with the spaces at its ends kept: a piece of a line between code spans. */
export function markdownInline(text: string): string {
  return showInvisible(text)
    .replace(/\s+/g, ' ')
    .replace(/([\\`*_[\]<>#|&~])/g, '\\$1');
}

/**
 * `text` as code in a TSDoc comment: a code span (`` `…` ``), escaped as {@link escapeJsDoc}; a
 * text with a backtick, which no TSDoc code span can hold, as a quoted string instead.
 */
export function jsDocCode(text: string): string {
  return text.includes('`') ? escapeJsDoc(JSON.stringify(text)) : `\`${escapeJsDoc(text)}\``;
}

/**
 * A Markdown code span holding `text` exactly (on one line): its backtick fence is longer than any
 * run of backticks inside (CommonMark 6.1), padded with spaces when the text starts or ends with one.
 */
export function markdownCode(text: string): string {
  const line = showInvisible(text).replace(/[\r\n\u2028\u2029]+/g, ' ');
  const longest = Math.max(0, ...[...line.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^[ `]|[ `]$/.test(line) ? ' ' : '';
  return `${fence}${pad}${line}${pad}${fence}`;
}

/**
 * Markdown from the spec (CommonMark is allowed in OpenAPI descriptions), kept as Markdown but
 * without what could run or load anything where it is rendered: raw HTML (`<` and `&` become
 * entities, so tags and comments show as text) and links to `javascript:`, `vbscript:`, `data:` or
 * `file:` URLs (the link syntax is broken up; the text stays).
 */
export function markdownProse(text: string): string {
  return showInvisible(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/\]([(:])(?=\s*(?:javascript|vbscript|data|file):)/gi, ']\\$1');
}

/**
 * A value as one POSIX shell word, for commands a message suggests: as it is when it holds only
 * characters no shell treats specially, else in single quotes (`'it'\''s'`).
 */
export function shellWord(value: string): string {
  return /^[\w./@:+-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
