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
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/**
 * A Date for an RFC 3339 date-time string (`2021-01-21T19:38:34Z`). Text that is not one (the
 * guards do not check formats) gives an invalid Date, whose `getTime()` is NaN; it still
 * serializes back to the same text. So does a date-time whose fields are out of range (RFC 3339
 * §5.7): `2024-02-30`, hour 24, minute 60, an offset of `+24:00`; `Date.parse` would have read
 * `2024-02-30` as March 1. A leap second (`23:59:60Z`, which RFC 3339 allows and a Date cannot
 * hold) is read as the last millisecond before the next second, `23:59:59.999Z`; `:60` is one
 * only in the last minute of a month in UTC (§5.7), an invalid Date at any other minute.
 */
export function parseDateTime(text: string): Date {
  const time = dateTimeValue(text);
  const date = new Date(time);
  origins.set(date, { text, time });
  return date;
}

/** The time `text` means, in milliseconds since the epoch, or NaN (see {@link parseDateTime}). */
function dateTimeValue(text: string): number {
  const match = DATE_TIME.exec(text);
  if (match === null) return Number.NaN;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const [fraction = '', , sign, offsetHour = '00', offsetMinute = '00'] = match.slice(7);
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 60 ||
    Number(offsetHour) > 23 ||
    Number(offsetMinute) > 59
  )
    return Number.NaN;
  const leap = second === 60;
  const millis = leap ? 999 : Number(fraction.slice(0, 3).padEnd(3, '0'));
  // Date.UTC maps years 0 to 99 to 1900 to 1999; setUTCFullYear does not.
  const utc = new Date(Date.UTC(2000, month - 1, day, hour, minute, leap ? 59 : second, millis));
  utc.setUTCFullYear(year);
  const offset =
    sign === undefined
      ? 0
      : (sign === '-' ? -1 : 1) * (Number(offsetHour) * 60 + Number(offsetMinute));
  const time = utc.getTime() - offset * 60_000;
  return leap && !isLeapSecondMinute(time) ? Number.NaN : time;
}

/**
 * A leap second is the last minute of a month in UTC (RFC 3339 §5.7): `23:59:60Z` on the last day
 * of a month, `15:59:60-08:00` the same second in another offset. `:60` at any other minute is no
 * time at all.
 */
function isLeapSecondMinute(time: number): boolean {
  const at = new Date(time);
  return (
    at.getUTCHours() === 23 &&
    at.getUTCMinutes() === 59 &&
    at.getUTCDate() === daysInMonth(at.getUTCFullYear(), at.getUTCMonth() + 1)
  );
}

/** Days in a month of the proleptic Gregorian calendar (RFC 3339 Appendix C). */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * The date-time string for a Date: the text it was revived from while its time is unchanged,
 * otherwise ISO 8601 in UTC (`2021-01-21T19:38:34Z`, `2021-01-21T19:38:34.250Z`). Throws a
 * RangeError for an invalid Date that was not revived from text, and for one outside the years
 * 0000 to 9999, which has no RFC 3339 date-time (§5.6: `date-fullyear = 4DIGIT`; `toISOString()`
 * would write `+010000-01-01T00:00:00.000Z`).
 */
