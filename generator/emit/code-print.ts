/**
 * Prints the TypeScript of the README's and the docs' examples the way prettier prints it
 * (single quotes, `{ a: 1 }`, 100 columns, trailing commas), so that the README needs no prettier
 * pass (it took seconds on GitHub's 1,000 operations) and prettier would leave it unchanged.
 *
 * Values are {@link Code}: raw code (a literal or a name) or object and array literals, which are
 * printed on one line when they fit and broken one entry per line when they do not, the way
 * prettier's groups break: the outermost first, each level again as far as needed. Two of
 * prettier's rules are kept as well: an array of two or more objects (or arrays) with more than
 * one entry each always breaks, and an array of numbers fills its lines.
 *
 * It is also the one place where a JSON value of the spec (an example, a default, an enum or
 * const value) becomes code ({@link valueCode}, {@link jsonCode}), for the README, the docs'
 * samples and the testing kit alike: evaluated, the literal is the spec's value (see
 * {@link numberCode} for the numbers no literal can hold).
 */
import { quotedString } from '../escape.ts';
import { literalKey, stringLiteral } from '../model/names.ts';
import type { JsonValue } from '../model/schema-types.ts';
import { binarySampleName } from './schema-sample.ts';

/** prettier's `printWidth` for the generated code (prettier-options.ts). */
export const WIDTH = 100;

export type Code = string | ObjectCode | ArrayCode;

export interface ObjectCode {
  kind: 'object';
  entries: [key: string, value: Code][];
}

export interface ArrayCode {
  kind: 'array';
  items: Code[];
}

export function objectCode(entries: readonly [string, Code][]): ObjectCode {
  return { kind: 'object', entries: [...entries] };
}

/**
 * A JSON value of a request sample as code: {@link valueCode}, with a file part's sample name
 * (schema-sample.ts) as a Blob.
 */
export function jsonCode(value: JsonValue): Code {
  const binary = binarySampleName(value);
  // A file in a request: the SDK's and openapi-fetch's types take a Blob (a File is one).
  if (binary !== undefined) return `new Blob([${quoted(binary)}])`;
  if (value === null || typeof value !== 'object') return valueCode(value);
  if (Array.isArray(value)) return { kind: 'array', items: value.map(jsonCode) };
  return objectCode(Object.entries(value).map(([key, inner]) => [key, jsonCode(inner)]));
}

/**
 * A JSON value as code that evaluates to it: strings quoted, numbers by {@link numberCode},
 * objects and arrays as literals whose keys are own properties (a `__proto__` key is computed).
 */
