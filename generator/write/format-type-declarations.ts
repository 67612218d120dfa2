/**
 * Gives type declarations as TypeScript's printer writes them (openapi-typescript's `astToString`:
 * 4-space indentation, double quotes, one member per line) prettier's final form without running
 * prettier over the whole file. On our spec prettier spent 165 ms of a 1.2 s run on
 * src/openapi.ts, the critical path of the run (issue 13), and on large specs it did not run at
 * all (write/render.ts FORMAT_LIMIT), so their src/openapi.ts kept the printer's layout.
 *
 * For the subset of TypeScript the printer writes there, prettier's output is the same text with
 * the indentation halved and string literals in single quotes: every member fits on its line, type
 * literals stay expanded (prettier keeps an object expanded when a line break follows its `{`),
 * and JSDoc lines are re-indented under their `/**`. So the text is read as a tree of lines
 * (a member, or an opener `name: {` with its members and a closer `}`/`};`), and each line the
 * rules cover exactly is rewritten by them. Every other member goes to prettier, with its own
 * members, at its depth: a line longer than the print width, a literal with an escape or a quote
 * in it, a parenthesized or function type, a closer such as `} | null;`, anything unexpected.
 * Whatever the rules are not sure of is prettier's, so the output is prettier's output;
 * test/generator/format-type-declarations.test.ts compares both on every kind of member, on
 * random specs, and test/corpus on every real spec.
 *
 * The members for prettier go in one text, each inside wrappers that put it at its own depth
 * (`interface W0 {` and `_: {` lines), so its line breaks are decided for the width it has there.
 * Over `limit` characters of them (write/render.ts FORMAT_LIMIT) they are not formatted but get
 * the indentation and quotes of the rest, the line breaks of the printer.
 */
import { PRETTIER_OPTIONS } from './format.ts';

/** Formats TypeScript text; a write/format-pool.ts Formatter's `format`. */
type Format = (path: string, text: string) => Promise<string>;

const PRINT_WIDTH = PRETTIER_OPTIONS.printWidth ?? 80;

/** A member or statement: its leading comment lines, its own lines, its members if an opener. */
interface Node {
  depth: number;
  /**
   * The comment lines before it in prettier's form ('' for a kept blank line), and the comments the
   * rules do not cover (a node with `comment: true`, for prettier).
   */
  comments: (string | Node)[];
  /** A comment the rules do not cover: `lines` are its lines as written. */
  comment?: true;
  /**
   * Irregular: its lines as the printer wrote them, from its first code line to its last.
   * Regular: its one line in prettier's form, without indentation.
   */
  lines: string[];
  /** For a regular `name: {` … `}`: the members between, else undefined. */
  members?: Node[];
  /** The closing line of a regular opener (`}` or `};`, without indentation). */
  closer?: string;
  /** Whether the rules give this node's lines exactly as prettier would. */
  regular: boolean;
}

/** Text the rules do not read as the printer's: the whole file goes to prettier. */
class NotPrinterOutput extends Error {}

/**
 * `text` (TypeScript printer output, `\n` line ends) in prettier's form for `path`. `limit`: the
 * most characters of members to give to prettier; beyond it they keep the printer's line breaks.
 */
export async function formatTypeDeclarations(
  path: string,
  text: string,
  format: Format,
  limit = Infinity,
): Promise<string> {
  let nodes: Node[];
  try {
    nodes = readNodes(text);
  } catch (error) {
    if (!(error instanceof NotPrinterOutput)) throw error;
    return text.length > limit ? text : format(path, text);
  }
  const irregular: Node[] = [];
  for (const node of nodes) collectIrregular(node, irregular);
  const formatted = await formatIrregular(path, irregular, format, limit);
  const out: string[] = [];
  for (const node of nodes) writeNode(node, formatted, out);
  return `${out.join('\n')}\n`;
}

// ─── Reading the printer's text ───────────────────────────────────────────────────────────────

/** The printer indents by 4 spaces; a JSDoc line has one more before its `*`. */
const indentOf = (line: string): number => line.length - line.trimStart().length;

