/**
 * Reading keyword values out of a raw Schema Object with a clear error when one has the wrong
 * shape. Used by the schema builder only.
 */
import { GeneratorError, joinPointer } from '../errors.ts';
import { isRecord } from '../json.ts';
import type { JsonType, JsonValue, RegexModel } from './schema-types.ts';

export interface ValueContext {
  file: string;
  /** Pointer of the schema object the keyword sits in. */
  pointer: string;
}

/** The plain-object check under the name the schema builders use (defined in `generator/json.ts`). */
export const isPlainObject = isRecord;

export function badValue(
  ctx: ValueContext,
  key: string,
  wanted: string,
  value: unknown,
): GeneratorError {
  return new GeneratorError(
    `"${key}" must be ${wanted}, found ${preview(value)}`,
    { file: ctx.file, pointer: joinPointer(ctx.pointer, key) },
    `change "${key}" to ${wanted}`,
  );
}

function preview(value: unknown): string {
  if (value === undefined) return 'nothing';
  // JSON.stringify gives undefined only for functions and symbols: name their kind.
  const text = JSON.stringify(value) ?? typeof value;
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * The value of `key` when it is present and `accepts` it; undefined when absent; a badValue error
 * naming `wanted` otherwise. The one shape of every keyword reader below.
 */
function readKeyword<T>(
  s: Record<string, unknown>,
  key: string,
  ctx: ValueContext,
  wanted: string,
  accepts: (value: unknown) => value is T,
): T | undefined {
  const value = s[key];
  if (value === undefined) return undefined;
  if (!accepts(value)) throw badValue(ctx, key, wanted, value);
  return value;
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);
const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every(isString);

/** The JSON Schema type names `type` may hold. */
const TYPE_NAMES: readonly unknown[] = [
  'null',
  'boolean',
  'object',
  'array',
  'number',
  'integer',
  'string',
];

/** Whether `value` is a valid `type`: a JSON Schema type name or a list of them. */
export function isTypes(value: unknown): value is JsonType | JsonType[] {
  const list: unknown[] = Array.isArray(value) ? value : [value];
  return list.every((type) => TYPE_NAMES.includes(type));
}

/**
 * What each keyword with a value that is not a schema must hold, as the readers below and the
 * model's builders read it: the one table {@link keywordValueProblem} checks a schema with.
 */
const KEYWORD_VALUES: Record<string, [wanted: string, accepts: (value: unknown) => boolean]> = {
  $ref: ['a string', isString],
  $dynamicRef: ['a string', isString],
  $recursiveRef: ['a string', isString],
  type: ['a JSON Schema type name or a list of them', isTypes],
  title: ['a string', isString],
  description: ['a string', isString],
  format: ['a string', isString],
  pattern: ['a regular expression string', isString],
  nullable: ['true or false', isBoolean],
  deprecated: ['true or false', isBoolean],
  readOnly: ['true or false', isBoolean],
  writeOnly: ['true or false', isBoolean],
  uniqueItems: ['true or false', isBoolean],
  minLength: ['a non-negative integer', isCount],
  maxLength: ['a non-negative integer', isCount],
  minItems: ['a non-negative integer', isCount],
  maxItems: ['a non-negative integer', isCount],
  minProperties: ['a non-negative integer', isCount],
  maxProperties: ['a non-negative integer', isCount],
  minimum: ['a number', isFiniteNumber],
  maximum: ['a number', isFiniteNumber],
  // 3.0 writes a boolean beside `minimum`/`maximum`, 3.1 the bound itself.
  exclusiveMinimum: ['a number', (v) => isBoolean(v) || isFiniteNumber(v)],
  exclusiveMaximum: ['a number', (v) => isBoolean(v) || isFiniteNumber(v)],
  multipleOf: ['a number greater than 0', (v) => isFiniteNumber(v) && v > 0],
  required: ['a list of strings', isStringList],
  enum: ['a list of values', (v) => Array.isArray(v) && v.every(isJsonValue)],
  const: ['a plain JSON value', isJsonValue],
  default: ['a plain JSON value', isJsonValue],
  example: ['a plain JSON value', isJsonValue],
  // Read only beside anyOf/oneOf (build-discriminator.ts), checked everywhere.
  discriminator: [
    'an object with a string "propertyName"',
    (v) => isPlainObject(v) && typeof v.propertyName === 'string',
  ],
  // Only a list is read (build-schema.ts); another value is warned about (schema-keywords.ts).
  examples: ['a plain JSON value', (v) => !Array.isArray(v) || v.every(isJsonValue)],
};

/** The schema extensions the generator reads, and what each must hold (as KEYWORD_VALUES). */
const EXTENSION_VALUES: Record<string, [wanted: string, accepts: (value: unknown) => boolean]> = {
  'x-preview': ['true or false', isBoolean],
  'x-kubernetes-int-or-string': ['true or false', isBoolean],
};

/**
 * The problem of one keyword's value in `s`, whatever the schema's type (`maxItems: x` beside
 * `type: string` is a slip as much as beside `type: array`); undefined when the value is right or
 * the keyword holds schemas (checked as schemas) or is unknown (schema-keywords.ts reports it).
 */
export function keywordValueProblem(
  s: Record<string, unknown>,
  key: string,
  ctx: ValueContext,
): GeneratorError | undefined {
  const value = s[key];
  if (key.startsWith('x-')) {
    if (!isJsonValue(value)) return badValue(ctx, key, 'a plain JSON value', value);
    // The extensions the generator reads (build.ts, schema-extensions.ts): another value was
    // ignored without a word.
    const rule = Object.hasOwn(EXTENSION_VALUES, key) ? EXTENSION_VALUES[key] : undefined;
    return rule === undefined || rule[1](value) ? undefined : badValue(ctx, key, rule[0], value);
  }
  const rule = Object.hasOwn(KEYWORD_VALUES, key) ? KEYWORD_VALUES[key] : undefined;
  if (rule === undefined || value === undefined || rule[1](value)) return undefined;
  // A list of values (`enum`, `examples`) whose list is right: the value in it that is not JSON.
  if (Array.isArray(value) && (key === 'enum' || key === 'examples'))
    return badValue(
      ctx,
      key,
      'a plain JSON value',
      value.find((v) => !isJsonValue(v)),
    );
  return badValue(ctx, key, rule[0], value);
}

export function readString(
  s: Record<string, unknown>,
  key: string,
  ctx: ValueContext,
): string | undefined {
  return readKeyword(s, key, ctx, 'a string', isString);
}

export function readBoolean(s: Record<string, unknown>, key: string, ctx: ValueContext): boolean {
  return readKeyword(s, key, ctx, 'true or false', isBoolean) ?? false;
}

export function readNumber(
  s: Record<string, unknown>,
  key: string,
  ctx: ValueContext,
): number | undefined {
  return readKeyword(s, key, ctx, 'a number', isFiniteNumber);
}

export function readCount(
  s: Record<string, unknown>,
  key: string,
  ctx: ValueContext,
): number | undefined {
  return readKeyword(s, key, ctx, 'a non-negative integer', isCount);
}

export function readStringList(
  s: Record<string, unknown>,
  key: string,
  ctx: ValueContext,
): string[] {
  const value = s[key];
  if (value === undefined) return [];
  if (!isStringList(value)) throw badValue(ctx, key, 'a list of strings', value);
  return [...new Set(value)];
}

/**
 * A pattern as a regex: unicode mode when it compiles so (as JSON Schema intends), plain otherwise.
 * One that compiles in neither mode, or only in plain mode where it reads another dialect's syntax
 * otherwise ({@link otherDialect}), is kept as it is (with `u`): the guards leave it unchecked and
 * the generator warns (model/patterns.ts), as it does for patterns that need plain mode.
 */
export function readRegex(value: unknown, key: string, ctx: ValueContext): RegexModel {
  if (typeof value !== 'string') throw badValue(ctx, key, 'a regular expression string', value);
  return patternRegex(value);
}

/** A `pattern`'s text as the model reads it (see {@link readRegex}). */
export function patternRegex(source: string): RegexModel {
  for (const flags of ['u', ''] as const) {
    // Read without the u flag, another dialect's syntax means something else: left unchecked.
    if (flags === '' && otherDialect(source)) break;
    try {
      new RegExp(source, flags);
      return { source, flags };
    } catch {
      // try the next mode
    }
  }
  return { source, flags: 'u' };
}

/** The letters ECMAScript's escapes give a meaning without the u flag (`\k` only beside named groups). */
const ES_ESCAPE_LETTERS = new Set('dDwWsSbBfnrtvcxu');

/**
 * Syntax of another regex dialect that ECMAScript accepts without the u flag but reads otherwise:
 * the escape of a letter it gives no meaning (Ruby's and PCRE's `\A`, `\z`, `\Z`, `\h`, the
 * letter itself there) and POSIX classes (`[[:alpha:]]`, a class of `[:alph` then a `]`). Such a
 * pattern refused valid values (`\A[a-z]+\z` every one).
 */
function otherDialect(source: string): boolean {
  if (/\[:\^?[a-z]+:\]/.test(source)) return true;
  const namedGroups = source.includes('(?<');
  for (let i = 0; i < source.length; i++) {
    if (source[i] !== '\\') continue;
    const next = source[++i] ?? '';
    if (!/[A-Za-z]/.test(next) || ES_ESCAPE_LETTERS.has(next)) continue;
    if (next === 'k' && namedGroups) continue;
    return true;
  }
  return false;
}

/** Checks that `value` is plain JSON (YAML can produce dates and other things JSON cannot hold). */
export function toJsonValue(value: unknown, key: string, ctx: ValueContext): JsonValue {
  if (isJsonValue(value)) return value;
  throw badValue(ctx, key, 'a plain JSON value', value);
}

function isJsonValue(value: unknown): value is JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJsonValue);
  if (isPlainObject(value)) {
    const proto: unknown = Object.getPrototypeOf(value);
    return (
      (proto === Object.prototype || proto === null) && Object.values(value).every(isJsonValue)
    );
  }
  return false;
}