export function formatDateTime(date: Date): string {
  const origin = origins.get(date);
  if (origin !== undefined && Object.is(origin.time, date.getTime())) return origin.text;
  const year = date.getUTCFullYear();
  if (year < 0 || year > 9999)
    throw new RangeError(
      `A Date in the year ${year} has no RFC 3339 date-time (§5.6: years 0000 to 9999); pass a Date in that range`,
    );
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
 * The wire form of a revived value: every Date becomes its date-time string (see
 * {@link formatDateTime}). Parts without Dates are returned as they are, not copied. Works
 * without recursion, so no depth of nesting exhausts the call stack, and follows no cycle twice.
 */
export function serializeDates<T>(value: T): Serialized<T> {
  // One assertion, at the boundary: replaceDates changes exactly what Serialized<T> says.
  return serializeValue(value) as Serialized<T>;
}

/** {@link serializeDates} for a value of any type, typed as what it is: unknown. */
export function serializeValue(value: unknown): unknown {
  if (value instanceof Date) return formatDateTime(value);
  if (typeof value !== 'object' || value === null) return value;
  // Depth-first without recursion: a frame per object or array being copied-on-write.
  const done = new Map<object, unknown>();
  interface Frame {
    value: Record<string, unknown>;
    keys: string[];
    next: number;
    copy: Record<string, unknown> | undefined;
  }
  const open = (container: object): Frame => {
    // Until a Date turns up below, a container is its own wire form (for a cycle back to it too).
    done.set(container, container);
    const source = container as Record<string, unknown>;
    return { value: source, keys: Object.keys(source), next: 0, copy: undefined };
  };
  const stack: Frame[] = [open(value)];
  let result: unknown = value;
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    if (frame.next === frame.keys.length) {
      stack.pop();
      result = frame.copy ?? frame.value;
      done.set(frame.value, result);
      const parent = stack[stack.length - 1];
      if (parent) settle(parent, parent.keys[parent.next - 1] ?? '', result);
      continue;
    }
    const key = frame.keys[frame.next++] ?? '';
    const item = frame.value[key];
    if (item instanceof Date) settle(frame, key, formatDateTime(item));
    else if (typeof item === 'object' && item !== null) {
      const known = done.get(item);
      if (known !== undefined) settle(frame, key, known);
      else stack.push(open(item));
    }
  }
  return result;

  function settle(frame: Frame, key: string, replaced: unknown): void {
    if (replaced === frame.value[key]) return;
    frame.copy ??= Array.isArray(frame.value)
      ? (frame.value.slice() as unknown as Record<string, unknown>)
      : copyObject(frame.value);
    setOwn(frame.copy, key, replaced);
  }
}

/**
 * Where a value holds date-time strings, for {@link reviveDates}: `'date-time'` (the value
 * itself), `'keep'` (no date there), an object's `properties` by name, then for the keys those do
 * not name its `patterns` (each key every matching pattern's plan) and its `values` (the keys no
 * pattern matches); the `prefix` items of an array by position and its `items` after them;
 * `variants` tried in order (each with the guard that picks it), a value's plan by its JSON
 * `kinds`, an object's `cases` by the
 * string its `tag` property holds, or a function that gives a
 * named schema's plan when it is needed (schemas refer to each other and to themselves).
 */
export type DatePlan =
  | 'date-time'
  | 'keep'
  | (() => DatePlan)
  | ObjectPlan
  | { readonly items: DatePlan; readonly prefix?: readonly DatePlan[] }
  | { readonly variants: readonly (readonly [(value: unknown) => boolean, DatePlan])[] }
  | { readonly tag: string; readonly cases: Readonly<Record<string, DatePlan>> }
  | { readonly kinds: KindPlans };

/** The plans of a value by its JSON kind (see {@link DatePlan}): the other kinds are kept. */
export interface KindPlans {
  readonly object?: DatePlan | undefined;
  readonly array?: DatePlan | undefined;
  readonly string?: DatePlan | undefined;
}

/** The plan of an object's keys (see {@link DatePlan}); a map has only `values`. */
export type ObjectPlan =
  | {
      readonly properties: Readonly<Record<string, DatePlan>>;
      readonly patterns?: readonly (readonly [RegExp, DatePlan])[] | undefined;
      readonly values?: DatePlan | undefined;
    }
  | { readonly values: DatePlan };

/** How many plans that are only another plan may follow each other (schemas in a loop end). */
const MAX_PLAN_HOPS = 100;