function readNodes(text: string): Node[] {
  // The printer indents with spaces; a tab can only be inside a comment or a string.
  if (text.includes('\r') || /^ *\t/m.test(text)) throw new NotPrinterOutput();
  const lines = text.split('\n');
  const isBlank = (index: number) => lines[index]!.trim() === '';
  let i = 0;

  /** Members (or statements) at `depth` until a line indented less; blank lines are theirs. */
  const read = (depth: number): { nodes: Node[]; blankInside: boolean } => {
    const nodes: Node[] = [];
    let blank = false;
    let blankInside = false;
    while (i < lines.length) {
      if (isBlank(i)) {
        blank = true;
        i++;
        continue;
      }
      if (indentOf(lines[i]!) < depth * 4) break;
      // Prettier keeps one blank line between two statements; the printer writes none inside.
      const comments: (string | Node)[] = blank && depth === 0 && nodes.length > 0 ? [''] : [];
      if (blank && depth > 0) blankInside = true;
      blank = false;
      while (i < lines.length && isCommentStart(lines[i]!.trimStart())) {
        const start = i;
        if (lines[i]!.trimStart().startsWith('/*')) {
          while (i < lines.length && !lines[i]!.includes('*/')) i++;
          if (i === lines.length || !lines[i]!.trimEnd().endsWith('*/'))
            throw new NotPrinterOutput();
        }
        i++;
        const block = lines.slice(start, i);
        const formatted = commentLines(block, depth);
        if (formatted !== undefined) comments.push(...formatted);
        else comments.push({ depth, comments: [], lines: block, comment: true, regular: false });
      }
      if (i === lines.length || isBlank(i) || indentOf(lines[i]!) !== depth * 4) {
        // A comment with no statement after it: the file's header, before a blank line.
        if (depth > 0 || (i < lines.length && !isBlank(i))) throw new NotPrinterOutput();
        nodes.push({ depth, comments, lines: [], regular: true });
        continue;
      }
      nodes.push(readNode(depth, comments));
    }
    if (blank && depth > 0) blankInside = true;
    return { nodes, blankInside };
  };

  const readNode = (depth: number, comments: (string | Node)[]): Node => {
    const start = i;
    const code = lines[i]!.trimStart();
    i++;
    const converted = regularCode(code);
    const closers =
      code.endsWith('{') && converted !== undefined ? regularClosers(converted, depth) : [];
    if (closers.length > 0) {
      const { nodes: members, blankInside } = read(depth + 1);
      const closing = lines[i];
      if (
        !blankInside &&
        closing !== undefined &&
        indentOf(closing) === depth * 4 &&
        closers.includes(closing.trimStart())
      ) {
        i++;
        return {
          depth,
          comments,
          lines: [converted!.line],
          members,
          closer: closing.trimStart(),
          regular: true,
        };
      }
      // `}[] | null;`, `})[];` and the like: the whole member is prettier's.
      skipContinuation(depth, '');
      return { depth, comments, lines: lines.slice(start, i), regular: false };
    }
    skipContinuation(depth, code);
    return i === start + 1 && converted !== undefined && isRegularMember(converted, depth)
      ? { depth, comments, lines: [converted.line], regular: true }
      : { depth, comments, lines: lines.slice(start, i), regular: false };
  };

  /** Moves past the lines of a member after `last`: deeper ones, and closers at its depth. */
  const skipContinuation = (depth: number, last: string): void => {
    while (i < lines.length && !last.endsWith(';') && !(depth === 0 && last === '}')) {
      const line = lines[i]!;
      const indent = indentOf(line);
      const code = line.trimStart();
      if (code === '' || indent < depth * 4) break;
      if (indent === depth * 4 && !/^[}\])>|&,]/.test(code)) break;
      i++;
      if (indent === depth * 4) last = code;
    }
  };

  const { nodes } = read(0);
  if (i < lines.length) throw new NotPrinterOutput();
  return nodes;
}

