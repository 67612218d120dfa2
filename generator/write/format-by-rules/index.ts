/**
 * Gives printed TypeScript prettier's final form without running prettier over the whole file:
 * by rules for the lines they cover exactly, by prettier for the rest. Prettier over every file was
 * the critical path of a run (issue 13): on our spec 165 ms for src/openapi.ts and 220 ms for
 * src/guards.ts on the one worker thread, while the main thread waited; and on large specs it did
 * not run at all (write/render.ts FORMAT_LIMIT), so their src/openapi.ts kept the printer's layout.
 *
 * The printers (TypeScript's for src/openapi.ts, 4 spaces a level; ts-morph's for the rest, 2)
 * write one statement or member per line, indented by its depth, with a block's `{` at the end of
 * its first line and its `}` at the start of its last. Where such a line fits in prettier's print
 * width and holds only what prettier prints as written, prettier's output is the same line at 2
 * spaces a level with its string literals in single quotes. So the text is read as a tree of lines,
 * by indentation: statements and members, and blocks (`name: {`, `if (…) {`, `export function …
 * {`, `export interface … {`) holding them. A line is rewritten by the rules when it has:
 * - only identifiers and keywords, plain numbers, string literals of printable ASCII (put in
 *   the quotes prettier picks, escaped as it escapes them), and the punctuation of calls, member
 *   access, comparisons and types;
 * - no parenthesis prettier might drop (only calls, `if (`, `for (`, `while (`, `switch (`,
 *   `catch (`, and groups prettier needs or adds: `!(a || b)`, `a && (b || c)`), no `=>`, no
 *   template, regular expression or comment, no `&&` beside `||` nor a type's `&` beside `|`
 *   (prettier adds parentheses), braces only as `{}` or `{ a, b: c }` (no `;`, no quoted key),
 *   no chain of more than two method calls;
 * - at most 100 columns at its final indentation; exceptions, the commonest long lines: an
 *   `if (condition) statement;` that does not fit is broken after the condition, as prettier
 *   breaks it, when the condition fits on the first line and the statement on the next; a type
 *   alias or member whose union of literals and names does not fit is broken after its `=` or
 *   `:`, the union on the next line if it fits there, else a member a line after `| `; a type
 *   member's first line (`'/repos/{owner}/…': {`) too long only because of its key is kept.
 * Blocks keep their layout when their first and last lines are such lines and prettier keeps them
 * expanded (statement blocks, interfaces, classes, type literals after a line break; a type
 * literal ending `}[] | null;` becomes the union prettier makes of it: `key:` / `| {` / members /
 * `}[]` / `| null;`). ts-morph's hanging indent of a type literal that is a member's or an
 * alias's type (members 2 levels deeper than its first line, `}` 1 level) is read as such. JSDoc is
 * re-indented under its `/**` as prettier does. Everything else goes to prettier whole, with what
 * it holds, at its depth: each inside wrappers (`async function* formatByRules() {` and
 * `for (;;) {` lines, `interface FormatByRules {` and `_: {` lines, `class FormatByRules {`) that
 * give it the indentation and width it has in the file, many in one text. So the output is
 * prettier's; test/generator/format-by-rules.test.ts compares the two on every kind of line, on
 * every file of our package, on random specs, and test/corpus on every real spec.
 *
 * Over `limit` characters of text for prettier (write/render.ts FORMAT_LIMIT), those parts are not
 * formatted but get the indentation and quotes of the rest, and the printer's line breaks.
 */
import { collectIrregular, formatIrregular } from './parts.ts';
import { balanced, readNodes } from './tree.ts';
import { NotPrinted, type Format, type Node } from './types.ts';
import { pushAll } from '../../json.ts';

export interface RulesOptions {
  /** Spaces per level of the printed text: 4 (TypeScript's printer) or 2 (ts-morph's). */
  indent: number;
  /** The most characters to give prettier; beyond it, see the module comment. */
  limit?: number;
  /** Called when the limit left text as printed (the whole file, or the parts for prettier). */
  overLimit?: () => void;
  /** Top-level statements already in prettier's form (EmittedSourceFile `inPrettierForm`). */
  inPrettierForm?: ReadonlySet<string>;
}

/** `text` (printed TypeScript, `\n` line ends) in prettier's form for `path`. */
export async function formatByRules(
  path: string,
  text: string,
  format: Format,
  { indent, limit = Infinity, overLimit = () => undefined, inPrettierForm }: RulesOptions,
): Promise<string> {
  const whole = (): Promise<string> | string =>
    text.length > limit ? (overLimit(), text) : format(path, text);
  let nodes: Node[];
  try {
    nodes = readNodes(text, indent, inPrettierForm);
  } catch (error) {
    if (!(error instanceof NotPrinted)) throw error;
    return whole();
  }
  const irregular: Node[] = [];
  for (const node of nodes) collectIrregular(node, irregular);
  let formatted: Map<Node, string[]>;
  try {
    if (!irregular.every((node) => node.comment || balanced(node.lines))) throw new NotPrinted();
    formatted = await formatIrregular(path, irregular, format, { limit, overLimit, unit: indent });
  } catch {
    // A part that is not whole, or that prettier did not read or gave back elsewhere than its
    // wrappers put it: the whole file is prettier's (and its error, if the file has one).
    return whole();
  }
  const out: string[] = [];
  for (const node of nodes) writeNode(node, formatted, out);
  return `${out.join('\n')}\n`;
}

function writeNode(node: Node, formatted: Map<Node, string[]>, out: string[]): void {
  for (const comment of node.comments)
    if (typeof comment === 'string') out.push(comment);
    else pushAll(out, formatted.get(comment)!);
  const own = formatted.get(node);
  if (own !== undefined) {
    pushAll(out, own);
    return;
  }
  const indent = ' '.repeat(node.depth * 2);
  // A regular node's first line is already in prettier's form, without its indentation.
  for (const line of node.lines) out.push(indent + line);
  for (const member of node.members ?? []) writeNode(member, formatted, out);
  for (const link of node.chain ?? []) {
    out.push(indent + link.line);
    for (const member of link.members) writeNode(member, formatted, out);
  }
  if (node.closer !== undefined) out.push(indent + node.closer);
}
