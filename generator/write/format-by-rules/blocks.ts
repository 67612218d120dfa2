/** Which blocks keep their printed layout in prettier: their first lines and their last. */
import type { Context } from './types.ts';
import { isRegularMember, KEY, PRINT_WIDTH, regularLine, type Line } from './lines.ts';

/** A block's first line: what it holds, the last lines it may have, whether `} else` may follow. */
export interface Opener {
  holds: Context;
  /** The block's last line in prettier's form, or undefined when prettier lays it out otherwise. */
  closers: (last: string, depth: number) => string | undefined;
  chains: boolean;
  /**
   * For a type literal that is a member's or an alias's type: the line before it when prettier
   * breaks the type as a union (`key:`, `export type A =`), as it does for `{ … }[] | null`.
   */
  nullableArrayHead?: string;
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
 * prettier breaks, nor `| null` after an intersection), a type alias's too.
 */
const INTERFACE_OPENER = new RegExp(
  String.raw`^(?:export )?(?:declare )?interface ${NAME}(?: extends [^{]*)? \{$`,
);
const TYPE_OPENER = new RegExp(String.raw`^(?:export )?type ${NAME} = \{$`);
const CLASS_OPENER = new RegExp(
  String.raw`^(?:export )?(?:abstract )?class ${NAME}(?: extends [^{]*)?(?: implements [^{]*)? \{$`,
);
/** A parameter list: no braces but empty ones (`options: Options = {}`). */
const PARAMS = String.raw`(?:[^{]|\{\})*`;
const FUNCTION_OPENER = new RegExp(
  String.raw`^(?:export )?(?:async )?function ${NAME}(?:<[^{]*>)?\(${PARAMS}\)(?:: [^{]*)? \{$`,
);
const METHOD_OPENER = new RegExp(
  String.raw`^(?:(?:public|private|protected) )?(?:static )?(?:async )?(?:(?:get|set) )?${NAME}(?:<[^{]*>)?\(${PARAMS}\)(?:: [^{]*)? \{$`,
);
const OBJECT_MEMBER_OPENER = /^[^{]*: \{$/;
const INTERSECTION_MEMBER_OPENER = new RegExp(String.raw`^[^{]*: ${REFERENCE} & \{$`);

/** A type literal that is an alias's or a member's type, opened by `line` (`… {`). */
const typeLiteralOf = (line: string): Opener => ({
  holds: 'type',
  closers: exactly('};', '}[];', '} | null;'),
  chains: false,
  nullableArrayHead: line.slice(0, -' {'.length),
});

export function blockOf({ line, shape }: Line, context: Context): Opener | undefined {
  const statements: Opener = { holds: 'statements', closers: exactly('}'), chains: false };
  switch (context) {
    case 'module':
      if (INTERFACE_OPENER.test(shape))
        return { holds: 'type', closers: exactly('}'), chains: false };
      if (TYPE_OPENER.test(shape)) return typeLiteralOf(line);
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
      if (OBJECT_MEMBER_OPENER.test(shape)) return typeLiteralOf(line);
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

/**
 * An `if` block's last line: `}`, or `} else` with a statement on the line (`} else return;`),
 * which prettier breaks after the condition when it is too long (see {@link ifOnTwoLines}).
 */
function ifCloser(last: string, depth: number): string | undefined {
  if (last === '}') return last;
  const read = afterBrace(last, depth);
  if (read === undefined) {
    const split = last.startsWith('} else if (') ? ifOnTwoLines(last, depth) : undefined;
    return split === undefined ? undefined : `${split[0]}\n${' '.repeat(depth * 2)}${split[1]}`;
  }
  if (!read.shape.startsWith('} else ') || read.shape.endsWith('{')) return undefined;
  return isRegularMember(read, 'statements') ? read.line : undefined;
}

/**
 * `if (condition) statement;` (or `} else if …`) too long for its line, as prettier writes it
 * when the condition fits on the first line and the statement on the next, 2 spaces deeper: the
 * two lines (the second with those 2 spaces), or undefined when that is not how prettier breaks it.
 */
export function ifOnTwoLines(code: string, depth: number): [string, string] | undefined {
  const start = code.startsWith('if (') ? 3 : code.startsWith('} else if (') ? 10 : -1;
  if (start === -1) return undefined;
  const end = closingParenthesis(code, start);
  if (end === undefined || code[end + 1] !== ' ') return undefined;
  const head = code.slice(0, end + 1);
  const tail = code.slice(end + 2);
  if (tail.startsWith('{') || !tail.endsWith(';')) return undefined;
  const first = start === 3 ? regularLine(head, depth) : afterBrace(head, depth);
  const second = regularLine(tail, depth + 1);
  if (first === undefined || second === undefined || !isRegularMember(second, 'statements'))
    return undefined;
  // On one line it would fit: prettier keeps it there (the rules did not cover it for another
  // reason, which holds for the two lines too).
  if (depth * 2 + first.line.length + 1 + second.line.length <= PRINT_WIDTH) return undefined;
  return [first.line, `  ${second.line}`];
}

/** A member of a union the rules break: a string literal, a name or keyword, a number. */
const UNION_MEMBER = String.raw`(?:''|'name'|[A-Za-z_$][\w$]*|-?\d+(?:\.\d+)?)`;
const UNION = new RegExp(String.raw`^${UNION_MEMBER}(?: \| ${UNION_MEMBER})+;$`);
const ALIAS_HEAD = new RegExp(String.raw`^(?:export )?type ${NAME} = `);

/**
 * A type alias (`export type A = 'x' | 'y' | …;`) or a member (`kind?: 'x' | 'y' | …;`) whose
 * union of literals and names does not fit on its line, as prettier breaks it: the head on a line
 * of its own (`export type A =`, `kind?:`), then the union 2 spaces deeper on one line when it
 * fits there, else each member on a line of its own after `| `, the last with the `;`. Undefined
 * for any other line.
 */
export function unionOnLines(code: string, depth: number, context: Context): string[] | undefined {
  if (context !== 'type' && context !== 'module') return undefined;
  const read = regularLine(code, depth, Infinity);
  if (read === undefined || depth * 2 + read.line.length <= PRINT_WIDTH) return undefined;
  const head = (context === 'type' ? KEY : ALIAS_HEAD).exec(read.shape)?.[0];
  if (head === undefined || head.startsWith('[') || !UNION.test(read.shape.slice(head.length)))
    return undefined;
  // The same cuts in the line itself (its strings in full): after the head's first `: ` or ` = `,
  // and at each ` | ` outside quotes.
  const parts: string[] = [];
  let start = 0;
  let quote = '';
  let headEnd = -1;
  const { line } = read;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote !== '') {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === "'" || c === '"') quote = c;
    else if (headEnd === -1 && (line.startsWith(': ', i) || line.startsWith(' = ', i))) {
      headEnd = i + (c === ':' ? 1 : 2);
      start = headEnd + 1;
    } else if (headEnd !== -1 && line.startsWith(' | ', i)) {
      parts.push(line.slice(start, i));
      start = i + 3;
    }
  }
  parts.push(line.slice(start));
  if (headEnd === -1) return undefined;
  // The union on the next line, when it fits there; else a member a line.
  const union = line.slice(headEnd + 1);
  if (depth * 2 + 2 + union.length <= PRINT_WIDTH) return [line.slice(0, headEnd), `  ${union}`];
  return [line.slice(0, headEnd), ...parts.map((part) => `  | ${part}`)];
}

const IMPORT_NAME = String.raw`(?:type )?${NAME}(?: as ${NAME})?`;
const NAMED_IMPORT = new RegExp(
  String.raw`^((?:import|export)(?: type)? \{) (${IMPORT_NAME}(?:, ${IMPORT_NAME})*) (\} from (?:''|'name');)$`,
);

/**
 * `import { a, b } from './x.js';` (or `import type`, `export { … } from`) too long for its line,
 * as prettier breaks it: a name a line, each with a comma. Undefined for any other line, and for
 * one name (prettier keeps it on its line).
 */
export function importOnLines(code: string, depth: number): string[] | undefined {
  if (depth !== 0) return undefined;
  const read = regularLine(code, depth, Infinity);
  if (read === undefined || read.line.length <= PRINT_WIDTH) return undefined;
  const match = NAMED_IMPORT.exec(read.shape);
  if (match === null || !match[2]!.includes(', ')) return undefined;
  // Names have no quotes: the shape and the line agree up to the source's string.
  const names = match[2]!.split(', ');
  const from = read.line.slice(match[1]!.length + 1 + match[2]!.length + 1);
  return [match[1]!, ...names.map((name) => `  ${name},`), from];
}

/** The index of the `)` closing the `(` at `open`, outside string literals; undefined if none. */
function closingParenthesis(code: string, open: number): number | undefined {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    const c = code[i];
    if (c === '"' || c === "'") {
      for (i++; i < code.length && code[i] !== c; i++) if (code[i] === '\\') i++;
    } else if (c === '`') return undefined;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return undefined;
}

/** `} else {` or `} else if (…) {` in prettier's form, when the rules cover it. */
export function chainLink(last: string, depth: number): string | undefined {
  const read = afterBrace(last, depth);
  if (read === undefined) return undefined;
  return read.shape === '} else {' || /^\} else if \(.*\) \{$/.test(read.shape)
    ? read.line
    : undefined;
}
