/**
 * Private helper: serialises query parameters the way OpenAPI's `style` and `explode` describe
 * (https://spec.openapis.org/oas/v3.1.1#style-values). Keys and values are percent-encoded as
 * RFC 6570 expansion does (internal/percent.ts); only the separators a style defines are added:
 * `,`, `%20` (spaceDelimited), `%7C` (pipeDelimited: `|` is not allowed in a query) and the
 * `%5B` `%5D` pairs of deepObject, as in OpenAPI 3.1.1's style examples.
 */
import { SDKError } from '../errors.ts';
import { encodeComponent, encodeReserved } from './percent.ts';
import { assertListItems, assertSendable, sendableJSON } from './finite.ts';
import { scalarText } from './scalar.ts';

/** How one query parameter is serialised; the OpenAPI default is `form` with `explode: true`. */
export interface QueryStyle {
  style?: 'form' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject' | undefined;
  explode?: boolean | undefined;
  /**
   * The parameter's `allowReserved: true` (OpenAPI 3.1 §4.8.12.4): the reserved characters of
   * RFC 3986 a query may hold (`:/?@!$&'()*+,;=`) and percent-encoded triples (`%2B`) in its
   * values are sent as they are, so `&` and `=` in a value read as the query's own separators, as
   * the specification accepts. `[`, `]` and `#` are still encoded (a query cannot hold them), as
   * are a `%` outside a triple and the rest (spaces, quotes, `<>`, non-ASCII); the URL standard
   * itself encodes `'` in an http(s) query. Names are always encoded.
   */
  allowReserved?: boolean | undefined;
  /**
   * The parameter is described by JSON `content` (OpenAPI 3.1.1 §4.8.12.2.3): the value is sent as
   * its JSON text (`coordinates=%7B%22lat%22%3A1%7D`; a string quoted, `q=%22abc%22`).
   */
  json?: boolean | undefined;
}

/** Styles by parameter name; parameters not listed use `form` + `explode: true`. */
export type QueryStyles = Readonly<Record<string, QueryStyle>>;

/**
 * `{ status: ['a', 'b'], limit: 2 }` → `status=a,b&limit=2` (for `status` with `explode: false`).
 * `undefined` and `null` values and empty arrays are left out; `Date`s become ISO strings.
 * @throws SDKError naming the parameter when a list has a `null` or `undefined` item (finite.ts),
 *   or a spaceDelimited or pipeDelimited part holds its own delimiter (` `, `|`).
 * Returns the string without a leading `?` (empty when there is nothing to send).
 * @throws SDKError naming the parameter when a value is not well-formed Unicode (a lone surrogate),
 *   or holds a number that is not finite (`NaN`, `±Infinity`: internal/finite.ts).
 */
export function serializeQuery(
  query: Readonly<Record<string, unknown>>,
  styles: QueryStyles = {},
): string {
  const pairs: string[] = [];
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    assertSendable(value, `Query parameter ${JSON.stringify(name)}`);
    const { style = 'form', explode = true, allowReserved = false, json } = styles[name] ?? {};
    const encodeValue = allowReserved ? encodeReserved : encode;
    try {
      if (json === true) {
        const text = sendableJSON(value, `Query parameter ${JSON.stringify(name)}`);
        pairs.push(`${encode(name)}=${encodeValue(text)}`);
      } else if (style === 'deepObject') {
        addDeepObject(pairs, name, value, encodeValue);
      } else if (Array.isArray(value)) {
        assertListItems(value, `Query parameter ${JSON.stringify(name)}`);
        addArray(pairs, name, value, style, explode, encodeValue);
      } else if (isPlainObject(value)) {
        addObject(pairs, name, value, style, explode, encodeValue);
      } else {
        pairs.push(`${encode(name)}=${encodeValue(primitive(value))}`);
      }
    } catch (error) {
      // JSON.stringify's words for a value that contains itself, or is nested past the stack.
      if (
        (error instanceof TypeError && /circular/i.test(error.message)) ||
        error instanceof RangeError
      )
        throw new SDKError(
          `Query parameter ${JSON.stringify(name)} cannot be encoded: it contains itself (a cycle) or is nested too deep for a query. Pass a plain value without cycles; nothing was sent.`,
        );
      if (!(error instanceof URIError)) throw error;
      throw new SDKError(
        `Query parameter ${JSON.stringify(name)} is not well-formed Unicode (it contains a lone surrogate). Remove the unpaired surrogate.`,
      );
    }
  }
  return pairs.join('&');
}

const DELIMITERS = { form: ',', spaceDelimited: '%20', pipeDelimited: '%7C' } as const;

/**
 * The character a spaceDelimited or pipeDelimited list is split at. A value's own ` ` or `|` is
 * percent-encoded to the same `%20` or `%7C` as the delimiter (a `,` in a form list is `%2C`,
 * apart from its literal delimiter), so the server would read one part as two: such a part is
 * refused, as a header list refuses a comma. OpenAPI 3.1.1 §4.8.12.4 leaves the collision to the
 * caller.
 */
