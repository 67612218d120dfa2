/**
 * A sample request's values (sample-request.ts) as the generated client puts them on the wire, for
 * samples that show the wire itself (the curl command, curl-sample.ts): path segments in their
 * style, the query string, header values, a form body, and each multipart part's content type.
 * The same rules as the runtime (templates/runtime/internal/: percent.ts, path.ts, query.ts,
 * headers.ts, body.ts), for JSON values: RFC 6570's percent-encoding (all but the unreserved
 * characters, `!'()*` too), `|` as `%7C`, a form's spaces as `+`. test/client/curl-wire.test.ts
 * holds the two to the same bytes.
 */
import { isJsonMediaType } from '../model/media-types.ts';
import type { JsonValue } from '../model/schema-types.ts';
import type { EncodingModel, ParameterModel } from '../model/types.ts';
// The generated runtime's own encoder (a module without imports), so that a sample's URL is the
// one the client sends, by the same code.
import { encodeComponent, encodeReserved } from '../../templates/runtime/internal/percent.ts';
import { scalarText } from '../../templates/runtime/internal/scalar.ts';

/**
 * A value as text: strings as they are, numbers as plain decimals (`1e21` as its 22 digits), other
 * scalars by `String`, objects and arrays as JSON.
 */
export function valueText(value: JsonValue): string {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : scalarText(value);
}

/** A value described by JSON `content`: its JSON text (a string quoted). */
function jsonText(value: JsonValue): string {
  return JSON.stringify(value);
}

/** One path parameter's segment: style `simple`, `label` or `matrix`, arrays and objects. */
export function pathSegment(parameter: ParameterModel, value: JsonValue): string {
  if (parameter.jsonContent === true) return encodeComponent(jsonText(value));
  const style = parameter.style === 'label' || parameter.style === 'matrix' ? parameter.style : '';
  const { explode } = parameter;
  const matrix = `;${encodeComponent(parameter.name)}=`;
  const [prefix, between] =
    style === 'label'
      ? ['.', explode ? '.' : ',']
      : style === 'matrix'
        ? [matrix, explode ? matrix : ',']
        : ['', ','];
  const encode = (item: JsonValue) => encodeComponent(valueText(item));
  if (Array.isArray(value)) return prefix + value.map(encode).join(between);
  if (typeof value === 'object' && value !== null) {
    const pairs = Object.entries(value)
      .filter(([, item]) => item !== null)
      .map(([key, item]) => `${encodeComponent(key)}${explode ? '=' : ','}${encode(item)}`);
    if (!explode) return prefix + pairs.join(',');
    return style === 'label'
      ? `.${pairs.join('.')}`
      : style === 'matrix'
        ? `;${pairs.join(';')}`
        : pairs.join(',');
  }
  const text = encode(value);
  if (text === '' && style === 'matrix') return `;${encodeComponent(parameter.name)}`;
  return text === '' ? '' : prefix + text;
}

const DELIMITERS: Readonly<Record<string, string>> = {
  form: ',',
  spaceDelimited: '%20',
  pipeDelimited: '%7C',
};

/** A query style: a parameter's, or a form property's Encoding Object's. */
interface QueryStyle {
  style: string;
  explode: boolean;
  allowReserved?: boolean;
  json?: boolean;
}

/** The `name=value` pairs of one query parameter (or styled form property). */
function queryPairs(name: string, value: JsonValue, styling: QueryStyle): string[] {
  if (value === null) return [];
  const { style, explode } = styling;
  const encodeValue = styling.allowReserved === true ? encodeReserved : encodeComponent;
  const key = encodeComponent(name);
  if (styling.json === true) return [`${key}=${encodeValue(jsonText(value))}`];
  if (style === 'deepObject') return deepPairs(name, value, encodeValue);
  const between = DELIMITERS[style] ?? ',';
  if (Array.isArray(value)) {
    const items = value.filter((item) => item !== null).map(valueText);
    if (items.length === 0) return [];
    if (explode) return items.map((item) => `${key}=${encodeValue(item)}`);
    return [`${key}=${items.map(encodeValue).join(between)}`];
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value).filter(([, item]) => item !== null);
    if (entries.length === 0) return [];
    if (explode && style === 'form')
      return entries.map(
        ([inner, item]) => `${encodeComponent(inner)}=${encodeValue(valueText(item))}`,
      );
    const joined = entries
      .map(([inner, item]) => `${encodeValue(inner)}${between}${encodeValue(valueText(item))}`)
      .join(between);
    return [`${key}=${joined}`];
  }
  return [`${key}=${encodeValue(valueText(value))}`];
}

