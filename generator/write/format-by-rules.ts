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
 * - at most 100 columns at its final indentation.
 * Blocks keep their layout when their first and last lines are such lines and prettier keeps them
 * expanded (statement blocks, interfaces, classes, type literals after a line break). JSDoc is
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
import { PRETTIER_OPTIONS } from './format.ts';

/** Formats TypeScript text; a write/format-pool.ts Formatter's `format`. */
type Format = (path: string, text: string) => Promise<string>;

const PRINT_WIDTH = PRETTIER_OPTIONS.printWidth ?? 80;

/**
 * What a block holds: the module's statements, a function's or a statement's body, a class body,
 * an interface's or type literal's members.
 */
type Context = 'module' | 'statements' | 'class' | 'type';

/** A statement or member: its leading comments, its lines, and if it is a block, what it holds. */
interface Node {
  depth: number;
  /** What the block it stands in holds. */
  context: Context;
  /**
   * The comment lines before it in prettier's form ('' for a kept blank line), and the comments the
   * rules do not cover (a node with `comment: true`, for prettier).
   */
  comments: (string | Node)[];
  /** A comment the rules do not cover: `lines` are its lines as written. */
  comment?: true;
  /**
   * Irregular: its lines as printed, from its first code line to its last. Regular: its first
   * line in prettier's form, without indentation.
   */
  lines: string[];
  /** A regular block: what it holds, then each further part of its chain (`} else {`). */
  members?: Node[];
  chain?: { line: string; members: Node[] }[];
  /** The last line of a regular block (`}`, `};`, `} else return x;`), without indentation. */
  closer?: string;
  /** Whether the rules give this node's lines exactly as prettier would. */
  regular: boolean;
}

/** Text the rules cannot read as a printer's: the whole file goes to prettier. */
class NotPrinted extends Error {}

export interface RulesOptions {
  /** Spaces per level of the printed text: 4 (TypeScript's printer) or 2 (ts-morph's). */
  indent: number;
  /** The most characters to give prettier; beyond it, see the module comment. */
  limit?: number;
}

/** `text` (printed TypeScript, `\n` line ends) in prettier's form for `path`. */
export async function formatByRules(
  path: string,
  text: string,
  format: Format,
  { indent, limit = Infinity }: RulesOptions,
): Promise<string> {
  let nodes: Node[];
  try {
    nodes = readNodes(text, indent);
  } catch (error) {
    if (!(error instanceof NotPrinted)) throw error;
    return text.length > limit ? text : format(path, text);
  }
  const irregular: Node[] = [];
  for (const node of nodes) collectIrregular(node, irregular);
  let formatted: Map<Node, string[]>;
  try {
    if (!irregular.every((node) => node.comment || balanced(node.lines))) throw new NotPrinted();
    formatted = await formatIrregular(path, irregular, format, limit, indent);
  } catch {
    // A part that is not whole, or that prettier did not read or gave back elsewhere than its
    // wrappers put it: the whole file is prettier's (and its error, if the file has one).
    return text.length > limit ? text : format(path, text);
  }
  const out: string[] = [];
  for (const node of nodes) writeNode(node, formatted, out);
  return `${out.join('\n')}\n`;
}

// ─── Reading the printed text ─────────────────────────────────────────────────────────────────

const indentOf = (line: string): number => line.length - line.trimStart().length;