const isCommentStart = (code: string): boolean => code.startsWith('/*') || code.startsWith('//');

/**
 * A comment's lines as prettier prints them at `depth`: a block comment whose lines all start
 * with `*` (JSDoc) re-indented under its `/*` with each inner line trimmed; any other comment as
 * written after its first line (prettier's printComment). Undefined for a JSDoc line that ends in
 * spaces or tabs, whose ends prettier trims by rules of its own: prettier gets those.
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
 * Tokens of a line the rules cover: identifiers and keywords, double-quoted strings of printable
 * ASCII without a quote or a backslash, plain numbers (no exponent, no trailing zero after a
 * point), the punctuation of type references, unions, intersections, arrays, indexed access and
 * index signatures, single spaces. No parenthesis (prettier drops those it does not need), no
 * comment, no template, no other character.
 */
const TOKEN =
  /[A-Za-z_$][\w$]*|"[ !#-&(-[\]-~]*"|-?(?:0|[1-9]\d*)(?:\.\d*[1-9])?(?![\w.])|[{}[\]<>,|&:;?=.]| /y;

/**
 * The line with its string literals in single quotes, and its shape (each literal as `''`, for
 * the checks below), or undefined when the rules do not cover the line.
 */
function regularCode(code: string): { line: string; shape: string } | undefined {
  let line = '';
  let shape = '';
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < code.length) {
    const start = TOKEN.lastIndex;
    const match = TOKEN.exec(code);
    if (match === null) return undefined;
    const token = match[0];
    if (token === ' ' && (start === 0 || code[start - 1] === ' ')) return undefined;
    const quoted = token.startsWith('"');
    line += quoted ? `'${token.slice(1, -1)}'` : token;
    shape += quoted ? (/^"[A-Za-z_$][\w$]*"$/.test(token) ? "'name'" : "''") : token;
  }
  if (line.endsWith(' ')) return undefined;
  return { line, shape };
}

/**
 * Keys the rules keep as written: an identifier, a number, a string prettier must keep quoted
 * (one that is an identifier name, `'name'` in the shape, prettier unquotes), an index signature.
 */
const KEY =
  /^(?:readonly )?(?:[A-Za-z_$][\w$]*|\d+|''|\[[A-Za-z_$][\w$]*: (?:string|number)\])\??: /;

function isRegularMember(read: { line: string; shape: string }, depth: number): boolean {
  if (depth * 2 + read.line.length > PRINT_WIDTH) return false;
  const { shape } = read;
  // `{` only in `{}` (an empty type literal), as prettier prints it.
  if (!shape.endsWith(';') || /\{(?!\})/.test(shape)) return false;
  if (depth === 0) return /^export type [A-Za-z_$][\w$]* = /.test(shape);
  return KEY.test(shape);
}

/** A type reference (`Name`, `components['schemas']['Name']`) in a line's shape. */
const REFERENCE = String.raw`[A-Za-z_$][\w$]*(?:\[(?:''|'name')\])*`;
const OBJECT_OPENER = new RegExp(String.raw`^[^{]*: \{$`);
const INTERSECTION_OPENER = new RegExp(String.raw`^[^{]*: ${REFERENCE} & \{$`);

/**
 * The closing lines with which the opener `code` (a line ending in `{`) keeps prettier's layout,
 * empty when it is not an opener the rules cover. Prettier keeps `name: {`, `name: Ref & {` (one
 * type before the object; with two it breaks the line) and `export interface Name {` expanded as
 * the printer wrote them, and a type literal's `[]` or `| null` after its `}` (it breaks `[] | null`,
 * and `| null` after an intersection).
 */
