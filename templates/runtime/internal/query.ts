/**
 * Private helper: serialises query parameters the way OpenAPI's `style` and `explode` describe
 * (https://spec.openapis.org/oas/v3.1.0#style-values). Keys and values are percent-encoded;
 * only the separators a style defines (`,` `|` `%20`, `[` `]` pairs) are added.
 */
import { SDKError } from '../errors.ts';

/** How one query parameter is serialised; the OpenAPI default is `form` with `explode: true`. */
export interface QueryStyle {
  style?: 'form' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject';
  explode?: boolean;
  /**
   * The parameter's `allowReserved: true` (OpenAPI 3.1 §4.8.12.4): the reserved characters of
   * RFC 3986 in its values (`:/?[]@!$&'()*+,;=`) are sent as they are, so `&` and `=` in a value
   * read as the query's own separators, as the specification accepts. `#` is still encoded (it
   * would end the URL), as are `%` and what a query cannot hold (spaces, quotes, `<>`, non-ASCII);
   * the URL standard itself encodes `'` in an http(s) query. Names are always encoded.
   */
  allowReserved?: boolean;
}

/** Styles by parameter name; parameters not listed use `form` + `explode: true`. */
export type QueryStyles = Readonly<Record<string, QueryStyle>>;

/**
 * `{ status: ['a', 'b'], limit: 2 }` → `status=a,b&limit=2` (for `status` with `explode: false`).
 * `undefined` and `null` values and empty arrays are left out; `Date`s become ISO strings.
 * Returns the string without a leading `?` (empty when there is nothing to send).
 * @throws SDKError naming the parameter when a value is not well-formed Unicode (a lone surrogate).
 */
export function serializeQuery(
  query: Readonly<Record<string, unknown>>,
  styles: QueryStyles = {},
): string {
  const pairs: string[] = [];
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    const { style = 'form', explode = true, allowReserved = false } = styles[name] ?? {};
    const encodeValue = allowReserved ? encodeKeepingReserved : encode;
    try {
      if (style === 'deepObject') {
        addDeepObject(pairs, name, value, encodeValue);
      } else if (Array.isArray(value)) {
        addArray(pairs, name, value, style, explode, encodeValue);
      } else if (isPlainObject(value)) {
        addObject(pairs, name, value, explode, encodeValue);
      } else {
        pairs.push(`${encode(name)}=${encodeValue(primitive(value))}`);
      }
    } catch (error) {
      if (!(error instanceof URIError)) throw error;
      throw new SDKError(
        `Query parameter ${JSON.stringify(name)} is not well-formed Unicode (it contains a lone surrogate). Remove the unpaired surrogate.`,
      );
    }
  }
  return pairs.join('&');
}

const DELIMITERS = { form: ',', spaceDelimited: '%20', pipeDelimited: '|' } as const;

function addArray(
  pairs: string[],
  name: string,
  values: readonly unknown[],
  style: keyof typeof DELIMITERS,
  explode: boolean,
  encodeValue: Encoder,
): void {
  const present = values.filter((item) => item !== undefined && item !== null).map(primitive);
  if (present.length === 0) return;
  if (explode) {
    for (const item of present) pairs.push(`${encode(name)}=${encodeValue(item)}`);
  } else {
    pairs.push(`${encode(name)}=${present.map(encodeValue).join(DELIMITERS[style])}`);
  }
}

/** `form` objects: exploded `R=100&G=200`, otherwise `color=R,100,G,200`. */
function addObject(
  pairs: string[],
  name: string,
  value: Record<string, unknown>,
  explode: boolean,
  encodeValue: Encoder,
): void {
  const entries = Object.entries(value).filter(([, item]) => item !== undefined && item !== null);
  if (entries.length === 0) return;
  if (explode) {
    for (const [key, item] of entries) pairs.push(`${encode(key)}=${encodeValue(primitive(item))}`);
  } else {
    pairs.push(
      `${encode(name)}=${entries.map(([key, item]) => `${encodeValue(key)},${encodeValue(primitive(item))}`).join(',')}`,
    );
  }
}

/** `filter[status]=a&filter[owner][id]=b`; arrays inside repeat the key. */
function addDeepObject(
  pairs: string[],
  prefix: string,
  value: unknown,
  encodeValue: Encoder = encode,
): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) addDeepObject(pairs, prefix, item, encodeValue);
  } else if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value))
      addDeepObject(pairs, `${prefix}[${key}]`, item, encodeValue);
  } else {
    pairs.push(`${encode(prefix)}=${encodeValue(primitive(value))}`);
  }
}

function primitive(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
  );
}

type Encoder = (text: string) => string;

function encode(text: string): string {
  return encodeURIComponent(text);
}

/** RFC 3986's reserved characters but `#`, as `encodeURIComponent` writes them. */
const RESERVED = /%(3A|2F|3F|5B|5D|40|21|24|26|27|28|29|2A|2B|2C|3B|3D)/g;

/** `allowReserved`: percent-encoded but for the reserved characters (see `QueryStyle`). */
function encodeKeepingReserved(text: string): string {
  return encodeURIComponent(text).replace(RESERVED, (_match, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}