function readNodes(text: string, unit: number): Node[] {
  // The printers indent with spaces; a tab can only be inside a comment or a string.
  if (text.includes('\r') || /^ *\t/m.test(text)) throw new NotPrinted();
  const lines = text.split('\n');
  const isBlank = (index: number) => lines[index]!.trim() === '';
  let i = 0;

  /**
   * The statements or members at `depth`, until a line indented less. `trouble`: something in
   * them prettier would lay out otherwise as a whole (a blank line it drops, a comment at the
   * end of the block, a line at a depth of its own), so the block holding them is prettier's.
   */
  const read = (depth: number, context: Context): { nodes: Node[]; trouble: boolean } => {
    const nodes: Node[] = [];
    let blank = false;
    let trouble = false;
    while (i < lines.length) {
      if (isBlank(i)) {
        blank = true;
        i++;
        continue;
      }
      const indent = indentOf(lines[i]!);
      if (indent < depth * unit) break;
      // Prettier keeps one blank line between two statements or members, none at a block's start.
      const comments: (string | Node)[] = blank && nodes.length > 0 ? [''] : [];
      if (blank && nodes.length === 0 && depth > 0) trouble = true;
      blank = false;
      if (indent !== depth * unit || /^[}\])]/.test(lines[i]!.trimStart())) {
        // A line deeper than its place, or a closer without its block: only prettier knows.
        trouble = true;
        nodes.push({ depth, context, comments, lines: [lines[i]!], regular: false });
        i++;
        continue;
      }
      while (i < lines.length && isCommentStart(lines[i]!.trimStart())) {
        if (indentOf(lines[i]!) !== depth * unit) trouble = true;
        const start = i;
        if (lines[i]!.trimStart().startsWith('/*')) {
          while (i < lines.length && !lines[i]!.includes('*/')) i++;
          if (i === lines.length || !lines[i]!.trimEnd().endsWith('*/')) throw new NotPrinted();
        }
        i++;
        const block = lines.slice(start, i);
        const formatted = commentLines(block, depth);
        if (formatted !== undefined) comments.push(...formatted);
        else
          comments.push({
            depth,
            context,
            comments: [],
            lines: block,
            comment: true,
            regular: false,
          });
      }
      if (i === lines.length || isBlank(i) || indentOf(lines[i]!) !== depth * unit) {
        // Comments with no statement right after them: the file's header before a blank line;
        // anywhere else prettier may place them otherwise.
        if (depth > 0 || (i < lines.length && !isBlank(i))) trouble = true;
        nodes.push({ depth, context, comments, lines: [], regular: true });
        continue;
      }
      nodes.push(readNode(depth, context, comments));
    }
    if (blank && depth > 0) trouble = true;
    return { nodes, trouble };
  };

  const readNode = (depth: number, context: Context, comments: (string | Node)[]): Node => {
    const start = i;
    const code = lines[i]!.trimStart();
    i++;
    const read0 = regularLine(code, depth);
    const opened = code.endsWith('{') && read0 !== undefined ? blockOf(read0, context) : undefined;
    // A block prettier lays out otherwise: it and the lines that continue it are prettier's.
    const irregular = (): Node => {
      skipContinuation(depth, '');
      // Blank lines after it (read while looking for its end) are the next node's.
      while (i > start + 1 && isBlank(i - 1)) i--;
      return { depth, context, comments, lines: lines.slice(start, i), regular: false };
    };
    if (opened !== undefined) {
      const inner = read(depth + 1, opened.holds);
      let trouble = inner.trouble;
      const chain: { line: string; members: Node[] }[] = [];
      for (;;) {
        const closing = lines[i];
        if (closing === undefined || indentOf(closing) !== depth * unit) return irregular();
        const last = closing.trimStart();
        const link = opened.chains ? chainLink(last, depth) : undefined;
        if (link !== undefined) {
          i++;
          const more = read(depth + 1, 'statements');
          trouble ||= more.trouble;
          chain.push({ line: link, members: more.nodes });
          continue;
        }
        const closer = opened.closers(last, depth);
        // An empty block is `{}` on its first line in prettier.
        if (closer === undefined || trouble || inner.nodes.length === 0) return irregular();
        i++;
        return {
          depth,
          context,
          comments,
          lines: [read0!.line],
          members: inner.nodes,
          ...(chain.length > 0 ? { chain } : {}),
          closer,
          regular: true,
        };
      }
    }
    skipContinuation(depth, code);
    return i === start + 1 && read0 !== undefined && isRegularMember(read0, context)
      ? { depth, context, comments, lines: [read0.line], regular: true }
      : { depth, context, comments, lines: lines.slice(start, i), regular: false };
  };

  /** Moves past the lines of a statement after `last`: deeper ones, and closers at its depth. */
  const skipContinuation = (depth: number, last: string): void => {
    while (i < lines.length && !last.endsWith(';') && !(depth === 0 && last === '}')) {
      const line = lines[i]!;
      const indent = indentOf(line);
      const code = line.trimStart();
      if (code === '' || indent < depth * unit) break;
      if (indent === depth * unit && !/^[}\])>|&,]/.test(code)) break;
      i++;
      if (indent === depth * unit) last = code;
    }
  };

  const { nodes, trouble } = read(0, 'module');
  if (trouble || i < lines.length) throw new NotPrinted();
  return nodes;
}

/**
 * Whether `lines` close every bracket they open, outside strings, templates and comments: a part
 * for prettier must be whole, or the printed text was not laid out as the rules read it.
 */
