/**
 * Which printed lines prettier writes as they are, but for their indentation and quotes: a line's
 * tokens, its brackets, its operators and its width (see index.ts).
 */
import { PRETTIER_OPTIONS } from '../../prettier-options.ts';
import type { Context } from './types.ts';

export const PRINT_WIDTH = PRETTIER_OPTIONS.printWidth ?? 80;

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
export interface Line {
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
export function regularLine(code: string, depth: number, width = PRINT_WIDTH): Line | undefined {
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
export const KEY =
  /^(?:readonly )?(?:[A-Za-z_$][\w$]*|\d+|''|\[[A-Za-z_$][\w$]*: (?:string|number)\])\??: /;

/** Whether prettier prints `read` (a line that is not a block's first) as it is. */
export function isRegularMember({ line, shape }: Line, context: Context): boolean {
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
