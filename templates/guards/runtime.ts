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

/** `Invalid Plan (2 issues):` followed by the first few issues, one per line. */
export function formatIssues(schema: string, issues: readonly ValidationIssue[]): string {
  const count = issues.length === 1 ? '1 issue' : `${issues.length} issues`;
  const lines = issues
    .slice(0, ISSUES_IN_MESSAGE)
    .map((issue) => `\n  ${issue.path === '' ? '(root)' : issue.path}: ${issue.message}`);
  const rest = issues.length - ISSUES_IN_MESSAGE;
  return `Invalid ${schema} (${count}):${lines.join('')}${rest > 0 ? `\n  … and ${rest} more` : ''}`;
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

/**
 * Called first by the guard function of a recursive schema: whether it may check `value` now.
 * Not when that function is already checking this very object further up (the value is cyclic:
 * no JSON value is), nor when {@link MAX_DEPTH} recursive calls are under way. `active` is the
 * function's own set of objects it is checking. Every `true` must be matched by {@link leave}.
 */
export function enter(active: Set<unknown>, value: unknown): boolean {
  if (depth >= MAX_DEPTH) return false;
  if (typeof value === 'object' && value !== null) {
    if (active.has(value)) return false;
    active.add(value);
  }
  depth++;
  return true;
}

/** {@link enter} for the collecting guards: pushes the issue when the value may not be checked. */
export function enterReporting(
  active: Set<unknown>,
  value: unknown,
  path: string,
  issues: ValidationIssue[],
): boolean {
  if (enter(active, value)) return true;
  const cyclic = depth < MAX_DEPTH;
  issues.push(
    issue(
      path,
      cyclic ? 'a value that does not contain itself' : `at most ${MAX_DEPTH} levels of nesting`,
      value,
      cyclic ? 'cyclic value' : 'nested too deep',
    ),
  );
  return false;
}

/** Ends what {@link enter} began. */
export function leave(active: Set<unknown>, value: unknown): void {
  depth--;
  if (typeof value === 'object' && value !== null) active.delete(value);
}

/**
 * What the guard function of a recursive schema keeps between its calls: the objects it is
 * checking right now (see {@link enter}), and what it found for each object it has checked in the
 * current outermost call: a verdict (`isX`), or the paths it has reported from (`collectX`).
 */
export interface GuardCalls<T> {
  readonly active: Set<unknown>;
  /** The outermost call {@link GuardCalls.found} belongs to (see {@link outermostCalls}). */
  call: number;
  found: WeakMap<object, T>;
}

export function guardCalls<T>(): GuardCalls<T> {
  return { active: new Set(), call: 0, found: new WeakMap() };
}

/**
 * Calls of recursive guard functions made while none was under way. What a function found in an
 * earlier one no longer holds: the caller may have changed the value since.
 */
let outermostCalls = 0;

/** What the function of `calls` has found in this outermost call; called first, once per call. */
function foundSoFar<T>(calls: GuardCalls<T>): WeakMap<object, T> {
  if (depth === 0) outermostCalls++;
  if (calls.call !== outermostCalls) {
    calls.call = outermostCalls;
    calls.found = new WeakMap();
  }
  return calls.found;
}

/**
 * Called first by the boolean guard of a recursive schema (`isX`): the verdict to return at once,
 * or `undefined` when it is to check `value` now and then call {@link endCheck} with its verdict.
 * At once: the verdict it gave the same object earlier in this outermost call (when another
 * branch checked it: a oneOf whose variants both check `child`, an `if` and a `then` that both
 * check `next`; checked afresh at each branch, a value nested n levels deep took 2^n checks), or
 * false when {@link enter} refuses. Primitives are cheap to check again and are not kept. A kept
 * verdict is given at whatever depth the object is met again: {@link MAX_DEPTH} counts the checks
 * that run, so only a value nested about that deep could be decided otherwise when checked again.
 */
export function beginCheck(calls: GuardCalls<boolean>, value: unknown): boolean | undefined {
  const found = foundSoFar(calls);
  if (typeof value === 'object' && value !== null) {
    const known = found.get(value);
    if (known !== undefined) return known;
  }
  return enter(calls.active, value) ? undefined : false;
}

/** Ends what {@link beginCheck} began, keeping the verdict on an object. */
export function endCheck(calls: GuardCalls<boolean>, value: unknown, verdict: boolean): void {
  leave(calls.active, value);
  if (typeof value === 'object' && value !== null) calls.found.set(value, verdict);
}

/**
 * Called first by the collecting guard of a recursive schema (`collectX`): whether it is to
 * report the issues of `value` at `path` now, and then call {@link endCollect}. Not when it has
 * reported them earlier in this outermost call (allOf members that both check `child` would
 * report the same issues again, twice as many at each level above), nor when
 * {@link enterReporting} refuses.
 */
export function beginCollect(
  calls: GuardCalls<Set<string>>,
  value: unknown,
  path: string,
  issues: ValidationIssue[],
): boolean {
  const found = foundSoFar(calls);
  if (typeof value === 'object' && value !== null && found.get(value)?.has(path)) return false;
  return enterReporting(calls.active, value, path, issues);
}

/** Ends what {@link beginCollect} began, keeping the path an object has been reported at. */
export function endCollect(calls: GuardCalls<Set<string>>, value: unknown, path: string): void {
  leave(calls.active, value);
  if (typeof value === 'object' && value !== null)
    calls.found.set(value, (calls.found.get(value) ?? new Set()).add(path));
}