function balanced(lines: string[]): boolean {
  const text = lines.join('\n');
  const stack: string[] = [];
  let i = 0;
  const skipString = (quote: string): boolean => {
    for (i++; i < text.length; i++) {
      if (text[i] === '\\') i++;
      else if (text[i] === quote) return true;
      else if (text[i] === '\n') return false;
    }
    return false;
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end === -1) return false;
      i = end + 2;
      continue;
    }
    if (c === '"' || c === "'") {
      if (!skipString(c)) return false;
    } else if (c === '`' || (c === '}' && stack.at(-1) === '${')) {
      // A template's text, up to its end or its next `${`.
      if (c === '}') stack.pop();
      for (i++; i < text.length && text[i] !== '`'; i++) {
        if (text[i] === '\\') i++;
        else if (text[i] === '$' && text[i + 1] === '{') {
          stack.push('${');
          i++;
          break;
        }
      }
      if (i >= text.length) return false;
    } else if (c === '{' || c === '(' || c === '[') {
      stack.push(c);
    } else if (c === '}' || c === ')' || c === ']') {
      if (stack.pop() !== { '}': '{', ')': '(', ']': '[' }[c]) return false;
    }
    i++;
  }
  return stack.length === 0;
}

const isCommentStart = (code: string): boolean => code.startsWith('/*') || code.startsWith('//');

/**
 * A comment's lines as prettier prints them at `depth`: a block comment whose lines all start
 * with `*` (JSDoc) re-indented under its `/*`; any other block comment as written after its first
 * line (prettier's printComment); a line comment without trailing spaces. Undefined for a JSDoc
 * line that ends in spaces or tabs, whose ends prettier trims by rules of its own: prettier gets
 * those.
 */
function commentLines(lines: string[], depth: number): string[] | undefined {
  const indent = ' '.repeat(depth * 2);
  const first = lines[0]!.trim();
  if (lines.length === 1) return [indent + first];
  const rest = lines.slice(1);
  if (!rest.every((line) => line.trimStart().startsWith('*')))
    return [indent + lines[0]!.trimStart(), ...rest];
  if (first !== '/**' && first !== '/*' && first !== lines[0]!.trimStart()) return undefined;
  if (rest.some((line) => /[ \t]$/.test(line))) return undefined;
  return [indent + first, ...rest.map((line) => `${indent} ${line.trimStart()}`)];
}

// ─── What the rules cover ─────────────────────────────────────────────────────────────────────

/**
 * Tokens of a line the rules cover: identifiers and keywords; string literals of printable ASCII
 * (escapes included); plain numbers (no exponent, no trailing zero after a point); operators and
 * punctuation; single spaces. No template, regular expression, comment or other character.
 */
const TOKEN =
  /[A-Za-z_$][\w$]*|"(?:[ !#-[\]-~]|\\[ -~])*"|'(?:[ -&(-[\]-~]|\\[ -~])*'|(?:0|[1-9]\d*)(?:\.\d*[1-9])?(?![\w.])|===|!==|==|!=|<=|>=|&&|\|\||\?\?|\?\.|=>|\+\+|--|\+=|-=|\.\.\.|[{}[\]()<>,|&:;?=.!+\-*%]| /y;

/** Keywords before which a `(` opens a group, not a call. */
const OPERATOR_WORDS = new Set([
  'return',
  'typeof',
  'in',
  'of',
  'instanceof',
  'new',
  'await',
  'void',
  'delete',
  'throw',
  'case',
  'yield',
  'as',
  'satisfies',
  'keyof',
  'extends',
  'else',
  'do',
  'is',
  'readonly',
  'unique',
  'infer',
]);

/** Keywords whose `(` is part of the statement: `if (`, `for (`, … */
const STATEMENT_WORDS = new Set(['if', 'for', 'while', 'switch', 'catch']);

/** Binary operators, between spaces, whose precedence decides whether a group's parentheses stay. */
const BINARY = new Set([
  '&&',
  '||',
  '??',
  '===',
  '!==',
  '==',
  '!=',
  '<',
  '>',
  '<=',
  '>=',
  '+',
  '-',
  '*',
  '%',
  '?',
  'in',
  'instanceof',
  'as',
  '=',
  '+=',
  '-=',
  '|',
  '&',
]);

