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
    const { style = 'form', explode = true } = styles[name] ?? {};
    try {
      if (style === 'deepObject') {
        addDeepObject(pairs, name, value);
      } else if (Array.isArray(value)) {
        addArray(pairs, name, value, style, explode);
      } else if (isPlainObject(value)) {
        addObject(pairs, name, value, explode);
      } else {
        pairs.push(`${encode(name)}=${encode(primitive(value))}`);
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
): void {
  const present = values.filter((item) => item !== undefined && item !== null).map(primitive);
  if (present.length === 0) return;
  if (explode) {
    for (const item of present) pairs.push(`${encode(name)}=${encode(item)}`);
  } else {
    pairs.push(`${encode(name)}=${present.map(encode).join(DELIMITERS[style])}`);
  }
}

/** `form` objects: exploded `R=100&G=200`, otherwise `color=R,100,G,200`. */
function addObject(
  pairs: string[],
  name: string,
  value: Record<string, unknown>,
  explode: boolean,
): void {
  const entries = Object.entries(value).filter(([, item]) => item !== undefined && item !== null);
  if (entries.length === 0) return;
  if (explode) {
    for (const [key, item] of entries) pairs.push(`${encode(key)}=${encode(primitive(item))}`);
  } else {
    pairs.push(
      `${encode(name)}=${entries.map(([key, item]) => `${encode(key)},${encode(primitive(item))}`).join(',')}`,
    );
  }
}

/** `filter[status]=a&filter[owner][id]=b`; arrays inside repeat the key. */
function addDeepObject(pairs: string[], prefix: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) addDeepObject(pairs, prefix, item);
  } else if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value))
      addDeepObject(pairs, `${prefix}[${key}]`, item);
  } else {
    pairs.push(`${encode(prefix)}=${encode(primitive(value))}`);
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

function encode(text: string): string {
  return encodeURIComponent(text);
}