/**
 * A copy of `value` with the date-time strings `plan` points at as Dates (see
 * {@link parseDateTime}). What does not have the shape the plan expects (null, a missing
 * property, a number where a string was planned) is left as it is, so reviving never fails on a
 * value the guards accepted, nor on one they did not. Parts without dates are shared, not
 * copied; an object met twice gives the same copy, so a cycle stays a cycle. Works without
 * recursion, so no depth of nesting exhausts the call stack. Throws a TypeError only for plans
 * that refer to each other in a loop without a value between them (schemas that do).
 */
export function reviveDates(value: unknown, plan: DatePlan): unknown {
  const copies = new Map<object, unknown>();
  let result: unknown = value;
  const pending: [unknown, DatePlan, (revived: unknown) => void][] = [
    [value, plan, (revived) => (result = revived)],
  ];
  for (let work = pending.pop(); work; work = pending.pop()) {
    const [item, planned, put] = work;
    const step = resolve(planned);
    if (step === 'keep') continue;
    if (step === 'date-time') {
      if (typeof item === 'string') put(parseDateTime(item));
      continue;
    }
    if ('variants' in step) {
      const chosen = step.variants.find(([fits]) => fits(item));
      if (chosen) pending.push([item, chosen[1], put]);
      continue;
    }
    if ('kinds' in step) {
      const chosen =
        typeof item === 'string'
          ? step.kinds.string
          : Array.isArray(item)
            ? step.kinds.array
            : typeof item === 'object' && item !== null
              ? step.kinds.object
              : undefined;
      if (chosen !== undefined) pending.push([item, chosen, put]);
      continue;
    }
    if (typeof item !== 'object' || item === null) continue;
    if ('tag' in step) {
      const tag: unknown = hasOwn(item, step.tag)
        ? (item as Record<string, unknown>)[step.tag]
        : undefined;
      if (typeof tag === 'string' && hasOwn(step.cases, tag)) {
        const chosen = step.cases[tag];
        if (chosen !== undefined) pending.push([item, chosen, put]);
      }
      continue;
    }
    const known = copies.get(item);
    if (known !== undefined) {
      put(known);
      continue;
    }
    if ('items' in step) {
      if (!Array.isArray(item)) continue;
      const copy = (item as unknown[]).slice();
      copies.set(item, copy);
      put(copy);
      const prefix = step.prefix ?? [];
      copy.forEach((entry, i) =>
        pending.push([entry, prefix[i] ?? step.items, (r) => (copy[i] = r)]),
      );
      continue;
    }
    if (Array.isArray(item)) continue;
    const copy = copyObject(item);
    copies.set(item, copy);
    put(copy);
    // Only own keys, read as own properties: `__proto__`, `constructor` are keys like any other.
    const keys =
      'properties' in step && !('values' in step)
        ? Object.keys(step.properties)
        : Object.keys(copy);
    for (const key of keys) {
      if (!hasOwn(copy, key)) continue;
      for (const inner of plansOfKey(step, key))
        pending.push([copy[key], inner, (r) => setOwn(copy, key, r)]);
    }
  }
  return result;
}

/** The plan a function plan stands for (followed through plans that are only another plan). */
function resolve(plan: DatePlan): Exclude<DatePlan, () => DatePlan> {
  let current = plan;
  for (let hops = 0; typeof current === 'function'; hops++) {
    if (hops >= MAX_PLAN_HOPS) {
      throw new TypeError('the date plans of these schemas refer to each other in a loop');
    }
    current = current();
  }
  return current;
}

/** The plans for the value under `key`: its property's, else each matching pattern's, else `values`. */
function plansOfKey(step: ObjectPlan, key: string): DatePlan[] {
  if ('properties' in step && hasOwn(step.properties, key)) {
    const planned = step.properties[key];
    return planned === undefined ? [] : [planned];
  }
  const matched = 'patterns' in step ? (step.patterns ?? []).filter(([p]) => p.test(key)) : [];
  if (matched.length > 0) return matched.map(([, planned]) => planned);
  return step.values === undefined ? [] : [step.values];
}

