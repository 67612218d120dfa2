/** Which blocks keep their printed layout in prettier: their first lines and their last. */
import type { Context } from './types.ts';
import { isRegularMember, KEY, PRINT_WIDTH, regularLine, type Line } from './lines.ts';

/** A block's first line: what it holds, the last lines it may have, whether `} else` may follow. */
export interface Opener {
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

export function blockOf({ shape }: Line, context: Context): Opener | undefined {
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
export function chainLink(last: string, depth: number): string | undefined {
  const read = afterBrace(last, depth);
  if (read === undefined) return undefined;
  return read.shape === '} else {' || /^\} else if \(.*\) \{$/.test(read.shape)
    ? read.line
    : undefined;
}
