/**
 * Private helper: merges header sets into one plain object, later ones winning, case-insensitively,
 * and serialises header parameters the way OpenAPI's `simple` style says.
 *
 * Every name and value is checked as it is merged, wherever it comes from (the credential, the
 * `User-Agent`, default and per-call headers, header parameters, the idempotency key): a value with
 * CR, LF or NUL (a token read from a file with its newline, a header injection through user input),
 * with any other character a field value cannot hold (a control character, DEL, or one above U+00FF
 * such as `€` or `✓`), or a name that is not an HTTP token fails at once with an `SDKError`, before
 * anything is sent and without a retry. fetch would throw a `TypeError` ("Cannot convert argument to
 * a ByteString", "invalid header") that reads like a connection error, was retried as one, and may
 * hold the value, which may be the token.
 */
import { SDKError } from '../errors.ts';
import type { HeaderValue, HeadersInput } from '../request-options.ts';
import { assertListItems, assertSendable, sendableJSON } from './finite.ts';
import { scalarText } from './scalar.ts';

/** Headers as fetch takes them: lower-case names, string values. */
export type HeaderRecord = Record<string, string>;

/**
 * RFC 9110 §5.1 (names are tokens) and §5.5 (a value is tab, space, visible ASCII and obs-text,
 * 0x80-0xFF, which fetch sends as Latin-1 bytes; never CR, LF or NUL).
 */