function hasOwn(target: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(target, key);
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

type ReviveMember<W, P, S> = P extends 'keep'
  ? W
  : P extends { either: infer E extends readonly unknown[] }
    ? W | ReviveEach<W, E[number], S>
    : P extends 'date-time'
      ? W extends string
        ? Date
        : W
      : P extends { ref: readonly [infer T, infer N extends keyof S] }
        ? W extends T
          ? S[N]
          : W
        : P extends { tag: infer T extends string; cases: infer C }
          ? W extends { readonly [K in T]: infer V }
            ? V extends keyof C
              ? Revive<W, C[V], S>
              : W
            : W
          : P extends { variants: infer V }
            ? ReviveVariant<W, V, S>
            : P extends { kinds: infer K }
              ? ReviveKind<W, K, S>
              : P extends { items: infer I }
                ? W extends readonly unknown[]
                  ? ReviveItems<W, P extends { prefix: infer Pre } ? Pre : [], I, S>
                  : W
                : W extends readonly unknown[]
                  ? W
                  : W extends object
                    ? P extends { properties: infer Ps }
                      ? {
                          [K in keyof W]: K extends keyof Ps
                            ? Revive<W[K], Ps[K], S>
                            : P extends { rest: infer R }
                              ? Revive<W[K], R, S>
                              : W[K];
                        }
                      : P extends { values: infer V }
                        ? { [K in keyof W]: Revive<W[K], V, S> }
                        : W
                    : W;

/** Each plan of a union of plans, on the same wire type. */
type ReviveEach<W, Q, S> = Q extends unknown ? Revive<W, Q, S> : never;

/**
 * An array by `I`, each item; a tuple's positions by `Pre`, the others by `I`. An array is an
 * interface extending `Array`, not a mapped type: TypeScript works out an interface's base only
 * when its members are needed, so a schema whose items revive by the schema itself (`U: oneOf
 * [A, array of U]`) can name its own revived type (a mapped array type asked for it at once:
 * TS2502).
 */
type ReviveItems<W extends readonly unknown[], Pre, I, S> = W extends readonly (infer E)[]
  ? E[] extends W
    ? W extends unknown[]
      ? RevivedArray<E, I, S>
      : ReadonlyRevivedArray<E, I, S>
    : ReviveTuple<W, Pre, I, S>
  : never;

/** The revived type of an array whose items are of wire type `W`, each by plan `I`. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- its base is the point
interface RevivedArray<W, I, S> extends Array<Revive<W, I, S>> {}

/** {@link RevivedArray} of a `readonly` array. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- its base is the point
interface ReadonlyRevivedArray<W, I, S> extends ReadonlyArray<Revive<W, I, S>> {}

/** A tuple: positions of `Pre` by their plan, the others (the rest) by `I`. */
type ReviveTuple<W extends readonly unknown[], Pre, I, S> = {
  [K in keyof W]: K extends `${number}`
    ? K extends keyof Pre
      ? Revive<W[K], Pre[K], S>
      : Revive<W[K], I, S>
    : Revive<W[K], I, S>;
};

type ReviveVariant<W, V, S> = V extends readonly [
  readonly [infer T, infer N extends keyof S],
  ...infer Rest,
]
  ? W extends T
    ? S[N]
    : ReviveVariant<W, Rest, S>
  : W;

/** A value revived by the plan of its JSON kind (`{ kinds: { object: P } }`); other kinds kept. */
type ReviveKind<W, K, S> = W extends readonly unknown[]
  ? K extends { array: infer A }
    ? Revive<W, A, S>
    : W
  : W extends string
    ? K extends { string: infer T }
      ? Revive<W, T, S>
      : W
    : W extends object
      ? K extends { object: infer O }
        ? Revive<W, O, S>
        : W
      : W;
