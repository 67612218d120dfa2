/**
 * Runtime for the generated guards (`guards.ts`): the result and error types they return and the
 * few helpers their generated code calls. Standalone and dependency-free; the SDK generator copies
 * this file unchanged next to the guards.
 */

/** One problem found in a value. */
export interface ValidationIssue {
  /** JSON pointer to the offending value, e.g. `/items/3/price/amount`; `''` is the value itself. */
  path: string;
  /** What the schema wants there, e.g. `integer >= 0`. */
  expected: string;
  /** A short description of what is there, e.g. `-5` or `string "abc"`; `missing` when absent. */
  found: string;
  /** One line for humans, e.g. `expected integer >= 0, found -5`. */
  message: string;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

/** How many issues a GuardError message lists before it only gives the count. */
const ISSUES_IN_MESSAGE = 5;

/** Thrown by the `assertX` guards: the value does not match schema X. */
export class GuardError extends Error {
  override readonly name = 'GuardError';
  /** The schema's type name, e.g. `Plan`. */
  readonly schema: string;
  /** Every problem found, in document order. */
  readonly issues: readonly ValidationIssue[];

  constructor(schema: string, issues: readonly ValidationIssue[]) {
    super(formatIssues(schema, issues));
    this.schema = schema;
    this.issues = issues;
  }
}

/**
 * `Invalid Plan (2 issues):` followed by the first few issues, one per line. The paths and
 * messages name the value's keys and quote its strings (a server's answer, often), so their
 * {@link UNPRINTABLE} characters are written as escapes: a key `\r\n… INFO …` would forge a log
 * line, U+202E reverse what follows (CWE-117, CWE-150). The issues themselves keep them.
 */
export function formatIssues(schema: string, issues: readonly ValidationIssue[]): string {
  const count = issues.length === 1 ? '1 issue' : `${issues.length} issues`;
  const lines = issues
    .slice(0, ISSUES_IN_MESSAGE)
    .map(
      (issue) =>
        `\n  ${issue.path === '' ? '(root)' : printable(issue.path)}: ${printable(issue.message)}`,
    );
  const rest = issues.length - ISSUES_IN_MESSAGE;
  return `Invalid ${schema} (${count}):${lines.join('')}${rest > 0 ? `\n  … and ${rest} more` : ''}`;
}

/**
 * Characters a message never shows as they are: C0 controls but tab, DEL, C1 controls, the
 * bidirectional controls, the line and paragraph separators, and lone surrogates.
 */
const UNPRINTABLE =
  // eslint-disable-next-line no-control-regex -- finding control characters is its job
  /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `text` with each {@link UNPRINTABLE} character written as an escape (`\n`, `\r`, `\u001b`). */
function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) =>
    c === '\n' ? '\\n' : c === '\r' ? '\\r' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * An issue about `value`. Its message is `expected <expected>, found <value>`, after `note` when
 * given (`unexpected property: expected …`).
 */
export function issue(
  path: string,
  expected: string,
  value: unknown,
  note?: string,
): ValidationIssue {
  const found = describeValue(value);
  const message = `${note === undefined ? '' : `${note}: `}expected ${expected}, found ${found}`;
  return { path, expected, found, message };
}

/** An issue about a required property that is absent; `path` points at the property. */
export function missingIssue(
  path: string,
  expected: string,
  note = 'missing required property',
): ValidationIssue {
  return { path, expected, found: 'missing', message: `${note}: expected ${expected}` };
}

const MAX_STRING_PREVIEW = 40;

