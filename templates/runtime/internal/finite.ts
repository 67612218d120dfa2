/**
 * Private helper: values no request can carry, refused before it is sent.
 *
 * - `NaN`, `Infinity` and `-Infinity`. JSON has no such numbers (RFC 8259 §6): `JSON.stringify`
 *   writes them as `null`, so a body said what the caller did not mean; in a path, query or header
 *   they went as the text `NaN` or `Infinity`, which no server reads as a number.
 * - A `Date` with no RFC 3339 `date-time` (§5.6: a year of 4 digits): an invalid Date, which
 *   `JSON.stringify` writes as `null` and a query as a `RangeError` from deep inside, and one
 *   outside the years 0000 to 9999, which `toISOString()` writes as `+010000-01-01T00:00:00.000Z`.
 * - A function or a symbol. JSON leaves one out of an object (`null` in a list) without a word; in
 *   a path, query or header it went as `String()` of it: a function's source code, `Symbol(x)`.
 *
 * Each refusal is an `SDKError` naming the parameter, and inside a value (a body, an object or
 * JSON parameter) the place as a JSON pointer (RFC 6901).
 */
import { SDKError } from '../errors.ts';

/** A value no request can carry: a number that is not finite, a Date with no date-time, a function or a symbol. */
export type Unsendable = number | Date | symbol | ((...args: never[]) => unknown);

/** The first value in `value` that no request can carry, and where (`''` for the value itself). */
export function unsendable(value: unknown): { pointer: string; value: Unsendable } | undefined {
  const seen = new Set<object>();
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [item, pointer] = stack.pop()!;
    if (typeof item === 'number') {
      if (!Number.isFinite(item)) return { pointer, value: item };
      continue;
    }
    if (item instanceof Date) {
      if (!hasDateTime(item)) return { pointer, value: item };
      continue;
    }
    if (typeof item === 'symbol' || typeof item === 'function')
      return { pointer, value: item as Unsendable };
    if (!isWalked(item) || seen.has(item)) continue;
    seen.add(item);
    // Pushed in reverse, so the first one in document order is found first.
    const members = Object.entries(item).reverse();
    for (const [key, member] of members) stack.push([member, `${pointer}/${escapeToken(key)}`]);
  }
  return undefined;
}

/**
 * `value` as JSON text, for a parameter described by JSON `content`. `what` names it, as for
 * {@link assertSendable}.
 * @throws SDKError when JSON cannot write it: a value that contains itself, or one nested deeper
 *   than the stack (`JSON.stringify`'s TypeError or RangeError), or a BigInt.
 */
export function sendableJSON(value: unknown, what: string): string {
  try {
    return JSON.stringify(value);
  } catch (error) {
    throw new SDKError(
      `${what} cannot be encoded as JSON: ${jsonFailure(error)}. Pass a plain JSON value (no cycles, no BigInt); nothing was sent.`,
      { cause: error },
    );
  }
}

/** Why `JSON.stringify` refused a value, from its error: in a few words, not V8's several lines. */
export function jsonFailure(error: unknown): string {
  if (error instanceof RangeError) return 'it is nested too deep';
  const message = error instanceof Error ? error.message : String(error);
  if (/circular/i.test(message)) return 'it contains itself (a cycle)';
  if (/BigInt/.test(message)) return 'it holds a BigInt, which JSON has no number for';
  return message.split('\n', 1)[0]!;
}

/**
 * Throws an `SDKError` when `value` holds a number that is not finite. `what` names it:
 * `Query parameter "limit"`, `The request body`.
 */
export function assertSendable(value: unknown, what: string): void {
  const found = unsendable(value);
  if (found === undefined) return;
  throw new SDKError(
    `${what} ${unsendableProblem(found.value, found.pointer)}. ${unsendableFix(found.value)}${found.pointer === '' ? ', or leave it out' : ''}.`,
  );
}

/**
 * What is wrong with a value that is or holds a value no request can carry, after its name: "is
 * NaN, which …", or inside it "holds NaN at /amount, which …". One wording for every refusal.
 */
export function unsendableProblem(value: Unsendable, pointer = ''): string {
  // Never the function's source or the symbol's description: either may be anything.
  const shown =
    value instanceof Date
      ? dateShown(value)
      : typeof value === 'number'
        ? String(value)
        : `a ${typeof value}`;
  const where = pointer === '' ? `is ${shown}` : `holds ${shown} at ${pointer}`;
  const why =
    typeof value === 'symbol' || typeof value === 'function'
      ? `JSON leaves it out (in a list, writes null), and it has no text: a parameter or header would send ${typeof value === 'function' ? 'its source code' : 'Symbol(…)'}`
      : !(value instanceof Date)
        ? 'JSON has no NaN or Infinity (RFC 8259 §6), and as text no server reads it as a number'
        : Number.isNaN(value.getTime())
          ? 'it has no date-time, and JSON would send it as null'
          : 'an RFC 3339 date-time has a year of 4 digits (§5.6)';
  return `${where}, which no request can carry: ${why}; nothing was sent`;
}