const NAME = /^[!#$%&'*+.^_`|~0-9a-z-]+$/i;
const LINE_BREAK = /[\r\n\0]/;
/** By code point (`u`): 🎉 is named U+1F389, not by its first UTF-16 half. */
const NOT_FIELD_TEXT = /[^\t\x20-\x7e\x80-\xff]/u;

export function mergeHeaders(...sources: (HeadersInput | undefined)[]): HeaderRecord {
  const merged: HeaderRecord = {};
  for (const source of sources) {
    if (source === undefined) continue;
    for (const [name, value] of entries(source)) {
      const key = name.toLowerCase();
      if (value === null) delete merged[key];
      else if (value !== undefined) {
        const what = `The ${JSON.stringify(key)} header`;
        assertSendable(value, what);
        assertScalar(value, what);
        // A number as its digits (`1e21` → 22 digits), as header parameters send it: String()
        // wrote `1e+21`, which a server reading an integer does not take.
        setOwn(merged, key, checked(key, scalarText(value)));
      }
    }
  }
  return merged;
}

/**
 * A header value is one piece of text: a string, or a number or boolean written as one. An object
 * or an array (from JavaScript, past the types) went as `[object Object]` or its items joined with
 * commas; header parameters are serialised first ({@link headerParams}).
 */
function assertScalar(value: unknown, what: string): void {
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean' || type === 'bigint') return;
  const shown = Array.isArray(value) ? 'an array' : value instanceof Date ? 'a Date' : 'an object';
  throw new SDKError(
    `${what} is ${shown}, not text: a header value is a string, a number or a boolean; nothing was sent. Pass its text as the API documents it.`,
  );
}

function checked(name: string, value: string): string {
  if (!NAME.test(name)) throw new SDKError(`${JSON.stringify(name)} is not a valid header name.`);
  if (LINE_BREAK.test(value)) {
    throw new SDKError(
      `The "${name}" header value has a line break or NUL, which HTTP forbids; nothing was sent. ` +
        '(A token read from a file often ends with a newline.)',
    );
  }
  const bad = NOT_FIELD_TEXT.exec(value);
  if (bad !== null) {
    // The character's code point, never the value: it may be the token.
    const code = bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    throw new SDKError(
      `The "${name}" header value has a character HTTP cannot carry (U+${code} at index ${bad.index}); nothing was sent. ` +
        'A header value holds tab, space, visible ASCII and Latin-1 only: encode other text first ' +
        "(encodeURIComponent, or RFC 8187's UTF-8''… for a parameter), or use a credential without such characters.",
    );
  }
  return value;
}

/**
 * Whether `source` sets header `name` (any case, any form of {@link HeadersInput}): to a value, or
 * to `null` (taken off). `undefined` sets nothing, as {@link mergeHeaders} reads it.
 */
export function setsHeader(source: HeadersInput | undefined, name: string): boolean {
  if (source === undefined) return false;
  const wanted = name.toLowerCase();
  for (const [key, value] of entries(source))
    if (key.toLowerCase() === wanted && value !== undefined) return true;
  return false;
}

function entries(source: HeadersInput): Iterable<readonly [string, HeaderValue]> {
  if (source instanceof Headers) return Object.entries(headersToObject(source));
  if (Array.isArray(source)) return source as readonly (readonly [string, string])[];
  return Object.entries(source as Readonly<Record<string, HeaderValue>>);
}

/**
 * Header parameters as header values, OpenAPI style `simple` (the only style for headers):
 * arrays comma-separated as RFC 9110 §5.3 lists are (`a,b`), objects `k,v,k2,v2` (`k=v,k2=v2` for
 * the names in `exploded`), `Date`s as ISO strings; `undefined` and `null` leave the header out, as
 * do an empty array and an object without a property set (their items and properties that are
 * `undefined` or `null` are skipped).
 * Refused with an `SDKError` naming the parameter, before anything is sent: a list item or an
 * object's key or value with a comma (simple style encodes nothing in a header, so it would read
 * as two parts), text outside ASCII, a `null` or `undefined` list item.
 * The names in `json` are described by JSON `content`: a value that is not a string goes as its
 * JSON text (OpenAPI 3.1.1 §4.8.12.2.3).
 * Resource methods of operations with header parameters call it:
 * `headers: headerParams({ 'X-Fields': fields })`, or `headerParams(headers)` with the nested
 * params' `headers`, which is undefined when every header parameter is optional and none is given.
 */
export function headerParams(
  params: Readonly<Record<string, unknown>> | undefined,
  exploded: readonly string[] = [],
  json: readonly string[] = [],
): Record<string, string | undefined> {
  const result: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(params ?? {})) {
    if (value === undefined || value === null) continue;
    const what = `Header parameter ${JSON.stringify(name)}`;
    assertSendable(value, what);
    if (json.includes(name)) {
      result[name] = asciiJSON(sendableJSON(value, what));
      continue;
    }
    if (Array.isArray(value)) assertListItems(value, what);
    // The parts the style joins with commas: one that holds a comma would read as two.
    const parts = Array.isArray(value)
      ? value.map((item, index) => [`item ${index}`, scalarText(item)] as const)
      : typeof value === 'object' && !(value instanceof Date)
        ? Object.entries(value)
            .filter(([, item]) => isSet(item))
            .flatMap(([key, item]) => [
              [`the key ${JSON.stringify(key)}`, key] as const,
              [`the value of ${JSON.stringify(key)}`, scalarText(item)] as const,
            ])
        : undefined;
    const text =
      parts === undefined
        ? scalarText(value)
        : Array.isArray(value) || !exploded.includes(name)
          ? parts.map(([, part]) => part).join(',')
          : Object.entries(value)
              .filter(([, item]) => isSet(item))
              .map(([key, item]) => `${key}=${scalarText(item)}`)
              .join(',');
    const comma = parts?.find(([, part]) => part.includes(','));
    if (comma !== undefined)
      throw new SDKError(
        `${what} has a comma in ${comma[0]}, which its header cannot carry: the style (simple) joins the parts with commas and, in a header, encodes none (OpenAPI 3.1.1 §4.8.12.4, Appendix D), so the server would read two parts; nothing was sent. Pass parts without commas, or encode them as the API documents.`,
      );
    // helper-121 V6: what an HTTP list parser (RFC 9110 §5.6.1) reads otherwise than written: an
    // empty item (skipped, so the items after it move), whitespace at an item's edge (trimmed),
    // a quote (a quoted string holds commas); in an exploded object, `=` in a key.
    const misread = parts?.flatMap(([label, part]) => {
      const problem =
        part === '' && Array.isArray(value)
          ? 'an empty string'
          : /^\s|\s$/.test(part)
            ? 'whitespace at the edge'
            : part.includes('"')
              ? 'a double quote'
              : exploded.includes(name) && label.startsWith('the key') && part.includes('=')
                ? 'an `=`'
                : undefined;
      return problem === undefined ? [] : [[label, problem] as const];
    })[0];
    if (misread !== undefined)
      throw new SDKError(
        `${what} has ${misread[1]} in ${misread[0]}, which a server reading the header as an HTTP list (RFC 9110 §5.6.1) takes otherwise than written; nothing was sent. Pass parts without it, or encode them as the API documents.`,
      );
    assertASCII(text, what);
    // An empty list or object is undefined in RFC 6570's `simple`: no header, as no query pair.
    if (text !== '' || typeof value !== 'object') result[name] = text;
  }
  return result;
}