function deepPairs(
  prefix: string,
  value: JsonValue,
  encodeValue: (text: string) => string,
): string[] {
  if (value === null) return [];
  if (Array.isArray(value)) return value.flatMap((item) => deepPairs(prefix, item, encodeValue));
  if (typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) =>
      deepPairs(`${prefix}[${key}]`, item, encodeValue),
    );
  return [`${encodeComponent(prefix)}=${encodeValue(valueText(value))}`];
}

/** A query parameter's pairs, by its own style. */
export function parameterPairs(parameter: ParameterModel, value: JsonValue): string[] {
  return queryPairs(parameter.name, value, {
    style: parameter.style,
    explode: parameter.explode,
    allowReserved: parameter.allowReserved === true,
    json: parameter.jsonContent === true,
  });
}

/**
 * A header parameter's value (style `simple`: arrays comma-joined, objects `k,v` or `k=v`, null
 * items and properties skipped); undefined where the client sends no header: null, an empty array
 * or an object without a property set.
 */
export function headerValue(parameter: ParameterModel, value: JsonValue): string | undefined {
  if (value === null) return undefined;
  if (parameter.jsonContent === true) return jsonText(value);
  if (typeof value !== 'object') return valueText(value);
  const text = Array.isArray(value)
    ? value
        .filter((item) => item !== null)
        .map(valueText)
        .join(',')
    : Object.entries(value)
        .filter(([, item]) => item !== null)
        .map(([key, item]) => `${key}${parameter.explode ? '=' : ','}${valueText(item)}`)
        .join(',');
  return text === '' ? undefined : text;
}

/**
 * An `application/x-www-form-urlencoded` body: a property with a style like a query parameter of
 * it, any other by its content type (objects and JSON types as JSON text, arrays repeated);
 * spaces as `+`.
 */
export function formBody(
  body: Readonly<Record<string, JsonValue>>,
  encoding: Readonly<Record<string, EncodingModel>> = {},
): string {
  const pairs: string[] = [];
  for (const [name, value] of Object.entries(body)) {
    const entry = encoding[name] ?? {};
    const styled = entry.style !== undefined;
    const json = !styled && entry.contentType !== undefined && isJsonMediaType(entry.contentType);
    const asText = (item: JsonValue): JsonValue =>
      json || (typeof item === 'object' && item !== null && !Array.isArray(item) && !styled)
        ? JSON.stringify(item)
        : item;
    const sent = Array.isArray(value) && !json && !styled ? value.map(asText) : asText(value);
    pairs.push(
      ...queryPairs(
        name,
        sent,
        styled
          ? {
              style: entry.style ?? 'form',
              explode: entry.explode ?? true,
              allowReserved: entry.allowReserved === true,
            }
          : { style: 'form', explode: true },
      ),
    );
  }
  return pairs.join('&').replace(/%20/g, '+');
}

/**
 * A multipart part's `Content-Type` as the client sends it: by the encoding's `contentType`
 * (one concrete type; of a list or a wildcard, the value's own when listed, else the first
 * concrete one), else `application/json` for an object, none for text (RFC 7578's `text/plain`).
 * `own` is a file's own type (undefined: curl names it).
 */
export function partType(
  value: JsonValue,
  declared: string | undefined,
  own?: string,
): string | undefined {
  const natural =
    own ?? (typeof value === 'object' && value !== null ? 'application/json' : undefined);
  if (declared === undefined) return natural;
  const fallback = natural ?? 'text/plain';
  const listed = declared
    .split(',')
    .map((type) => type.trim())
    .filter(Boolean);
  const bare = (type: string) => type.split(';')[0]?.trim().toLowerCase() ?? '';
  const [ownMain, ownSub] = bare(fallback).split('/');
  const matches = (type: string) => {
    const [main, sub] = bare(type).split('/');
    return (main === '*' || main === ownMain) && (sub === '*' || sub === ownSub);
  };
  if (listed.length === 1 && !listed[0]?.includes('*')) return listed[0];
  if (listed.some(matches)) return fallback;
  return listed.find((type) => !type.includes('*')) ?? fallback;
}