/** The fix for {@link unsendableProblem}'s value, without the final period. */
export function unsendableFix(value: Unsendable): string {
  return value instanceof Date
    ? 'Pass a valid Date in the years 0000 to 9999'
    : typeof value === 'number'
      ? 'Pass a finite number'
      : 'Pass the value it stands for (a string, number, boolean, array or object)';
}

/** A valid Date whose UTC year has 4 digits, so it has an RFC 3339 `date-time`. */
function hasDateTime(date: Date): boolean {
  const year = date.getUTCFullYear();
  return year >= 0 && year <= 9999;
}

/** A Date, for a message: `an invalid Date`, `a Date in the year 10000`. */
function dateShown(date: Date): string {
  const year = date.getUTCFullYear();
  return Number.isNaN(year) ? 'an invalid Date' : `a Date in the year ${year}`;
}

/**
 * Throws an `SDKError` when `value`, a JSON body (or a JSON multipart part, or `in` a form body's
 * field), holds a value `JSON.stringify` would turn into `{}` without a word, as the form encoder
 * would leave it out: a `Blob` or `File` (JSON and forms carry text), bytes (`ArrayBuffer`, a
 * typed array), a `Map` or a `Set`, a stream or form data. The file or the entries were lost and
 * the request went out all the same.
 */
export function assertJSONCarries(
  value: unknown,
  what: string,
  medium: 'JSON' | 'form' = 'JSON',
): void {
  const seen = new Set<object>();
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [item, pointer] = stack.pop()!;
    if (typeof item !== 'object' || item === null || seen.has(item)) continue;
    seen.add(item);
    const kind = lostInJSON(item);
    if (kind !== undefined) {
      throw new SDKError(
        `${what} ${pointer === '' ? 'is' : `holds at ${pointer}`} ${kind}, which ${medium === 'JSON' ? 'JSON cannot carry (JSON.stringify writes it as {})' : 'a form body cannot carry (it holds text only)'}; nothing was sent. ` +
          'Send text in its place (for bytes, the encoding the API documents, such as base64), or use the operation that uploads files.',
      );
    }
    if (!isWalked(item)) continue;
    for (const [key, member] of Object.entries(item).reverse())
      stack.push([member, `${pointer}/${escapeToken(key)}`]);
  }
}

/** What a value JSON would write as `{}` is (`a Blob`), or undefined for any other. */
function lostInJSON(value: object): string | undefined {
  if (value instanceof Blob) return `a ${value.constructor.name === 'File' ? 'File' : 'Blob'}`;
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value))
    return `bytes (${value.constructor.name})`;
  if (value instanceof Map) return 'a Map';
  if (value instanceof Set) return 'a Set';
  if (value instanceof ReadableStream) return 'a ReadableStream';
  if (value instanceof FormData) return 'FormData';
  if (value instanceof URLSearchParams) return 'URLSearchParams';
  return undefined;
}

/** Arrays and objects that JSON or a parameter's serialisation reads member by member. */
function isWalked(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  if (!Array.isArray(value) && typeof (value as { toJSON?: unknown }).toJSON === 'function')
    return false;
  return !(
    value instanceof Blob ||
    value instanceof ArrayBuffer ||
    ArrayBuffer.isView(value) ||
    value instanceof ReadableStream ||
    value instanceof FormData ||
    value instanceof URLSearchParams
  );
}

/** A JSON pointer token: `~` as `~0`, `/` as `~1`. */
function escapeToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Throws an `SDKError` when a list sent as a parameter, a form field or multipart parts has an
 * item that is `null` or `undefined`. OpenAPI's styles (3.1.1 §4.8.12.4) and RFC 6570 have no
 * text for a missing item: left out, it shifted every item after it (`['a', null, 'b']` went as
 * `a,b`, a list of two), so the server read other values at those positions. `what` names the
 * list, as for {@link assertSendable}.
 */
export function assertListItems(values: readonly unknown[], what: string): void {
  const index = values.findIndex((item) => item === undefined || item === null);
  if (index === -1) return;
  throw new SDKError(
    `${what} has ${values[index] === null ? 'null' : 'undefined'} as item ${index}, which a list here cannot carry: it has no text for a missing item (OpenAPI 3.1.1 §4.8.12.4), and leaving it out would move every item after it; nothing was sent. Remove the item from the list, or pass a value in its place.`,
  );
}