export function valueCode(value: JsonValue): Code {
  if (typeof value === 'string') return quoted(value);
  if (typeof value === 'number') return numberCode(value);
  if (value === null || typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return { kind: 'array', items: value.map(valueCode) };
  return objectCode(Object.entries(value).map(([key, inner]) => [key, valueCode(inner)]));
}

/** A JSON value as code on one line (`{ a: 1 }`), for code that prettier formats afterwards. */
export function valueText(value: JsonValue): string {
  return flat(valueCode(value));
}

/**
 * A number as a literal that evaluates to it, as prettier prints it: {@link numberText}, and
 * beyond 2^53 a comment that says the spec's digits may have named another number.
 */
function numberCode(value: number): string {
  const text = numberText(value);
  return isRounded(value) ? `${text} ${ROUNDED}` : text;
}

/**
 * A number as JSON and as JavaScript read it back: `-0` keeps its sign (String drops it),
 * exponents without `+` (`1e21`, as prettier prints them). JSON allows any integer, a JavaScript
 * number holds them exactly only up to 2^53; above, the spec's digits may already have been
 * rounded when the spec was read, so the text gives the number JavaScript holds, digit for digit
 * (not String's `12345678901234567000`, whose zeros claim digits the number does not have).
 */
export function numberText(value: number): string {
  // JSON has no NaN or Infinity; nothing else reaches here.
  if (!Number.isFinite(value)) return 'null';
  if (Object.is(value, -0)) return '-0';
  const text = String(value).replace('e+', 'e');
  if (!isRounded(value) || text.includes('e')) return text;
  return BigInt(value).toString();
}

/** An integer beyond 2^53: the spec may have written other digits for it. */
function isRounded(value: number): boolean {
  return Number.isInteger(value) && !Number.isSafeInteger(value);
}

/**
 * A JSON value as JSON text on one line (`{"a":-0}`), numbers by {@link numberText}: for the
 * curl samples' JSON, the TSDoc's `@defaultValue` and the guards' messages. `spaced`: a space
 * after each `:` and `,` (`{"a": -0, "b": 1}`).
 */
export function jsonText(value: JsonValue, spaced = false): string {
  if (typeof value === 'number') return numberText(value);
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const colon = spaced ? ': ' : ':';
  const comma = spaced ? ', ' : ',';
  if (Array.isArray(value)) return `[${value.map((item) => jsonText(item, spaced)).join(comma)}]`;
  const entries = Object.entries(value).map(
    ([key, item]) => `${JSON.stringify(key)}${colon}${jsonText(item, spaced)}`,
  );
  return `{${entries.join(comma)}}`;
}

const ROUNDED = '/* beyond 2^53: the nearest JavaScript number */';

/** The code on one line: `{ a: 1, b: [1, 2] }`. */
function flat(code: Code): string {
  if (typeof code === 'string') return code;
  if (code.kind === 'array') return `[${code.items.map(flat).join(', ')}]`;
  return code.entries.length === 0
    ? '{}'
    : `{ ${code.entries.map(([key, value]) => entryText(key, flat(value))).join(', ')} }`;
}

/**
 * The code with its first line starting at column `indent` + whatever precedes it, where `room`
 * columns are left for the first line (the rest of the line after it included, e.g. a comma).
 */
function printCode(code: Code, indent: number, room: number): string {
  if (typeof code === 'string') return code;
  const line = flat(code);
  if (!forcesBreak(code) && line.length <= room && !line.includes('\n')) return line;
  return expanded(code, indent);
}

/**
 * An object literal broken one entry per line whatever its width, as prettier keeps one written
 * that way (`const x = {` + entries + `}`), its entries at `indent + 2`: the testing kit's
 * definitions.
 */
export function expandedObject(code: ObjectCode, indent = 0): string {
  return expanded(code, indent);
}

/** An object or array literal broken one entry per line, its entries printed at `indent + 2`. */
function expanded(code: ObjectCode | ArrayCode, indent: number): string {
  const pad = ' '.repeat(indent + 2);
  const room = WIDTH - indent - 2;
  if (code.kind === 'array') {
    if (code.items.length === 0) return '[]';
    if (isNumberArray(code))
      return `[\n${fill(code.items as string[], pad, room)}\n${' '.repeat(indent)}]`;
    const items = code.items.map((item) => `${pad}${printCode(item, indent + 2, room - 1)},`);
    return `[\n${items.join('\n')}\n${' '.repeat(indent)}]`;
  }
  if (code.entries.length === 0) return '{}';
  return `{\n${entryLines(code, indent + 2)}\n${' '.repeat(indent)}}`;
}

/** The entries of an object literal, one per line at `indent`, each with a trailing comma. */
function entryLines(code: ObjectCode, indent: number): string {
  const pad = ' '.repeat(indent);
  return code.entries
    .map(([key, value]) => {
      if (isSpread(key)) return `${pad}${key},`;
      const printedKey = quotedKey(key);
      const room = WIDTH - indent - printedKey.length - 3;
      // prettier moves a string that does not fit to the next line, unless the key is shorter
      // than 5 columns (too little to gain).
      if (isStringLiteral(value) && value.length > room && printedKey.length >= SHORT_KEY)
        return `${pad}${printedKey}:\n${pad}  ${value},`;
      return `${pad}${printedKey}: ${printCode(value, indent, room)},`;
    })
    .join('\n');
}

/** prettier's tab width (2) plus the overlap it wants before it breaks after a key (3). */
const SHORT_KEY = 5;

function isObjectLiteral(code: Code): boolean {
  return typeof code === 'string' ? code.startsWith('{') : code.kind === 'object';
}

function isStringLiteral(code: Code): code is string {
  return typeof code === 'string' && /^['"]/.test(code);
}

/** prettier breaks an array of two or more objects (or arrays) with more than one entry each. */
function forcesBreak(code: Code): boolean {
  if (typeof code === 'string') return false;
  if (code.kind === 'object') return code.entries.some(([, value]) => forcesBreak(value));
  const [first] = code.items;
  const sameKind =
    code.items.length > 1 &&
    typeof first !== 'string' &&
    first !== undefined &&
    code.items.every(
      (item) =>
        typeof item !== 'string' &&
        item.kind === first.kind &&
        (item.kind === 'object' ? item.entries.length : item.items.length) > 1,
    );
  return sameKind || code.items.some(forcesBreak);
}

function isNumberArray(code: ArrayCode): boolean {
  return (
    code.items.length > 1 &&
    code.items.every((item) => typeof item === 'string' && /^-?\d/.test(item))
  );
}

/** Numbers as prettier fills them: as many to a line as fit, each line ending in a comma. */
function fill(items: readonly string[], pad: string, room: number): string {
  const lines: string[] = [];
  let current = '';
  for (const item of items) {
    const next = current === '' ? item : `${current}, ${item}`;
    if (current !== '' && next.length + 1 > room) {
      lines.push(`${pad}${current},`);
      current = item;
    } else current = next;
  }
  lines.push(`${pad}${current},`);
  return lines.join('\n');
}

/**
 * `prefix callee(args)suffix` on one line when it fits, else the way prettier breaks a call.
 * `indent`: the columns the caller will indent the statement by.
 */
export function statement(
  prefix: string,
  callee: string,
  args: readonly Code[],
  suffix: string,
  indent = 0,
): string {
  const width = WIDTH - indent;
  const oneLine = `${prefix}${callee}(${args.map(flat).join(', ')})${suffix}`;
  if (oneLine.length <= width && !oneLine.includes('\n') && !args.some(forcesBreak)) return oneLine;
  // `const x = await f(…)` moves the right-hand side to the next line when the call has at most
  // one short argument (nothing to break inside), or when not even `const x = await f(` fits.
  const assignment = /^((?:const|let|var) [^=]+ =) (.*)$/.exec(prefix);
  if (assignment !== null) {
    const poorlyBreakable = args.length === 0 || (args.length === 1 && isShortArgument(args[0]!));
    if (poorlyBreakable || `${prefix}${callee}(`.length > width) {
      const right = statement(assignment[2]!, callee, args, suffix, indent + 2);
      return `${assignment[1]!}\n${right
        .split('\n')
        .map((line) => `  ${line}`)
        .join('\n')}`;
    }
  }
  const last = args[args.length - 1];
  const penultimate = args[args.length - 2];
  const others = args.slice(0, -1);
  // A last argument that is an object literal hugs the parentheses: `f('a', {` … `});`, unless
  // the one before it is an object literal too (prettier's rule).
  const hugs =
    last !== undefined &&
    typeof last !== 'string' &&
    last.kind === 'object' &&
    last.entries.length > 0 &&
    !(penultimate !== undefined && isObjectLiteral(penultimate));
  if (hugs && others.every((arg) => !forcesBreak(arg))) {
    const head = `${prefix}${callee}(${[...others.map(flat), ''].join(', ')}{`;
    if (head.length <= width && !head.includes('\n'))
      return `${head}\n${entryLines(last, 2)}\n})${suffix}`;
  }
  const lines = args.map((arg) => `  ${printCode(arg, 2, width - 3)},`);
  return `${prefix}${callee}(\n${lines.join('\n')}\n)${suffix}`;
}

/** An argument prettier calls short: a literal or a name of at most a quarter of the line. */
function isShortArgument(arg: Code): boolean {
  if (typeof arg !== 'string') return flat(arg) === '{}' || flat(arg) === '[]';
  if (/^['"]/.test(arg) || /^[A-Za-z_$][\w$]*$/.test(arg)) return arg.length <= WIDTH / 4;
  return /^-?\d[\d_.]*$/.test(arg) || ['true', 'false', 'null', '{}', '[]'].includes(arg);
}

/** `import { a, b } from 'x';`, or one name per line when that does not fit (prettier's way; one name never breaks). */
export function importStatement(names: readonly string[], from: string, typeOnly = false): string {
  const head = typeOnly ? 'import type' : 'import';
  const oneLine = `${head} { ${names.join(', ')} } from ${quoted(from)};`;
  if (oneLine.length <= WIDTH || names.length === 1) return oneLine;
  return `${head} {\n${names.map((name) => `  ${name},`).join('\n')}\n} from ${quoted(from)};`;
}

/** A string literal as prettier prints it: single quotes unless the text has more of them than double ones. */
export function quoted(value: string): string {
  const singles = (value.match(/'/g) ?? []).length;
  const doubles = (value.match(/"/g) ?? []).length;
  return quotedString(value, singles > doubles ? '"' : "'");
}

/** An entry of an object literal; a key written `...name` is a spread (its value is ignored). */
function entryText(key: string, value: string): string {
  return isSpread(key) ? key : `${quotedKey(key)}: ${value}`;
}

function isSpread(key: string): boolean {
  return key.startsWith('...');
}

/** A key as `literalKey` prints it (`__proto__` computed), with prettier's quotes. */
function quotedKey(key: string): string {
  const printed = literalKey(key);
  return printed.includes('"') ? printed.replace(stringLiteral(key), quoted(key)) : printed;
}