/** Tokens prettier writes no space after, and before. */
const NO_SPACE_AFTER = new Set(['(', '[', '.', '!', '...']);
const NO_SPACE_BEFORE = new Set([')', ']', ',', ';', '.']);
const OPENING: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/** Whether `token` is an identifier or keyword. */
const isWordStart = (token: string): boolean => {
  const c = token.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
};

/** A line the rules cover: itself in prettier's form, and its shape for the checks below. */
interface Line {
  line: string;
  /** The line with each string literal as `''`, or `'name'` when it is an identifier name. */
  shape: string;
}

/** An open bracket of a line, for the checks when it closes. */
interface Frame {
  bracket: string;
  /** For `(`: a call's or a statement's, or a group (which prettier may drop). */
  group: boolean;
  /** The token before a group's `(`. */
  before: string;
  /** The binary operators directly inside. */
  operators: Set<string>;
  /** For `{`: a key written as a string inside (prettier may unquote it), a `;` inside. */
  stringKey: boolean;
  semicolon: boolean;
}

/**
 * The line (without indentation) in prettier's form, or undefined when the rules do not cover it
 * or it does not fit at `depth`.
 */
function regularLine(code: string, depth: number, width = PRINT_WIDTH): Line | undefined {
  // Quotes can only lose their escapes: a line longer than this without one cannot fit.
  if (depth * 2 + code.length > width && !code.includes('\\')) return undefined;
  let line = '';
  let shape = '';
  let previous = '';
  let spaced = false;
  let calls = 0;
  const top: Frame = {
    bracket: '',
    group: false,
    before: '',
    operators: new Set(),
    stringKey: false,
    semicolon: false,
  };
  const frames: Frame[] = [top];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < code.length) {
    const match = TOKEN.exec(code);
    if (match === null) return undefined;
    const token = match[0];
    if (token === ' ') {
      if (spaced || previous === '' || NO_SPACE_AFTER.has(previous)) return undefined;
      spaced = true;
      line += ' ';
      shape += ' ';
      continue;
    }
    if (spaced && NO_SPACE_BEFORE.has(token)) return undefined;
    // Braces with content have a space inside each (`{ a }`), as prettier writes them.
    if (previous === '{' && !spaced && token !== '}') return undefined;
    if (token === '}' && previous !== '{' && !spaced && frames.length > 1) return undefined;
    if (token === '=>') return undefined;
    const frame = frames.at(-1)!;
    if (BINARY.has(token) && spaced && code[TOKEN.lastIndex] === ' ') frame.operators.add(token);
    if (token === ';') frame.semicolon = true;
    if (token === ':' && /^['"]/.test(previous)) frame.stringKey = true;
    if (token === '(' || token === '[' || token === '{') {
      let group = false;
      if (token === '(') {
        // A call (`name(`, `f()(`, `a[0](`), a statement's parenthesis (`if (`), or a group.
        const call =
          !spaced &&
          (previous === ')' ||
            previous === ']' ||
            (isWordStart(previous) && !OPERATOR_WORDS.has(previous)));
        const statement = spaced && STATEMENT_WORDS.has(previous);
        group = !call && !statement;
        if (call && shape.endsWith(`.${previous}`)) calls++;
      }
      frames.push({
        bracket: token,
        group,
        before: previous,
        operators: new Set(),
        stringKey: false,
        semicolon: false,
      });
    } else if (token === ')' || token === ']' || token === '}') {
      const open = frames.pop();
      if (open === undefined || frames.length === 0 || open.bracket !== OPENING[token])
        return undefined;
      if (!closes(open, previous)) return undefined;
    }
    const first = token.charCodeAt(0);
    if (first === 34 || first === 39) {
      line += quote(token);
      shape += /^.[A-Za-z_$][\w$]*.$/.test(token) ? "'name'" : "''";
    } else {
      line += token;
      shape += token;
    }
    previous = token;
    spaced = false;
  }
  if (spaced || calls > 2) return undefined;
  // What is still open is a block this line starts (`{` at its end): only the rest is checked.
  if (frames.some((frame) => frame.bracket !== '' && frame.bracket !== '{')) return undefined;
  if (frames.length > 2 || (frames.length === 2 && !line.endsWith('{'))) return undefined;
  if (mixesLogic(top)) return undefined;
  // `new X` without arguments, which prettier gives `()`.
  if (/\bnew [\w$.]+(?![\w$.]*\()/.test(shape)) return undefined;
  if (depth * 2 + line.length > width) return undefined;
  return { line, shape };
}

/**
 * `&&` beside `||`, or a type's `&` beside `|`, without parentheses between them (prettier adds
 * them), or `??` beside `&&` or `||`.
 */
const mixesLogic = ({ operators: ops }: Frame): boolean =>
  (ops.has('&&') && ops.has('||')) ||
  (ops.has('&') && ops.has('|')) ||
  (ops.has('??') && (ops.has('&&') || ops.has('||')));

/**
 * Whether prettier keeps a bracket pair as written: braces of one line with spaces inside
 * (`{ a, b }`, or `{}`), with no `;` (a type literal prettier writes without) and no key in
 * quotes (prettier may unquote it); a group's parentheses only where prettier needs or adds them:
 * `!(a === b)`, `a && (b || c)`, `a || (b && c)`.
 */
function closes(frame: Frame, last: string): boolean {
  if (mixesLogic(frame)) return false;
  if (frame.bracket === '{') return last === '{' || (!frame.semicolon && !frame.stringKey);
  if (!frame.group) return true;
  const inside = frame.operators;
  if (frame.before === '!') return inside.size > 0;
  if (frame.before === '&&') return inside.has('||');
  if (frame.before === '||') return inside.has('&&');
  return false;
}

/**
 * A string literal token in prettier's quotes (its printString): single quotes unless the text
 * holds more single quotes than double ones; unchanged when that is the quote it has, else with
 * the quotes' escapes made right for the new one (other escapes kept as written).
 */
function quote(token: string): string {
  const raw = token.slice(1, -1);
  const singles = raw.split("'").length - 1;
  const doubles = raw.split('"').length - 1;
  const enclosing = singles > doubles ? '"' : "'";
  if (token[0] === enclosing) return token;
  const other = enclosing === '"' ? "'" : '"';
  const text = raw.replace(/\\(.)|(["'])/gs, (match, escaped?: string, bare?: string) => {
    if (escaped === other) return escaped;
    if (bare === enclosing) return `\\${bare}`;
    if (bare !== undefined) return bare;
    return match;
  });
  return enclosing + text + enclosing;
}

/**
 * Keys the rules keep as written: an identifier, a number, a string prettier must keep quoted
 * (one that is an identifier name, `'name'` in the shape, prettier unquotes), an index signature.
 */
const KEY =
  /^(?:readonly )?(?:[A-Za-z_$][\w$]*|\d+|''|\[[A-Za-z_$][\w$]*: (?:string|number)\])\??: /;

/** Whether prettier prints `read` (a line that is not a block's first) as it is. */
function isRegularMember({ line, shape }: Line, context: Context): boolean {
  if (!shape.endsWith(';') || shape === ';') return false;
  // A directive ('use strict') keeps its own quotes.
  if (/^''|^'name'/.test(shape) && /^'[^']*';$/.test(line)) return false;
  switch (context) {
    case 'type':
      return KEY.test(shape);
    case 'module':
    case 'statements':
    case 'class':
      return true;
  }
}

/** A block's first line: what it holds, the last lines it may have, whether `} else` may follow. */
interface Opener {
  holds: Context;
  /** The block's last line in prettier's form, or undefined when prettier lays it out otherwise. */
  closers: (last: string, depth: number) => string | undefined;
  chains: boolean;
}

/** A type reference (`Name`, `components['schemas']['Name']`) in a line's shape. */
const REFERENCE = String.raw`[A-Za-z_$][\w$]*(?:\[(?:''|'name')\])*`;
const NAME = String.raw`[A-Za-z_$][\w$]*`;

const exactly =
  (...closers: string[]) =>
  (last: string): string | undefined =>
    closers.includes(last) ? last : undefined;

/**
 * The block `read` opens in `context`, when prettier keeps it as written: interfaces, type aliases
 * of a type literal and members of a type literal (`name: {`, `name: Ref & {`: with two types
 * before the object prettier breaks the line), functions, classes and their methods, `if`, `for`,
 * `while` and bare blocks. A type literal may end `}[];` or `} | null;` (not `}[] | null`, which
 * prettier breaks, nor `| null` after an intersection).
 */
const INTERFACE_OPENER = new RegExp(
  String.raw`^(?:export )?(?:declare )?interface ${NAME}(?: extends [^{]*)? \{$`,
);
const TYPE_OPENER = new RegExp(String.raw`^(?:export )?type ${NAME} = \{$`);
const CLASS_OPENER = new RegExp(
  String.raw`^(?:export )?(?:abstract )?class ${NAME}(?: extends [^{]*)?(?: implements [^{]*)? \{$`,
);
const FUNCTION_OPENER = new RegExp(
  String.raw`^(?:export )?(?:async )?function ${NAME}(?:<[^{]*>)?\([^{]*\)(?:: [^{]*)? \{$`,
);
const METHOD_OPENER = new RegExp(
  String.raw`^(?:(?:public|private|protected) )?(?:static )?(?:async )?(?:(?:get|set) )?${NAME}(?:<[^{]*>)?\([^{]*\)(?:: [^{]*)? \{$`,
);
const OBJECT_MEMBER_OPENER = /^[^{]*: \{$/;
const INTERSECTION_MEMBER_OPENER = new RegExp(String.raw`^[^{]*: ${REFERENCE} & \{$`);

function blockOf({ shape }: Line, context: Context): Opener | undefined {
  const statements: Opener = { holds: 'statements', closers: exactly('}'), chains: false };
  switch (context) {
    case 'module':
      if (INTERFACE_OPENER.test(shape))
        return { holds: 'type', closers: exactly('}'), chains: false };
      if (TYPE_OPENER.test(shape)) return { holds: 'type', closers: exactly('};'), chains: false };
      if (CLASS_OPENER.test(shape)) return { holds: 'class', closers: exactly('}'), chains: false };
      return FUNCTION_OPENER.test(shape) ? statements : undefined;
    case 'class':
      return METHOD_OPENER.test(shape) ? statements : undefined;
    case 'statements':
      if (shape === '{') return statements;
      if (/^if \(.*\) \{$/.test(shape))
        return { holds: 'statements', closers: ifCloser, chains: true };
      return /^(?:for|while) \(.*\) \{$/.test(shape) ? statements : undefined;
    case 'type':
      if (!KEY.test(shape)) return undefined;
      if (OBJECT_MEMBER_OPENER.test(shape))
        return { holds: 'type', closers: exactly('};', '}[];', '} | null;'), chains: false };
      return INTERSECTION_MEMBER_OPENER.test(shape)
        ? { holds: 'type', closers: exactly('};'), chains: false }
        : undefined;
  }
}

/** `} ` and then a line the rules cover, in prettier's form: `} else {`, `} else return x;`. */
function afterBrace(last: string, depth: number): Line | undefined {
  if (!last.startsWith('} ')) return undefined;
  const read = regularLine(last.slice(2), depth);
  if (read === undefined || depth * 2 + 2 + read.line.length > PRINT_WIDTH) return undefined;
  return { line: `} ${read.line}`, shape: `} ${read.shape}` };
}

/** An `if` block's last line: `}`, or `} else` with a statement on the line (`} else return;`). */
function ifCloser(last: string, depth: number): string | undefined {
  if (last === '}') return last;
  const read = afterBrace(last, depth);
  if (read === undefined || !read.shape.startsWith('} else ') || read.shape.endsWith('{'))
    return undefined;
  return isRegularMember(read, 'statements') ? read.line : undefined;
}

/** `} else {` or `} else if (…) {` in prettier's form, when the rules cover it. */
function chainLink(last: string, depth: number): string | undefined {
  const read = afterBrace(last, depth);
  if (read === undefined) return undefined;
  return read.shape === '} else {' || /^\} else if \(.*\) \{$/.test(read.shape)
    ? read.line
    : undefined;
}

// ─── Prettier for the rest ────────────────────────────────────────────────────────────────────

function collectIrregular(node: Node, into: Node[]): void {
  for (const comment of node.comments) if (typeof comment !== 'string') into.push(comment);
  if (!node.regular) {
    into.push(node);
    return;
  }
  for (const member of node.members ?? []) collectIrregular(member, into);
  for (const link of node.chain ?? [])
    for (const member of link.members) collectIrregular(member, into);
}

/**
 * Between how many characters go to prettier in one text. A batch ends after a part whose first
 * line hashes to a multiple of 8 (or at the most): where batches end depends on the parts around
 * the end, not on everything before, so after an edit the other batches are the same texts and
 * the format cache has them.
 */
const BATCH_MIN = 16 * 1024;
const BATCH_MAX = 128 * 1024;

/** Each irregular node's lines as prettier gives them at its depth. */
async function formatIrregular(
  path: string,
  nodes: Node[],
  format: Format,
  limit: number,
  unit: number,
): Promise<Map<Node, string[]>> {
  const result = new Map<Node, string[]>();
  if (nodes.length === 0) return result;
  const size = nodes.reduce((sum, node) => sum + node.lines.join('\n').length, 0);
  if (size > limit) {
    for (const node of nodes)
      result.set(
        node,
        node.lines.map((line) => printedLine(line, unit)),
      );
    return result;
  }
  // In batches: prettier's memory grows with its text, and a batch that did not change is found in
  // the format cache.
  const jobs: Promise<void>[] = [];
  let batch: Node[] = [];
  let batchSize = 0;
  const flush = () => {
    if (batch.length > 0) jobs.push(formatBatch(path, batch, format, result));
    batch = [];
    batchSize = 0;
  };
  for (const node of nodes) {
    batch.push(node);
    batchSize += node.lines.reduce((sum, line) => sum + line.length + 1, 0);
    if (
      batchSize >= BATCH_MAX ||
      (batchSize >= BATCH_MIN && (hash(node.lines[0] ?? '') >>> 13) % 8 === 0)
    )
      flush();
  }
  flush();
  await Promise.all(jobs);
  return result;
}

/** A string's FNV-1a hash. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The lines that put a node at its depth in its context, before and after it, and what stands in
 * for the statement a comment node precedes. The same for every node (no number), so that a part
 * that did not change is the same text in every run, for the caches.
 */
function wrappers(node: Node): { before: string[]; after: string[]; stand?: string } {
  const levels = (line: string) => Array.from({ length: Math.max(0, node.depth - 1) }, () => line);
  switch (node.context) {
    case 'module':
      return { before: ['// format-by-rules'], after: [], stand: 'type _ = 0;' };
    case 'type':
      return {
        before: ['interface FormatByRules {', ...levels('_: {')],
        after: [...levels('};'), '}'],
        stand: '_: 0;',
      };
    case 'statements':
      // A loop for `break` and `continue`, an async generator for `await` and `yield`.
      return {
        before: ['async function* formatByRules() {', ...levels('for (;;) {')],
        after: [...levels('}'), '}'],
        stand: '_;',
      };
    case 'class':
      // Class bodies are the module's (blockOf), so at depth 1.
      return { before: ['class FormatByRules {'], after: ['}'], stand: '_: 0;' };
  }
}

/** Formats `nodes` in one text, each in its wrappers; sets their lines in `result`. */
async function formatBatch(
  path: string,
  nodes: Node[],
  format: Format,
  result: Map<Node, string[]>,
): Promise<void> {
  const text = nodes
    .map((node) => {
      const { before, after, stand } = wrappers(node);
      return [...before, ...node.lines, ...(node.comment ? [stand!] : []), ...after].join('\n');
    })
    .join('\n');
  const lines = (await format(path, text)).trimEnd().split('\n');
  // Each node's text starts at its first wrapper line, at column 0.
  const starts: number[] = [];
  for (const node of nodes)
    starts.push(lines.indexOf(wrappers(node).before[0]!, (starts.at(-1) ?? -1) + 1));
  nodes.forEach((node, index) => {
    const start = starts[index]!;
    const end = index + 1 < nodes.length ? starts[index + 1]! : lines.length;
    const { before, after } = wrappers(node);
    if (
      start === -1 ||
      end - start < before.length + after.length ||
      (after.length > 0 && lines[end - 1] !== '}')
    )
      throw new NotPrinted();
    const own = lines.slice(start + before.length, end - after.length);
    result.set(node, node.comment ? own.slice(0, -1) : own);
  });
}

/** A printed line at 2 spaces a level, its plain strings in prettier's quotes. */
function printedLine(line: string, unit: number): string {
  const indent = indentOf(line);
  const code = line.trimStart();
  const level = Math.floor(indent / unit);
  return ' '.repeat(level * 2 + (indent % unit)) + (regularLine(code, 0, Infinity)?.line ?? code);
}

// ─── Writing ──────────────────────────────────────────────────────────────────────────────────

function writeNode(node: Node, formatted: Map<Node, string[]>, out: string[]): void {
  for (const comment of node.comments)
    if (typeof comment === 'string') out.push(comment);
    else out.push(...formatted.get(comment)!);
  const own = formatted.get(node);
  if (own !== undefined) {
    out.push(...own);
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