/**
 * Throws an `SDKError` when a header parameter's text has a character outside ASCII. fetch sends
 * a header value as Latin-1 bytes (its ByteString), so `é` went as one byte that a UTF-8 server
 * reads as an invalid sequence while `€` was refused; RFC 9110 §5.5 asks for US-ASCII in new
 * fields. The character is named by code point, never the value.
 */
function assertASCII(text: string, what: string): void {
  const index = text.search(/[\u0080-\u{10FFFF}]/u);
  if (index === -1) return;
  const code = text.codePointAt(index)!.toString(16).toUpperCase().padStart(4, '0');
  throw new SDKError(
    `${what} has a character outside ASCII (U+${code} at index ${index}), which a header value does not carry as text (RFC 9110 §5.5: its bytes would be Latin-1, not UTF-8); nothing was sent. Encode the text first as the API documents (encodeURIComponent, or RFC 8187's UTF-8''…).`,
  );
}

/**
 * JSON text with every character outside ASCII as a `\uXXXX` escape (RFC 8259 §7), which means the
 * same JSON: a header value goes as Latin-1 bytes (fetch's ByteString), so `é` became one byte a
 * JSON reader does not take as UTF-8, and `€` was refused. Outside a JSON string no such
 * character is valid, so the whole text is escaped.
 */
function asciiJSON(text: string): string {
  return text.replace(
    /[\u007F-\uFFFF]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/**
 * Response headers as a plain object (names lower-case), for errors and logs. fetch gives each
 * `Set-Cookie` on its own (RFC 6265 §3: never folded into one with commas, which its dates hold);
 * they are kept one per line, not the last alone.
 */
export function headersToObject(headers: Headers): HeaderRecord {
  const result: HeaderRecord = {};
  headers.forEach((value, name) => {
    const before = Object.hasOwn(result, name) ? result[name] : undefined;
    setOwn(
      result,
      name,
      name === 'set-cookie' && before !== undefined ? `${before}\n${value}` : value,
    );
  });
  return result;
}

/**
 * `record[name] = value` as an own property whatever the name: `__proto__` is a valid header name
 * (an HTTP token), and assigned it would set the prototype, or nothing for a string, so the header
 * vanished.
 */
function setOwn(record: HeaderRecord, name: string, value: string): void {
  Object.defineProperty(record, name, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/**
 * One `Cookie` header (RFC 6265 §5.4) from the client's cookies (its default cookies, its cookie
 * credentials) and a call's own: the call's win, as its query values win over query credentials,
 * so a client cookie of a name the call sends itself is left out rather than sent first (servers
 * read the first of two cookies of one name). Empty parts are dropped.
 */
export function joinedCookies(clientCookie: string | undefined, ...own: string[]): string {
  const pairs = (cookie: string) =>
    cookie
      .split(';')
      .map((pair) => pair.trim())
      .filter((pair) => pair !== '');
  const name = (pair: string) => pair.split('=', 1)[0]!.trim();
  const ownPairs = own.flatMap(pairs);
  const sent = new Set(ownPairs.map(name));
  const kept = pairs(clientCookie ?? '').filter((pair) => !sent.has(name(pair)));
  return [...kept, ...ownPairs].join('; ');
}
