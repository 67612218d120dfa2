/**
 * Private helper: builds request paths. Every path parameter goes through `encodePathParam`, so
 * a value can never add a segment, a query or a fragment to the path.
 */
import { SDKError } from '../errors.ts';

/** OpenAPI's path styles (https://spec.openapis.org/oas/v3.1.0#style-values); `simple` is the default. */
export type PathStyle = 'simple' | 'label' | 'matrix';

/** A path parameter serialised in a style other than plain `simple` (see `pathStyle`). */
export class PathSegment {
  constructor(readonly text: string) {}
}

/**
 * Tagged template for request paths: `` path`/plans/${id}` ``. Each interpolated value is
 * percent-encoded as one path segment (`a/b?c#d` → `a%2Fb%3Fc%23d`); an array is a comma-separated
 * list (`['a', 'b']` → `a,b`) and an object `key,value` pairs, as style `simple` says.
 *
 * @throws SDKError when a value is empty, `.` or `..` (fetch would resolve those against the
 *   path, even percent-encoded), or not a string, number, boolean or bigint (or a list of them).
 */
export function path(statics: TemplateStringsArray, ...values: unknown[]): string {
  let result = statics[0] ?? '';
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    result +=
      (value instanceof PathSegment
        ? value.text
        : encodePathParam(value, () => describeTemplate(statics, i))) + (statics[i + 1] ?? '');
  }
  return result;
}

/**
 * A path parameter in style `label` (`.a.b`), `matrix` (`;id=a,b`), or an object in style
 * `simple` (`k,v,k2,v2`; exploded `k=v,k2=v2`), for the `path` tag:
 * `` path`/items/${pathStyle(ids, 'matrix', true, 'id')}` `` (the OpenAPI 3.1 specification's
 * "style values" table). Only the methods of operations that declare such a style import it.
 */
export function pathStyle(
  value: unknown,
  style: PathStyle,
  explode: boolean,
  name: string,
): PathSegment {
  const where = () => `{${name}}`;
  const matrix = `;${encode(name, where)}=`;
  const [prefix, between] =
    style === 'label'
      ? ['.', explode ? '.' : ',']
      : style === 'matrix'
        ? [matrix, explode ? matrix : ',']
        : ['', ','];
  let segment: string;
  if (Array.isArray(value)) {
    segment = prefix + value.map((item: unknown) => encode(item, where)).join(between);
  } else if (typeof value === 'object' && value !== null) {
    const pairs = Object.entries(value)
      .filter(([, item]) => item !== undefined && item !== null)
      .map(([key, item]) => `${encode(key, where)}${explode ? '=' : ','}${encode(item, where)}`);
    segment = !explode
      ? prefix + pairs.join(',')
      : style === 'label'
        ? `.${pairs.join('.')}`
        : style === 'matrix'
          ? `;${pairs.join(';')}`
          : pairs.join(',');
  } else {
    segment = prefix + encode(value, where);
  }
  return new PathSegment(checked(segment, where));
}

/** Percent-encodes one path parameter value, a primitive or an array of them (style `simple`); see `path`. */
export function encodePathParam(value: unknown, where: () => string = () => 'a path'): string {
  return checked(
    Array.isArray(value)
      ? value.map((item: unknown) => encode(item, where)).join(',')
      : encode(value, where),
    where,
  );
}

/** `segment`, unless it is empty, `.` or `..`. */
function checked(segment: string, where: () => string): string {
  if (segment === '' || segment === '.' || segment === '..') {
    throw new SDKError(
      `Path parameter in ${where()} cannot be ${segment === '' ? 'empty' : `"${segment}"`}: it would change the request path.`,
    );
  }
  return segment;
}

function encode(value: unknown, where: () => string): string {
  const type = typeof value;
  if (type !== 'string' && type !== 'number' && type !== 'bigint' && type !== 'boolean') {
    throw new SDKError(
      `Path parameter in ${where()} must be a string or a number, got ${value === null ? 'null' : type}.`,
    );
  }
  try {
    return encodeURIComponent(String(value));
  } catch {
    throw new SDKError(
      `Path parameter in ${where()} is not well-formed Unicode (it contains a lone surrogate).`,
    );
  }
}

/** `/projects/{}/plans/{}` with the failing placeholder marked: `/projects/{}/plans/{here}`. */
function describeTemplate(statics: TemplateStringsArray, failing: number): string {
  let text = statics[0] ?? '';
  for (let i = 1; i < statics.length; i++)
    text += `${i - 1 === failing ? '{here}' : '{}'}${statics[i] ?? ''}`;
  return text;
}