const SPLIT_AT = { spaceDelimited: ' ', pipeDelimited: '|' } as const;

function assertNoDelimiter(
  name: string,
  style: keyof typeof DELIMITERS,
  parts: readonly (readonly [label: string, text: string])[],
): void {
  if (style === 'form') return;
  const delimiter = SPLIT_AT[style];
  const found = parts.find(([, text]) => text.includes(delimiter));
  if (found === undefined) return;
  throw new SDKError(
    `Query parameter ${JSON.stringify(name)} has ${delimiter === ' ' ? 'a space' : 'a "|"'} in ${found[0]}, which its style (${style}) sends as the delimiter between parts (${DELIMITERS[style]}), so the server would read two parts (OpenAPI 3.1.1 §4.8.12.4); nothing was sent. Pass parts without ${delimiter === ' ' ? 'spaces' : '"|"'}, or send the list another way the API documents.`,
  );
}

function addArray(
  pairs: string[],
  name: string,
  values: readonly unknown[],
  style: keyof typeof DELIMITERS,
  explode: boolean,
  encodeValue: Encoder,
): void {
  const present = values.map(primitive);
  if (present.length === 0) return;
  if (explode) {
    for (const item of present) pairs.push(`${encode(name)}=${encodeValue(item)}`);
  } else {
    assertNoDelimiter(
      name,
      style,
      present.map((item, index) => [`item ${index}`, item] as const),
    );
    pairs.push(`${encode(name)}=${present.map(encodeValue).join(DELIMITERS[style])}`);
  }
}

/**
 * Objects: `form` exploded `R=100&G=200`; not exploded `color=R,100,G,200`, with the style's
 * delimiter (`color=R%20100%20G%20200`, `color=R%7C100%7CG%7C200`).
 */
function addObject(
  pairs: string[],
  name: string,
  value: Record<string, unknown>,
  style: keyof typeof DELIMITERS,
  explode: boolean,
  encodeValue: Encoder,
): void {
  const entries = Object.entries(value).filter(([, item]) => item !== undefined && item !== null);
  if (entries.length === 0) return;
  const between = DELIMITERS[style];
  if (explode && style === 'form') {
    for (const [key, item] of entries) pairs.push(`${encode(key)}=${encodeValue(primitive(item))}`);
  } else {
    assertNoDelimiter(
      name,
      style,
      entries.flatMap(([key, item]) => [
        [`the key ${JSON.stringify(key)}`, key] as const,
        [`the value of ${JSON.stringify(key)}`, primitive(item)] as const,
      ]),
    );
    pairs.push(
      `${encode(name)}=${entries.map(([key, item]) => `${encodeValue(key)}${between}${encodeValue(primitive(item))}`).join(between)}`,
    );
  }
}

/** How deep a deepObject value may nest: far past any real filter, well inside the stack. */
const MAX_DEEP_OBJECT_DEPTH = 64;

/**
 * `filter[status]=a&filter[owner][id]=b`; arrays inside repeat the key. A value that contains
 * itself, or nests deeper than {@link MAX_DEEP_OBJECT_DEPTH}, throws a RangeError, which
 * serializeQuery words for the parameter.
 */
function addDeepObject(
  pairs: string[],
  prefix: string,
  value: unknown,
  encodeValue: Encoder = encode,
  ancestors: object[] = [],
): void {
  if (value === undefined || value === null) return;
  if (
    typeof value === 'object' &&
    (ancestors.includes(value) || ancestors.length >= MAX_DEEP_OBJECT_DEPTH)
  )
    throw new RangeError('a cycle, or nested too deep');
  const inside = typeof value === 'object' ? [...ancestors, value] : ancestors;
  if (Array.isArray(value)) {
    assertListItems(value, `Query parameter ${JSON.stringify(prefix)}`);
    value.forEach((item: unknown, index) => {
      const before = pairs.length;
      addDeepObject(pairs, prefix, item, encodeValue, inside);
      // helper-121 V7: `{}`, `[]` or `{ a: null }` wrote nothing, and the items after it moved.
      if (pairs.length === before)
        throw new SDKError(
          `Query parameter ${JSON.stringify(prefix)} has an item with nothing set (item ${index}: an empty object or list, or members all unset), which a deepObject query cannot write: leaving it out would move every item after it; nothing was sent. Remove the item, or set a member.`,
        );
    });
  } else if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value))
      addDeepObject(pairs, `${prefix}[${key}]`, item, encodeValue, inside);
  } else {
    pairs.push(`${encode(prefix)}=${encodeValue(primitive(value))}`);
  }
}

function primitive(value: unknown): string {
  if (typeof value === 'object' && value !== null && !(value instanceof Date))
    return JSON.stringify(value);
  return scalarText(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
  );
}

type Encoder = (text: string) => string;

function encode(text: string): string {
  return encodeComponent(text);
}
