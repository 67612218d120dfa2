/**
 * Runtime for the generated date helpers (`dates.ts`): parsing date-time strings into Date
 * objects and writing them back. Standalone and dependency-free; the SDK generator copies this
 * file unchanged next to the helpers.
 *
 * A revived Date remembers the text it came from, so a Date that was not changed serializes back
 * to exactly that text (`2021-01-21T19:38:34Z` stays `2021-01-21T19:38:34Z`, an offset stays an
 * offset). Other Dates are written in UTC, with milliseconds only when there are some.
 */

/** The text each revived Date came from, and the time it meant then. */
const origins = new WeakMap<Date, { text: string; time: number }>();

/** RFC 3339 `date-time`: date, `T` (or `t`, or a space), time, optional fraction, `Z` or an offset. */
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}:\d{2})(?:\.(\d+))?([Zz]|[+-]\d{2}:\d{2})$/;

/**
 * A Date for an RFC 3339 date-time string (`2021-01-21T19:38:34Z`). Text that is not one (the
 * guards do not check formats) gives an invalid Date, whose `getTime()` is NaN; it still
 * serializes back to the same text.
 */
export function parseDateTime(text: string): Date {
  const match = DATE_TIME.exec(text);
  let time = Number.NaN;
  if (match) {
    const [, day, clock, fraction = '', zone = 'Z'] = match;
    // The subset ECMAScript parses the same everywhere: `T`, `Z`, at most milliseconds.
    const millis = fraction === '' ? '' : `.${fraction.slice(0, 3).padEnd(3, '0')}`;
    time = Date.parse(`${day}T${clock}${millis}${zone.toUpperCase()}`);
  }
  const date = new Date(time);
  origins.set(date, { text, time });
  return date;
}

/**
 * The date-time string for a Date: the text it was revived from while its time is unchanged,
 * otherwise ISO 8601 in UTC (`2021-01-21T19:38:34Z`, `2021-01-21T19:38:34.250Z`). Throws a
 * RangeError for an invalid Date that was not revived from text.
 */
export function formatDateTime(date: Date): string {
  const origin = origins.get(date);
  if (origin !== undefined && Object.is(origin.time, date.getTime())) return origin.text;
  const iso = date.toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

/** `T` with every Date replaced by a string: the wire form of a revived value. */
export type Serialized<T> = T extends Date
  ? string
  : T extends object
    ? { [K in keyof T]: Serialized<T[K]> }
    : T;

/**
 * How many objects and arrays deep reviving and serializing follow a value before they give up
 * with a TypeError. JSON from a server is nowhere near; a deeper value is no JSON a server sends
 * (and recursion that deep would exhaust the call stack). A cycle is not followed: it is kept.
 */
export const MAX_NESTING = 1000;

/**
 * The wire form of a revived value: every Date becomes its date-time string (see
 * {@link formatDateTime}). Parts without Dates are returned as they are, not copied; a cycle in
 * `value` is not followed twice. Throws a TypeError for a value nested deeper than
 * {@link MAX_NESTING} levels.
 */
export function serializeDates<T>(value: T): Serialized<T> {
  // One assertion, at the boundary: replaceDates changes exactly what Serialized<T> says.
  return serializeValue(value) as Serialized<T>;
}

/** {@link serializeDates} for a value of any type, typed as what it is: unknown. */
export function serializeValue(value: unknown): unknown {
  return replaceDates(value, new Map(), 0);
}

/**
 * Where a value holds date-time strings, for {@link reviveDates}: `'date-time'` (the value
 * itself), the `properties` of an object, the `items` of an array, the `values` of a map,
 * `variants` tried in order (each with the guard that picks it), or a function that gives a
 * named schema's plan when it is needed (schemas refer to each other and to themselves).
 */
export type DatePlan =
  | 'date-time'
  | (() => DatePlan)
  | { readonly properties: Readonly<Record<string, DatePlan>> }
  | { readonly items: DatePlan }
  | { readonly values: DatePlan }
  | { readonly variants: readonly (readonly [(value: unknown) => boolean, DatePlan])[] };

/**
 * A copy of `value` with the date-time strings `plan` points at as Dates (see
 * {@link parseDateTime}). What does not have the shape the plan expects (null, a missing
 * property, a number where a string was planned) is left as it is, so reviving never fails on a
 * value the guards accepted, nor on one they did not. Parts without dates are shared, not
 * copied; an object met twice gives the same copy, so a cycle stays a cycle. Throws a TypeError
 * for a value nested deeper than {@link MAX_NESTING} levels.
 */
export function reviveDates(value: unknown, plan: DatePlan): unknown {
  return revive(value, plan, new Map(), 0);
}

function revive(
  value: unknown,
  plan: DatePlan,
  copies: Map<object, unknown>,
  depth: number,
): unknown {
  for (let hops = 0; typeof plan === 'function'; hops++) {
    // A schema that is only another schema: a loop of them ends too.
    if (hops > MAX_NESTING) throw tooDeep();
    plan = plan();
  }
  if (plan === 'date-time') return typeof value === 'string' ? parseDateTime(value) : value;
  if ('variants' in plan) {
    for (const [fits, variant] of plan.variants) {
      if (fits(value)) return revive(value, variant, copies, depth);
    }
    return value;
  }
  if (typeof value !== 'object' || value === null) return value;
  const known = copies.get(value);
  if (known !== undefined) return known;
  if (depth + 1 > MAX_NESTING) throw tooDeep();
  if ('items' in plan) {
    if (!Array.isArray(value)) return value;
    const copy: unknown[] = [];
    copies.set(value, copy);
    for (const item of value as unknown[]) copy.push(revive(item, plan.items, copies, depth + 1));
    return copy;
  }
  if (Array.isArray(value)) return value;
  const copy = copyObject(value);
  copies.set(value, copy);
  const keys = 'values' in plan ? Object.keys(copy) : Object.keys(plan.properties);
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(copy, key)) continue;
    const inner = 'values' in plan ? plan.values : plan.properties[key];
    if (inner !== undefined) setOwn(copy, key, revive(copy[key], inner, copies, depth + 1));
  }
  return copy;
}