function regularClosers(read: { line: string; shape: string }, depth: number): string[] {
  if (depth * 2 + read.line.length > PRINT_WIDTH) return [];
  const { shape } = read;
  if (depth === 0) {
    if (/^export interface [A-Za-z_$][\w$]* \{$/.test(shape)) return ['}'];
    return /^export type [A-Za-z_$][\w$]* = \{$/.test(shape) ? ['};'] : [];
  }
  if (!KEY.test(shape)) return [];
  if (OBJECT_OPENER.test(shape)) return ['};', '}[];', '} | null;'];
  return INTERSECTION_OPENER.test(shape) ? ['};'] : [];
}

// ─── Prettier for the rest ────────────────────────────────────────────────────────────────────

function collectIrregular(node: Node, into: Node[]): void {
  for (const comment of node.comments) if (typeof comment !== 'string') into.push(comment);
  if (!node.regular) into.push(node);
  else for (const member of node.members ?? []) collectIrregular(member, into);
}

/** Each irregular node's lines as prettier gives them at its depth. */
async function formatIrregular(
  path: string,
  nodes: Node[],
  format: Format,
  limit: number,
): Promise<Map<Node, string[]>> {
  const result = new Map<Node, string[]>();
  const size = nodes.reduce((sum, node) => sum + node.lines.join('\n').length, 0);
  if (nodes.length === 0) return result;
  if (size > limit) {
    for (const node of nodes) result.set(node, node.lines.map(printerLine));
    return result;
  }
  // Statements (depth 0) each on their own; members in wrappers that place them at their depth,
  // in batches: prettier's memory grows with its text, and a batch that did not change is found
  // in the format cache.
  const jobs: Promise<void>[] = [];
  let batch: Node[] = [];
  let batchSize = 0;
  const flush = () => {
    if (batch.length > 0) jobs.push(formatMembers(path, batch, format, result));
    batch = [];
    batchSize = 0;
  };
  for (const node of nodes) {
    if (node.depth === 0) {
      // A comment before a statement that only marks its place, left out again.
      const text = [...node.lines, ...(node.comment ? ['type _ = 0;'] : [])].join('\n');
      jobs.push(
        format(path, text).then((formatted) => {
          const lines = formatted.trimEnd().split('\n');
          result.set(node, node.comment ? lines.slice(0, -1) : lines);
        }),
      );
      continue;
    }
    batch.push(node);
    batchSize += node.lines.reduce((sum, line) => sum + line.length + 1, 0);
    if (batchSize >= BATCH_SIZE) flush();
  }
  flush();
  await Promise.all(jobs);
  return result;
}

/** About how many characters of members go to prettier in one text. */
const BATCH_SIZE = 64 * 1024;

/** Formats `members` in one text, each in wrappers that put it at its depth; sets their lines. */
async function formatMembers(
  path: string,
  members: Node[],
  format: Format,
  result: Map<Node, string[]>,
): Promise<void> {
  const wrapped = members.map((node, index) =>
    [
      `interface W${index} {`,
      ...Array.from({ length: node.depth - 1 }, () => '_: {'),
      ...node.lines,
      // A comment before a member that only marks its place, left out again.
      ...(node.comment ? ['_: 0;'] : []),
      ...Array.from({ length: node.depth - 1 }, () => '};'),
      '}',
    ].join('\n'),
  );
  const lines = (await format(path, wrapped.join('\n'))).trimEnd().split('\n');
  let at = 0;
  members.forEach((node, index) => {
    const end = lines.indexOf('}', at);
    if (lines[at] !== `interface W${index} {` || end === -1)
      throw new Error(`prettier moved the wrapper of a member of ${path}: ${String(lines[at])}`);
    result.set(node, lines.slice(at + node.depth, end - node.depth + (node.comment ? 0 : 1)));
    at = end + 1;
  });
}

/** A line of the printer at half its indentation, its plain strings in single quotes. */
function printerLine(line: string): string {
  const indent = indentOf(line);
  const code = line.trimStart();
  return (
    ' '.repeat(indent % 4 === 1 ? (indent - 1) / 2 + 1 : indent / 2) +
    (regularCode(code)?.line ?? code)
  );
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
  // A regular node's one line is already in prettier's form, without its indentation.
  for (const line of node.lines) out.push(indent + line);
  for (const member of node.members ?? []) writeNode(member, formatted, out);
  if (node.closer !== undefined) out.push(indent + node.closer);
}
