/**
 * Reads printed TypeScript as a tree of lines by indentation: statements and members, and the
 * blocks holding them, each regular (the rules give prettier's text) or not (prettier's part).
 */
import { blockOf, chainLink, ifOnTwoLines, importOnLines, unionOnLines } from './blocks.ts';
import { isRegularMember, regularLine, type Line } from './lines.ts';
import { NotPrinted, type Context, type Node } from './types.ts';
import { pushAll } from '../../json.ts';

export const indentOf = (line: string): number => line.length - line.trimStart().length;

/**
 * `inPrettierForm`: top-level statements (their code lines, joined by `\n`) known to be in
 * prettier's form already; read as such, they are kept as they are.
 */
export function readNodes(
  text: string,
  unit: number,
  inPrettierForm?: ReadonlySet<string>,
): Node[] {
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
  const read = (
    depth: number,
    context: Context,
    offset = 0,
  ): { nodes: Node[]; trouble: boolean } => {
    const at = depth * unit + offset;
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
      if (indent < at) break;
      // Prettier keeps one blank line between two statements or members, none at a block's start.
      const comments: (string | Node)[] = blank && nodes.length > 0 ? [''] : [];
      if (blank && nodes.length === 0 && depth > 0) trouble = true;
      blank = false;
      if (indent !== at || /^[}\])]/.test(lines[i]!.trimStart())) {
        // A line deeper than its place, or a closer without its block: only prettier knows.
        trouble = true;
        nodes.push({ depth, context, comments, lines: [lines[i]!], regular: false });
        i++;
        continue;
      }
      while (i < lines.length && isCommentStart(lines[i]!.trimStart())) {
        if (indentOf(lines[i]!) !== at) trouble = true;
        const start = i;
        if (lines[i]!.trimStart().startsWith('/*')) {
          while (i < lines.length && !lines[i]!.includes('*/')) i++;
          if (i === lines.length || !lines[i]!.trimEnd().endsWith('*/')) throw new NotPrinted();
        }
        i++;
        const block = lines.slice(start, i);
        const formatted = commentLines(block, depth);
        if (formatted !== undefined) pushAll(comments, formatted);
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
      if (i === lines.length || isBlank(i) || indentOf(lines[i]!) !== at) {
        // Comments with no statement right after them: the file's header before a blank line;
        // anywhere else prettier may place them otherwise.
        if (depth > 0 || (i < lines.length && !isBlank(i))) trouble = true;
        nodes.push({ depth, context, comments, lines: [], regular: true });
        continue;
      }
      const node = readNode(depth, context, comments, offset);
      if (!node.regular && depth === 0 && inPrettierForm?.has(node.lines.join('\n')) === true)
        // Its lines are kept as they are: at depth 0 a regular node's lines carry no indentation.
        node.regular = true;
      nodes.push(node);
    }
    if (blank && depth > 0) trouble = true;
    return { nodes, trouble };
  };

  const readNode = (
    depth: number,
    context: Context,
    comments: (string | Node)[],
    offset: number,
  ): Node => {
    const start = i;
    const code = lines[i]!.trimStart();
    i++;
    const read0 = regularLine(code, depth) ?? longKeyOpener(code, depth, context);
    const opened = code.endsWith('{') && read0 !== undefined ? blockOf(read0, context) : undefined;
    // A block prettier lays out otherwise: it and the lines that continue it are prettier's.
    const irregular = (): Node => {
      skipContinuation(depth, '', offset);
      // Blank lines after it (read while looking for its end) are the next node's.
      while (i > start + 1 && isBlank(i - 1)) i--;
      return { depth, context, comments, lines: lines.slice(start, i), regular: false };
    };
    if (opened !== undefined) {
      // ts-morph writes a type literal that is a member's or an alias's type with a hanging
      // indent: its members 2 levels deeper than the line that opens it, its `}` 1 level.
      const inside = opened.holds === 'type' ? hangingOffset(depth, offset) : offset;
      // `}[] | null;`: prettier makes the type a union on lines of its own, the literal 2 levels
      // deeper (`key:` / `| {` / members / `}[]` / `| null;`); its members are read there.
      const head =
        opened.nullableArrayHead !== undefined &&
        closerAt(depth * unit + inside)?.trim() === '}[] | null;'
          ? opened.nullableArrayHead
          : undefined;
      const inner =
        head === undefined
          ? read(depth + 1, opened.holds, inside)
          : read(depth + 3, opened.holds, inside - 2 * unit);
      let trouble = inner.trouble;
      const chain: { line: string; members: Node[] }[] = [];
      for (;;) {
        const closing = lines[i];
        if (closing === undefined || indentOf(closing) !== depth * unit + inside)
          return irregular();
        const last = closing.trimStart();
        const link = opened.chains ? chainLink(last, depth) : undefined;
        if (link !== undefined) {
          i++;
          const more = read(depth + 1, 'statements', offset);
          trouble ||= more.trouble;
          chain.push({ line: link, members: more.nodes });
          continue;
        }
        const closer =
          head === undefined
            ? opened.closers(last, depth)
            : `    }[]\n${' '.repeat(depth * 2)}  | null;`;
        // An empty block is `{}` on its first line in prettier.
        if (closer === undefined || trouble || inner.nodes.length === 0) return irregular();
        i++;
        return {
          depth,
          context,
          comments,
          lines: head === undefined ? [read0!.line] : [head, '  | {'],
          members: inner.nodes,
          ...(chain.length > 0 ? { chain } : {}),
          closer,
          regular: true,
        };
      }
    }
    skipContinuation(depth, code, offset);
    if (i === start + 1 && read0 !== undefined && isRegularMember(read0, context))
      return { depth, context, comments, lines: [read0.line], regular: true };
    const split =
      i !== start + 1
        ? undefined
        : context === 'statements'
          ? ifOnTwoLines(code, depth)
          : (unionOnLines(code, depth, context) ??
            (context === 'module' ? importOnLines(code, depth) : undefined));
    return split !== undefined
      ? { depth, context, comments, lines: split, regular: true }
      : { depth, context, comments, lines: lines.slice(start, i), regular: false };
  };

  /** Moves past the lines of a statement after `last`: deeper ones, and closers at its depth. */
  const skipContinuation = (depth: number, last: string, offset: number): void => {
    while (i < lines.length && !last.endsWith(';') && !(depth === 0 && last === '}')) {
      const line = lines[i]!;
      const indent = indentOf(line);
      const code = line.trimStart();
      if (code === '' || indent < depth * unit + offset) break;
      if (indent === depth * unit + offset && !/^[}\])>|&,]/.test(code)) break;
      i++;
      if (indent === depth * unit + offset) last = code;
    }
  };

  /**
   * The offset of a type literal's members opened at `depth`: one level more than `offset` when
   * its first member is written with ts-morph's hanging indent, else `offset`.
   */
  const hangingOffset = (depth: number, offset: number): number => {
    let next = i;
    while (next < lines.length && isBlank(next)) next++;
    const hanging = unit === 2 && next < lines.length;
    return hanging && indentOf(lines[next]!) === (depth + 2) * unit + offset
      ? offset + unit
      : offset;
  };

  /** The first line after `i` indented `indent` or less, but blank ones: a block's last line. */
  const closerAt = (indent: number): string | undefined => {
    let next = i;
    while (next < lines.length && (isBlank(next) || indentOf(lines[next]!) > indent)) next++;
    return lines[next];
  };

  const { nodes, trouble } = read(0, 'module');
  if (trouble || i < lines.length) throw new NotPrinted();
  return nodes;
}

/**
 * A type member's first line too long for its line only because of its key (`'/repos/{owner}/…':
 * {`): prettier cannot break it and keeps it as written.
 */
function longKeyOpener(code: string, depth: number, context: Context): Line | undefined {
  if (context !== 'type' || !code.endsWith(': {')) return undefined;
  const read = regularLine(code, depth, Infinity);
  return read !== undefined && /^(?:readonly )?(?:''|[A-Za-z_$][\w$]*)\??: \{$/.test(read.shape)
    ? read
    : undefined;
}

/**
 * Whether `lines` close every bracket they open, outside strings, templates and comments: a part
 * for prettier must be whole, or the printed text was not laid out as the rules read it.
 */
export function balanced(lines: string[]): boolean {
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