function replaceDates(value: unknown, copies: Map<object, unknown>, depth: number): unknown {
  if (value instanceof Date) return formatDateTime(value);
  if (typeof value !== 'object' || value === null) return value;
  const known = copies.get(value);
  if (known !== undefined) return known;
  if (depth + 1 > MAX_NESTING) throw tooDeep();
  // Until a Date turns up below, the value is its own wire form (for a cycle back to it, too).
  copies.set(value, value);
  const source = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(source)) {
    const item = source[key];
    const replaced = replaceDates(item, copies, depth + 1);
    if (replaced === item) continue;
    if (copy === undefined) {
      copy = Array.isArray(value)
        ? (value.slice() as unknown as Record<string, unknown>)
        : copyObject(source);
      copies.set(value, copy);
    }
    setOwn(copy, key, replaced);
  }
  return copy ?? value;
}

function tooDeep(): TypeError {
  return new TypeError(
    `the value nests deeper than ${MAX_NESTING} levels, or its schemas refer to each other in a loop`,
  );
}

/** A shallow copy that keeps every own key, `__proto__` included, as JSON.parse made it. */
function copyObject(value: object): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) setOwn(copy, key, item);
  return copy;
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  // defineProperty: a `__proto__` key stays an own property, as JSON.parse made it.
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/**
 * The revived type of a value of wire type `W` that plan `P` revives: the type-level twin of
 * {@link DatePlan}, applied to each member of a union (`string | null` → `Date | null`), keeping
 * every other property, its optionality and its type. `P` is `'date-time'`, `{ ref: [Wire,
 * 'Name'] }` (a named schema: `S['Name']`), `{ variants: [[Wire, 'Name'], …] }`, `{ items: P }`,
 * `{ values: P }` or `{ properties: { name: P } }`; `S` maps schema names to their revived types
 * (the generated `Revived`). Schemas are named, not inlined, so types that refer to each other in
 * a loop stay lazy.
 */
export type Revive<W, P, S> = W extends unknown ? ReviveMember<W, P, S> : never;

type ReviveMember<W, P, S> = P extends 'date-time'
  ? W extends string
    ? Date
    : W
  : P extends { ref: readonly [infer T, infer N extends keyof S] }
    ? W extends T
      ? S[N]
      : W
    : P extends { variants: infer V }
      ? ReviveVariant<W, V, S>
      : P extends { items: infer I }
        ? W extends readonly (infer E)[]
          ? Revive<E, I, S>[]
          : W
        : W extends readonly unknown[]
          ? W
          : W extends object
            ? P extends { values: infer V }
              ? { [K in keyof W]: Revive<W[K], V, S> }
              : P extends { properties: infer Ps }
                ? { [K in keyof W]: K extends keyof Ps ? Revive<W[K], Ps[K], S> : W[K] }
                : W
            : W;

type ReviveVariant<W, V, S> = V extends readonly [
  readonly [infer T, infer N extends keyof S],
  ...infer Rest,
]
  ? W extends T
    ? S[N]
    : ReviveVariant<W, Rest, S>
  : W;