/** A short description of any value: `-5`, `string "abc"`, `array of 3 items`, `object with 2 properties`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return `array of ${plural(value.length, 'item')}`;
  switch (typeof value) {
    case 'string': {
      const length = codePointLength(value);
      if (length <= MAX_STRING_PREVIEW) return `string ${JSON.stringify(value)}`;
      const head = Array.from(value).slice(0, MAX_STRING_PREVIEW).join('');
      return `string ${JSON.stringify(head)}… (${length} characters)`;
    }
    case 'number':
      return Object.is(value, -0) ? '0' : String(value);
    case 'boolean':
      return String(value);
    case 'bigint':
      return `bigint ${value}`;
    case 'object':
      return `object with ${plural(Object.keys(value).length, 'property', 'properties')}`;
    default:
      return typeof value;
  }
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The JSON kind of a value, with `integer` for numbers without a fraction (`number` otherwise). */
export type JsonKind =
  'null' | 'boolean' | 'object' | 'array' | 'string' | 'integer' | 'number' | 'other';

export function jsonKind(value: unknown): JsonKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'number':
      return Number.isInteger(value) ? 'integer' : Number.isFinite(value) ? 'number' : 'other';
    case 'object':
      return 'object';
    default:
      return 'other';
  }
}

/** String length in Unicode code points, as JSON Schema's minLength/maxLength count it. */
export function codePointLength(text: string): number {
  let length = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const high = text.charCodeAt(i);
    if (high >= 0xd800 && high <= 0xdbff) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        length--;
        i++;
      }
    }
  }
  return length;
}

/**
 * `value` is an integer multiple of `divisor`, tolerating binary floating point: 19.99 is a
 * multiple of 0.01 although `19.99 / 0.01` is 1998.9999999999998.
 */
export function multipleOf(value: number, divisor: number): boolean {
  const quotient = value / divisor;
  if (Number.isInteger(quotient)) return true;
  if (!Number.isFinite(quotient)) return false;
  return (
    Math.abs(quotient - Math.round(quotient)) <=
    4 * Number.EPSILON * Math.max(1, Math.abs(quotient))
  );
}

/**
 * JSON equality: same type, same items in order, same keys with equal values in any order.
 * Iterative, so no depth of nesting exhausts the stack; a pair of objects met again while it is
 * being compared (cyclic values) counts as equal there, so cycles end.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const pending: [unknown, unknown][] = [[a, b]];
  const comparing = new Map<object, Set<object>>();
  for (let pair = pending.pop(); pair; pair = pending.pop()) {
    const [x, y] = pair;
    if (x === y) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
    const seen = comparing.get(x);
    if (seen?.has(y)) continue;
    if (seen) seen.add(y);
    else comparing.set(x, new Set([y]));
    if (Array.isArray(x)) {
      if (!Array.isArray(y) || x.length !== y.length) return false;
      for (let i = 0; i < x.length; i++) pending.push([x[i], y[i]]);
      continue;
    }
    if (Array.isArray(y)) return false;
    const rx = x as Record<string, unknown>;
    const ry = y as Record<string, unknown>;
    const keys = Object.keys(rx);
    if (keys.length !== Object.keys(ry).length) return false;
    for (const key of keys) {
      if (!Object.prototype.hasOwnProperty.call(ry, key)) return false;
      pending.push([rx[key], ry[key]]);
    }
  }
  return true;
}

/** The first two positions holding equal items (deep equality), or undefined when all differ. */
export function duplicateItems(items: readonly unknown[]): [number, number] | undefined {
  const primitives = new Map<unknown, number>();
  for (let j = 0; j < items.length; j++) {
    const item = items[j];
    if (typeof item !== 'object' || item === null) {
      const i = primitives.get(item);
      if (i !== undefined) return [i, j];
      primitives.set(item, j);
      continue;
    }
    for (let i = 0; i < j; i++) if (deepEqual(items[i], item)) return [i, j];
  }
  return undefined;
}

/**
 * An own property of a parsed JSON object. Generated code uses it for keys that objects inherit
 * (`constructor`, `toString`, `__proto__`, …), so an absent key never reads the prototype.
 */
