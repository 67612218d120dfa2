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
 * The wire form of a revived value: every Date becomes its date-time string (see
 * {@link formatDateTime}). Parts without Dates are returned as they are, not copied.
 */
export function serializeDates<T>(value: T): Serialized<T> {
  // One assertion, at the boundary: replaceDates changes exactly what Serialized<T> says.
  return replaceDates(value) as Serialized<T>;
}

function replaceDates(value: unknown): unknown {
  if (value instanceof Date) return formatDateTime(value);
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const replaced = replaceDates(item);
      if (replaced !== item) {
        copy ??= value.slice();
        copy[i] = replaced;
      }
    }
    return copy ?? value;
  }
  let copy: Record<string, unknown> | undefined;
  for (const [key, item] of Object.entries(value)) {
    const replaced = replaceDates(item);
    if (replaced !== item) {
      // defineProperty: a `__proto__` key stays an own property, as JSON.parse made it.
      copy ??= Object.fromEntries(Object.entries(value));
      Object.defineProperty(copy, key, {
        value: replaced,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return copy ?? value;
}