export function ownProperty(object: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

/** Escapes a property name for a JSON pointer (RFC 6901): `~` -> `~0`, `/` -> `~1`. */
export function pointerToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * How many recursive guard calls may be under way at once. A value nested deeper through a
 * recursive schema (or a schema that refers to itself without consuming the value) is rejected
 * with an issue, instead of exhausting the call stack; no JSON a server sends comes near.
 */
export const MAX_DEPTH = 2000;

/** Recursive guard calls under way. */
let depth = 0;

/** Remembering guard calls under way (recursive or not): none means the next is outermost. */
let underWay = 0;

/**
 * What the guard function of a schema keeps between its calls (generated for a schema whose guard
 * can be called twice on one value: a recursive one, or one the spec names in two places): the
 * values it is checking right now (see {@link beginCheck}), and what it found for each value it
 * has checked in the current outermost call: a verdict (`isX`), or the paths it has reported
 * from (`collectX`). Objects are kept by identity; primitives by value, when `primitives`.
 */
export interface GuardCalls<T> {
  /** A recursive schema's: counts towards {@link MAX_DEPTH} and watches for cycles. */
  readonly recursive: boolean;
  /** Keeps what it found for strings, numbers, booleans and null too. */
  readonly primitives: boolean;
  readonly active: Set<unknown>;
  /** The outermost call {@link GuardCalls.found} belongs to (see {@link outermostCalls}). */
  call: number;
  found: WeakMap<object, T>;
  foundPrimitives: Map<unknown, T>;
}

export function guardCalls<T>(recursive = true, primitives = false): GuardCalls<T> {
  return {
    recursive,
    primitives,
    active: new Set(),
    call: 0,
    found: new WeakMap(),
    foundPrimitives: new Map(),
  };
}

/**
 * Calls of remembering guard functions made while none was under way. What a function found in
 * an earlier one no longer holds: the caller may have changed the value since.
 */
let outermostCalls = 0;

/** What the function of `calls` has found in this outermost call; called first, once per call. */
function foundSoFar<T>(calls: GuardCalls<T>): void {
  if (underWay === 0) outermostCalls++;
  if (calls.call !== outermostCalls) {
    calls.call = outermostCalls;
    calls.found = new WeakMap();
    if (calls.foundPrimitives.size > 0) calls.foundPrimitives = new Map();
  }
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

/** What the function of `calls` found for `value` in this outermost call, if it keeps it. */
function foundFor<T>(calls: GuardCalls<T>, value: unknown): T | undefined {
  if (isObject(value)) return calls.found.get(value);
  return calls.primitives ? calls.foundPrimitives.get(value) : undefined;
}

function keep<T>(calls: GuardCalls<T>, value: unknown, found: T): void {
  if (isObject(value)) calls.found.set(value, found);
  else if (calls.primitives) calls.foundPrimitives.set(value, found);
}

/**
 * Whether the function of `calls` may check `value` now. A recursive one not when it is already
 * checking this very value further up (an object: the value is cyclic, as no JSON value is; a
 * primitive it keeps: the schemas refer to each other without consuming it), nor when
 * {@link MAX_DEPTH} recursive calls are under way. Every `true` must be matched by {@link leave}.
 */
function enter(calls: GuardCalls<unknown>, value: unknown): boolean {
  if (calls.recursive) {
    if (depth >= MAX_DEPTH) return false;
    if (isObject(value) || calls.primitives) {
      if (calls.active.has(value)) return false;
      calls.active.add(value);
    }
    depth++;
  }
  underWay++;
  return true;
}

/** Ends what {@link enter} began. */
function leave(calls: GuardCalls<unknown>, value: unknown): void {
  underWay--;
  if (!calls.recursive) return;
  depth--;
  if (isObject(value) || calls.primitives) calls.active.delete(value);
}

/**
 * Called first by a remembering boolean guard (`isX`): the verdict to return at once, or
 * `undefined` when it is to check `value` now and then call {@link endCheck} with its verdict.
 * At once: the verdict it gave the same value earlier in this outermost call (when another branch
 * or schema checked it: a oneOf whose variants both check `child`, an `if` and a `then` that both
 * check `next`, two branches that both name the next link of a chain; checked afresh at each,
 * a value took 2^n checks through n such places), or false when it may not check it now (see
 * {@link enter}: a cycle of schemas that consumes nothing adds no value to those it accepts).
 * A kept verdict is given at whatever depth the value is met again: {@link MAX_DEPTH} counts the
 * checks that run, so only a value nested about that deep could be decided otherwise again.
 */
export function beginCheck(calls: GuardCalls<boolean>, value: unknown): boolean | undefined {
  foundSoFar(calls);
  const known = foundFor(calls, value);
  if (known !== undefined) return known;
  return enter(calls, value) ? undefined : false;
}

/** Ends what {@link beginCheck} began, keeping the verdict. */
export function endCheck(calls: GuardCalls<boolean>, value: unknown, verdict: boolean): void {
  leave(calls, value);
  keep(calls, value, verdict);
}

/**
 * Called first by a remembering collecting guard (`collectX`): whether it is to report the issues
 * of `value` at `path` now, and then call {@link endCollect}. Not when it has reported them
 * earlier in this outermost call (allOf members that both check `child` would report the same
 * issues again, twice as many at each level above), nor when it may not check the value now
 * (see {@link enter}; an issue says why).
 */
export function beginCollect(
  calls: GuardCalls<Set<string>>,
  value: unknown,
  path: string,
  issues: ValidationIssue[],
): boolean {
  foundSoFar(calls);
  if (foundFor(calls, value)?.has(path)) return false;
  if (enter(calls, value)) return true;
  issues.push(
    depth >= MAX_DEPTH
      ? issue(path, `at most ${MAX_DEPTH} levels of nesting`, value, 'nested too deep')
      : isObject(value)
        ? issue(path, 'a value that does not contain itself', value, 'cyclic value')
        : issue(path, 'a schema that decides it', value, 'schemas refer to each other here'),
  );
  return false;
}

/** Ends what {@link beginCollect} began, keeping the path the value has been reported at. */
export function endCollect(calls: GuardCalls<Set<string>>, value: unknown, path: string): void {
  leave(calls, value);
  keep(calls, value, (foundFor(calls, value) ?? new Set<string>()).add(path));
}

/**
 * The issues `collect` (a collecting guard) finds in `value`, in one outermost call: guards that
 * remember what they reported report each value's issues at a path once, however many places of
 * the schema check it (allOf members that both name it).
 */
export function collectIssues(
  collect: (value: unknown, path: string, issues: ValidationIssue[]) => void,
  value: unknown,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  // The collecting guards only push: past the limit a push ends the walk.
  Object.defineProperty(issues, 'push', { value: pushWithin, configurable: true });
  if (underWay === 0) outermostCalls++;
  underWay++;
  try {
    collect(value, '', issues);
  } catch (error) {
    if (error !== ENOUGH) throw error;
  } finally {
    underWay--;
  }
  delete (issues as { push?: unknown }).push;
  return issues;
}

/**
 * How many issues a failed check lists: past them it stops, and a last issue says so. A value
 * has as many issues as it has parts (a list of a million `{}` where each item requires five
 * properties: five million), so an unbounded list let a 3 MB answer take gigabytes and minutes to
 * report; the first thousand say as much about what is wrong.
 */
export const MAX_ISSUES = 1000;

/** Thrown by {@link pushWithin} to end a check that has found enough; never leaves collectIssues. */
const ENOUGH = new Error('enough issues');

/** `push` of the list {@link collectIssues} hands the guards: at most {@link MAX_ISSUES}, then the note. */
function pushWithin(this: ValidationIssue[], ...found: ValidationIssue[]): number {
  for (const item of found) {
    if (this.length >= MAX_ISSUES) {
      Array.prototype.push.call(this, {
        path: '',
        expected: `at most ${MAX_ISSUES} issues`,
        found: 'more',
        message: `more issues than the first ${MAX_ISSUES}: checking stopped there`,
      });
      throw ENOUGH;
    }
    Array.prototype.push.call(this, item);
  }
  return this.length;
}
